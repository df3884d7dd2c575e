/** How a collation's cells show: pure, so the table only renders. */
import { MAX_WITNESSES, MIN_WITNESSES } from '../../../shared/limits';
import type { CollationSegment } from '../../../shared/types';

/**
 * A witness's cell in a segment: `normalised`, differing only in case, punctuation or the way
 * a figure is written; against a base text, `base` (its own cell), `agrees` or `variant`;
 * without one, every reading of a variant segment is a `variant`. A variant where a figure
 * differs is a `figure`.
 */
export type CellState = 'same' | 'normalised' | 'base' | 'agrees' | 'variant' | 'figure';

export function cellState(s: CollationSegment, w: number, base: number | null): CellState {
  if (s.kind !== 'variant') return s.kind;
  if (base !== null) {
    if (w === base) return 'base';
    if (s.groups[w] === s.groups[base]) return 'agrees';
  }
  return s.figure ? 'figure' : 'variant';
}

/** The reading's letter among the segment's readings (a, b, c…), so agreeing witnesses can be seen without colour. */
export function readingLetter(s: CollationSegment, w: number): string {
  return String.fromCharCode(97 + (s.groups[w]! % 26));
}

/** What a row says it is, in words. */
export function rowLabel(s: CollationSegment): string {
  return s.figure ? 'Figure differs' : s.kind === 'variant' ? 'Variant' : s.kind === 'normalised' ? 'Case or punctuation' : '';
}

/** The segments to show: all, or only where the witnesses differ; at most `limit` of them. */
export function shownSegments(segments: readonly CollationSegment[], onlyDifferences: boolean, limit: number) {
  const indexed = segments.map((s, i) => ({ s, i })).filter(({ s }) => !onlyDifferences || s.kind !== 'same');
  return { rows: indexed.slice(0, limit), more: Math.max(0, indexed.length - limit) };
}

/** Toggles a source in the choice of witnesses, keeping the order they were chosen in; at most `max`. */
export function toggleWitness(chosen: readonly number[], id: number, max: number): number[] {
  if (chosen.includes(id)) return chosen.filter((c) => c !== id);
  return chosen.length >= max ? [...chosen] : [...chosen, id];
}

/** The library's sources shown, as witnesses to collate, when there are 2 to 10 of them; else none (chosen in Collate). */
export function collateChoice(shown: readonly { id: number }[]): number[] {
  return shown.length >= MIN_WITNESSES && shown.length <= MAX_WITNESSES ? shown.map((s) => s.id) : [];
}

/**
 * The library's rows marked for collation after a Ctrl- (⌘-) or Shift-click on `id`: Ctrl
 * toggles it (the row selected before joins the marks when none were made yet); Shift marks
 * the rows from the selected one to it. In the order marked.
 */
export function markRows(rows: readonly { id: number }[], marked: readonly number[], selected: number | null, id: number, range: boolean): number[] {
  const start = marked.length === 0 && selected !== null && selected !== id && rows.some((r) => r.id === selected) ? [selected] : [...marked];
  if (!range || selected === null) return start.includes(id) ? start.filter((m) => m !== id) : [...start, id];
  const from = rows.findIndex((r) => r.id === selected);
  const to = rows.findIndex((r) => r.id === id);
  if (from < 0 || to < 0) return start.includes(id) ? start : [...start, id];
  const span = rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((r) => r.id);
  return [...start, ...span.filter((m) => !start.includes(m))];
}
