/** The reuse views' pure parts: a text cut at its shared spans, the report's sorting, Compare's pair, the navigation to it. */
import { describe, expect, it } from 'vitest';
import type { ReusePair, SourceSummary } from '../../../src/shared/types';

// Imported by paths the type-check does not follow: the renderer is checked as a project of its own.
const sharedPath = '../../../src/renderer/src/reuse/shared';
const navigationPath = '../../../src/renderer/src/navigation';
const initialPairPath = '../../../src/renderer/src/compare/initialPair';
const { initialPair } = (await import(/* @vite-ignore */ initialPairPath)) as {
  initialPair(sources: SourceSummary[], a: number | null, b?: number | null): { a: number | null; b: number | null };
};
type Nav = { view: string; compareWith: number | null; compareOther: number | null };
const { pieces, sortPairs } = (await import(/* @vite-ignore */ sharedPath)) as {
  pieces(text: string, spans: { start: number; end: number }[]): { text: string; shared: boolean }[];
  sortPairs(pairs: ReusePair[], by: string, descending: boolean): ReusePair[];
};
const { compareWith, initialNavigation, navigate } = (await import(/* @vite-ignore */ navigationPath)) as {
  compareWith(a: number, b?: number): unknown;
  initialNavigation: Nav;
  navigate(state: Nav, action: unknown): Nav;
};

const side = (id: number, title: string, words: number, share: number) => ({ id, title, date: null, chars: words * 6, words, share });
const pair = (a: ReturnType<typeof side>, b: ReturnType<typeof side>, passages: number, longest: number): ReusePair => ({
  a,
  b,
  passages,
  longest,
  earlier: null,
});

describe('a passage cut at its shared spans', () => {
  it('marks the spans and keeps the rest, in order, whatever order the spans come in', () => {
    expect(
      pieces('one two three four five', [
        { start: 14, end: 18 },
        { start: 0, end: 3 },
      ]),
    ).toEqual([
      { text: 'one', shared: true },
      { text: ' two three ', shared: false },
      { text: 'four', shared: true },
      { text: ' five', shared: false },
    ]);
  });
  it('clips spans past the end and overlapping ones', () => {
    expect(
      pieces('abcdef', [
        { start: 2, end: 4 },
        { start: 3, end: 99 },
      ]),
    ).toEqual([
      { text: 'ab', shared: false },
      { text: 'cd', shared: true },
      { text: 'ef', shared: true },
    ]);
  });
});

describe('the report sorted by a column', () => {
  const pairs = [
    pair(side(1, 'Beta', 40, 0.1), side(2, 'alpha', 30, 0.5), 3, 20),
    pair(side(3, 'Gamma', 100, 0.05), side(4, 'Delta', 90, 0.9), 1, 90),
    pair(side(5, 'Alpha', 12, 0.8), side(6, 'Zeta', 12, 0.01), 1, 12),
  ];
  const ids = (ps: ReusePair[]) => ps.map((p) => p.a.id);
  it('by the amount shared, the share of each side, passages, the longest run, or the titles', () => {
    expect(ids(sortPairs(pairs, 'shared', true))).toEqual([3, 1, 5]);
    expect(ids(sortPairs(pairs, 'shared', false))).toEqual([5, 1, 3]);
    expect(ids(sortPairs(pairs, 'shareA', true))).toEqual([5, 1, 3]);
    expect(ids(sortPairs(pairs, 'shareB', true))).toEqual([3, 1, 5]);
    expect(ids(sortPairs(pairs, 'longest', true))).toEqual([3, 1, 5]);
    expect(ids(sortPairs(pairs, 'a', false))).toEqual([5, 1, 3]);
  });
  it('ties by the amount shared', () => {
    expect(ids(sortPairs(pairs, 'passages', true))).toEqual([1, 3, 5]);
  });
});

describe('a pair opened in Compare', () => {
  const sources = [1, 2, 3, 4].map((id) => ({ id, title: `S${id}` }) as SourceSummary);
  it('Compare opens on A and B as asked, the list left in its order', () => {
    expect(initialPair(sources, 2, 3)).toEqual({ a: 2, b: 3 });
    // B unknown, or the same as A: the first other source listed.
    expect(initialPair(sources, 2, 9)).toEqual({ a: 2, b: 1 });
    expect(initialPair(sources, 2, 2)).toEqual({ a: 2, b: 1 });
    expect(initialPair(sources, null)).toEqual({ a: 1, b: 2 });
  });
  it('navigation remembers both sources, and forgets the second when Compare is asked for one', () => {
    const two = navigate(initialNavigation, compareWith(2, 4));
    expect(two).toMatchObject({ view: 'compare', compareWith: 2, compareOther: 4 });
    expect(navigate(two, compareWith(1))).toMatchObject({ compareWith: 1, compareOther: null });
  });
});
