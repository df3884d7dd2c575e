import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytes, fixture, tempWorkbench } from '../helpers';

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

  it('leaves apparatus out: images, link lists, "See also" and "References" are never paired', async () => {
    const { wb } = tempWorkbench();
    const prose = 'In May 1937 Tukhachevsky was arrested with seven other commanders and accused of conspiring with Germany; the trial lasted a single day.';
    const a = [
      '# The marshals',
      '![Marshal Tukhachevsky](https://upload.example.org/Tukhachevsky_1935.jpg)',
      prose,
      '## See also',
      '- [Great Purge](https://en.example.org/wiki/Great_Purge)',
      '- [Case of the Red Army generals](https://en.example.org/wiki/Case_of_the_generals)',
    ].join('\n\n');
    const b = [
      '# The case of the generals',
      '![Marshal Tukhachevsky](https://upload.example.org/Tukhachevsky_1935.jpg)',
      prose.replace('seven', '7'),
      '## References',
      '- [Great Purge](https://en.example.org/wiki/Great_Purge)',
      '- [Case of the Red Army generals](https://en.example.org/wiki/Case_of_the_generals), retrieved 2024',
    ].join('\n\n');
    const x = await wb.importFile({ name: 'a.md', bytes: bytes(a) });
    const y = await wb.importFile({ name: 'b.md', bytes: bytes(b) });
    const c = await wb.compareSources({ a: x.status === 'imported' ? x.source.id : 0, b: y.status === 'imported' ? y.source.id : 0 });
    const kindOf = (d: typeof c.a, id: number) => d.passageList.find((p) => p.id === id)!.kind;
    expect(c.pairs.map((p) => [kindOf(c.a, p.a.passageId), kindOf(c.b, p.b.passageId)])).toEqual([['paragraph', 'paragraph']]);
    // Nor are they counted as what only one source has.
    expect([...c.onlyA.map((id) => kindOf(c.a, id)), ...c.onlyB.map((id) => kindOf(c.b, id))].every((k) => k === 'heading')).toBe(true);
    expect(c.onlyA.map((id) => c.a.passageList.find((p) => p.id === id)!.text)).toEqual(['The marshals']);
  });
});
