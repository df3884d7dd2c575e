/**
 * Where two panes showing aligned texts should stand: pure arithmetic over the positions of
 * each pair's ends (pixels from the top of each pane's content), unit-tested on its own.
 */

/** A pair's ends: its position in the pane scrolled (`src`) and in the other (`dst`). */
export interface Anchor {
  src: number;
  dst: number;
}

/**
 * The position in the other pane that corresponds to `line` (a position in the pane
 * scrolled): between the nearest pair above and the nearest below, interpolated; past the
 * last or before the first, at the same distance from it. Null when there is no pair.
 */
export function correspondingLine(anchors: readonly Anchor[], line: number): number | null {
  let above: Anchor | null = null;
  let below: Anchor | null = null;
  for (const x of anchors) {
    if (x.src <= line) {
      if (!above || x.src > above.src) above = x;
    } else if (!below || x.src < below.src) below = x;
  }
  if (above && below) return above.dst + ((line - above.src) * (below.dst - above.dst)) / (below.src - above.src);
  if (above) return above.dst + (line - above.src);
  if (below) return below.dst - (below.src - line);
  return null;
}

/**
 * The scroll offsets that bring a pair's two ends to the same height, `margin` below the top
 * of the panes where they can scroll that far; where one cannot (near its end), the other is
 * set to match it, so that the two stay level.
 */
export function levelTops(posA: number, posB: number, margin: number, maxA: number, maxB: number): { a: number; b: number } {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  let a = clamp(posA - margin, maxA);
  const b = clamp(posB - (posA - a), maxB);
  a = clamp(posA - (posB - b), maxA);
  return { a, b };
}
