import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { openProjectDb } from '../../../src/main/store/project';
import { APPLICATION_ID } from '../../../src/main/store/pragmas';
import { fold } from '../../../src/main/search/query';
import { inRanges, parseMarked, yearRange } from '../../../src/main/search/search';
import { Workbench } from '../../../src/main/workbench';
import { bytes, tempDir, tempWorkbench } from '../helpers';

const TEXTS: Record<string, string> = {
  'memoir.md': `---\ntitle: A memoir of the camps\nauthor: Witness\ndate: 1956\ntags: [memoir]\n---\n\nNikolai Yezhov ran the NKVD in 1937.\n\nThe enemies of the people were arrested at night.\n\nMany were deported to Kazakhstan.`,
  'report.md': `---\ntitle: Regional report\ndate: 1936/1938\ntags: [report, nkvd]\n---\n\nEzhov signed the order; Iagoda had been removed.\n\nThe report counts arrests by district.`,
  'essay.md': `---\ntitle: An essay on Ježov\ndate: 2001\n---\n\nJežov is how Czech historians spell the name.\n\nTrotsky was expelled and later murdered.`,
};

async function workbench() {
  const { wb, home } = tempWorkbench();
  for (const [name, text] of Object.entries(TEXTS)) await wb.importFile({ name, bytes: bytes(text) });
  await wb.whenSearchReady();
  return { wb, home };
}

const titles = (r: { hits: { sourceTitle: string }[] }) => r.hits.map((h) => h.sourceTitle);

describe('search', () => {
  it('finds passages with all the words, and either word with OR', async () => {
    const { wb } = await workbench();
    expect(titles(await wb.search({ query: 'arrested night' }))).toEqual(['A memoir of the camps']);
    expect(new Set(titles(await wb.search({ query: 'deported OR expelled' })))).toEqual(new Set(['A memoir of the camps', 'An essay on Ježov']));
  });

  it('matches exact phrases and leaves out excluded words', async () => {
    const { wb } = await workbench();
    const phrase = await wb.search({ query: '"enemies of the people"' });
    expect(phrase.hits).toHaveLength(1);
    expect((await wb.search({ query: '"people of the enemies"' })).hits).toHaveLength(0);
    const excluded = await wb.search({ query: 'the -arrested' });
    expect(excluded.hits.every((h) => !/arrested/i.test(h.snippet))).toBe(true);
    expect(excluded.hits.length).toBeGreaterThan(0);
  });

  it('matches prefixes of 3+ letters', async () => {
    const { wb } = await workbench();
    const r = await wb.search({ query: 'depor*' });
    expect(r.hits.map((h) => h.snippet)).toEqual(['Many were deported to Kazakhstan.']);
  });

  it('folds case and diacritics: jezov finds Ježov', async () => {
    const { wb } = await workbench();
    expect(titles(await wb.search({ query: 'JEZOV' }))).toEqual(['An essay on Ježov']);
  });

  it('widens misspelled words to corpus spellings, ranked below exact matches, and says so', async () => {
    const { wb } = await workbench();
    const r = await wb.search({ query: 'Ezhov' });
    expect(r.expansions).toEqual([{ word: 'ezhov', alternatives: ['yezhov'] }]);
    expect(r.hits.map((h) => h.sourceTitle)).toEqual(['Regional report', 'A memoir of the camps']);
    expect(r.hits[0]!.matched).toEqual([]);
    expect(r.hits[1]!.matched).toEqual([{ typed: 'Ezhov', found: 'Yezhov' }]);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
    expect(titles(await wb.search({ query: 'Yagoda' }))).toEqual(['Regional report']);
    // Short words and numbers stay exact.
    expect((await wb.search({ query: 'NKVE' })).hits).toHaveLength(0);
  });

  it('tries the likeliest reading of a misspelled query first: known words as typed, unknown ones one edit away', async () => {
    const { wb } = tempWorkbench();
    for (let i = 0; i < 4; i++) {
      await wb.importFile({
        name: `manual-${i}.md`,
        bytes: bytes(`---\ntitle: Manual ${i}\n---\n\nThe listing shows how to compile module ${i} and what it prints on the screen.`),
      });
    }
    // One short passage of rarer spellings two edits from both query words: ranked by bm25 alone, it would come first.
    await wb.importFile({ name: 'noise.md', bytes: bytes('---\ntitle: Noise\n---\n\nLasting compiled, lasting compiled.') });
    await wb.whenSearchReady();
    const r = await wb.search({ query: 'listng compile', limit: 10 });
    expect(r.hits).toHaveLength(5);
    expect(new Set(r.hits.slice(0, 4).map((h) => h.sourceTitle))).toEqual(new Set(['Manual 0', 'Manual 1', 'Manual 2', 'Manual 3']));
    expect(r.hits[4]!.sourceTitle).toBe('Noise');
  });

  it('counts a swap of neighbouring letters as one typo', async () => {
    const { wb } = await workbench();
    await wb.importFile({ name: 'purge.md', bytes: bytes('---\ntitle: Purge\n---\n\nThe purge reached the army.') });
    await wb.whenSearchReady();
    const r = await wb.search({ query: 'pugre' });
    expect(r.expansions).toEqual([{ word: 'pugre', alternatives: ['purge'] }]);
    expect(r.hits.map((h) => h.sourceTitle)).toEqual(['Purge']);
  });

  it('filters by source title, tag, date and kind', async () => {
    const { wb } = await workbench();
    expect(titles(await wb.search({ query: 'the source:memoir' }))).toEqual(['A memoir of the camps', 'A memoir of the camps']);
    expect(new Set(titles(await wb.search({ query: 'the tag:NKVD' })))).toEqual(new Set(['Regional report']));
    expect(new Set(titles(await wb.search({ query: 'the date:1937' })))).toEqual(new Set(['Regional report']));
    expect(new Set(titles(await wb.search({ query: 'the date:1950..2010' })))).toEqual(new Set(['A memoir of the camps', 'An essay on Ježov']));
    expect((await wb.search({ query: 'the in:claims' })).hits).toEqual([]);
    expect((await wb.search({ query: 'the in:notes' })).hits).toEqual([]);
    expect((await wb.search({ query: 'the tag:nothing' })).problems).toEqual(['No source matches the filters']);
  });

  it('filters by a title word shared by many sources scattered through the project', async () => {
    const { wb } = tempWorkbench();
    // Twenty "letter" sources between twenty "diary" ones: twenty separate passage-id ranges.
    for (let i = 0; i < 20; i++) {
      await wb.importFile({
        name: `letter-${i}.md`,
        bytes: bytes(`---\ntitle: Letter ${i}\n---\n\nThe commissar wrote ${i} times.\n\nNo reply came.`),
      });
      await wb.importFile({ name: `diary-${i}.md`, bytes: bytes(`---\ntitle: Diary ${i}\n---\n\nThe commissar visited ${i} villages.`) });
    }
    const r = await wb.search({ query: 'commissar source:letter', limit: 100 });
    expect(r.hits).toHaveLength(20);
    expect(r.hits.every((h) => h.sourceTitle.startsWith('Letter'))).toBe(true);
    expect(r.total).toBe(20);
    expect(r.facets.sources).toHaveLength(20);
    const excluded = await wb.search({ query: 'commissar -wrote source:letter' });
    expect(excluded.hits).toEqual([]);
  });

  it('says once per query which spellings it matched for the words typed', async () => {
    const { wb } = tempWorkbench();
    for (const [i, text] of ['Yezhov signed the order.', 'The order came from Yezhov.', 'YEZHOV again, and yezhov.'].entries()) {
      await wb.importFile({ name: `n${i}.md`, bytes: bytes(`---\ntitle: Note ${i}\n---\n\n${text}`) });
    }
    await wb.whenSearchReady();
    const r = await wb.search({ query: 'Ezhov order' });
    expect(r.hits.length).toBeGreaterThan(1);
    expect(r.matched).toEqual([{ typed: 'Ezhov', found: 'Yezhov' }]);
    expect((await wb.search({ query: 'Ezhov' })).matched).toEqual([{ typed: 'Ezhov', found: 'Yezhov' }]);
    expect((await wb.search({ query: 'order' })).matched).toEqual([]);
  });

  it('counts what it found by kind, and the sources they come from: passages, notes, claims', async () => {
    const { wb } = tempWorkbench();
    const texts = [
      'In 1937 and 1938 681,692 people were executed by the NKVD.\n\nAbout 1.5 million died in the camps.',
      'At least 3.9 million people died in the famine.',
      'Nobody died here: a text with no figure at all.',
    ];
    for (const [i, text] of texts.entries()) await wb.importFile({ name: `c${i}.md`, bytes: bytes(`---\ntitle: Claims ${i}\n---\n\n${text}`) });
    await wb.whenSearchReady();
    const claims = await wb.search({ query: 'in:claims died' });
    expect(claims.hits.map((h) => h.kind)).toEqual(['claim', 'claim']);
    expect(claims.found).toEqual([{ kind: 'claim', count: 2, capped: false }]);
    expect(claims.total).toBe(2);
    expect(claims.facets.sources.map((f) => [f.title, f.count]).sort()).toEqual([
      ['Claims 0', 1],
      ['Claims 1', 1],
    ]);
    const passages = await wb.search({ query: 'died' });
    expect(passages.found).toEqual([
      { kind: 'passage', count: 3, capped: false },
      { kind: 'note', count: 0, capped: false },
    ]);
    expect(passages.facets.sources).toHaveLength(3);
    const none = await wb.search({ query: 'in:claims kolyma' });
    expect(none.found).toEqual([{ kind: 'claim', count: 0, capped: false }]);
    expect(none.facets.sources).toEqual([]);
    expect(Number.isInteger(none.tookMs * 10)).toBe(true);
  });

  it('tells apart, in its facets, sources that share a title, and filters to one of them by its number', async () => {
    const { wb } = tempWorkbench();
    for (const [name, meta] of [
      ['report-a.md', 'author: Anna Ivanova\ndate: 1938'],
      ['report-b.md', 'author: Boris Petrov\ndate: 1938'],
      ['other.md', 'author: Anna Ivanova'],
    ] as const) {
      const title = name === 'other.md' ? 'Another report' : 'Regional report';
      await wb.importFile({ name, bytes: bytes(`---\ntitle: ${title}\n${meta}\n---\n\nArrests in the district, from ${name}.`) });
    }
    await wb.whenSearchReady();
    const r = await wb.search({ query: 'arrests' });
    const facets = Object.fromEntries(r.facets.sources.map((f) => [f.tell ? `${f.title} (${f.tell})` : f.title, f.id]));
    expect(Object.keys(facets).sort()).toEqual(['Another report', 'Regional report (report-a.md)', 'Regional report (report-b.md)']);
    const one = await wb.search({ query: `arrests source:#${facets['Regional report (report-b.md)']}` });
    expect(one.hits.map((h) => h.snippet)).toEqual(['Arrests in the district, from report-b.md.']);
    expect((await wb.search({ query: 'arrests source:#999' })).problems).toEqual(['No source matches the filters']);
  });

  it('tests passage ids against sorted ranges', () => {
    const ranges: [number, number][] = [
      [1, 3],
      [7, 7],
      [10, 20],
    ];
    expect([0, 1, 3, 4, 6, 7, 8, 10, 15, 20, 21].filter((id) => inRanges(ranges, id))).toEqual([1, 3, 7, 10, 15, 20]);
    expect(inRanges([], 5)).toBe(false);
  });

  it('counts facets per source and per tag', async () => {
    const { wb } = await workbench();
    const r = await wb.search({ query: 'the' });
    expect(r.total).toBe(r.facets.sources.reduce((n, s) => n + s.count, 0));
    expect(r.facets.sources[0]).toMatchObject({ title: 'A memoir of the camps', count: 2 });
    expect(r.facets.tags).toEqual(
      expect.arrayContaining([
        { name: 'memoir', count: 2 },
        { name: 'nkvd', count: 2 },
      ]),
    );
  });

  it('puts highlight offsets on the matched words, and start/end on them in the source text', async () => {
    const { wb } = await workbench();
    const r = await wb.search({ query: 'Ezhov arrests' });
    for (const hit of r.hits) {
      for (const [s, e] of hit.highlights) expect(['ezhov', 'yezhov', 'arrests']).toContain(fold(hit.snippet.slice(s, e)));
      const source = await wb.getSource({ id: hit.sourceId });
      const passage = source.passageList.find((p) => p.id === hit.passageId)!;
      const sourceText = source.passageList.map((p) => p).find((p) => p.start <= hit.start && hit.end <= p.end)!;
      expect(sourceText.id).toBe(passage.id);
      expect(fold(passage.text.slice(hit.start - passage.start, hit.end - passage.start))).toMatch(/^(ezhov|yezhov|arrests)$/);
    }
    expect(parseMarked('a \u0001b\u0002 c \u0001d\u0002')).toEqual({
      text: 'a b c d',
      hits: [
        [2, 3],
        [6, 7],
      ],
    });
  });

  it('ranks prose above apparatus, and never shows markup or note references in snippets or as matches', async () => {
    const { wb } = tempWorkbench();
    const article = [
      '# The marshals',
      '',
      '![Portrait](https://upload.example.org/Tukhachevsky/Tukhachevsky_1935_Tukhachevsky_portrait_Tukhachevsky.jpg)',
      '',
      'The commanders arrested in May 1937 were tried in secret by a special court of the Supreme Court of the USSR, and the army commander Tukhachevsky was among the eight accused; the verdict came within hours and the sentences were carried out the same night.',
      '',
      '**End**: the rehabilitation of the officers came only in 1957.[22]',
      '',
      'The purge of the army ran on into 1938.[22] Those dismissed were expelled from the party.',
      '',
      'Of the 22 corps commanders in the Far East, most were arrested.',
    ].join('\n');
    await wb.importFile({ name: 'marshals.md', bytes: bytes(article) });
    await wb.whenSearchReady();
    // The name four times in an image's address (apparatus) ranks below the prose that names it once.
    const name = await wb.search({ query: 'Tukhachevsky' });
    expect(name.hits).toHaveLength(2);
    expect(name.hits[0]!.snippet).toMatch(/^The commanders arrested/);
    expect(name.hits[0]!.score).toBeGreaterThan(name.hits[1]!.score);
    // Snippets are what the reader shows: no "**", no link target, no "[22]".
    const end = await wb.search({ query: 'rehabilitation' });
    expect(end.hits[0]!.snippet).toBe('End: the rehabilitation of the officers came only in 1957.');
    // "22" matches a figure in prose first; a passage found only by its note reference comes last, with nothing marked.
    const figure = await wb.search({ query: '22' });
    expect(figure.hits[0]!.snippet).toMatch(/^Of the 22 corps commanders/);
    const [s, e] = figure.hits[0]!.highlights[0]!;
    expect(figure.hits[0]!.snippet.slice(s, e)).toBe('22');
    for (const hit of figure.hits.slice(1)) expect(hit.highlights).toEqual([]);
  });

  it('shows snippets as the reader does: Markdown markers hidden, what they enclose styled, the matches on the words', async () => {
    const { wb } = tempWorkbench();
    const text = [
      '---\ntitle: Marshals\n---',
      '',
      '**End**: the *rehabilitation* of the marshals came only in 1957.[22]',
      '',
      'In 1937 and 1938 **681,692 people** were *executed* by the NKVD, `order 00447` among [the orders](https://example.org/orders).',
    ].join('\n');
    await wb.importFile({ name: 'marshals.md', bytes: bytes(text) });
    await wb.whenSearchReady();
    const shown = (hit: { snippet: string; highlights: [number, number][] }) => hit.highlights.map(([s, e]) => hit.snippet.slice(s, e));

    const [end] = (await wb.search({ query: 'rehabilitation' })).hits;
    expect(end!.snippet).toBe('End: the rehabilitation of the marshals came only in 1957.');
    expect(shown(end!)).toEqual(['rehabilitation']);
    expect(end!.styles).toEqual([
      { start: 0, end: 3, kind: 'strong' },
      { start: 9, end: 23, kind: 'em' },
    ]);

    const [order] = (await wb.search({ query: 'orders' })).hits;
    expect(order!.snippet).toBe('In 1937 and 1938 681,692 people were executed by the NKVD, order 00447 among the orders.');
    const style = (kind: string) => order!.styles.filter((x) => x.kind === kind).map((x) => order!.snippet.slice(x.start, x.end));
    expect([style('strong'), style('em'), style('code'), style('link')]).toEqual([['681,692 people'], ['executed'], ['order 00447'], ['the orders']]);
    expect(shown(order!)).toEqual(['orders']);

    // A claim's quote, which starts inside the markers around the figure, as the reader's sidebar shows it.
    const [claim] = (await wb.search({ query: 'in:claims executed' })).hits;
    expect(claim!.kind).toBe('claim');
    expect(claim!.snippet).toBe('681,692 people were executed');
    expect(shown(claim!)).toEqual(['executed']);
    expect(claim!.styles).toEqual([
      { start: 0, end: 14, kind: 'strong' },
      { start: 20, end: 28, kind: 'em' },
    ]);
  });

  it('cuts a window of long passages around the first match', async () => {
    const { wb } = tempWorkbench();
    const long = `${'Filler words about nothing in particular. '.repeat(30)}The decisive word Kolyma appears here. ${'More filler follows. '.repeat(30)}`;
    await wb.importFile({ name: 'long.txt', bytes: bytes(long) });
    const [hit] = (await wb.search({ query: 'kolyma' })).hits;
    expect(hit!.snippet.length).toBeLessThan(300);
    expect(hit!.snippet.startsWith('…')).toBe(true);
    const [s, e] = hit!.highlights[0]!;
    expect(hit!.snippet.slice(s, e)).toBe('Kolyma');
  });

  it('reflects imports, edits and deletions at once', async () => {
    const { wb } = await workbench();
    const out = await wb.importFile({ name: 'new.txt', bytes: bytes('Solovki was the first camp.') });
    expect(titles(await wb.search({ query: 'Solovki' }))).toEqual(['new']);
    // A word new to the corpus also joins the vocabulary for typo tolerance.
    expect(titles(await wb.search({ query: 'Solovky' }))).toEqual(['new']);
    const id = out.status === 'imported' ? out.source.id : 0;
    await wb.updateSource({ id, tags: ['camps'] });
    expect(titles(await wb.search({ query: 'solovki tag:camps' }))).toEqual(['new']);
    await wb.deleteSource({ id });
    expect((await wb.search({ query: 'Solovki' })).hits).toEqual([]);
  });

  it('stays consistent with the data when an import fails midway', async () => {
    const { wb } = await workbench();
    const store = (wb as unknown as { current: { sources: { insert(s: unknown): number } } }).current.sources;
    expect(() =>
      store.insert({
        title: 'Broken',
        author: null,
        date: null,
        origin: null,
        kind: 'text',
        language: null,
        fileName: 'x.txt',
        encoding: 'utf-8',
        hash: 'h',
        text: 'Magadan Magadan',
        bytes: 15,
        tags: [],
        meta: {},
        passages: [
          { start: 0, end: 7, kind: 'paragraph' },
          { start: 9, end: 3, kind: 'paragraph' },
        ],
      }),
    ).toThrow();
    expect((await wb.search({ query: 'Magadan' })).hits).toEqual([]);
    const db = new Database(wb.projectPath);
    expect(() => db.prepare("INSERT INTO passage_fts(passage_fts) VALUES ('integrity-check')").run()).not.toThrow();
    db.close();
  });

  it('keeps the full-text index equal to the passages through import, correction, "Read as" and delete, without an insert trigger', async () => {
    const { wb } = await workbench();
    const fts = () => {
      const db = new Database(wb.projectPath);
      try {
        // With rank 1 the check also compares the index with the passages it is built from.
        db.prepare("INSERT INTO passage_fts(passage_fts, rank) VALUES ('integrity-check', 1)").run();
        return {
          triggers: (
            db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'passage' ORDER BY name").all() as { name: string }[]
          ).map((r) => r.name),
          rows: (db.prepare('SELECT count(*) AS n FROM passage_fts').get() as { n: number }).n,
          passages: (db.prepare('SELECT count(*) AS n FROM passage').get() as { n: number }).n,
        };
      } finally {
        db.close();
      }
    };
    // Writes go through the store, which indexes each passage itself (migration 11).
    // (reuse_fts_delete: the reuse index's row of a deleted passage goes with it; src/main/reuse/prints.ts)
    expect(fts().triggers).toEqual(['passage_fts_delete', 'passage_fts_update', 'reuse_fts_delete']);
    const added = await wb.importFile({ name: 'kolyma.md', bytes: bytes('# Kolyma\n\nGold from the Kolyma camps.\n\nMagadan harbour.') });
    if (added.status !== 'imported') throw new Error('not imported');
    const id = added.source.id;
    expect(titles(await wb.search({ query: 'harbour' }))).toEqual(['Kolyma']);
    await wb.replaceSourceText({ id, name: 'kolyma.md', bytes: bytes('# Kolyma\n\nGold from the Kolyma camps.\n\nMagadan port, corrected.') });
    expect(titles(await wb.search({ query: 'harbour' }))).toEqual([]);
    expect(titles(await wb.search({ query: 'corrected' }))).toEqual(['Kolyma']);
    await wb.setReadAs({ id, as: 'text' });
    expect(titles(await wb.search({ query: 'corrected' }))).toEqual(['Kolyma']);
    let state = fts();
    expect(state.rows).toBe(state.passages);
    await wb.deleteSource({ id });
    expect(titles(await wb.search({ query: 'corrected' }))).toEqual([]);
    state = fts();
    expect(state.rows).toBe(state.passages);
  });

  it('indexes the passages of a project made before search existed', async () => {
    const home = tempDir();
    const file = path.join(home, 'old.sourcebench');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO source (id, title, kind, encoding, hash, chars, bytes, passage_count, imported_at) VALUES (1, 'Old', 'text', 'utf-8', 'x', 19, 19, 1, '2020-01-01')`,
    ).run();
    db.prepare(`INSERT INTO source_text (source_id, text) VALUES (1, 'Butovo firing range')`).run();
    db.prepare(`INSERT INTO passage (source_id, ordinal, start, "end", kind, text) VALUES (1, 1, 0, 19, 'paragraph', 'Butovo firing range')`).run();
    db.close();
    openProjectDb(file).close();
    const wb = Workbench.open({ home, project: file });
    await wb.whenSearchReady();
    expect(titles(await wb.search({ query: 'butovo' }))).toEqual(['Old']);
    wb.close();
  });

  it('reads the years an EDTF date can mean', () => {
    expect(yearRange('1937')).toEqual([1937, 1937]);
    expect(yearRange('1936/1938')).toEqual([1936, 1938]);
    expect(yearRange('193X')).toEqual([1930, 1939]);
    expect(yearRange('1937-05-12~')).toEqual([1937, 1937]);
    expect(yearRange('../1938')).toEqual([-9999, 1938]);
    expect(yearRange(null)).toBeNull();
  });
});
