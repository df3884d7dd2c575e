import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  citationKeys,
  formatCitation,
  matchReferences,
  normaliseDoi,
  normaliseUrl,
  parseReferences,
  ReferenceParseError,
  titleSimilarity,
} from '../../../src/main/cite';

const dir = path.join(__dirname, '../../fixtures/references');
const read = (name: string) => parseReferences(fs.readFileSync(path.join(dir, name), 'utf8'), name);
const failure = (name: string): ReferenceParseError => {
  try {
    read(name);
  } catch (err) {
    expect(err).toBeInstanceOf(ReferenceParseError);
    return err as ReferenceParseError;
  }
  throw new Error(`${name} was read`);
};

describe('reading references', () => {
  it('reads BibTeX', () => {
    const items = read('library.bib');
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      type: 'book',
      title: 'The Great Terror: A Reassessment',
      author: [{ family: 'Conquest', given: 'Robert' }],
      publisher: 'Oxford University Press',
      'publisher-place': 'New York',
      issued: { 'date-parts': [[1990]] },
      ISBN: '9780195055801',
      'citation-key': 'conquest1990',
    });
    expect(items[1]).toMatchObject({
      type: 'article-journal',
      'container-title': 'The American Historical Review',
      author: [{ family: 'Getty' }, { family: 'Rittersporn', given: 'Gábor T.' }, { family: 'Zemskov' }],
      issued: { 'date-parts': [[1993, 10]] },
      page: '1017-1049',
      DOI: '10.2307/2166597',
    });
    expect(items[2]).toMatchObject({ title: 'Хозяин: Сталин и утверждение сталинской диктатуры', author: [{ family: 'Хлевнюк', given: 'Олег' }] });
    for (const item of items) expect(Object.keys(item).filter((k) => k.startsWith('_'))).toEqual([]);
    expect(citationKeys(items)).toEqual(['conquest1990', 'getty1993', 'khlevniuk2004']);
  });

  it('reads RIS (CRLF line ends), filling what citation-js leaves out', () => {
    const items = read('library.ris');
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      type: 'chapter',
      title: 'The Politics of Repression Revisited',
      'container-title': 'Stalinist Terror: New Perspectives',
      editor: [{ family: 'Getty' }, { family: 'Manning', given: 'Roberta T.' }],
      publisher: 'Cambridge University Press',
      'publisher-place': 'Cambridge',
      page: '40-62',
      ISBN: '9780521446709',
    });
    expect(items[1]).toMatchObject({
      type: 'webpage',
      title: "Stalin's Lists",
      URL: 'https://stalin.memo.ru/?utm_source=newsletter',
      accessed: { 'date-parts': [[2024, 3, 5]] },
    });
    expect(items[2]).toMatchObject({ type: 'article-journal', DOI: '10.1080/09668139608412415', volume: '48', issue: '8' });
  });

  it('reads a Zotero CSL-JSON export, keeping a citation key but not Zotero’s item URI', () => {
    const items = read('zotero-export.json');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      type: 'document',
      archive_location: 'f. 17, op. 162, d. 21, l. 45',
      archive: 'Russian State Archive of Socio-Political History (RGASPI)',
    });
    expect(items[0]?.['citation-key']).toBeUndefined();
    expect(items[1]?.['citation-key']).toBe('conquest1986');
    // An item in Russian: its title is not put into English title case.
    expect(formatCitation(items[0]!, { locator: { label: 'page', value: '2' } }).text).toBe(
      'N. I. Yezhov, “Letter from N. I. Yezhov to I. V. Stalin on the progress of operation no. 00447,” August 5, 1937, f. 17, op. 162, d. 21, l. 45, p. 2, Russian State Archive of Socio-Political History (RGASPI), Moscow.',
    );
  });

  it('tells the format by content when the extension says nothing', () => {
    const ris = fs.readFileSync(path.join(dir, 'library.ris'), 'utf8');
    expect(parseReferences(ris, 'export.txt')).toHaveLength(3);
  });

  it('names the file, the problem and the line of bad input', () => {
    expect(failure('broken.bib').message).toMatch(/^broken\.bib: not valid BibTeX: .*line 6/);
    expect(failure('broken.bib').line).toBe(6);
    expect(failure('broken.ris').message).toBe(
      'broken.ris: not valid RIS: the record starting at line 1 has no "ER  - " line before the next record, at line 5',
    );
    expect(failure('broken.json').message).toMatch(/^broken\.json: not valid JSON: .*\(line 3\)$/);
    expect(() => parseReferences('', 'empty.bib')).toThrow('empty.bib: the file is empty');
    expect(() => parseReferences('just some notes', 'notes.txt')).toThrow('notes.txt: not a BibTeX, RIS or CSL-JSON file');
    expect(() => parseReferences('just some notes', 'notes.bib')).toThrow(/^notes\.bib: no BibTeX entry found .*\(line 1\)$/);
    expect(() => parseReferences('AU  - Conquest\nER  - \n', 'x.ris')).toThrow(
      /^x\.ris: not valid RIS: expected a record to start with "TY {2}- ".*\(line 1\)$/,
    );
    expect(() => parseReferences('[{"title": "No type"}]', 'x.json')).toThrow('x.json: not CSL-JSON: item 1 ("No type") has no "type"');
    expect(() => parseReferences('[1]', 'x.json')).toThrow('x.json: not CSL-JSON: item 1 is not an object');
  });
});

describe('matching references to sources', () => {
  const sources = [
    { id: 's-doi', title: 'Victims of the Soviet penal system', doi: 'https://doi.org/10.2307/2166597' },
    { id: 's-url', title: 'Lists', url: 'HTTP://www.Stalin.Memo.ru/#top' },
    { id: 's-title', title: 'The Great Terror — A Reassessment' },
    { id: 's-fuzzy', title: 'The Politics of Repression Revisted' },
    { id: 's-twin-1', title: 'Diary' },
    { id: 's-twin-2', title: 'diary' },
  ];

  it('matches by DOI, URL, exact title, fuzzy title, or not at all', () => {
    const items = [...read('library.bib'), ...read('library.ris'), { type: 'document', title: 'Diary' }];
    const got = matchReferences(items, sources).map((m) => [m.item.title, m.sourceId, m.how, m.sure]);
    expect(got).toEqual([
      ['The Great Terror: A Reassessment', 's-title', 'title', true],
      [expect.stringMatching(/^Victims/), 's-doi', 'doi', true],
      ['Хозяин: Сталин и утверждение сталинской диктатуры', null, null, false],
      ['The Politics of Repression Revisited', 's-fuzzy', 'title-fuzzy', false],
      ["Stalin's Lists", 's-url', 'url', true],
      [expect.stringMatching(/^The Scale/), null, null, false],
      ['Diary', 's-twin-1', 'title', false],
    ]);
  });

  it('normalises DOIs and URLs', () => {
    expect(normaliseDoi('https://dx.doi.org/10.2307/2166597')).toBe('10.2307/2166597');
    expect(normaliseDoi('doi:10.1080/ABC')).toBe('10.1080/abc');
    expect(normaliseDoi('not a doi')).toBeNull();
    expect(normaliseUrl('HTTPS://WWW.Example.ORG:443/Path/?utm_source=x&id=3&utm_medium=y#frag')).toBe('example.org/Path?id=3');
    expect(normaliseUrl('http://example.org/')).toBe(normaliseUrl('https://example.org'));
    expect(normaliseUrl('not a url')).toBeNull();
  });

  it('measures title similarity', () => {
    expect(titleSimilarity('the great terror', 'the great terror')).toBe(1);
    expect(titleSimilarity('the politics of repression revisited', 'the politics of repression revisted')).toBeGreaterThan(0.95);
    expect(titleSimilarity('the great terror', 'harvest of sorrow', 0.85)).toBe(0);
  });
});

describe('biblatex fields citation-js leaves out', () => {
  it('read date and urldate, and an @online entry as a web page', () => {
    const bib = `@online{memo,
  title = {Stalin's Lists},
  author = {{Memorial Society}},
  date = {2004-05},
  urldate = {2024-03-05},
  url = {https://stalin.memo.ru/}
}
@book{span, title = {Two Years}, date = {1936/1938}}
@misc{odd, title = {Odd}, date = {sometime in spring}}`;
    const [memo, span, odd] = parseReferences(bib, 'refs.bib');
    expect(memo).toMatchObject({ type: 'webpage', issued: '2004-05', accessed: '2024-03-05', URL: 'https://stalin.memo.ru/' });
    expect(span!.issued).toBe('1936/1938');
    expect(odd!.issued).toBeUndefined();
  });
});
