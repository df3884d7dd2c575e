/**
 * Text reuse as plagiarism detectors find it: words folded as search folds them, hashed in
 * overlapping shingles of SHINGLE words, and winnowed (Schleimer, Wilkerson and Aiken, 2003:
 * the smallest hash of every WINDOW consecutive shingles) to a few fingerprints with their
 * positions. Two passages that share a run of at least MIN_WORDS = WINDOW + SHINGLE - 1 words
 * are guaranteed to share a fingerprint; runs found that way are then measured exactly,
 * word by word (sharedRuns).
 *
 * Written by hand (about 100 lines over the project's own word folding): of the npm packages,
 * @dodona/dolos-lib (Dolos) winnows, but program code: it tokenises with tree-sitter parsers
 * (native modules) and fingerprints whole files; `minhash` estimates how alike two sets are,
 * with no positions. Neither gives the per-passage fingerprints of folded words needed here.
 */

/** Words per shingle. */
export const SHINGLE = 5;
/** Shingles per winnowing window. */
export const WINDOW = 8;
/** The shortest shared run reported: every run this long shares a fingerprint. */
export const MIN_WORDS = WINDOW + SHINGLE - 1;

/** A passage's words: folded, with where each stands in the passage's text. */
export interface Words {
  words: string[];
  starts: number[];
  ends: number[];
}

const ASCII = /^[\x00-\x7f]*$/;

/** Words as search folds them (src/shared/words.ts), with their offsets into `text`. */
export function wordsOf(text: string): Words {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const ascii = ASCII.test(text);
  const re = ascii ? /[A-Za-z0-9]+/g : /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = ascii
      ? m[0].toLowerCase()
      : m[0]
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase();
    words.push(w);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts, ends };
}

/** FNV-1a over a word: 32 bits. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The words' hashes of an ASCII text without making the words: letters and digits scanned,
 * capitals folded, FNV-1a as wordHash computes it. Indexing runs this on every passage of an
 * import, in the thread that writes: it is about five times faster than wordsOf + wordHash.
 */
function asciiWordHashes(text: string): number[] {
  const out: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h ^= c;
      h = Math.imul(h, 0x01000193);
    } else if (inWord) {
      out.push(h | 0);
      inWord = false;
    }
  }
  return out;
}

/** Each shingle's hash (a signed 32-bit integer), by its first word. */
export function shingleHashes(words: readonly string[]): Int32Array {
  return shinglesOf(words.map(wordHash));
}

function shinglesOf(wh: readonly number[]): Int32Array {
  const n = wh.length - SHINGLE + 1;
  if (n <= 0) return new Int32Array(0);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b9 | 0;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ wh[i + j]!, 0x5bd1e995) ^ (h >>> 15);
    out[i] = h ^ (h >>> 13);
  }
  return out;
}

/** A fingerprint: a shingle's hash and the word it starts at. */
export interface Print {
  hash: number;
  pos: number;
}

/**
 * Winnowing: the smallest hash of each window of WINDOW shingles (the rightmost on a tie),
 * each kept once. A passage shorter than a window keeps its smallest shingle.
 */
export function winnow(hashes: Int32Array): Print[] {
  const out: Print[] = [];
  const n = hashes.length;
  if (!n) return out;
  const w = Math.min(WINDOW, n);
  let last = -1;
  for (let s = 0; s + w <= n; s++) {
    let min = s;
    for (let i = s + 1; i < s + w; i++) if (hashes[i]! <= hashes[min]!) min = i;
    if (min !== last) {
      out.push({ hash: hashes[min]!, pos: min });
      last = min;
    }
  }
  return out;
}

/** A passage's fingerprints. */
export function fingerprints(text: string): Print[] {
  return winnow(ASCII.test(text) ? shinglesOf(asciiWordHashes(text)) : shingleHashes(wordsOf(text).words));
}

/** A run of words two passages share: where it starts in each, and how many words. */
export interface Run {
  a: number;
  b: number;
  words: number;
}

/**
 * Every maximal run of at least `min` words that `a` and `b` share, found by their shingles
 * (a map of b's shingles, then each a-shingle extended along its diagonal once).
 */
export function sharedRuns(a: readonly string[], b: readonly string[], min = MIN_WORDS): Run[] {
  const hb = shingleHashes(b);
  const ha = shingleHashes(a);
  const at = new Map<number, number[]>();
  hb.forEach((h, j) => {
    const list = at.get(h);
    if (list) list.push(j);
    else at.set(h, [j]);
  });
  const runs: Run[] = [];
  for (let i = 0; i < ha.length; i++) {
    for (const j of at.get(ha[i]!) ?? []) {
      // Only the start of a diagonal run: one word back already matches means it was counted.
      if (i > 0 && j > 0 && a[i - 1] === b[j - 1]) continue;
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k >= min) runs.push({ a: i, b: j, words: k });
    }
  }
  return runs.sort((x, y) => y.words - x.words || x.a - y.a);
}

/** Word ranges [start, end) covered by some run, merged; and how many words they cover. */
export function covered(ranges: [number, number][]): { ranges: [number, number][]; words: number } {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of sorted) {
    const top = merged[merged.length - 1];
    if (top && r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return { ranges: merged, words: merged.reduce((n, r) => n + r[1] - r[0], 0) };
}

/** Character spans of word ranges, in the passage's text. */
export function charSpans(w: Words, ranges: [number, number][]): { start: number; end: number }[] {
  return ranges.map(([s, e]) => ({ start: w.starts[s]!, end: w.ends[e - 1]! }));
}
