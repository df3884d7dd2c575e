import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/main/ingest';
import { readHtml } from '../../../src/main/ingest/html';
import { markdownSpans } from '../../../src/main/ingest/markdown';
import { toEdtf } from '../../../src/main/ingest/metadata';
import { MAX_PASSAGE_CHARS, normalise, paragraphs } from '../../../src/main/ingest/text';
import { bytes, fixture } from '../helpers';

function expectOffsetsHold(text: string, passages: { start: number; end: number }[]) {
  for (const p of passages) {
    expect(p.start).toBeGreaterThanOrEqual(0);
    expect(p.end).toBeLessThanOrEqual(text.length);
    expect(p.end).toBeGreaterThan(p.start);
    const slice = text.slice(p.start, p.end);
    expect(slice.trim()).toBe(slice);
  }
  for (let i = 1; i < passages.length; i++) expect(passages[i]!.start).toBeGreaterThanOrEqual(passages[i - 1]!.end);
}

describe('normalise', () => {
  it('removes the BOM, turns CRLF and CR into LF, and composes to NFC', () => {
    expect(normalise('\uFEFFa\r\nb\rc')).toBe('a\nb\nc');
    expect(normalise('Z\u030C')).toBe('Ž');
    expect(normalise('page one\fpage two\x1b[0m')).toBe('page one\n\npage two[0m');
  });
});

describe('plain text', () => {
  it('reads a Title/Author header and splits blank-line paragraphs', () => {
    const { source } = parseSource(
      'x.txt',
      bytes('Title: The Terror\nAuthor: A. Historian\nDate: 1990\n\nFirst para\nwrapped line.\n\nSecond para.\n'),
    );
    expect(source).toMatchObject({ title: 'The Terror', author: 'A. Historian', date: '1990', kind: 'text' });
    // The header is metadata, not a passage; the stored text keeps it, so offsets stay those of the file.
    expect(source.text.startsWith('Title: The Terror')).toBe(true);
    expect(source.passages.map((p) => source.text.slice(p.start, p.end))).toEqual(['First para\nwrapped line.', 'Second para.']);
    // A header run straight into the text: the passage starts after it.
    const joined = parseSource('y.txt', bytes('Title: Notes\nRetrieved: 2026-11-27\nThe first line of prose.\n\nMore.')).source;
    expect(joined.passages.map((p) => joined.text.slice(p.start, p.end))).toEqual(['The first line of prose.', 'More.']);
  });

  it('reads YAML front matter at the top of a text or after its header, as web exports leave it', () => {
    const text =
      'Title: The Kazakh famine\nRetrieved: 2026-11-27\n\n---\nlayout: post\nauthor: "A. Historian"\ndate: 2021-06-19\ndescrip: "Runs over\ntwo lines at the margin." # a comment\ntags: famine\n---\n\nThe famine killed 1.5 million people.\n\nMore.';
    const { source } = parseSource('k.txt', bytes(text));
    expect(source).toMatchObject({ title: 'The Kazakh famine', author: 'A. Historian', date: '2021-06-19' });
    expect(source.text).toBe(text);
    expect(source.passages.map((p) => source.text.slice(p.start, p.end))).toEqual(['The famine killed 1.5 million people.', 'More.']);
    // Rules around a line of prose are not front matter.
    const ruled = parseSource('r.txt', bytes('---\nChapter one\n---\nBody.')).source;
    expect(ruled.passages.map((p) => ruled.text.slice(p.start, p.end)).join('\n')).toContain('Chapter one');
    const top = parseSource('t.txt', bytes('---\ntitle: Only front matter\n---\nBody.')).source;
    expect(top.title).toBe('Only front matter');
    expect(top.passages.map((p) => top.text.slice(p.start, p.end))).toEqual(['Body.']);
  });

  it('treats long lines as paragraphs even when some blank lines occur', () => {
    const line = 'This is a long line of prose that is a paragraph on its own, as many web exports write them. '.repeat(2).trim();
    const text = `${line}\n${line}\n\nHeading\n${line}`;
    expect(paragraphs(text)).toHaveLength(4);
  });

  it('takes the title from the file name when there is no header', () => {
    expect(parseSource('dir/Report_on_1937.txt', bytes('Just text.')).source.title).toBe('Report on 1937');
  });

  it('splits paragraphs over the limit at sentence boundaries, keeping offsets', () => {
    const sentence = 'In 1937 the NKVD arrested many people across the Soviet Union. ';
    const text = sentence.repeat(80).trim();
    const spans = paragraphs(text);
    expect(spans.length).toBeGreaterThan(2);
    for (const s of spans) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(text.slice(s.start, s.end).endsWith('Union.')).toBe(true);
    }
    expectOffsetsHold(text, spans);
  });

  it('reads Windows-1252 files', () => {
    const { source } = parseSource('cp1252.txt', fs.readFileSync(fixture('cp1252.txt')));
    expect(source.encoding).toBe('windows-1252');
    expect(source.title).toBe('Café society in 1936');
    expect(source.text).toContain('The cafés of Moscow – so the story goes – were full.');
    expect(source.text).toContain('“quotes”');
  });
});

describe('markdown', () => {
  it('reads YAML front matter as metadata and keeps the body as text', () => {
    const { source, warnings } = parseSource('notes.md', fs.readFileSync(fixture('notes.md')));
    expect(warnings).toEqual([]);
    expect(source).toMatchObject({
      title: 'Notes on the 1937 census',
      author: 'Petrov; Ivan; Kuznetsova; Olga',
      date: '1937-01-06',
      origin: 'Archive ref. f. 1562, op. 329',
      tags: ['census', 'demography'],
      kind: 'markdown',
      meta: { reviewer: 'Not a known key' },
    });
    expect(source.text.startsWith('\n# The census')).toBe(true);
  });

  it('makes passages of headings, paragraphs, items, quotes and code, without their markers', () => {
    const { source } = parseSource('notes.md', fs.readFileSync(fixture('notes.md')));
    const passages = source.passages.map((p) => [p.kind, source.text.slice(p.start, p.end)]);
    expect(passages).toEqual([
      ['heading', 'The census of January 1937'],
      ['paragraph', 'The census was taken on 6 January 1937 and its results were suppressed.'],
      ['heading', 'What it found'],
      ['item', 'A population lower than expected.'],
      ['item', 'Officials of the census bureau were *arrested*.'],
      ['quote', 'Quoted from a later account.'],
      ['code', 'raw  table   data'],
      ['heading', 'Setext heading'],
      ['paragraph', 'Final paragraph.'],
    ]);
    expectOffsetsHold(source.text, source.passages);
  });

  it('keeps a file with broken front matter, with a warning, reading its plain lines', () => {
    const { source, warnings } = parseSource('bad.md', bytes('---\ntitle: [unclosed\n---\n\nBody text.'));
    expect(warnings[0]).toMatch(/front matter is not valid YAML/);
    expect(source.text).toContain('Body text.');
    const loose = parseSource('loose.md', bytes('---\ntitle: "Loose"\nnote: "a value run\nover two lines"\nauthor: Someone # who\n---\n\nBody.'));
    expect(loose.warnings[0]).toMatch(/its plain "key: value" lines were read/);
    expect(loose.source).toMatchObject({ title: 'Loose', author: 'Someone' });
    expect(loose.source.passages.map((p) => loose.source.text.slice(p.start, p.end))).toEqual(['Body.']);
  });

  it('takes the first heading as title when front matter has none', () => {
    expect(parseSource('t.md', bytes('# A Title\n\nText.')).source.title).toBe('A Title');
    expect(markdownSpans('```\nunclosed fence')).toEqual([{ start: 4, end: 18, kind: 'code' }]);
  });
});

describe('markdown blocks (mdast)', () => {
  const kinds = (text: string, spans: { start: number; end: number; kind: string }[]) => spans.map((p) => [p.kind, text.slice(p.start, p.end)]);

  it('reads a saved web article: chrome, images and link lists apart, captions, fact rows, a table, footnotes', () => {
    const { source } = parseSource('web-article.md', fs.readFileSync(fixture('web-article.md')));
    const text = source.text;
    expectOffsetsHold(text, source.passages);
    const list = kinds(text, source.passages);
    expect(source.title).toBe('The Case of the Red Army Marshals');
    // A lone "#" and the rule "---" are no passages; the chrome at the top and bottom is apparatus.
    expect(list.some(([, t]) => t === '#' || t === '---' || t === '')).toBe(false);
    expect(list[0]).toEqual(['apparatus', 'Skip to main content * Skip to search * Toggle menu']);
    expect(list[1]![0]).toBe('apparatus');
    expect(list[list.length - 1]).toEqual(['apparatus', 'Share this * Print * Email']);
    expect(list[2]).toEqual(['heading', 'The Case of the Red Army Marshals']);
    expect(list[3]![0]).toBe('apparatus');
    expect(list[3]![1]).toMatch(/^!\[Marshal Tukhachevsky in 1935\]/);
    expect(list[4]).toEqual(['caption', '*Marshal Mikhail Tukhachevsky, photographed in 1935.*']);
    // Bold labels: one table row per line, cells on the words.
    const facts = source.passages.filter((p) => p.kind === 'table_row' && p.info?.cells?.length === 2);
    expect(facts.map((p) => p.info!.cells!.map(([a, b]) => text.slice(a, b)))).toEqual([
      ['Born', '16 February 1893, Alexandrovskoye'],
      ['Died', '12 June 1937, Moscow'],
      ['Rank', 'Marshal of the Soviet Union'],
    ]);
    // A bold label before a sentence, alone, is prose.
    expect(list.find(([, t]) => String(t).startsWith('**End**'))![0]).toBe('paragraph');
    expect(text.slice(facts[0]!.start, facts[0]!.end)).toBe('**Born**: 16 February 1893, Alexandrovskoye');
    expect(facts[0]!.info!.headers).toEqual(['The Case of the Red Army Marshals']);
    // A GFM table: a row per body row, each cell's offsets, the header row's words.
    const rows = source.passages.filter((p) => p.kind === 'table_row' && p.info?.cells?.length === 3);
    expect(rows.map((p) => p.info!.cells!.map(([a, b]) => text.slice(a, b)))).toEqual([
      ['Marshals', '5', '3'],
      ['Army commanders, first and second rank', '15', '13'],
      ['Corps commanders', '57', '50'],
    ]);
    expect(rows[0]!.info!.headers).toEqual(['Rank', 'Before 1937', 'Shot or died in custody']);
    expect(text.slice(rows[0]!.start, rows[0]!.end)).toBe('Marshals | 5 | 3');
    // "See also" is a heading over apparatus; numbered references are the notes [1]…[6] point to.
    const seeAlso = list.findIndex(([k, t]) => k === 'heading' && t === 'See also');
    expect(list.slice(seeAlso + 1, seeAlso + 3).map(([k]) => k)).toEqual(['apparatus', 'apparatus']);
    const notes = source.passages.filter((p) => p.kind === 'footnote');
    expect(notes.map((p) => p.info?.note)).toEqual(['1', '2', '3', '4', '5', '6', 'army']);
    expect(text.slice(notes[6]!.start, notes[6]!.end)).toMatch(/^The purge of the army is dated here/);
  });

  it('makes one passage of each paragraph of a nested block quote, never one huge one, never cut mid-sentence', () => {
    const sentence =
      'The commission of the district sat for many weeks in the winter and heard the accused officers one by one, without counsel and without witnesses present. ';
    const wrapped = sentence
      .repeat(14)
      .trim()
      .replace(/(.{1,60})(\s|$)/g, (_m, a: string, b: string) => `> > ${a}${b ? '\n' : ''}`);
    const text = `> > A first paragraph of the quote,\n> > wrapped over two lines.\n> >\n${wrapped}\n\nAfter the quote.`;
    const spans = markdownSpans(text);
    expectOffsetsHold(text, spans);
    expect(spans[0]).toMatchObject({ kind: 'quote' });
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('A first paragraph of the quote,\n> > wrapped over two lines.');
    const quoted = spans.filter((s) => s.kind === 'quote').slice(1);
    expect(quoted.length).toBeGreaterThan(1);
    for (const q of quoted) expect(text.slice(q.start, q.end)).toMatch(/present\.$/);
    expect(spans[spans.length - 1]).toMatchObject({ kind: 'paragraph' });
  });

  it('keeps a hard-wrapped list item one item, and makes nested items their own', () => {
    const text =
      '- Arrests of officers began in the districts\n  in the spring of 1937.\n- Discharges followed\neach arrest.\n  - Some were reinstated in 1940.\n\n1. First numbered\n   and wrapped.\n2. Second.';
    expect(kinds(text, markdownSpans(text))).toEqual([
      ['item', 'Arrests of officers began in the districts\n  in the spring of 1937.'],
      ['item', 'Discharges followed\neach arrest.'],
      ['item', 'Some were reinstated in 1940.'],
      ['item', 'First numbered\n   and wrapped.'],
      ['item', 'Second.'],
    ]);
  });

  it('reads footnote definitions, image-only lines, link lists and reference sections', () => {
    const text = [
      'Text with a note.[^8]',
      '',
      '![A map](https://example.org/map.png)',
      '',
      '[^8]: The note, which',
      '    runs on.',
      '',
      '***',
      '',
      '- [One](https://example.org/1)',
      '- [Two](https://example.org/2)',
      '',
      '## Further reading',
      '',
      'Conquest, R. The Great Terror. 1990.',
      '',
      '## Aftermath',
      '',
      'Prose again.',
    ].join('\n');
    expect(kinds(text, markdownSpans(text))).toEqual([
      ['paragraph', 'Text with a note.[^8]'],
      ['apparatus', '![A map](https://example.org/map.png)'],
      ['footnote', 'The note, which\n    runs on.'],
      ['apparatus', '[One](https://example.org/1)'],
      ['apparatus', '[Two](https://example.org/2)'],
      ['heading', 'Further reading'],
      ['apparatus', 'Conquest, R. The Great Terror. 1990.'],
      ['heading', 'Aftermath'],
      ['paragraph', 'Prose again.'],
    ]);
    expect(markdownSpans(text).find((s) => s.kind === 'footnote')!.info).toEqual({ note: '8' });
  });
});

describe('plain text structure', () => {
  const kinds = (text: string) => parseSource('page.txt', bytes(text)).source.passages.map((p) => [p.kind, text.slice(p.start, p.end)]);

  it('keeps page chrome of a saved web page apart, as apparatus, and drops rules', () => {
    const text =
      '* Skip to main content * Skip to navigation * Toggle menu\nJump to navigation\nThis site uses cookies. Accept all cookies | Cookie settings\n\nThe arrests began in May.\n\n---\n\nShare this\n\n* Home * News * About us';
    expect(kinds(text)).toEqual([
      [
        'apparatus',
        '* Skip to main content * Skip to navigation * Toggle menu\nJump to navigation\nThis site uses cookies. Accept all cookies | Cookie settings',
      ],
      ['paragraph', 'The arrests began in May.'],
      ['apparatus', 'Share this'],
      ['apparatus', '* Home * News * About us'],
    ]);
  });

  it('keeps each hard-wrapped list item one passage, indented or not', () => {
    const text =
      'The charges were:\n- treason, espionage and sabotage on behalf of\n  a foreign power;\n- preparing a military coup\nin the Kremlin;\n1. a numbered one\n   wrapped\n\nPlain prose that mentions\n- a dash is not a list here.';
    expect(kinds(text)).toEqual([
      ['paragraph', 'The charges were:'],
      ['item', 'treason, espionage and sabotage on behalf of\n  a foreign power;'],
      ['item', 'preparing a military coup\nin the Kremlin;'],
      ['item', 'a numbered one\n   wrapped'],
      ['paragraph', 'Plain prose that mentions\n- a dash is not a list here.'],
    ]);
  });

  it('reads a run of "Label: value" lines as table rows, with the heading above as first header', () => {
    const text =
      'Pavel Postyshev\n\nBorn: 1887\nDied: 26 February 1939\nFamine deaths: 2.5 to 3 million\n\nHe was shot in 1939.\n\nOne line: per paragraph\n\nIs also: a fact sheet\n\nThe end.\n\nNote: a single line like this is prose.';
    const { source } = parseSource('facts.txt', bytes(text));
    const rows = source.passages.filter((p) => p.kind === 'table_row');
    expect(rows.map((p) => p.info!.cells!.map(([a, b]) => text.slice(a, b)))).toEqual([
      ['Born', '1887'],
      ['Died', '26 February 1939'],
      ['Famine deaths', '2.5 to 3 million'],
      ['One line', 'per paragraph'],
      ['Is also', 'a fact sheet'],
    ]);
    expect(rows.slice(0, 3).every((p) => p.info!.headers![0] === 'Pavel Postyshev')).toBe(true);
    expect(source.passages.find((p) => text.slice(p.start, p.end).startsWith('Note'))).toMatchObject({ kind: 'paragraph' });
    // An image link on a line of its own is apparatus.
    expect(kinds('![Marshal](https://example.org/marshal.jpg)\n\nText.')[0]![0]).toBe('apparatus');
  });

  it('never cuts a long hard-wrapped paragraph at a line end', () => {
    const sentence =
      'The commission of the district sat for many weeks in the winter and heard the accused officers one by one, without counsel and without witnesses present. ';
    const text = `Introduction.\n\n${sentence
      .repeat(20)
      .trim()
      .replace(/(.{1,60})(\s|$)/g, (_m, a: string, b: string) => a + (b ? '\n' : ''))}`;
    const { source } = parseSource('wrapped.txt', bytes(text));
    expect(source.passages.length).toBeGreaterThan(2);
    for (const p of source.passages.slice(1)) expect(text.slice(p.start, p.end)).toMatch(/present\.$/);
  });
});

describe('html', () => {
  it('keeps readable text only and reads citation, Dublin Core and Open Graph metadata', () => {
    const { source } = parseSource('article.html', fs.readFileSync(fixture('article.html')));
    expect(source).toMatchObject({
      title: 'Counting the Victims of 1937',
      author: 'Anna Ivanova; John Smith',
      date: '2019-03-14',
      origin: 'https://journal.example.org/articles/1937',
      language: 'en',
      kind: 'html',
    });
    const texts = source.passages.map((p) => [p.kind, source.text.slice(p.start, p.end)]);
    expect(texts).toEqual([
      ['heading', 'Counting the Victims of 1937'],
      [
        'paragraph',
        'Historians have argued for decades about the scale of the terror. This short article, written as a test page, sets out the figures & their sources.',
      ],
      ['paragraph', "The NKVD's own records list 681,692 executions for 1937–38.\nOther estimates run higher."],
      ['item', 'First estimate: about one million.'],
      ['item', 'Second estimate: at least 750,000.'],
      ['quote', 'We will never know the exact number.'],
    ]);
    for (const leaked of ['tracker', 'injected', 'color: red', 'Advertisement', 'Example Journal', 'Related articles', 'Issues']) {
      expect(source.text).not.toContain(leaked);
    }
    expectOffsetsHold(source.text, source.passages);
  });

  it('falls back to <title> and the whole body when there is no main element', () => {
    const r = readHtml('<title>Plain page</title><p>One</p><div>Two<p>Three</p></div>');
    expect(r.meta.title).toBe('Plain page');
    expect(r.text).toBe('One\n\nTwo\n\nThree');
  });

  it('survives unclosed and deeply nested markup', () => {
    const deep = `${'<div>'.repeat(5000)}deep text${'<p>unclosed '.repeat(50)}`;
    const r = readHtml(deep);
    expect(r.text).toContain('deep text');
    expectOffsetsHold(r.text, r.spans);
  });
});

describe('file kinds and metadata values', () => {
  it('refuses unsupported formats by name', () => {
    expect(() => parseSource('scan.tiff', bytes('x'))).toThrow(/scan\.tiff: this kind of file is not supported/);
  });

  it('converts common date forms to EDTF and leaves the rest out', () => {
    expect(toEdtf('1937')).toBe('1937');
    expect(toEdtf('1936/1938')).toBe('1936/1938');
    expect(toEdtf('2019-03-14T10:00:00Z')).toBe('2019-03-14');
    expect(toEdtf('2019/3/4')).toBe('2019-03-04');
    expect(toEdtf('14.03.2019')).toBe('2019-03-14');
    expect(toEdtf('March 14, 2019')).toBe('2019-03-14');
    expect(toEdtf('5 December 1936')).toBe('1936-12-05');
    expect(toEdtf('sometime in spring')).toBeUndefined();
  });

  it('gives the same hash to the same text whatever its encoding or newlines', () => {
    const a = parseSource('a.txt', bytes('Line one.\r\n\r\nLine two.')).source.hash;
    const b = parseSource('b.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Line one.\n\nLine two.')])).source.hash;
    expect(a).toBe(b);
  });
});
