/**
 * Words as the project's text is split into them: folded (case and diacritics) and
 * tokenised as the FTS5 index does it. Shared by search (queries, the typo vocabulary),
 * passage alignment and the command line's suggestions, none of which owns it.
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
