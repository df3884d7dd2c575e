/**
 * Sentence alignment between two sources. Every passage is split into sentences
 * (sentences.ts); each sentence becomes a TF-IDF vector over its content words (IDF from
 * the sentences of both sources together). Candidate pairs come from an inverted index
 * (only sentences sharing a term are compared, never all against all); the links are
 * chosen greedily by similarity, with a small bonus for the same relative position, so a
 * sentence that moved is still found but order breaks ties. A link then takes in the
 * neighbouring sentences that raise its similarity (one sentence of A told in two of B, and
 * the other way round), and links that follow each other inside one passage on both sides
 * make one pair: a pair is two ranges of sentences, one in a passage of each source, and a
 * passage can hold several pairs (a paragraph of A told over three paragraphs of B pairs
 * with all three).
 */
import { diffArrays } from 'diff';
import type { DiffPart, PairKind } from '../../shared/types';
import { tokenize } from '../text/tokens';
import { sentences } from './sentences';

/**
 * Below this cosine similarity two sentences are not taken to tell the same thing. Chosen
 * on a labelled set of 191 real sentence pairs from different accounts of the same events
 * (tests/fixtures/paraphrase/; `npx tsx bench/paraphrase.ts` prints precision and recall
 * over thresholds, tests/unit/align/accounts.test.ts asserts them): at 0.35 precision 0.68,
 * recall 0.75. At 0.30 recall is 0.82 but precision 0.65: a false "reworded" misleads the
 * reader more than a pair missed, which is still read in its place.
 */
export const MATCH_THRESHOLD = 0.35;
/**
 * Two sentences must also share this many distinct content words: a short sentence shares
 * one or two words with many others and scores high by chance ("Jesus said, “I am.”" and
 * "“But who do you say that I am?”"). On the labelled set this raises precision from 0.53
 * to 0.68 at 0.35, for recall from 0.82 to 0.75.
 */
export const MIN_SHARED = 3;
/** A pair whose word diff leaves this share of the text unchanged is a copy with light edits. */
export const NEAR_THRESHOLD = 0.7;
const ORDER_BONUS = 0.05;
/** A neighbouring sentence joins a link when it raises the similarity by this much… */
const MERGE_GAIN = 0.02;
/** …and shares this much with the other side on its own. */
const MERGE_MIN = 0.1;
/** A sentence with fewer distinct content words than this pairs only with the same text ("See also", "[13]", a file name). */
const MIN_TERMS = 3;

const STOP = new Set(
  'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those he she they them his her their we our you your i not no so than then there here which who whom whose what when where why how all any both each few more most other some such only own same too very can will just also into over under about after before between during through up down out off again further once had has have having do does did would could should may might must shall see'.split(
    ' ',
  ),
);

export interface AlignInput {
  id: number;
  ordinal: number;
  /** Offsets of the passage in its source's text. */
  start: number;
  end: number;
  text: string;
  /** A heading's sentences pair only with a heading's, and prose with prose. */
  kind?: string;
}

/** A sentence: the index of its passage in the list aligned, and its offsets in the source's text. */
export interface Unit {
  passage: number;
  heading: boolean;
  start: number;
  end: number;
  text: string;
}

export interface Pair {
  /** Indexes of the passages in the lists aligned. */
  a: number;
  b: number;
  /** The sentences paired, as offsets into each source's text (inside passage `a`, resp. `b`). */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** How many sentences of each side the pair holds. */
  aSentences: number;
  bSentences: number;
  similarity: number;
  kind: PairKind;
}

export interface Alignment {
  /** In the order of A's text. */
  pairs: Pair[];
  /** Passages (indexes) with no sentence paired. */
  onlyA: number[];
  onlyB: number[];
  /** The share of each side's sentence text (in characters) that the pairs cover. */
  sharedA: number;
  sharedB: number;
}

type Counts = Map<string, number>;
type Vector = Map<string, number>;

/** A link being built: ranges [a0, a1) and [b0, b1) of sentence indexes. */
interface Link {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  ca: Counts;
  cb: Counts;
  sim: number;
}

/**
 * What a sentence says in words: links' addresses, image file names and reference marks
 * ("[13]") left out, which two unrelated link lines or image lines would otherwise share.
 */
function content(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ')
    .replace(/\S+\.(?:jpe?g|png|gif|svg|tiff?|webp)\b/gi, ' ')
    .replace(/\[(?:\d+|[a-z]|citation needed|note \d+)\]/gi, ' ');
}

/**
 * Content words, folded, cut to their first six letters: a cheap stem that makes "arrested",
 * "arrests" and "arresting" one term. On the labelled set it changes little (best F1 0.729
 * against 0.726 uncut, 0.739 cut at five, which starts to merge unrelated words such as
 * "execution" and "executive"); no stemmer package is needed for that.
 */
export function terms(text: string): string[] {
  return tokenize(content(text))
    .filter((w) => !STOP.has(w) && !/^\d{1,2}$/.test(w))
    .map((w) => (w.length > 6 && !/\d/.test(w) ? w.slice(0, 6) : w));
}

const countsOf = (list: string[]): Counts => {
  const c: Counts = new Map();
  for (const t of list) c.set(t, (c.get(t) ?? 0) + 1);
  return c;
};

const add = (x: Counts, y: Counts): Counts => {
  const out = new Map(x);
  for (const [t, n] of y) out.set(t, (out.get(t) ?? 0) + n);
  return out;
};

/** TF-IDF weights, as a unit vector. */
function weigh(c: Counts, idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, f] of c) {
    const w = (1 + Math.log(f)) * (idf.get(t) ?? 0);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** Cosine of two unit vectors: the dot product over the smaller one's terms. */
function cosine(x: Vector, y: Vector): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let dot = 0;
  for (const [t, w] of small) {
    const other = large.get(t);
    if (other !== undefined) dot += w * other;
  }
  return dot;
}

function sharedTerms(x: Counts, y: Counts): number {
  let n = 0;
  for (const t of x.keys()) if (y.has(t)) n++;
  return n;
}

function idfOf(all: Counts[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const c of all) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(1 + all.length / n));
  return idf;
}

/**
 * The similarity of each pair of texts, as the alignment measures two sentences: TF-IDF
 * cosine, with IDF from the distinct texts given (for the labelled set and its table).
 */
export function similarities(pairs: readonly (readonly [string, string])[]): number[] {
  const counts = pairs.map(([x, y]) => [countsOf(terms(x)), countsOf(terms(y))] as const);
  // Each text counted once in the IDF, however many pairs it is in.
  const distinct = new Map<string, Counts>();
  pairs.forEach(([x, y], i) => distinct.set(x, counts[i]![0]).set(y, counts[i]![1]));
  const idf = idfOf([...distinct.values()]);
  return counts.map(([x, y]) => (sharedTerms(x, y) < MIN_SHARED ? 0 : Math.round(cosine(weigh(x, idf), weigh(y, idf)) * 1000) / 1000));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The sentences of a list of passages. */
export function units(list: readonly AlignInput[]): Unit[] {
  const out: Unit[] = [];
  list.forEach((p, passage) => {
    for (const s of sentences(p.text))
      out.push({ passage, heading: p.kind === 'heading', start: p.start + s.start, end: p.start + s.end, text: p.text.slice(s.start, s.end) });
  });
  return out;
}

/** Above this many posting visits, only rare terms nominate candidates. */
const WORK_BUDGET = 4_000_000;
/** Terms in more sentences than this (and more than COMMON_SHARE of them) do not nominate candidates then. */
const COMMON_MIN = 50;
const COMMON_SHARE = 0.02;

export function align(a: readonly AlignInput[], b: readonly AlignInput[], threshold = MATCH_THRESHOLD): Alignment {
  const ua = units(a);
  const ub = units(b);
  const ca = ua.map((u) => countsOf(terms(u.text)));
  const cb = ub.map((u) => countsOf(terms(u.text)));
  const idf = idfOf([...ca, ...cb]);
  const va = ca.map((c) => weigh(c, idf));
  const vb = cb.map((c) => weigh(c, idf));
  const keyA = ua.map((u) => squash(u.text));
  const keyB = ub.map((u) => squash(u.text));
  const wordy = (c: Counts) => c.size >= MIN_TERMS;

  // Inverted index over B's sentences: each sentence of A is compared only with those sharing a term.
  const index = new Map<string, [number, number][]>();
  vb.forEach((v, j) => {
    if (!wordy(cb[j]!)) return;
    for (const [t, w] of v) {
      let list = index.get(t);
      if (!list) index.set(t, (list = []));
      list.push([j, w]);
    }
  });
  const sameText = new Map<string, number[]>();
  keyB.forEach((k, j) => {
    if (/\p{L}/u.test(k)) sameText.set(k, [...(sameText.get(k) ?? []), j]);
  });

  const candidates: { i: number; j: number; sim: number; score: number }[] = [];
  const consider = (i: number, j: number, sim: number) => {
    if (ua[i]!.heading !== ub[j]!.heading) return;
    if (keyA[i] === keyB[j]) sim = 1;
    else if (sim < threshold || !wordy(ca[i]!)) return;
    const drift = Math.abs(i / Math.max(1, ua.length - 1) - j / Math.max(1, ub.length - 1));
    candidates.push({ i, j, sim, score: sim + ORDER_BONUS * (1 - drift) });
  };
  // Summing products along the postings costs what the postings add up to. In prose that is
  // small; in a register, where every entry shares most words with every other, it is
  // |A| × |B| × words. Then only terms few sentences have nominate candidates (a common
  // term still counts in the similarity).
  let work = 0;
  va.forEach((v, i) => {
    if (wordy(ca[i]!)) for (const t of v.keys()) work += index.get(t)?.length ?? 0;
  });
  const dots = new Float64Array(ub.length);
  const shared = new Uint32Array(ub.length);
  const touched: number[] = [];
  const common = work <= WORK_BUDGET ? Infinity : Math.max(COMMON_MIN, Math.ceil(ub.length * COMMON_SHARE));
  va.forEach((v, i) => {
    const same = sameText.get(keyA[i]!) ?? [];
    if (!wordy(ca[i]!)) {
      for (const j of same) consider(i, j, 1);
      return;
    }
    if (common === Infinity) {
      // Dot products and shared terms summed in arrays over B, reset after each sentence of A.
      touched.length = 0;
      for (const [t, w] of v)
        for (const [j, wb] of index.get(t) ?? []) {
          if (!shared[j]) touched.push(j);
          dots[j] = dots[j]! + w * wb;
          shared[j] = shared[j]! + 1;
        }
      for (const j of same) if (!shared[j]) touched.push(j);
      for (const j of touched) {
        if (shared[j]! >= MIN_SHARED || keyA[i] === keyB[j]) consider(i, j, dots[j]!);
        dots[j] = 0;
        shared[j] = 0;
      }
    } else {
      const near = new Set<number>(same);
      for (const t of v.keys()) {
        const list = index.get(t);
        if (list && list.length <= common) for (const [j] of list) near.add(j);
      }
      for (const j of near) if (keyA[i] === keyB[j] || sharedTerms(ca[i]!, cb[j]!) >= MIN_SHARED) consider(i, j, cosine(v, vb[j]!));
    }
  });
  candidates.sort((x, y) => y.score - x.score);

  // One-to-one links, best first.
  const ownerA = new Int32Array(ua.length).fill(-1);
  const ownerB = new Int32Array(ub.length).fill(-1);
  const links: Link[] = [];
  for (const c of candidates) {
    if (ownerA[c.i] !== -1 || ownerB[c.j] !== -1) continue;
    ownerA[c.i] = ownerB[c.j] = links.length;
    links.push({ a0: c.i, a1: c.i + 1, b0: c.j, b1: c.j + 1, ca: ca[c.i]!, cb: cb[c.j]!, sim: c.sim });
  }

  // A link takes in a free neighbouring sentence of its passage when that raises its similarity.
  const sim = (x: Counts, y: Counts) => cosine(weigh(x, idf), weigh(y, idf));
  links.forEach((l, k) => {
    for (;;) {
      let best: { side: 'a' | 'b'; at: number; sim: number } | null = null;
      const tryAdd = (side: 'a' | 'b', at: number, from: number) => {
        const list = side === 'a' ? ua : ub;
        const owner = side === 'a' ? ownerA : ownerB;
        if (at < 0 || at >= list.length || owner[at] !== -1 || list[at]!.passage !== list[from]!.passage) return;
        const c = side === 'a' ? ca[at]! : cb[at]!;
        if (!wordy(c) || sim(c, side === 'a' ? l.cb : l.ca) < MERGE_MIN) return;
        const s = side === 'a' ? sim(add(l.ca, c), l.cb) : sim(l.ca, add(l.cb, c));
        if (s >= l.sim + MERGE_GAIN && (!best || s > best.sim)) best = { side, at, sim: s };
      };
      tryAdd('a', l.a0 - 1, l.a0);
      tryAdd('a', l.a1, l.a0);
      tryAdd('b', l.b0 - 1, l.b0);
      tryAdd('b', l.b1, l.b0);
      if (!best) break;
      const { side, at, sim: s } = best as { side: 'a' | 'b'; at: number; sim: number };
      if (side === 'a') {
        ownerA[at] = k;
        l.ca = add(l.ca, ca[at]!);
        if (at < l.a0) l.a0 = at;
        else l.a1 = at + 1;
      } else {
        ownerB[at] = k;
        l.cb = add(l.cb, cb[at]!);
        if (at < l.b0) l.b0 = at;
        else l.b1 = at + 1;
      }
      l.sim = s;
    }
  });

  // Links that follow each other in one passage on both sides make one pair.
  links.sort((x, y) => x.a0 - y.a0);
  const runs: Link[] = [];
  for (const l of links) {
    const r = runs[runs.length - 1];
    if (r && l.a0 === r.a1 && l.b0 === r.b1 && ua[l.a0]!.passage === ua[r.a0]!.passage && ub[l.b0]!.passage === ub[r.b0]!.passage) {
      r.a1 = l.a1;
      r.b1 = l.b1;
      r.ca = add(r.ca, l.ca);
      r.cb = add(r.cb, l.cb);
      r.sim = Math.max(r.sim, sim(r.ca, r.cb));
    } else runs.push({ ...l });
  }

  const pairs = runs.map((r): Pair => {
    const x = ua[r.a0]!;
    const y = ub[r.b0]!;
    const aEnd = ua[r.a1 - 1]!.end;
    const bEnd = ub[r.b1 - 1]!.end;
    const ta = a[x.passage]!.text.slice(x.start - a[x.passage]!.start, aEnd - a[x.passage]!.start);
    const tb = b[y.passage]!.text.slice(y.start - b[y.passage]!.start, bEnd - b[y.passage]!.start);
    const identical = squash(ta) === squash(tb);
    return {
      a: x.passage,
      b: y.passage,
      aStart: x.start,
      aEnd,
      bStart: y.start,
      bEnd,
      aSentences: r.a1 - r.a0,
      bSentences: r.b1 - r.b0,
      similarity: identical ? 1 : Math.min(1, Math.round(r.sim * 1000) / 1000),
      kind: identical ? 'identical' : unchangedShare(ta, tb) >= NEAR_THRESHOLD ? 'near' : 'paraphrase',
    };
  });

  const covered = (list: Unit[], owner: Int32Array) => {
    let all = 0;
    let paired = 0;
    list.forEach((u, i) => {
      all += u.end - u.start;
      if (owner[i] !== -1) paired += u.end - u.start;
    });
    return all ? paired / all : 0;
  };
  const only = (n: number, list: Unit[], owner: Int32Array) => {
    const paired = new Set<number>();
    list.forEach((u, i) => owner[i] !== -1 && paired.add(u.passage));
    return Array.from({ length: n }, (_, i) => i).filter((i) => !paired.has(i));
  };
  return {
    pairs,
    onlyA: only(a.length, ua, ownerA),
    onlyB: only(b.length, ub, ownerB),
    sharedA: covered(ua, ownerA),
    sharedB: covered(ub, ownerB),
  };
}

/** The share of the longer passage that a word diff leaves unchanged. */
export function unchangedShare(a: string, b: string): number {
  const same = wordDiff(a, b).reduce((n, p) => n + (p.op === 'same' ? p.text.length : 0), 0);
  return same / Math.max(a.length, b.length, 1);
}

/**
 * Word-level differences between two passages (jsdiff over whitespace-separated words, so
 * that "681,692" is one word); a changed figure is flagged.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const words = (s: string) => s.split(/(\s+)/).filter(Boolean);
  const out: DiffPart[] = [];
  for (const part of diffArrays(words(a), words(b))) {
    const text = part.value.join('');
    const op = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ text, op, number: false });
  }
  for (const p of out) p.number = p.op !== 'same' && /\d/.test(p.text);
  return out;
}
