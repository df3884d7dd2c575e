import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresDiffer } from '../../../src/main/align/compare';
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
    const prose =
      'In May 1937 Tukhachevsky was arrested with seven other commanders and accused of conspiring with Germany; the trial lasted a single day.';
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

  it('flags differing figures only when the sets of values differ, not for the same figures in another order', async () => {
    const { wb } = tempWorkbench();
    const text = (...sentences: string[]) => bytes(sentences.join('\n\n'));
    const shot = 'Internal records counted 681,692 executions for the two years of the Great Terror.';
    const marshals = 'Three of the five marshals were executed in the Great Terror.';
    const load = async (name: string, body: Uint8Array) => {
      const r = await wb.importFile({ name, bytes: body });
      return r.status === 'imported' ? r.source.id : 0;
    };
    const a = await load('a.txt', text(shot, 'The Red Army lost much of its senior command.', marshals));
    const b = await load('b.txt', text(marshals, 'The Red Army lost much of its senior command.', shot));
    const c = await wb.compareSources({ a, b });
    const executed = c.claims.find((g) => g.measure === 'executed')!;
    expect(executed.a.map((x) => x.low)).toEqual([681692, 3]);
    expect(executed.b.map((x) => x.low)).toEqual([3, 681692]);
    expect(executed.differ).toBe(false);

    // The same two sentences, one figure changed: flagged.
    const d = await load('d.txt', text(marshals, shot.replace('681,692', '680,000')));
    expect((await wb.compareSources({ a, b: d })).claims.find((g) => g.measure === 'executed')!.differ).toBe(true);
  });

  it('compares figures as sets: order, repetition, hedges and float noise aside; ranges as wholes', () => {
    const f = (low: number | null, high: number | null = low, unit: 'people' | 'percent' = 'people') => ({ low, high, unit });
    // Same figures, another order; the same figure quoted twice by one source.
    expect(figuresDiffer([f(681692), f(3)], [f(3), f(681692)])).toBe(false);
    expect(figuresDiffer([f(681692), f(681692)], [f(681692)])).toBe(false);
    // A hedge is no other figure: "about 680,000" and "680,000" (the hedge is not part of a figure).
    const about = { ...f(680000), approx: true };
    const exact = { ...f(680000), approx: false };
    expect(figuresDiffer([about], [exact])).toBe(false);
    // "2.05 million" read as 2049999.9999999998 against "2,050,000".
    expect(figuresDiffer([f(2.05 * 1e6)], [f(2050000)])).toBe(false);
    // A range matches the same range, not a figure inside it, nor an open range from its low end.
    expect(figuresDiffer([f(600000, 1200000)], [f(600000, 1200000)])).toBe(false);
    expect(figuresDiffer([f(600000, 1200000)], [f(600000)])).toBe(true);
    expect(figuresDiffer([f(600000, null)], [f(600000)])).toBe(true);
    // Genuinely different figures; one source giving a figure the other does not; another unit.
    expect(figuresDiffer([f(681692)], [f(680000)])).toBe(true);
    expect(figuresDiffer([f(681692), f(3)], [f(681692)])).toBe(true);
    expect(figuresDiffer([f(681692)], [f(681692), f(1500000)])).toBe(true);
    expect(figuresDiffer([f(38)], [f(38, 38, 'percent')])).toBe(true);
  });
});

describe('the comparison export', () => {
  it('renders the text of both sources literally: only the marks it adds around changed words are markup', async () => {
    const { micromark } = await import('micromark');
    const { gfm, gfmHtml } = await import('micromark-extension-gfm');
    const { wb } = tempWorkbench();
    const hostile =
      'Some *680,000* were [shot](javascript:alert(1)) under `Order` 00447 <img src=x onerror=alert(1)> | at www.example.org ![i](x.png)';
    const one = `First paragraph about the archives and what they hold.\n\n${hostile} in 1937.`;
    const two = `First paragraph about the archives and what they hold.\n\n${hostile.replace('680,000', '681,692')} in 1937.`;
    const a = await wb.importFile({ name: 'a.txt', bytes: bytes(one) });
    const b = await wb.importFile({ name: 'b.txt', bytes: bytes(two) });
    if (a.status !== 'imported' || b.status !== 'imported') throw new Error('not imported');
    const file = await wb.exportComparison({ a: a.source.id, b: b.source.id });
    // Rendered as CommonMark with GFM (tables, strike-through, autolinks), with raw HTML allowed through.
    const html = micromark(file.content, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
    for (const tag of ['<a ', '<img', '<code', '<em>']) expect(html.includes(tag), tag).toBe(false);
    // The changed figure is marked, and the words around it read as they are written.
    expect(html).toContain('<del>*680,000*</del>');
    expect(html).toContain('<strong>*681,692*</strong>');
    expect(html).toContain('[shot](javascript:alert(1))');
    expect(file.content).toContain('\\[shot\\](javascript:alert(1))');
  });
});
