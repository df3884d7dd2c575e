import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { cslDateToEdtf, referenceToCsl } from '../../src/main/ingest/references';
import type { Workbench } from '../../src/main/workbench';
import { cli } from './cli-run';
import { bytes, fixture, tempDir, tempWorkbench } from './helpers';

const failure = (reply: Awaited<ReturnType<typeof dispatch>>) => (reply.ok ? null : reply.error);

async function add(wb: Workbench, name: string, text: string): Promise<number> {
  const out = await wb.importFile({ name, bytes: bytes(text) });
  if (out.status !== 'imported') throw new Error(`${name} not imported`);
  return out.source.id;
}

/** Four sources the references of matching.bib are for (by DOI, URL, title, a title nearly like it), and one they are not. */
async function project() {
  const { wb } = tempWorkbench();
  const byDoi = await add(wb, 'getty.txt', 'Title: Getty on the penal system\nDOI: 10.2307/2166597\n\nThe camps held 1.9 million in 1938.');
  const byUrl = await add(wb, 'lists.txt', 'Title: Execution lists\nURL: https://stalin.memo.ru/\n\nThe lists Stalin signed.');
  const byTitle = await add(
    wb,
    'terror.txt',
    'Title: The Great Terror: A Reassessment\nURL: https://example.org/terror\nRetrieved: 2025-02-01\n\nThe purges of 1937 and 1938.',
  );
  const fuzzy = await add(
    wb,
    'harvest.txt',
    'Title: The Harvest of Sorrow: Soviet Collectivization and the Terror-Famine\n\nThe famine of 1932 and 1933.',
  );
  const other = await add(wb, 'other.txt', 'Title: Notes on the archives\n\nFond 17, opis 162.');
  return { wb, byDoi, byUrl, byTitle, fuzzy, other };
}

const matchingBib = () => new Uint8Array(fs.readFileSync(fixture('references/matching.bib')));

describe('readReferences', () => {
  it('reads a BibTeX file and matches its items by DOI, URL and title, a similar title unsure, and writes nothing', async () => {
    const { wb, byDoi, byUrl, byTitle, fuzzy } = await project();
    const before = await wb.listSources();
    const { items } = await wb.readReferences({ name: 'matching.bib', bytes: matchingBib() });
    expect(items.map((i) => i.match)).toEqual([
      { sourceId: byDoi, how: 'doi', sure: true },
      { sourceId: byUrl, how: 'url', sure: true },
      { sourceId: byTitle, how: 'title', sure: true },
      { sourceId: fuzzy, how: 'title-fuzzy', sure: false },
      { sourceId: null, how: null, sure: false },
    ]);
    expect(items[0]).toMatchObject({
      index: 0,
      title: 'Victims of the Soviet Penal System in the Pre-war Years',
      authors: 'J. Arch Getty; Gábor T. Rittersporn; Viktor N. Zemskov',
      year: '1993',
      csl: {
        type: 'article-journal',
        issued: '1993-10',
        DOI: '10.2307/2166597',
        'container-title': 'The American Historical Review',
        page: '1017-1049',
        volume: '98',
        issue: '4',
      },
    });
    expect(items[1]!.csl).toMatchObject({
      author: [{ literal: 'Memorial Society' }],
      issued: '2002',
      URL: 'http://www.stalin.memo.ru/?utm_source=newsletter',
    });
    // A value the metadata cannot hold is left out and said; the rest of the item is kept.
    expect(items[2]!.csl.ISBN).toBeUndefined();
    expect(items[2]!.csl.publisher).toBe('Oxford University Press');
    expect(items[2]!.dropped.join('\n')).toMatch(/ISBN "123": is not an ISBN/);
    expect(items[4]).toMatchObject({ year: '1934', csl: { issued: '1934' } });
    expect(await wb.listSources()).toEqual(before);
  });

  it('refuses a file that is not references with invalid_request naming the file and the problem', async () => {
    const { wb } = tempWorkbench();
    const broken = failure(
      await dispatch(wb, 'readReferences', { name: 'broken.bib', bytes: new Uint8Array(fs.readFileSync(fixture('references/broken.bib'))) }),
    );
    expect(broken?.code).toBe('invalid_request');
    expect(broken?.message).toMatch(/^broken\.bib: not valid BibTeX/);
    const ris = failure(
      await dispatch(wb, 'readReferences', { name: 'broken.ris', bytes: new Uint8Array(fs.readFileSync(fixture('references/broken.ris'))) }),
    );
    expect(ris).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/^broken\.ris: /) });
    const empty = failure(await dispatch(wb, 'readReferences', { name: 'empty.bib', bytes: new Uint8Array() }));
    expect(empty).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/empty\.bib/) });
    const notes = failure(await dispatch(wb, 'readReferences', { name: 'notes.txt', bytes: bytes('Just some notes.') }));
    expect(notes).toMatchObject({ code: 'invalid_request', message: 'notes.txt: not a BibTeX, RIS or CSL-JSON file' });
  });

  it('reads RIS and CSL-JSON (a Zotero export) too', async () => {
    const { wb } = tempWorkbench();
    const ris = await wb.readReferences({ name: 'library.ris', bytes: new Uint8Array(fs.readFileSync(fixture('references/library.ris'))) });
    expect(ris.items.map((i) => i.csl.type)).toEqual(['chapter', 'webpage', 'article-journal']);
    expect(ris.items[1]!.csl).toMatchObject({ accessed: '2024-03-05', URL: 'https://stalin.memo.ru/?utm_source=newsletter' });
    const json = await wb.readReferences({
      name: 'zotero-export.json',
      bytes: new Uint8Array(fs.readFileSync(fixture('references/zotero-export.json'))),
    });
    expect(json.items[0]!.csl).toMatchObject({
      issued: '1937-08-05',
      archive_location: 'f. 17, op. 162, d. 21, l. 45',
      language: 'ru',
      author: [{ family: 'Yezhov', given: 'N. I.' }],
    });
    expect(json.items[1]!.csl).toMatchObject({ ISBN: '9780195040548', accessed: '2024-01-15' });
  });
});

describe('references as CSL items', () => {
  it('makes CSL dates EDTF: days, ranges, circa, seasons, strings, literals', () => {
    expect(cslDateToEdtf({ 'date-parts': [[1937, 5, 12]] })).toBe('1937-05-12');
    expect(cslDateToEdtf({ 'date-parts': [['1937', '8', '5']] })).toBe('1937-08-05');
    expect(cslDateToEdtf({ 'date-parts': [[1936], [1938]] })).toBe('1936/1938');
    expect(cslDateToEdtf({ 'date-parts': [[1937]], circa: true })).toBe('1937~');
    expect(cslDateToEdtf({ 'date-parts': [[1937]], season: 2 })).toBe('1937-22');
    expect(cslDateToEdtf({ literal: 'May 1937' })).toBe('1937-05');
    expect(cslDateToEdtf('1937-05-12')).toBe('1937-05-12');
    expect(cslDateToEdtf({ literal: 'during the war' })).toEqual({ problem: expect.stringMatching(/during the war/) });
    expect(cslDateToEdtf(undefined)).toBeUndefined();
  });

  it('keeps names as family and given or literal, maps types, and drops what the schema refuses', () => {
    const { csl, dropped } = referenceToCsl({
      type: 'personal_communication',
      title: '  Letter   to Stalin ',
      author: [{ family: 'Gaulle', 'non-dropping-particle': 'de', given: 'Charles' }, { given: 'Voltaire' }, { literal: 'NKVD' }],
      issued: { literal: 'sometime' },
      URL: 'ftp://example.org/x',
      DOI: 'https://doi.org/10.1080/09668139608412415',
      volume: 48,
      abstract: 'not kept',
    } as never);
    expect(csl).toEqual({
      type: 'letter',
      title: 'Letter to Stalin',
      author: [{ family: 'de Gaulle', given: 'Charles' }, { literal: 'Voltaire' }, { literal: 'NKVD' }],
      DOI: '10.1080/09668139608412415',
      volume: '48',
    });
    expect(dropped).toHaveLength(2);
    expect(dropped.join('\n')).toMatch(/date: "sometime" is not a date/);
    expect(dropped.join('\n')).toMatch(/URL "ftp:\/\/example\.org\/x"/);
  });
});

describe('applyReferences', () => {
  it('merges references into matched sources (columns in sync), makes an empty source, and a file given to it later keeps its metadata', async () => {
    const { wb, byDoi, byUrl, byTitle, fuzzy, other } = await project();
    const { items } = await wb.readReferences({ name: 'matching.bib', bytes: matchingBib() });
    const listsCsl = (await wb.getSource({ id: byUrl })).csl;
    await wb.updateSource({ id: byUrl, csl: { ...listsCsl, title: listsCsl.title!, type: 'webpage' } });
    const applied = await dispatch(wb, 'applyReferences', {
      items: items.map((i) => ({ csl: i.csl, sourceId: i.match.sourceId })),
    });
    expect(applied.ok).toBe(true);
    const { updated, created } = (applied as { value: { updated: number[]; created: number[] } }).value;
    expect(updated).toEqual([byDoi, byUrl, byTitle, fuzzy]);
    expect(created).toHaveLength(1);

    const list = new Map((await wb.listSources()).map((s) => [s.id, s]));
    expect(list.get(byDoi)).toMatchObject({
      title: 'Victims of the Soviet Penal System in the Pre-war Years',
      author: 'J. Arch Getty; Gábor T. Rittersporn; Viktor N. Zemskov',
      date: '1993-10',
    });
    // The same address written otherwise (http, www., a tracking parameter): the source keeps its own.
    expect(list.get(byUrl)).toMatchObject({ title: "Stalin's Lists", author: 'Memorial Society', date: '2002', origin: 'https://stalin.memo.ru/' });
    // biblatex's @online is a web page (citation-js reads it as a bare "document").
    expect(items[1]!.csl.type).toBe('webpage');
    expect((await wb.getSource({ id: byUrl })).csl.type).toBe('webpage');
    // The source's own address and the day it was read stay where the reference has none.
    const terror = await wb.getSource({ id: byTitle });
    expect(terror).toMatchObject({ author: 'Robert Conquest', date: '1990', origin: 'https://example.org/terror' });
    expect(terror.csl).toMatchObject({
      type: 'book',
      title: 'The Great Terror: A Reassessment',
      publisher: 'Oxford University Press',
      'publisher-place': 'New York',
      URL: 'https://example.org/terror',
      accessed: '2025-02-01',
    });
    expect(terror.passages).toBeGreaterThan(0);
    expect(list.get(fuzzy)).toMatchObject({ title: 'Harvest of Sorrow: Soviet Collectivisation and the Terror-Famine', date: '1986' });
    expect(list.get(other)).toMatchObject({ title: 'Notes on the archives', author: null });

    const emptyId = created[0]!;
    const empty = await wb.getSource({ id: emptyId });
    expect(empty).toMatchObject({
      title: 'The Diary of a Soviet Schoolgirl',
      author: 'Nina Lugovskaya',
      date: '1934',
      format: 'reference',
      kind: 'text',
      passages: 0,
      chars: 0,
      bytes: 0,
      fileName: null,
    });
    expect(empty.passageList).toEqual([]);

    // Several empty sources live side by side (each has a hash of its own).
    const more = await wb.applyReferences({
      items: [
        { csl: { type: 'book', title: 'A second book' }, sourceId: null },
        { csl: { type: 'book' }, sourceId: null },
      ],
    });
    expect(more.created).toHaveLength(2);
    expect((await wb.getSource({ id: more.created[1]! })).title).toBe('Untitled reference');

    // A file attached later: the text is the file's, the metadata stays the reference's.
    const r = await wb.replaceSourceText({
      id: emptyId,
      name: 'diary.txt',
      bytes: bytes('Title: Something else\nAuthor: Someone\n\nJanuary 1933. Father was arrested again.\n\nWe wait.'),
    });
    expect(r.source).toMatchObject({
      id: emptyId,
      title: 'The Diary of a Soviet Schoolgirl',
      author: 'Nina Lugovskaya',
      date: '1934',
      passages: 2,
      fileName: 'diary.txt',
    });
    const filled = await wb.getSource({ id: emptyId });
    expect(filled.format).toBe('txt');
    expect(filled.csl).toMatchObject({ type: 'document', title: 'The Diary of a Soviet Schoolgirl', issued: '1934' });
    expect((await wb.search({ query: 'arrested' })).hits.map((h) => h.sourceId)).toContain(emptyId);
  });

  it('writes nothing when one item is invalid, and names it by its place and title', async () => {
    const { wb, byDoi, byTitle } = await project();
    const before = await wb.listSources();
    const good = {
      csl: { type: 'book', title: 'The Great Terror', author: [{ family: 'Conquest', given: 'Robert' }], issued: '1990' },
      sourceId: byTitle,
    };
    const cases: [unknown[], string, RegExp][] = [
      // Refused by the contract: a malformed DOI.
      [
        [good, { csl: { type: 'article-journal', title: 'Victims', DOI: '10.1/x' }, sourceId: byDoi }],
        'invalid_request',
        /applyReferences: items: reference 2 \(“Victims”\): csl\.DOI: is not a DOI.*nothing was changed/,
      ],
      // Refused by the service: a date that is not EDTF.
      [
        [good, { csl: { type: 'book', title: 'Diary', issued: '1930s' }, sourceId: null }],
        'invalid_request',
        /reference 2 \(“Diary”\): Date issued: "1930s" is not an EDTF date.*nothing was changed/,
      ],
      // A source that is not there.
      [[good, { csl: { type: 'book', title: 'Ghost' }, sourceId: 9999 }], 'not_found', /reference 2 \(“Ghost”\): there is no source with id 9999/],
      // Two references for one source.
      [
        [good, { ...good, csl: { ...good.csl, title: 'Again' } }],
        'invalid_request',
        /reference 1 \(“The Great Terror”\) and reference 2 \(“Again”\) are both given to source/,
      ],
      [[], 'invalid_request', /no reference to apply/],
      [[{ csl: { type: 'book', title: 'X', abstract: 'no' }, sourceId: null }], 'invalid_request', /reference 1 \(“X”\): csl: Unrecognized key/],
    ];
    for (const [items, code, message] of cases) {
      const error = failure(await dispatch(wb, 'applyReferences', { items }));
      expect(error?.code, JSON.stringify(items)).toBe(code);
      expect(error?.message).toMatch(message);
    }
    expect(await wb.listSources()).toEqual(before);
  });
});

describe('sourcebench references', () => {
  it('lists the matches, applies the sure ones with --apply, and makes empty sources with --create', async () => {
    const saved = process.env.SOURCEBENCH_HOME;
    const home = tempDir();
    process.env.SOURCEBENCH_HOME = home;
    try {
      const project = path.join(home, 'refs.sourcebench');
      const txt = path.join(home, 'terror.txt');
      fs.writeFileSync(txt, 'Title: The Great Terror: A Reassessment\n\nThe purges of 1937 and 1938.');
      fs.writeFileSync(path.join(home, 'harvest.txt'), 'Title: The Harvest of Sorrow: Soviet Collectivization and the Terror-Famine\n\nThe famine.');
      expect((await cli('--project', project, 'import', txt, path.join(home, 'harvest.txt'))).code).toBe(0);
      const listed = await cli('--project', project, 'references', fixture('references/matching.bib'));
      expect(listed.code).toBe(0);
      expect(listed.out).toMatch(/^3 +The Great Terror: A Reassessment +1990 +#1 \(by title\)$/m);
      expect(listed.out).toMatch(/^4 +Harvest of Sorrow.* +1986 +#2 \(similar title: confirm in the app\)$/m);
      expect(listed.err).toMatch(/3\. The Great Terror: A Reassessment: left out ISBN "123"/);
      expect((await cli('--project', project, 'references', fixture('references/matching.bib'), '--create')).code).toBe(2);
      const applied = await cli('--project', project, 'references', fixture('references/matching.bib'), '--apply', '--create');
      expect(applied).toMatchObject({ code: 0, out: '1 source updated, 3 created; 1 to confirm in the app (References…)' });
      const sources = JSON.parse((await cli('--project', project, 'sources', '--json')).out) as {
        title: string;
        author: string | null;
        passages: number;
      }[];
      expect(sources).toHaveLength(5);
      expect(sources[0]).toMatchObject({ title: 'The Great Terror: A Reassessment', author: 'Robert Conquest', passages: 1 });
      expect(sources[1]).toMatchObject({ title: 'The Harvest of Sorrow: Soviet Collectivization and the Terror-Famine', author: null });
      const broken = await cli('--project', project, 'references', fixture('references/broken.bib'));
      expect(broken.code).not.toBe(0);
      expect(broken.err).toMatch(/broken\.bib: not valid BibTeX/);
    } finally {
      if (saved === undefined) delete process.env.SOURCEBENCH_HOME;
      else process.env.SOURCEBENCH_HOME = saved;
    }
  });
});
