import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../src/main/ingest';
import { ApiError } from '../../../src/shared/errors';
import { tempWorkbench } from '../helpers';
import { buildDocx, endnoteRef, footnoteRef, heading, item, link, para, table } from './docx-builder';

const REPORT = {
  body:
    heading('Report on the 1937 census') +
    para(['The census counted 162 million people.', footnoteRef(1), ' Its results were suppressed.']) +
    heading('Regions', 2) +
    item('Moscow oblast') +
    item('Leningrad oblast') +
    item('First count', 2) +
    item('Second count', 2) +
    table([
      ['Region', 'Population'],
      ['Moscow', '9,000,000'],
      ['Leningrad', '6,000,000'],
    ]) +
    para(['Later counts differ.', endnoteRef(1)]) +
    para([link('The census board', 'rIdL1')]) +
    heading('References', 2) +
    para('Merridale, C. (1996). The 1937 census.'),
  footnotes: ['RGAE, f. 1562, op. 329, d. 144.'],
  endnotes: ['See the 1939 census.'],
  links: { rIdL1: 'https://example.org/census' },
  core: {
    title: 'The 1937 census',
    creator: 'Anna Ivanova',
    created: '2020-02-03T10:00:00Z',
    modified: '2020-02-05T09:00:00Z',
    language: 'en-GB',
    keywords: 'census, 1937',
  },
};

describe('Word files (.docx)', () => {
  it('makes passages of headings, paragraphs, list items, table rows and notes, with [n] markers', async () => {
    const { source } = await readSource('report.docx', await buildDocx(REPORT));
    expect(source).toMatchObject({ kind: 'html', format: 'docx', encoding: 'utf-8' });
    const texts = source.passages.map((p) => [p.kind, source.text.slice(p.start, p.end)]);
    expect(texts).toEqual([
      ['heading', 'Report on the 1937 census'],
      ['paragraph', 'The census counted 162 million people.[1] Its results were suppressed.'],
      ['heading', 'Regions'],
      ['item', 'Moscow oblast'],
      ['item', 'Leningrad oblast'],
      ['item', 'First count'],
      ['item', 'Second count'],
      ['table_row', 'Region | Population'],
      ['table_row', 'Moscow | 9,000,000'],
      ['table_row', 'Leningrad | 6,000,000'],
      ['paragraph', 'Later counts differ.[2]'],
      ['apparatus', 'The census board'],
      ['heading', 'References'],
      ['apparatus', 'Merridale, C. (1996). The 1937 census.'],
      ['footnote', '[1] RGAE, f. 1562, op. 329, d. 144.'],
      ['footnote', '[2] See the 1939 census.'],
    ]);
    const row = source.passages[8]!;
    expect(row.info!.cells!.map(([a, b]) => source.text.slice(a, b))).toEqual(['Moscow', '9,000,000']);
    expect(row.info!.headers).toEqual(['Region', 'Population']);
    expect(source.passages.filter((p) => p.kind === 'footnote').map((p) => p.info?.note)).toEqual(['1', '2']);
    expect(source.text).not.toContain('↑');
  });

  it("reads title, author, dates, language and keywords from the core properties; the file's creation date is not the date issued", async () => {
    const { source, warnings } = await readSource('report.docx', await buildDocx(REPORT));
    expect(source).toMatchObject({ title: 'The 1937 census', author: 'Anna Ivanova', date: null, language: 'en-GB', tags: ['census', '1937'] });
    expect(source.csl).toMatchObject({ type: 'document', author: [{ family: 'Ivanova', given: 'Anna' }], note: 'Word file created 2020-02-03' });
    expect(source.csl!.issued).toBeUndefined();
    expect(source.meta).toMatchObject({ created: '2020-02-03', modified: '2020-02-05' });
    expect(warnings.join(' ')).toMatch(/created on 2020-02-03, which may not be the date of its text: the date was left empty/);
  });

  it('without core properties, takes the title from the first heading and leaves author and date empty', async () => {
    const { source } = await readSource('untitled.docx', await buildDocx({ body: heading('Notes from the archive') + para('Text.'), core: null }));
    expect(source).toMatchObject({ title: 'Notes from the archive', author: null, date: null });
    const placeholder = await readSource('p.docx', await buildDocx({ body: para('Text.'), core: { title: '', creator: 'Windows User' } }));
    expect(placeholder.source).toMatchObject({ title: 'p', author: null });
  });

  it('refuses what is not a readable Word file with an error naming it', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = new Uint8Array(ole);
    encrypted.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    const noDocument = await new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'uint8array' });
    const good = await buildDocx(REPORT);
    const cases: [string, Uint8Array, RegExp][] = [
      ['renamed.docx', ole, /renamed\.docx is an old Word document \(\.doc\)/],
      ['locked.docx', encrypted, /locked\.docx is protected by a password/],
      ['text.docx', new TextEncoder().encode('just some text'), /text\.docx is not a Word document/],
      ['cut.docx', good.subarray(0, Math.floor(good.length / 2)), /cut\.docx is damaged/],
      ['other.docx', noDocument, /other\.docx is a ZIP archive but not a Word document/],
      ['empty.docx', new Uint8Array(0), /empty\.docx is empty/],
    ];
    for (const [name, bytes, message] of cases) {
      const err = await readSource(name, bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(ApiError);
      expect((err as ApiError).message).toMatch(message);
    }
  });

  it('imports through the workbench; a bad file is reported and writes nothing', async () => {
    const { wb } = tempWorkbench();
    const ok = await wb.importFile({ name: 'report.docx', bytes: await buildDocx(REPORT) });
    expect(ok).toMatchObject({ status: 'imported', source: { title: 'The 1937 census', kind: 'html' } });
    const detail = await wb.getSource({ id: (ok as { source: { id: number } }).source.id });
    expect(detail.format).toBe('docx');
    expect(detail.passageList.find((p) => p.kind === 'footnote')?.info).toEqual({ note: '1' });
    const bad = await wb.importFile({ name: 'broken.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(bad).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('broken.docx') } });
    expect(await wb.listSources()).toHaveLength(1);
  });
});
