/**
 * Words as the project's text is split into them, and how far a misspelling may be from
 * the word meant: pure code, so that search (main) and the library's filter (renderer)
 * fold and forgive alike. Folding and tokens match the FTS5 index (unicode61,
 * remove_diacritics 2).
 */

/** Folding matching FTS5's unicode61 tokenizer with remove_diacritics 2. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Tokens as the index makes them: runs of letters and digits, folded. */
export function tokenize(text: string): string[] {
  // Plain ASCII (most English prose) needs no Unicode normalisation: a much faster path.
  const words = /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase().split(/[^a-z0-9]+/) : fold(text).split(/[^\p{L}\p{N}]+/u);
  return words.filter(Boolean);
}

/**
 * Edits between two words, a swap of neighbouring letters counting as one (optimal string
 * alignment): "releaes" is one edit from "release" as well as from "releases".
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Shorter terms are never an alternative: words of five letters are widened by one edit,
 * longer ones by two, so every alternative has at least four letters.
 */
export const MIN_TERM = 4;

/**
 * Whether a word gets typo-tolerant alternatives, and how many edits they may be away:
 * one for five letters, two from six (a swap of two letters, the commonest typo, is two
 * edits). The alternatives rank below exact matches, so the wider net costs little.
 */
export function typoDistance(token: string): number {
  if (token.length < 5 || /\d/.test(token)) return 0;
  return token.length < 6 ? 1 : 2;
}

/**
 * The edits a folded word may be widened by, given whether the texts have it as typed: a
 * word they have is spelled right, and its variants one edit away are enough (Ezhov,
 * Yezhov); two edits, for swapped letters, are for words they lack.
 */
export function typoEdits(token: string, known: boolean): number {
  const distance = typoDistance(token);
  return distance === 2 && known ? 1 : distance;
}

/** Whether a term of the texts can stand for a misspelled word: four letters or more, no digits. */
export function canBeAlternative(term: string): boolean {
  return term.length >= MIN_TERM && !/\d/.test(term);
}

/** Rows reused by withinEdits: it runs over a whole vocabulary per word typed. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Whether `a` and `b` are at most `max` edits apart (as editDistance counts them), stopping as soon as they cannot be. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (b.length + 1 > rows[0]!.length) rows = [0, 1, 2].map(() => new Int32Array(b.length * 2 + 2));
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    // Every later row is at least this row's smallest value.
    if (best > max) return false;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]! <= max;
}

/** Whether `term` is another spelling of `token` within `edits` (never the word itself). */
export function isTypoOf(token: string, term: string, edits: number): boolean {
  if (!edits || term === token || Math.abs(term.length - token.length) > edits || !canBeAlternative(term)) return false;
  return withinEdits(token, term, edits);
}
