/**
 * Search follows every kind of write without being told: the project publishes what each
 * write changed, and the index (its cached source facts, its typo vocabulary) subscribes.
 * Each case below goes stale when the write it covers publishes nothing.
 */
import { describe, expect, it } from 'vitest';
import { noteFromMarkdown } from '../../../src/main/annotate/note';
import { followChanges } from '../../../src/main/search/follow';
import type { SearchIndex } from '../../../src/main/search/search';
import type { Change } from '../../../src/main/store/changes';
import type { Workbench } from '../../../src/main/workbench';
import { bytes, tempWorkbench } from '../helpers';

const titles = (r: { hits: { sourceTitle: string }[] }) => r.hits.map((h) => h.sourceTitle);
const kinds = (r: { hits: { kind: string }[] }) => r.hits.map((h) => h.kind);

async function withSource(text = 'The order was signed in Moscow.\n\nNobody answered the letter.') {
  const { wb } = tempWorkbench();
  const out = await wb.importFile({ name: 'letter.md', bytes: bytes(`---\ntitle: A letter from Moscow\n---\n\n${text}`) });
  if (out.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(out)}`);
  await wb.whenSearchReady();
  return { wb, id: out.source.id };
}

/** Caches filled: a stale index would answer from them. */
async function warm(wb: Workbench) {
  await wb.search({ query: 'order source:"letter" tag:none' });
  await wb.search({ query: 'order source:"letter"' });
}

describe('search after each kind of write', () => {
  it('an import: its words are found by title filter and with typos', async () => {
    const { wb } = await withSource();
    await warm(wb);
    await wb.importFile({ name: 'diary.md', bytes: bytes('---\ntitle: A diary from Magadan\n---\n\nKolyma winters were long.') });
    expect(titles(await wb.search({ query: 'winters source:"diary"' }))).toEqual(['A diary from Magadan']);
    expect(titles(await wb.search({ query: 'Kolymma' }))).toEqual(['A diary from Magadan']);
  });

  it('a folder import in batches', async () => {
    const { wb } = await withSource();
    await warm(wb);
    const [outcome] = await wb.importAll([await writeFile('camp.txt', 'Vorkuta mines worked through the night.')]);
    expect(outcome!.status).toBe('imported');
    expect(titles(await wb.search({ query: 'mines source:"camp"' }))).toEqual(['camp']);
    expect(titles(await wb.search({ query: 'Vorkutta' }))).toEqual(['camp']);
  });

  it('a replaced text: its new passages are found by title filter and with typos', async () => {
    const { wb, id } = await withSource();
    await warm(wb);
    await wb.replaceSourceText({
      id,
      name: 'letter.md',
      bytes: bytes('---\ntitle: A letter from Moscow\n---\n\nThe order was signed in Leningrad.\n\nNobody answered the letter.'),
    });
    expect(titles(await wb.search({ query: 'Leningrad source:"letter"' }))).toEqual(['A letter from Moscow']);
    expect(titles(await wb.search({ query: 'Lenningrad' }))).toEqual(['A letter from Moscow']);
  });

  it('a text read the other way ("Read as"): its new passages are found by title filter', async () => {
    const { wb, id } = await withSource();
    // Another source after it: the passages made again get ids past that source's.
    await wb.importFile({ name: 'later.txt', bytes: bytes('A later source.') });
    await warm(wb);
    await wb.setReadAs({ id, as: 'text' });
    expect(titles(await wb.search({ query: 'order source:"letter"' }))).toEqual(['A letter from Moscow']);
  });

  it('edited metadata and tags: found by the new title and tag', async () => {
    const { wb, id } = await withSource();
    await warm(wb);
    await wb.updateSource({ id, title: 'Telegram to Kiev', tags: ['cables'] });
    expect(titles(await wb.search({ query: 'order source:"telegram" tag:cables' }))).toEqual(['Telegram to Kiev']);
    expect(titles(await wb.search({ query: 'order source:"letter"' }))).toEqual([]);
  });

  it('applied references: found by the title they give', async () => {
    const { wb, id } = await withSource();
    await warm(wb);
    await wb.applyReferences({ items: [{ sourceId: id, csl: { type: 'letter', title: 'Circular to the regions' } }] });
    expect(titles(await wb.search({ query: 'order source:"circular"' }))).toEqual(['Circular to the regions']);
  });

  it('a deleted source: no longer found, and the next import is found by its filter', async () => {
    const { wb, id } = await withSource();
    await warm(wb);
    await wb.deleteSource({ id });
    expect((await wb.search({ query: 'order' })).hits).toEqual([]);
    expect((await wb.search({ query: 'order source:"letter"' })).hits).toEqual([]);
  });

  it('a note written or edited: its words are found with typos', async () => {
    const { wb, id } = await withSource();
    const a = await wb.createAnnotation({ sourceId: id, start: 40, end: 45, colour: 'yellow' });
    await wb.updateAnnotation({ id: a.id, body: noteFromMarkdown('Compare with the Smolensk archive.') });
    expect(kinds(await wb.search({ query: 'Smolensk in:notes' }))).toEqual(['note']);
    expect(kinds(await wb.search({ query: 'Smolennsk in:notes' }))).toEqual(['note']);
  });

  it('imported annotations: their notes are found with typos', async () => {
    const { wb, id } = await withSource();
    const page = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:uuid:6a0d1c52-3c1e-4f4e-9d35-0f6b2a1c9e01',
          type: 'Annotation',
          body: { type: 'TextualBody', value: 'Seen in the Voronezh files.' },
          target: { source: 'http://example.org/x', selector: { type: 'TextQuoteSelector', exact: 'Nobody answered' } },
        },
      ],
    };
    const result = await wb.importAnnotations({ name: 'notes.jsonld', bytes: bytes(JSON.stringify(page)), sourceId: id });
    expect(result).toMatchObject({ imported: 1, placed: 1 });
    expect(kinds(await wb.search({ query: 'Voronezh in:notes' }))).toEqual(['note']);
    expect(kinds(await wb.search({ query: 'Voronnezh in:notes' }))).toEqual(['note']);
  });
});

describe('the search subscriber', () => {
  const changes: [string, Change, boolean][] = [
    ['sourceAdded', { type: 'sourceAdded', sourceId: 1, text: 'Solovki', passages: [{ start: 0, end: 7 }] }, true],
    ['sourceUpdated', { type: 'sourceUpdated', sourceId: 1 }, true],
    ['textReplaced', { type: 'textReplaced', sourceId: 1, text: 'Solovki', passages: [{ start: 0, end: 7 }] }, true],
    ['sourceDeleted', { type: 'sourceDeleted', sourceId: 1 }, true],
    ['annotationsChanged', { type: 'annotationsChanged', sourceId: 1 }, false],
    ['noteChanged', { type: 'noteChanged', annotationId: 1, plain: 'Solovki' }, false],
    ['claimsChanged', { type: 'claimsChanged', sourceId: 1 }, false],
  ];
  it.each(changes)('after %s: forgets the cached source facts when they changed, and learns new words', (_, change, stale) => {
    let invalidated = 0;
    const added: string[] = [];
    const index = {
      invalidate: () => invalidated++,
      vocabulary: { add: (texts: Iterable<string>) => added.push(...texts) },
    } as unknown as SearchIndex;
    followChanges(index)([change]);
    expect(invalidated).toBe(stale ? 1 : 0);
    expect(added).toEqual(['sourceAdded', 'textReplaced', 'noteChanged'].includes(change.type) ? ['Solovki'] : []);
  });

  it("takes an import's words as its workers tokenised them, without reading the text again", () => {
    const texts: string[] = [];
    const terms: string[] = [];
    const index = {
      invalidate: () => undefined,
      vocabulary: { add: (t: Iterable<string>) => texts.push(...t), addTerms: (t: Iterable<string>) => terms.push(...t) },
    } as unknown as SearchIndex;
    followChanges(index)([{ type: 'sourceAdded', sourceId: 1, text: 'Solovki Kem', passages: [{ start: 0, end: 11 }], terms: ['solovki'] }]);
    expect(texts).toEqual([]);
    expect(terms).toEqual(['solovki']);
  });

  it("an import hands its workers' words to the vocabulary through the change it publishes", async () => {
    const { wb } = tempWorkbench();
    const seen: Change[] = [];
    (wb as unknown as { current: { subscribe(f: (c: readonly Change[]) => void): void } }).current.subscribe((c) => seen.push(...c));
    await wb.importFile({ name: 'kem.txt', bytes: bytes('Transit camp at Kem on the White Sea.') });
    const added = seen.find((c) => c.type === 'sourceAdded');
    expect(added && 'terms' in added ? [...added.terms!].sort() : null).toEqual(expect.arrayContaining(['transit', 'white']));
  });
});

async function writeFile(name: string, text: string): Promise<string> {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { tempDir } = await import('../helpers');
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}
