/**
 * Passage alignment between two sources. Each passage becomes a TF-IDF vector over its
 * content words and word pairs (IDF from both sources together); candidate pairs come
 * from an inverted index (only passages sharing a term are compared); the assignment is
 * greedy one-to-one by similarity, with a small bonus for pairs in the same relative
 * position, so passages that moved are still paired but order breaks ties.
 */
import { diffArrays } from 'diff';
import type { DiffPart, PairKind } from '../../shared/types';
import { tokenize } from '../text/tokens';

/**
 * Below this cosine similarity two passages are taken to share words by chance. Different
 * passages on the same subject (the same names, the same years) score about 0.1 or less;
 * a paraphrase keeps its names, figures and key terms and scores 0.29 and up (both
 * measured in the unit tests on texts written for them).
 */
export const MATCH_THRESHOLD = 0.2;
/** A pair whose word diff leaves this share of the text unchanged is a copy with light edits. */
export const NEAR_THRESHOLD = 0.7;
const ORDER_BONUS = 0.05;

const STOP = new Set(
  'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those he she they them his her their we our you your i not no so than then there here which who whom whose what when where why how all any both each few more most other some such only own same too very can will just also into over under about after before between during through up down out off again further once had has have having do does did would could should may might must shall'.split(
    ' ',
  ),
);

export interface AlignInput {
  id: number;
  ordinal: number;
  start: number;
  end: number;
  text: string;
}

export interface Pair {
  a: number;
  b: number;
  similarity: number;
  kind: PairKind;
}

type Vector = Map<string, number>;

function terms(text: string): string[] {
  const words = tokenize(text).filter((w) => !STOP.has(w));
  const out = [...words];
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

function vectors(all: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const t of all) for (const term of new Set(t)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = all.length;
  return all.map((t) => {
    const tf = new Map<string, number>();
    for (const term of t) tf.set(term, (tf.get(term) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [term, f] of tf) {
      const w = (1 + Math.log(f)) * Math.log(1 + n / df.get(term)!);
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Above this many posting visits, only rare terms nominate candidates. */
const WORK_BUDGET = 4_000_000;
/** Terms in more passages than this (and more than COMMON_SHARE of them) do not nominate candidates then. */
const COMMON_MIN = 50;
const COMMON_SHARE = 0.02;

/** Cosine of two unit vectors: the dot product over the smaller one's terms. */
function cosine(x: Vector, y: Vector): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let dot = 0;
  for (const [term, w] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot;
}

export function align(a: AlignInput[], b: AlignInput[], threshold = MATCH_THRESHOLD): { pairs: Pair[]; onlyA: number[]; onlyB: number[] } {
  const vecs = vectors([...a.map((p) => terms(p.text)), ...b.map((p) => terms(p.text))]);
  const va = vecs.slice(0, a.length);
  const vb = vecs.slice(a.length);
  // Inverted index over B: each A passage is compared only with B passages sharing a term.
  const index = new Map<string, [number, number][]>();
  vb.forEach((v, j) => {
    for (const [term, w] of v) {
      let list = index.get(term);
      if (!list) index.set(term, (list = []));
      list.push([j, w]);
    }
  });
  const candidates: { i: number; j: number; sim: number; score: number }[] = [];
  const add = (i: number, j: number, sim: number) => {
    if (sim < threshold) return;
    const drift = Math.abs(i / Math.max(1, a.length - 1) - j / Math.max(1, b.length - 1));
    candidates.push({ i, j, sim, score: sim + ORDER_BONUS * (1 - drift) });
  };
  // Summing products along the postings costs what the postings add up to. In prose that is
  // small; in a register, where every entry shares most words with every other, it is
  // |A| × |B| × words. Then only terms few passages have nominate candidates (a common term
  // still counts in the similarity), and identical texts pair whatever their terms.
  let work = 0;
  for (const v of va) for (const term of v.keys()) work += index.get(term)?.length ?? 0;
  if (work <= WORK_BUDGET) {
    va.forEach((v, i) => {
      const dots = new Map<number, number>();
      for (const [term, w] of v) for (const [j, wb] of index.get(term) ?? []) dots.set(j, (dots.get(j) ?? 0) + w * wb);
      for (const [j, sim] of dots) add(i, j, sim);
    });
  } else {
    const common = Math.max(COMMON_MIN, Math.ceil(b.length * COMMON_SHARE));
    const sameText = new Map<string, number[]>();
    b.forEach((p, j) => {
      const key = squash(p.text);
      sameText.set(key, [...(sameText.get(key) ?? []), j]);
    });
    va.forEach((v, i) => {
      const near = new Set<number>(sameText.get(squash(a[i]!.text)) ?? []);
      for (const term of v.keys()) {
        const list = index.get(term);
        if (list && list.length <= common) for (const [j] of list) near.add(j);
      }
      for (const j of near) add(i, j, cosine(v, vb[j]!));
    });
  }
  candidates.sort((x, y) => y.score - x.score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    const identical = squash(a[c.i]!.text) === squash(b[c.j]!.text);
    const sim = identical ? 1 : Math.min(1, Math.round(c.sim * 1000) / 1000);
    pairs.push({
      a: c.i,
      b: c.j,
      similarity: sim,
      kind: identical ? 'identical' : unchangedShare(a[c.i]!.text, b[c.j]!.text) >= NEAR_THRESHOLD ? 'near' : 'paraphrase',
    });
  }
  pairs.sort((x, y) => x.a - y.a);
  return {
    pairs,
    onlyA: a.map((_, i) => i).filter((i) => !usedA.has(i)),
    onlyB: b.map((_, j) => j).filter((j) => !usedB.has(j)),
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
