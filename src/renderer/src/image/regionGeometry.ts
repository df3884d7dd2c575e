/**
 * Pure geometry of regions on a page image shown zoomed, mirrored or not, and turned by quarter turns: screen
 * points (relative to the turned page's box, as the pointer gives them) to the stored image's
 * pixels and back, rectangles from a drag, and the keyboard's moves and resizes, which follow
 * the screen's directions whatever the turn.
 */
import type { Region } from '../../../shared/types';

/**
 * How a page is shown: the stored image's size, the zoom, whether it is mirrored left to right
 * (a mirrored EXIF orientation: done first) and the quarter turns clockwise (0–3).
 */
export interface PageView {
  width: number;
  height: number;
  zoom: number;
  turns: number;
  mirrored?: boolean;
}

export interface Point {
  x: number;
  y: number;
}

/** A rectangle in the stored image's pixels. */
export type Rect = Omit<Region, 'page'>;

/** A rectangle on screen, relative to the turned page's box. */
export interface ScreenRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

const quarter = (turns: number) => ((turns % 4) + 4) % 4;

/** A point of the stored image mirrored left to right when the view is (its own inverse). */
const mirror = (p: Point, v: PageView): Point => (v.mirrored ? { x: v.width - p.x, y: p.y } : p);

/** A point in the turned page's box (screen pixels) as a point of the stored image (its pixels). */
export function toImage(p: Point, v: PageView): Point {
  const sx = p.x / v.zoom;
  const sy = p.y / v.zoom;
  switch (quarter(v.turns)) {
    case 1:
      return mirror({ x: sy, y: v.height - sx }, v);
    case 2:
      return mirror({ x: v.width - sx, y: v.height - sy }, v);
    case 3:
      return mirror({ x: v.width - sy, y: sx }, v);
    default:
      return mirror({ x: sx, y: sy }, v);
  }
}

/** A point of the stored image as a point in the turned page's box. */
export function toScreen(stored: Point, v: PageView): Point {
  const z = v.zoom;
  const p = mirror(stored, v);
  switch (quarter(v.turns)) {
    case 1:
      return { x: (v.height - p.y) * z, y: p.x * z };
    case 2:
      return { x: (v.width - p.x) * z, y: (v.height - p.y) * z };
    case 3:
      return { x: p.y * z, y: (v.width - p.x) * z };
    default:
      return { x: p.x * z, y: p.y * z };
  }
}

/** The whole pixels two corners enclose, kept on the image (a rectangle may come out empty). */
export function rectBetween(a: Point, b: Point, v: Pick<PageView, 'width' | 'height'>): Rect {
  const clampX = (n: number) => Math.min(v.width, Math.max(0, n));
  const clampY = (n: number) => Math.min(v.height, Math.max(0, n));
  const x0 = Math.round(clampX(Math.min(a.x, b.x)));
  const x1 = Math.round(clampX(Math.max(a.x, b.x)));
  const y0 = Math.round(clampY(Math.min(a.y, b.y)));
  const y1 = Math.round(clampY(Math.max(a.y, b.y)));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A rectangle dragged on screen from `a` to `b`, in the image's pixels. */
export function dragged(a: Point, b: Point, v: PageView): Rect {
  return rectBetween(toImage(a, v), toImage(b, v), v);
}

/** Where an image rectangle shows on screen. */
export function rectToScreen(r: Rect, v: PageView): ScreenRect {
  const a = toScreen({ x: r.x, y: r.y }, v);
  const b = toScreen({ x: r.x + r.w, y: r.y + r.h }, v);
  return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** The region proposed when marking starts from the keyboard: a quarter of the page each way, in its middle. */
export function startingRect(v: Pick<PageView, 'width' | 'height'>): Rect {
  const w = Math.max(1, Math.round(v.width / 4));
  const h = Math.max(1, Math.round(v.height / 4));
  return { x: Math.round((v.width - w) / 2), y: Math.round((v.height - h) / 2), w, h };
}

export type Arrow = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

const SCREEN_STEP: Record<Arrow, Point> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/**
 * The rectangle moved (or, with `resize`, its right or bottom edge on screen moved) by `step`
 * screen pixels in the arrow's direction: kept on the image, and at least a pixel each way.
 */
export function nudge(r: Rect, arrow: Arrow, resize: boolean, v: PageView, step = 10): Rect {
  const d = SCREEN_STEP[arrow];
  if (!resize) {
    // The screen's step turned into the image's axes.
    const o = toImage({ x: 0, y: 0 }, v);
    const t = toImage({ x: d.x * step, y: d.y * step }, v);
    const x = Math.min(Math.max(0, r.x + Math.round(t.x - o.x)), v.width - r.w);
    const y = Math.min(Math.max(0, r.y + Math.round(t.y - o.y)), v.height - r.h);
    return { ...r, x, y };
  }
  const s = rectToScreen(r, v);
  const far = { x: s.left + s.width + d.x * step, y: s.top + s.height + d.y * step };
  if (far.x - s.left < v.zoom || far.y - s.top < v.zoom) return r;
  const out = rectBetween(toImage({ x: s.left, y: s.top }, v), toImage(far, v), v);
  return out.w >= 1 && out.h >= 1 ? out : r;
}
