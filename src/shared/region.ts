/** Regions of page images: what makes a rectangle one that can be marked on a page. */
import type { Region } from './types';

/**
 * Why a rectangle cannot be marked on a page of `width` × `height` pixels, in words that
 * follow "The region …", or null when it can: it must have some size and lie on the page.
 */
export function regionProblem(r: Omit<Region, 'page'>, width: number, height: number): string | null {
  if (r.w <= 0 || r.h <= 0) return `has no size (${r.w} × ${r.h} pixels): drag across the part of the page to mark`;
  if (r.x + r.w > width || r.y + r.h > height) {
    return `(${r.x}, ${r.y}, ${r.w} × ${r.h} pixels) reaches outside the page image, which is ${width} × ${height} pixels`;
  }
  return null;
}

/** "page 2, region": how a region is named in lists. */
export function regionLabel(r: Pick<Region, 'page'>): string {
  return `page ${r.page}, region`;
}
