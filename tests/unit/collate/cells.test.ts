import { describe, expect, it } from 'vitest';
import type { CollationSegment } from '../../../src/shared/types';
import { cellState, collateChoice, markRows, readingLetter, rowLabel, shownSegments, toggleWitness } from '../../../src/renderer/src/collate/cells';

const seg = (kind: CollationSegment['kind'], groups: number[], figure = false): CollationSegment => ({
  kind,
  readings: groups.map((g) => `r${g}`),
  groups,
  figure,
});

describe('collation cells', () => {
  it('against a base: its own cell, the ones that agree, the ones that differ; a figure that differs stands out', () => {
    const s = seg('variant', [0, 1, 0], true);
    expect([0, 1, 2].map((w) => cellState(s, w, 0))).toEqual(['base', 'figure', 'agrees']);
    expect([0, 1, 2].map((w) => cellState(seg('variant', [0, 1, 0]), w, 1))).toEqual(['variant', 'base', 'variant']);
    expect([0, 1, 2].map((w) => cellState(s, w, null))).toEqual(['figure', 'figure', 'figure']);
    expect(cellState(seg('normalised', [0, 0]), 1, 0)).toBe('normalised');
    expect(readingLetter(s, 1)).toBe('b');
    expect([rowLabel(s), rowLabel(seg('variant', [0, 1])), rowLabel(seg('normalised', [0, 0])), rowLabel(seg('same', [0, 0]))]).toEqual([
      'Figure differs',
      'Variant',
      'Case or punctuation',
      '',
    ]);
  });

  it('shows all rows or only the differences, a page at a time', () => {
    const all = [seg('same', [0, 0]), seg('variant', [0, 1]), seg('same', [0, 0]), seg('normalised', [0, 0])];
    expect(shownSegments(all, true, 10).rows.map((r) => r.i)).toEqual([1, 3]);
    expect(shownSegments(all, false, 3)).toMatchObject({ more: 1 });
  });

  it('chooses 2 to 10 witnesses, in the order ticked; the library hands over the sources it shows only when they are 2 to 10', () => {
    expect(toggleWitness([3, 1], 2, 10)).toEqual([3, 1, 2]);
    expect(toggleWitness([3, 1, 2], 1, 10)).toEqual([3, 2]);
    expect(toggleWitness([1, 2], 3, 2)).toEqual([1, 2]);
    const shown = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
    expect(collateChoice(shown(1))).toEqual([]);
    expect(collateChoice(shown(3))).toEqual([1, 2, 3]);
    expect(collateChoice(shown(11))).toEqual([]);
  });

  it('marks library rows with Ctrl (toggling, the selected row joining the first mark) and Shift (a range), in the order marked', () => {
    const rows = [1, 2, 3, 4, 5].map((id) => ({ id }));
    expect(markRows(rows, [], null, 3, false)).toEqual([3]);
    expect(markRows(rows, [], 1, 3, false)).toEqual([1, 3]);
    expect(markRows(rows, [1, 3], 3, 5, false)).toEqual([1, 3, 5]);
    expect(markRows(rows, [1, 3, 5], 5, 3, false)).toEqual([1, 5]);
    expect(markRows(rows, [], 2, 4, true)).toEqual([2, 3, 4]);
    expect(markRows(rows, [5], 4, 2, true)).toEqual([5, 2, 3, 4]);
  });
});
