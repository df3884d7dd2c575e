import { visibleRange } from '../../../shared/inline';
import { lastAtOrBefore } from '../../../shared/sorted';

/**
 * A note's quote in a Markdown source as the reader shows it, inline markers hidden, when it
 * lies within one passage; its stored words otherwise (or when no passage holds its start).
 * `passages` are in text order.
 */
export function shownQuote(
  passages: readonly { start: number; end: number; text: string }[],
  a: { start: number; end: number; exact: string },
): string {
  const p = passages[lastAtOrBefore(passages, a.start, (x) => x.start)];
  if (!p || a.end > p.end) return a.exact;
  return visibleRange(p.text, a.start - p.start, a.end - p.start);
}
