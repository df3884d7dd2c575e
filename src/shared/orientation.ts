/**
 * EXIF orientation (1–8): how a stored photograph is made upright, for recognition (in the
 * main process) and display (in the reader) alike. Four of the eight are mirrored: 2 (left
 * and right swapped), 4 (top and bottom), 5 (transposed: across the top-left to bottom-right
 * diagonal) and 7 (across the other diagonal).
 */

/** A page made upright: mirrored left to right first (when `mirrored`), then turned `turns` quarter turns clockwise. */
export interface Upright {
  turns: 0 | 1 | 2 | 3;
  mirrored: boolean;
}

const UPRIGHT: Record<number, Upright> = {
  1: { turns: 0, mirrored: false },
  2: { turns: 0, mirrored: true },
  3: { turns: 2, mirrored: false },
  4: { turns: 2, mirrored: true },
  5: { turns: 3, mirrored: true },
  6: { turns: 1, mirrored: false },
  7: { turns: 1, mirrored: true },
  8: { turns: 3, mirrored: false },
};

/** How a page with this EXIF orientation is made upright (as stored when none, or an unknown value). */
export function uprightOf(orientation: number | null | undefined): Upright {
  return UPRIGHT[orientation ?? 1] ?? UPRIGHT[1]!;
}

export interface Point {
  x: number;
  y: number;
}

/** A point of the upright page (its pixels) as a point of the image as stored (`width` × `height`). */
export function uprightToStored(p: Point, orientation: number | null, width: number, height: number): Point {
  const { turns, mirrored } = uprightOf(orientation);
  // Undo the turn: the image before it was turned (turned sideways, it is `height` wide).
  let q: Point;
  if (turns === 1) q = { x: p.y, y: height - p.x };
  else if (turns === 2) q = { x: width - p.x, y: height - p.y };
  else if (turns === 3) q = { x: width - p.y, y: p.x };
  else q = p;
  return mirrored ? { x: width - q.x, y: q.y } : q;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A box on the upright page, back on the image as stored. */
export function boxToStored(b: Box, orientation: number | null, width: number, height: number): Box {
  const a = uprightToStored({ x: b.x0, y: b.y0 }, orientation, width, height);
  const c = uprightToStored({ x: b.x1, y: b.y1 }, orientation, width, height);
  return { x0: Math.min(a.x, c.x), y0: Math.min(a.y, c.y), x1: Math.max(a.x, c.x), y1: Math.max(a.y, c.y) };
}
