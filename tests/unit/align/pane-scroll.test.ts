import { describe, expect, it } from 'vitest';
import { correspondingLine, levelTops } from '../../../src/renderer/src/compare/paneScroll';

describe('the other pane following a scrolled one', () => {
  const anchors = [
    { src: 100, dst: 1000 },
    { src: 500, dst: 1400 },
    { src: 900, dst: 3000 },
  ];
  it('stands level with a pair at the line', () => {
    expect(correspondingLine(anchors, 500)).toBe(1400);
  });
  it('interpolates between the nearest pair above and the nearest below when none is at the line', () => {
    expect(correspondingLine(anchors, 300)).toBe(1200);
    expect(correspondingLine(anchors, 700)).toBe(2200);
    // So it moves on while no pair is in view: it never freezes.
    expect(correspondingLine(anchors, 701)).toBeGreaterThan(correspondingLine(anchors, 700)!);
  });
  it('keeps its distance before the first pair and after the last', () => {
    expect(correspondingLine(anchors, 40)).toBe(940);
    expect(correspondingLine(anchors, 1000)).toBe(3100);
  });
  it('takes pairs in any order (a moved passage), and has nothing to follow without pairs', () => {
    expect(correspondingLine([anchors[2]!, anchors[0]!, anchors[1]!], 300)).toBe(1200);
    expect(correspondingLine([], 300)).toBeNull();
  });
});

describe('bringing both ends of a pair into view', () => {
  it('puts them at the same height below the top', () => {
    expect(levelTops(1000, 4000, 40, 10000, 10000)).toEqual({ a: 960, b: 3960 });
  });
  it('keeps them level when one pane cannot scroll that far', () => {
    // B's end is near the foot of B: B stops at 3700, so A is set 300 px higher up too.
    const t = levelTops(1000, 4000, 40, 10000, 3700);
    expect(t).toEqual({ a: 700, b: 3700 });
    expect(1000 - t.a).toBe(4000 - t.b);
    // Near the top of A.
    expect(levelTops(10, 4000, 40, 10000, 10000)).toEqual({ a: 0, b: 3990 });
  });
});
