import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, tempWorkbench } from '../helpers';

async function two() {
  const { wb } = tempWorkbench();
  const a = await wb.importFile({ name: 'base.txt', bytes: fs.readFileSync(fixture('align-base.txt')) });
  const b = await wb.importFile({ name: 'edited.txt', bytes: fs.readFileSync(fixture('align-edited.txt')) });
  return { wb, a: a.status === 'imported' ? a.source.id : 0, b: b.status === 'imported' ? b.source.id : 0 };
}

describe('comparing two sources', () => {
  it('aligns them, with word diffs for near-identical pairs and the shares of shared text', async () => {
    const { wb, a, b } = await two();
    const c = await wb.compareSources({ a, b });
    expect(c.pairs).toHaveLength(10);
    expect(c.onlyA).toEqual([]);
    expect(c.onlyB).toHaveLength(1);
    expect(c.sharedA).toBe(1);
    expect(c.sharedB).toBeGreaterThan(0.9);
    const changed = c.pairs.find((p) => p.a.ordinal === 5)!;
    expect(changed.kind).toBe('near');
    expect(changed.diff!.filter((d) => d.number).map((d) => d.text)).toEqual(['681,692', '680,000']);
    // Moved paragraphs are still paired, across each other.
    expect(c.pairs.filter((p) => p.a.ordinal === 7 || p.a.ordinal === 8).map((p) => p.b.ordinal)).toEqual([9, 8]);
    await expect(wb.compareSources({ a, b: a })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('sets claims about the same thing side by side and flags differing figures', async () => {
    const { wb, a, b } = await two();
    const c = await wb.compareSources({ a, b });
    const executed = c.claims.find((g) => g.measure === 'executed')!;
    expect(executed.differ).toBe(true);
    expect(executed.a.map((x) => x.low)).toEqual([681692, 3]);
    expect(executed.b.map((x) => x.low)).toEqual([680000, 3]);
    expect(c.claims.find((g) => g.measure === 'arrested')).toMatchObject({ differ: false });
  });

  it('exports the comparison as Markdown: a two-column table with the diff marked, and what only one has', async () => {
    const { wb, a, b } = await two();
    const file = await wb.exportComparison({ a, b });
    expect(file.name).toBe('base--edited.md');
    expect(file.content).toContain('| ¶ A | base | ¶ B | edited | Similarity |');
    expect(file.content).toContain('~~681,692~~');
    expect(file.content).toContain('**680,000**');
    expect(file.content).toMatch(/## Only in edited\n\n- ¶ 4: A new paragraph/);
  });

  it('compares unrelated sources without inventing pairs', async () => {
    const { wb } = tempWorkbench();
    const x = await wb.importFile({ name: 'x.txt', bytes: fs.readFileSync(fixture('align-base.txt')) });
    const y = await wb.importFile({ name: 'y.txt', bytes: fs.readFileSync(fixture('align-unrelated.txt')) });
    const c = await wb.compareSources({ a: x.status === 'imported' ? x.source.id : 0, b: y.status === 'imported' ? y.source.id : 0 });
    expect(c.pairs).toEqual([]);
    expect(c.sharedA).toBe(0);
  });
});
