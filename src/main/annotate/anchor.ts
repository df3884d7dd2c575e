/**
 * Anchoring annotations so that they survive corrections of the text, as Hypothesis does:
 * a W3C TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end).
 * The position is trusted while the text there, and around it, is unchanged. Otherwise a
 * quote still found verbatim is placed at its best-fitting occurrence; only a quote found
 * nowhere verbatim is searched for approximately (Myers' algorithm, from
 * approx-string-match). Candidates are scored by how well the quote, its prefix and its
 * suffix match, with closeness to the old position as a tie-breaker.
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
/**
 * Below this score an approximate match is not the annotated passage any more: the
 * annotation is orphaned. A quote found verbatim is never held to it.
 */
export const MIN_SCORE = 0.6;

export interface Placement {
  start: number;
  end: number;
  /** 0–1: how well the quote, its prefix, its suffix and its position fit (1 = unchanged). */
  score: number;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Every verbatim occurrence of `quote` in `text`, overlapping ones included. */
function occurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    found.push({ start: i, end: i + quote.length, errors: 0 });
  }
  return found;
}

/** Whether the text just before and after [start, end) is still the selector's prefix and suffix. */
function contextIntact(text: string, sel: Selector, start: number, end: number): boolean {
  return start >= sel.prefix.length && text.startsWith(sel.prefix, start - sel.prefix.length) && text.startsWith(sel.suffix, end);
}

function score(text: string, sel: Selector, c: Candidate): number {
  const quote = 1 - c.errors / sel.exact.length;
  const prefix = similarity(text.slice(Math.max(0, c.start - sel.prefix.length), c.start), sel.prefix);
  const suffix = similarity(text.slice(c.end, c.end + sel.suffix.length), sel.suffix);
  // Distance from the old position, as a share of the text; 0 at worst, even when the
  // old position lies beyond the end of a shortened text.
  const position = Math.max(0, 1 - Math.abs(c.start - sel.start) / Math.max(text.length, 1));
  return (WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position) / TOTAL;
}

function best(text: string, sel: Selector, candidates: Candidate[]): Placement | null {
  let top: Placement | null = null;
  for (const c of candidates) {
    const s = score(text, sel, c);
    if (!top || s > top.score) top = { start: c.start, end: c.end, score: s };
  }
  return top;
}

/**
 * Where the selector's quote is in `text` now, or null when it cannot be placed.
 *
 * - The old position is kept when the text there still equals the quote and the context
 *   around it is unchanged (score 1).
 * - Otherwise, when the quote occurs verbatim, it is placed: at its only occurrence, or at
 *   the occurrence whose prefix, suffix and position fit best. However much the
 *   surrounding text changed, a quote that is still there is never orphaned.
 * - Only when it occurs nowhere verbatim is it matched approximately, and the best match
 *   must score at least MIN_SCORE.
 */
export function anchor(text: string, sel: Selector): Placement | null {
  if (!sel.exact) return null;
  if (text.slice(sel.start, sel.end) === sel.exact && contextIntact(text, sel, sel.start, sel.end)) {
    return { start: sel.start, end: sel.end, score: 1 };
  }

  const verbatim = occurrences(text, sel.exact);
  if (verbatim.length) {
    // Where the context is still intact around some occurrences, only they compete (and
    // the nearest to the old position wins): a word quoted from a long text can occur
    // thousands of times, and scoring each context approximately would take a second.
    const intact = verbatim.filter((c) => contextIntact(text, sel, c.start, c.end));
    return best(text, sel, intact.length ? intact : verbatim);
  }

  const maxErrors = Math.min(256, Math.floor(sel.exact.length / 2));
  const placed = best(text, sel, search(text, sel.exact, maxErrors));
  if (!placed || placed.score < MIN_SCORE) return null;
  return snapToWords(text, sel, placed);
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
