import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePdf, textLines } from '../../../scripts/minipdf.mjs';
import type { ParsedSource } from '../../../src/main/ingest';
import { readSource } from '../../../src/main/ingest';
import { readPdfSource } from '../../../src/main/ingest/pdf';
import { runCli } from '../../../src/main/cli';
import { MAX_PDF_PAGES } from '../../../src/shared/limits';
import { fixture, tempWorkbench } from '../helpers';

const pdf = (name: string) => new Uint8Array(fs.readFileSync(fixture(`pdf/${name}`)));
const texts = (s: ParsedSource['source']) => s.passages.map((p) => s.text.slice(p.start, p.end));

/** Every passage is a range of the stored text, trimmed, in order and not overlapping. */
function expectExactOffsets(s: ParsedSource['source']) {
  let last = 0;
  for (const p of s.passages) {
    expect(p.start).toBeGreaterThanOrEqual(last);
    expect(p.end).toBeLessThanOrEqual(s.text.length);
    const slice = s.text.slice(p.start, p.end);
    expect(slice.length).toBeGreaterThan(0);
    expect(slice.trim()).toBe(slice);
    last = p.end;
  }
}

async function failure(name: string, bytes: Uint8Array, options?: { maxPages?: number }) {
  try {
    await readPdfSource(name, bytes, options);
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error(`${name} was read`);
}

describe('a journal article printed to PDF (two columns, running heads, footnotes, front matter)', () => {
  let article: ParsedSource;
  beforeAll(async () => {
    article = await readSource('article.pdf', pdf('article.pdf'));
  });

  it('fills title, author and date from the PDF metadata', () => {
    expect(article.source).toMatchObject({
      title: 'Archives and the Historian: Counting the Terror after 1991',
      author: 'Maria Ivanova',
      date: '2019-03-14',
      kind: 'text',
      format: 'pdf',
      fileName: 'article.pdf',
    });
    expect(article.source.meta).toMatchObject({ pdf: { pages: 5, textLayer: true, pagesWithoutText: [] } });
    expect(article.warnings).toEqual([]);
  });

  it('keeps offsets exact: every passage is the slice of the stored text it names', () => {
    expectExactOffsets(article.source);
    for (const p of article.source.passages) {
      expect(p.page).toBeGreaterThanOrEqual(1);
      expect(p.info?.box).toHaveLength(4);
    }
  });

  it('gives each passage its page and the printed page label: roman front matter, then 214…', () => {
    const s = article.source;
    const labelOf = (needle: string) => s.passages.find((p) => s.text.slice(p.start, p.end).includes(needle));
    expect(labelOf('Special issue')).toMatchObject({ page: 1, pageLabel: 'i' });
    expect(labelOf('Editors’ introduction')).toMatchObject({ page: 2, pageLabel: 'ii' });
    expect(labelOf('For most of the twentieth century')).toMatchObject({ page: 3, pageLabel: '214' });
    expect(labelOf('The central statistical series')).toMatchObject({ page: 4, pageLabel: '215' });
    expect(labelOf('The provincial correspondence is')).toMatchObject({ page: 5, pageLabel: '216' });
    const box = labelOf('The argument proceeds')!.info!.box!;
    // The right-hand column of a US letter page, below the abstract.
    expect(box[0]).toBeGreaterThan(300);
    expect(box[1]).toBeGreaterThan(150);
  });

  it('leaves running heads, running feet and page numbers out', () => {
    const all = texts(article.source);
    for (const furniture of ['M. IVANOVA', 'ARCHIVES AND THE HISTORIAN', 'Journal of Imaginary History 12 (2019)']) {
      expect(all.filter((t) => t.includes(furniture))).toEqual([]);
    }
    for (const number of ['i', 'ii', '214', '215', '216']) expect(all).not.toContain(number);
    // The cover's journal name is not a running head: it is printed once, in the middle of the page.
    expect(all).toContain('Journal of Imaginary History');
  });

  it('reads the columns in order: the left one down, then the right one', () => {
    const t = article.source.text;
    const order = ['1. Introduction', 'For most of the twentieth century', 'This article asks', 'The argument proceeds', '1 On the use'].map((x) =>
      t.indexOf(x),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Lines of one column run on into one paragraph.
    expect(texts(article.source)).toContain(
      'The argument proceeds in three steps. The first section describes the records themselves; the second compares them with the demographic evidence; the third turns to the provincial correspondence that shows how the numbers were produced.',
    );
  });

  it('joins words hyphenated at line ends, and keeps a compound broken after its hyphen', () => {
    const t = article.source.text;
    expect(t).not.toMatch(/[\u2010\u00AD]/);
    expect(t).not.toMatch(/\p{L}- \p{Ll}/u);
    for (const word of ['documentation of the security police', 'commissariat', 'reconstruction of mortality']) expect(t).toContain(word);
    expect(t).toContain('The categories of the Soviet-era police');
  });

  it('makes footnotes footnote passages on their own page, labelled, after the text of the page', () => {
    const notes = article.source.passages.filter((p) => p.kind === 'footnote');
    expect(notes.map((p) => [p.pageLabel, p.info?.note])).toEqual([
      ['214', '1'],
      ['214', '2'],
      ['215', '3'],
      ['215', '4'],
      ['216', '5'],
    ]);
    expect(article.source.text.slice(notes[0]!.start, notes[0]!.end)).toBe(
      '1 On the use of published sources before 1991 see R. Conquest, The Great Terror (London, 1968), pp. 485–92.',
    );
    // The abstract is in small type too, but at the top of the page: it is no footnote.
    expect(article.source.passages.find((p) => article.source.text.slice(p.start, p.end).startsWith('Abstract.'))?.kind).toBe('paragraph');
  });

  it('finds headings by their larger type', () => {
    const headings = article.source.passages.filter((p) => p.kind === 'heading').map((p) => article.source.text.slice(p.start, p.end));
    expect(headings).toEqual(
      expect.arrayContaining([
        'Archives and the Historian: Counting the Terror after 1991',
        '1. Introduction',
        '2. The records',
        '3. The provinces',
        'Contents',
      ]),
    );
    expect(headings.some((h) => h.startsWith('For most'))).toBe(false);
  });
});

describe('PDFs written by hand', () => {
  it('reads /PageLabels (roman, decimal, prefixed letters) and prefers XMP title and creators', async () => {
    const { source } = await readSource('labels.pdf', pdf('labels.pdf'));
    expect(source.passages.map((p) => [p.pageLabel, p.kind])).toEqual([
      ['i', 'heading'],
      ['i', 'paragraph'],
      ['ii', 'heading'],
      ['ii', 'paragraph'],
      ['1', 'heading'],
      ['1', 'paragraph'],
      ['App. A', 'heading'],
      ['App. A', 'paragraph'],
    ]);
    // The Info title "Untitled" is a placeholder; the XMP dc:title and dc:creator are the work's.
    expect(source).toMatchObject({ title: 'Reports from the Provinces, 1937', author: 'Anna Petrova; Ivan Sidorov', date: '2020-01-01' });
    expectExactOffsets(source);
  });

  it('labels pages by their number when the PDF has no labels, and drops "Page N of M" feet', async () => {
    const { source } = await readSource('report.pdf', pdf('report.pdf'));
    expect([...new Set(source.passages.map((p) => p.pageLabel))]).toEqual(['1', '2', '3']);
    expect(source.text).not.toMatch(/Page \d of 3/);
    expect(source).toMatchObject({ title: 'Survey of a Regional Archive', author: 'Regional Archive Service', date: '2021-06-02' });
  });

  it('orders two columns printed line by line across the page, under a full-width title', async () => {
    const column = (name: string, end: string) =>
      Array.from({ length: 6 }, (_, i) => `${i ? 'line' : `The ${name} column:`} ${i + 1} of the ${name} one${i === 5 ? end : ''}`);
    const page = (left: string[], right: string[]) => {
      const lines = [{ x: 72, y: 60, size: 18, text: 'A Title Across the Page' }];
      // Drawn row by row, left then right, as some producers do.
      for (let i = 0; i < 6; i++)
        lines.push({ x: 72, y: 110 + i * 14, size: 10, text: left[i]! }, { x: 320, y: 110 + i * 14, size: 10, text: right[i]! });
      return { lines };
    };
    const [left, right] = [column('left', '.'), column('right', '.')];
    // On the second page the left column ends in mid-sentence and the right one runs on.
    const [runs, on] = [column('left', ','), column('right', '.').map((l, i) => (i ? l : 'and so on, 1 of the right one'))];
    const { source } = await readPdfSource('columns.pdf', makePdf({ pages: [page(left, right), page(runs, on)] }));
    expect(texts(source)).toEqual([
      'A Title Across the Page',
      left.join(' '),
      right.join(' '),
      'A Title Across the Page',
      [...runs, ...on].join(' '),
    ]);
    expect(source.passages[0]!.kind).toBe('heading');
  });

  it('splits the footnotes at their labels, not at a note line that begins with a figure', async () => {
    // The body is in the type most of the text is set in: it needs more words than the notes.
    const body = [
      'The order was signed in the summer and carried out by the autumn, as the',
      'provincial offices reported week by week to the centre, which answered',
      'each request within days. Its limits were raised twice.',
    ];
    const lines = [
      ...textLines(body, { top: 100 }),
      ...textLines(
        ['1 The order of 30 July names the limits for each province; the second raise is dated', '12 March 1938 in the provincial copy.', '2 Ibid.'],
        { top: 680, size: 8, leading: 10 },
      ),
    ];
    const { source } = await readPdfSource('notes.pdf', makePdf({ pages: [{ lines }] }));
    expect(source.passages.map((p) => [p.kind, p.info?.note, source.text.slice(p.start, p.end)])).toEqual([
      ['paragraph', undefined, body.join(' ')],
      ['footnote', '1', '1 The order of 30 July names the limits for each province; the second raise is dated 12 March 1938 in the provincial copy.'],
      ['footnote', '2', '2 Ibid.'],
    ]);
  });

  it('joins hyphenations but keeps hyphens the document writes within lines', async () => {
    const lines = textLines([
      'The well-known reconstruction of events by histo-',
      'rians of the period relied on a well-',
      'known series; the re-',
      'construction of the Soviet-',
      'era figures came later, from the pre-',
      '1991 archives.',
    ]);
    const { source } = await readPdfSource('hyphens.pdf', makePdf({ pages: [{ lines }] }));
    expect(source.text).toBe(
      'The well-known reconstruction of events by historians of the period relied on a well-known series; the reconstruction of the Soviet-era figures came later, from the pre-1991 archives.',
    );
  });

  it('leaves out a stamp turned along the margin of every page, and keeps turned text that is printed once', async () => {
    const page = (n: number) => ({
      lines: [
        ...textLines([`Report ${n} on the district committee and its work in the spring.`], { top: 300 }),
        { x: 580, y: 700, size: 7, angle: 90, text: `Downloaded from the archive on 1${n} March 2019 at 10:1${n}` },
        ...(n === 2 ? [{ x: 40, y: 400, size: 9, angle: 90, text: 'Arrests by month' }] : []),
      ],
    });
    const { source } = await readPdfSource('stamped.pdf', makePdf({ pages: [page(1), page(2), page(3)] }));
    expect(texts(source)).toEqual([
      'Report 1 on the district committee and its work in the spring.',
      'Report 2 on the district committee and its work in the spring.',
      'Arrests by month',
      'Report 3 on the district committee and its work in the spring.',
    ]);
  });

  it('takes a PDF whose only text is a stamp on every page for a scan, and draws its pages', async () => {
    // Small pages: drawn at 300 dpi, 216 by 288 points are 900 by 1200 pixels.
    const page = {
      width: 216,
      height: 288,
      rects: [[20, 40, 176, 200]] as [number, number, number, number][],
      lines: [{ x: 40, y: 20, size: 8, text: 'Digitised by the Regional Archive' }],
    };
    const { source, warnings, images } = await readPdfSource('stamped-scan.pdf', makePdf({ pages: [page, page, page] }));
    expect(source).toMatchObject({ format: 'image', text: '', passages: [], meta: { image: { pages: 3 } } });
    expect(images?.map((i) => [i.page, i.mime, i.width, i.height])).toEqual([1, 2, 3].map((n) => [n, 'image/jpeg', 900, 1200]));
    expect(warnings).toEqual([]);
  });

  it('imports a PDF without a text layer as an image source of its pages drawn at 300 dpi', async () => {
    const scan = await readSource('scan.pdf', pdf('scan.pdf'));
    expect(scan.source).toMatchObject({ title: 'Scanned Protocol', format: 'image', text: '', passages: [], meta: { image: { pages: 2 } } });
    expect(scan.warnings).toEqual([]);
    expect(scan.images).toHaveLength(2);
    // Two different scans are two sources, not duplicates of one empty text.
    const other = await readPdfSource('other-scan.pdf', makePdf({ pages: [{ rects: [[10, 10, 20, 20]] }] }));
    expect(other.source.hash).not.toBe(scan.source.hash);
    // Not drawn when asked not to: a PDF source without text, as its text layer has it.
    const kept = await readPdfSource('scan.pdf', pdf('scan.pdf'), { render: false });
    expect(kept.source).toMatchObject({ format: 'pdf', meta: { pdf: { pages: 2, textLayer: false } } });
    expect(kept.images).toBeUndefined();
  });

  it('keeps the text layer of a PDF that has text on most pages, naming the pages without', async () => {
    const mixed = await readSource('mixed.pdf', pdf('mixed.pdf'));
    expect(mixed.source.meta).toMatchObject({ pdf: { pages: 3, textLayer: true, pagesWithoutText: [{ page: 2, label: '2' }] } });
    expect(mixed.source.passages.map((p) => p.page)).toEqual([1, 3]);
    expect(mixed.images).toBeUndefined();
    expect(mixed.warnings.join('\n')).toMatch(
      /1 of 3 pages have no text \(p\. 2\): blank pages, or images of text; the PDF was read by its text layer, which most of its pages have/,
    );
  });

  it('takes a PDF with text on fewer than half its pages for a scan: every page is drawn, and the warning says so', async () => {
    const blank = { width: 216, height: 288, rects: [[20, 40, 176, 200]] as [number, number, number, number][] };
    const typed = { width: 216, height: 288, lines: textLines(['A typed cover sheet.'], { x: 20, top: 20 }) };
    const { source, images, warnings } = await readPdfSource('mostly-scan.pdf', makePdf({ pages: [typed, blank, blank] }));
    expect(source.format).toBe('image');
    expect(images?.map((i) => i.page)).toEqual([1, 2, 3]);
    expect(warnings).toEqual([
      '1 of 3 pages have a text layer, the others none: the PDF was taken for a scan, and all its pages are read by text recognition (the text layer of those 1 was set aside)',
    ]);
  });
});

describe('PDFs that cannot be read', () => {
  it('says an encrypted PDF is password-protected, naming the file', async () => {
    const err = await failure('encrypted.pdf', pdf('encrypted.pdf'));
    expect(err).toMatchObject({ code: 'encrypted' });
    expect(err.message).toBe('encrypted.pdf is encrypted (password-protected): Sourcebench cannot read it; save an unprotected copy');
    const handMade = await failure('locked.pdf', makePdf({ encrypt: true, pages: [{ lines: textLines(['Secret']) }] }));
    expect(handMade).toMatchObject({ code: 'encrypted' });
  });

  it('says a damaged PDF, or a file that is no PDF, is not readable, naming the file', async () => {
    const notPdf = await failure('notes.pdf', new TextEncoder().encode('These are plain notes, saved with the wrong extension.\n'));
    expect(notPdf.code).toBe('damaged_file');
    expect(notPdf.message).toMatch(/^notes\.pdf is not a readable PDF: it is damaged, or not a PDF at all/);
    const cut = await failure('cut.pdf', pdf('article.pdf').slice(0, 300));
    expect(cut.code).toBe('damaged_file');
    expect((await failure('empty.pdf', new Uint8Array(0))).code).toBe('empty_file');
  });

  it(`refuses a PDF of more than ${MAX_PDF_PAGES.toLocaleString('en')} pages, naming the file and the count`, async () => {
    const pages = Array.from({ length: MAX_PDF_PAGES + 1 }, () => ({}));
    const err = await failure('huge.pdf', makePdf({ pages }));
    expect(err.code).toBe('too_large');
    expect(err.message).toBe(`huge.pdf has 5,001 pages, over the 5,000-page limit for one source; split it into parts`);
    expect((await failure('three.pdf', pdf('report.pdf'), { maxPages: 2 })).message).toMatch(/^three\.pdf has 3 pages, over the 2-page limit/);
  });
});

describe('PDF sources in the project', () => {
  it('stores pages and labels, shows them with `show --json`, and cites pages in search and export', async () => {
    const { wb, home } = tempWorkbench();
    const imported = await wb.importFile({ name: 'article.pdf', bytes: pdf('article.pdf') });
    expect(imported).toMatchObject({ status: 'imported', source: { title: 'Archives and the Historian: Counting the Terror after 1991' } });
    if (imported.status === 'failed') throw new Error('not imported');
    const detail = await wb.getSource({ id: imported.source.id });
    expect(detail.format).toBe('pdf');
    expect(detail.pdf).toEqual({ pages: 5, textLayer: true, pagesWithoutText: [] });
    const note = detail.passageList.find((p) => p.kind === 'footnote')!;
    expect(note).toMatchObject({ page: 3, pageLabel: '214', info: { note: '1' } });

    const hits = (await wb.search({ query: 'provincial correspondence' })).hits.filter((h) => h.kind === 'passage');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => typeof h.pageLabel === 'string')).toBe(true);

    const text = detail.passageList.find((p) => p.text.startsWith('The central statistical series'))!;
    const annotation = await wb.createAnnotation({ sourceId: detail.id, start: text.start, end: text.start + 40, colour: 'yellow' });
    expect(annotation).toMatchObject({ pageLabel: '215', passage: text.ordinal });
    const [file] = await wb.exportMarkdown({ sourceId: detail.id });
    expect(file!.content).toContain(`## p. 215 — 2. The records`);
    // Chicago notes give the printed page bare ("…, 2019, 215.").
    expect(file!.content).toMatch(/— Maria Ivanova, “Archives and the Historian: Counting the Terror after 1991,” March 14, 2019, 215\. ·/);
    wb.close();

    const out: string[] = [];
    const code = await runCli(['--project', wb.projectPath, 'show', String(detail.id), '--json'], { out: (s) => out.push(s), err: () => undefined });
    expect(code).toBe(0);
    const shown = JSON.parse(out.join('\n'));
    expect(shown).toMatchObject({ format: 'pdf', pdf: { pages: 5, textLayer: true } });
    expect(shown.passageList[0]).toMatchObject({ kind: 'paragraph', page: 1, pageLabel: 'i' });
    expect(shown.passageList.find((p: { kind: string }) => p.kind === 'footnote')).toMatchObject({ page: 3, pageLabel: '214', info: { note: '1' } });
    void home;
  });

  it('replaces a PDF with a corrected one: pages and notes follow the new file', async () => {
    const { wb } = tempWorkbench();
    const imported = await wb.importFile({ name: 'mixed.pdf', bytes: pdf('mixed.pdf') });
    if (imported.status === 'failed') throw new Error('not imported');
    const id = imported.source.id;
    const before = await wb.getSource({ id });
    const closing = before.passageList.find((p) => p.text.includes('It closes the report.'))!;
    const at = closing.start + closing.text.indexOf('It closes the report.');
    await wb.createAnnotation({ sourceId: id, start: at, end: at + 'It closes the report.'.length, colour: 'green' });
    // The page without text has been typed in since.
    const corrected = makePdf({
      pages: [
        { lines: textLines(['The first page has a text layer.', 'It reports on the district committee.']) },
        { lines: textLines(['The second page, typed in by hand.']) },
        { lines: textLines(['The third page has text again.', 'It closes the report.']) },
      ],
    });
    const result = await wb.replaceSourceText({ id, name: 'mixed-corrected.pdf', bytes: corrected });
    expect(result).toMatchObject({ annotations: 1, orphaned: 0 });
    expect((await wb.getSource({ id })).pdf).toEqual({ pages: 3, textLayer: true, pagesWithoutText: [] });
    expect((await wb.listAnnotations({ sourceId: id }))[0]).toMatchObject({ exact: 'It closes the report.', pageLabel: '3' });
  });

  it('refuses a scan as the corrected text of a source, naming the file', async () => {
    const { wb } = tempWorkbench();
    const imported = await wb.importFile({ name: 'report.pdf', bytes: pdf('report.pdf') });
    if (imported.status === 'failed') throw new Error('not imported');
    await expect(wb.replaceSourceText({ id: imported.source.id, name: 'scan.pdf', bytes: pdf('scan.pdf') })).rejects.toThrow(
      'scan.pdf has no text layer (it is a scan): a corrected text must have text; import the scan as a source of its own to have it read by text recognition',
    );
    expect((await wb.getSource({ id: imported.source.id })).format).toBe('pdf');
  });
});
