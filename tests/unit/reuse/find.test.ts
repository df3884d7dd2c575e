/**
 * "Where else does this appear?": a quotation is found with its shared words exactly; short
 * runs and formulas shared by chance are not; hits rank by how much they share.
 */
import { describe, expect, it } from 'vitest';
import { fingerprints, MIN_WORDS, sharedRuns, shingleHashes, winnow, wordsOf } from '../../../src/main/reuse/fingerprint';
import { bytes, tempWorkbench } from '../helpers';
import type { Workbench } from '../../../src/main/workbench';

const QUOTE = 'the prisoners were marched north through the snow for eleven days without bread';

async function add(wb: Workbench, name: string, text: string): Promise<number> {
  const out = await wb.importFile({ name, bytes: bytes(text) });
  if (out.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(out)}`);
  return out.source.id;
}

async function firstPassage(wb: Workbench, sourceId: number, index = 0) {
  return (await wb.getSource({ id: sourceId })).passageList[index]!;
}

describe('shared runs of words', () => {
  it('finds a run of exactly the threshold and not one word shorter', () => {
    const a = wordsOf('one two three four five six seven eight nine ten eleven twelve thirteen').words;
    const b = wordsOf('zero one two three four five six seven eight nine ten eleven twelve fourteen').words;
    expect(sharedRuns(a, b)).toEqual([{ a: 0, b: 1, words: 12 }]);
    expect(sharedRuns(a.slice(0, 11), b)).toEqual([]);
    expect(MIN_WORDS).toBe(12);
  });
});

describe('findReuse', () => {
  it('finds a 12-word quotation inside a different passage, with the shared span right in both', async () => {
    const { wb } = tempWorkbench();
    const a = await add(wb, 'report.txt', `Witnesses agreed that ${QUOTE}, and many did not survive it.`);
    const b = await add(wb, 'memoir.txt', `Years later she wrote: “${QUOTE.replace('the prisoners', 'The prisoners')}.” Nobody believed her.`);
    await add(wb, 'other.txt', 'Nothing in this source is like the others at all, not even a little bit of it.');
    const pa = await firstPassage(wb, a);
    const found = await wb.findReuse({ passageId: pa.id });
    expect(found.hits.map((h) => h.sourceId)).toEqual([b]);
    const hit = found.hits[0]!;
    expect(hit.words).toBe(QUOTE.split(' ').length);
    expect(hit.spans.map((s) => hit.text.slice(s.start, s.end))).toEqual([QUOTE.replace('the prisoners', 'The prisoners')]);
    expect(found.hits[0]!.querySpans.map((s) => found.text.slice(s.start, s.end))).toEqual([QUOTE]);
  });

  it('does not report short runs nor formulas shared by chance', async () => {
    const { wb } = tempWorkbench();
    const a = await add(wb, 'a.txt', 'In the year of our Lord the harvest failed and the village sold its cattle to the monastery at a loss.');
    await add(wb, 'b.txt', 'In the year of our Lord the bishop came to visit, and the abbot received him at the gate with bread and salt.');
    await add(wb, 'c.txt', 'The harvest failed and the village sold its cattle: so wrote the clerk, who saw it with his own eyes.');
    const found = await wb.findReuse({ passageId: (await firstPassage(wb, a)).id });
    expect(found.hits).toEqual([]);
  });

  it('ranks hits by the words they share, and leaves out the passage’s own source', async () => {
    const { wb } = tempWorkbench();
    const long = `${QUOTE} and on the twelfth day the guards themselves began to fall behind the column`;
    const a = await add(wb, 'a.txt', `${long}.\n\n${QUOTE} once more, in the same source.`);
    const short = await add(wb, 'short.txt', `Only this: ${QUOTE}.`);
    const full = await add(wb, 'full.txt', `All of it: ${long}.`);
    const found = await wb.findReuse({ passageId: (await firstPassage(wb, a)).id });
    expect(found.hits.map((h) => h.sourceId)).toEqual([full, short]);
    expect(found.hits[0]!.words).toBeGreaterThan(found.hits[1]!.words);
  });

  it('refuses a passage that does not exist', async () => {
    const { wb } = tempWorkbench();
    await expect(wb.findReuse({ passageId: 999 })).rejects.toThrow(/no passage with id 999/);
  });
});

describe('fingerprints', () => {
  it('are the same for ASCII text, read fast, as for the words made one by one', () => {
    const text = 'The Prisoners, 1937: were marched NORTH through the snow for eleven days without bread — and more.';
    const slow = winnow(shingleHashes(wordsOf(text).words));
    expect(fingerprints(text)).toEqual(slow);
    expect(fingerprints(text.replace('—', '-'))).toEqual(slow);
    expect(slow.length).toBeGreaterThan(0);
  });
});
