/**
 * Where the reader is in a source: the passage the view is at (for the line above the text),
 * what it says ("p. 214 · ¶37"), and the place to open the source at again when coming back.
 */
import type { Passage } from '../../../shared/types';

/** Where a source was left in the reader: the passage at the top of the view, and the current one (ids). */
export interface ReadingPlace {
  top: number;
  current: number;
}

/** A passage as the virtualised list lays it out: its index and its top and bottom, in the scroll area's pixels. */
export interface Laid {
  index: number;
  start: number;
  end: number;
}

/**
 * The first passage showing at the top of the view (its bottom below the view's top), or
 * -1 when none is laid out there.
 */
export function topPassage(laid: readonly Laid[], scrollTop: number): number {
  for (const item of laid) if (item.end > scrollTop + 1) return item.index;
  return -1;
}

/**
 * The passage the view is at: the current one (moved to with the keys, or opened at) while
 * any of it shows, else the first one showing at the top. -1 before anything is laid out.
 */
export function passageInView(laid: readonly Laid[], scrollTop: number, height: number, current: number): number {
  const top = topPassage(laid, scrollTop);
  if (top < 0) return -1;
  const c = laid.find((item) => item.index === current);
  return c && c.end > scrollTop + 1 && c.start < scrollTop + height - 1 ? current : top;
}

/** What the line above the text says of a passage: its page where the source has pages, and its number. */
export function placeLabel(p: Pick<Passage, 'ordinal' | 'page' | 'pageLabel'>): string {
  return p.page === null ? `¶${p.ordinal}` : `p. ${p.pageLabel ?? p.page} · ¶${p.ordinal}`;
}

/** Where to open a source again: the indexes of its remembered passages, or null when the text no longer has them. */
export function resumeAt(passages: readonly Pick<Passage, 'id'>[], place: ReadingPlace | undefined): { top: number; current: number } | null {
  if (!place) return null;
  const top = passages.findIndex((p) => p.id === place.top);
  if (top < 0) return null;
  const current = passages.findIndex((p) => p.id === place.current);
  return { top, current: current < 0 ? top : current };
}
