/**
 * Anchoring annotations so that they survive corrections of the text, as Hypothesis does:
 * a W3C TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end).
 * The position is trusted while the text there still equals the quote; otherwise the quote
 * is found again by approximate matching (Myers' algorithm, from approx-string-match),
 * each candidate scored by how well the quote, its prefix and its suffix match, with
 * closeness to the old position as a tie-breaker.
 */
import search from 'approx-string-match';

export const CONTEXT_CHARS = 32;

export interface Selector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The selectors of the span [start, end) of a text. */
export function describe(text: string, start: number, end: number): Selector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  };
}

/** 1 when `pattern` occurs in `text` as it is, down to 0 when it does not at all. */
function similarity(text: string, pattern: string): number {
  if (!pattern.length) return 1;
  const matches = search(text, pattern, pattern.length);
  if (!matches.length) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / pattern.length;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/** Below this score a candidate is not the annotated passage any more: the annotation is orphaned. */
export const MIN_SCORE = 0.6;

/** Where the selector's quote is in `text` now, or null when it cannot be placed. */
export function anchor(text: string, sel: Selector): { start: number; end: number; score: number } | null {
  if (!sel.exact) return null;
  if (text.slice(sel.start, sel.end) === sel.exact) return { start: sel.start, end: sel.end, score: 1 };

  let candidates: { start: number; end: number; errors: number }[] = [];
  for (let i = text.indexOf(sel.exact); i >= 0; i = text.indexOf(sel.exact, i + 1)) {
    candidates.push({ start: i, end: i + sel.exact.length, errors: 0 });
  }
  if (!candidates.length) {
    const maxErrors = Math.min(256, Math.floor(sel.exact.length / 2));
    candidates = search(text, sel.exact, maxErrors);
  }
  let best: { start: number; end: number; score: number } | null = null;
  for (const c of candidates) {
    const quote = 1 - c.errors / sel.exact.length;
    const prefix = similarity(text.slice(Math.max(0, c.start - sel.prefix.length), c.start), sel.prefix);
    const suffix = similarity(text.slice(c.end, c.end + sel.suffix.length), sel.suffix);
    const position = 1 - Math.abs(c.start - sel.start) / Math.max(text.length, 1);
    const score = (WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position) / TOTAL;
    if (!best || score > best.score) best = { start: c.start, end: c.end, score };
  }
  if (!best || best.score < MIN_SCORE) return null;
  return snapToWords(text, sel, best);
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * An approximate match can stop inside a word ("were exec" for "were executed"). Where
 * the original quote began and ended on word boundaries, so does the new anchor.
 */
function snapToWords<T extends { start: number; end: number }>(text: string, sel: Selector, m: T): T {
  let { start, end } = m;
  const startsWord = !WORD.test(sel.prefix.slice(-1)) && WORD.test(sel.exact[0] ?? '');
  const endsWord = !WORD.test(sel.suffix[0] ?? '') && WORD.test(sel.exact.slice(-1));
  if (startsWord) while (start > 0 && WORD.test(text[start - 1]!) && WORD.test(text[start]!)) start--;
  if (endsWord) while (end < text.length && WORD.test(text[end]!) && WORD.test(text[end - 1]!)) end++;
  return { ...m, start, end };
}
