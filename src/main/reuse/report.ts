/**
 * The project-wide reuse report: which sources share text with which, how much, and which
 * came first. The reuse index is read in hash order (one slice of the hash space at a time,
 * yielding between slices so the app stays responsive and a cancel is heard); passages of
 * different sources under the same fingerprint are candidate pairs, each then compared word
 * by word (find.ts). No pair of passages is compared that shares no fingerprint.
 */
import type Database from 'better-sqlite3';
import edtf from 'edtf';
import type { ReusePair, ReuseProgress, ReuseReport } from '../../shared/types';
import type { Words } from './fingerprint';
import { charSpans, covered, MIN_WORDS, wordsOf } from './fingerprint';
import { shared } from './find';

/** In the report a fingerprint shared by more passages than this is a formula, not reuse. */
export const REPORT_COMMON_PRINT = 50;
/** Slices of the fingerprint tokens read at a time (by their first two hex digits). */
const SLICES = 256;
/** Candidate pairs compared between two yields. */
const PAIRS_PER_STEP = 2000;

export type Progress = Pick<ReuseProgress, 'phase' | 'done' | 'total'>;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

class Cancelled extends Error {}

/** The earliest and latest moments a source's EDTF date allows, or null when it has none or it cannot be read. */
function bounds(date: string | null): [number, number] | null {
  if (!date) return null;
  try {
    const d = edtf(date) as { min: number; max: number };
    return Number.isFinite(d.min) || Number.isFinite(d.max) ? [d.min, d.max] : null;
  } catch {
    return null;
  }
}

/** 'a' when a's whole date range ends before b's begins, 'b' the other way, else null. */
export function earlierOf(a: string | null, b: string | null): 'a' | 'b' | null {
  const x = bounds(a);
  const y = bounds(b);
  if (!x || !y) return null;
  if (x[1] < y[0]) return 'a';
  if (y[1] < x[0]) return 'b';
  return null;
}

interface SourceFacts {
  id: number;
  title: string;
  date: string | null;
  chars: number;
  words: number;
}

/** Per pair of sources: each side's passages with the word ranges they share. */
interface PairAcc {
  a: Map<number, [number, number][]>;
  b: Map<number, [number, number][]>;
  passages: number;
  longest: number;
}

export async function reuseReport(db: Database.Database, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<ReuseReport> {
  const check = async () => {
    await tick();
    if (signal.aborted) throw new Cancelled('cancelled');
  };
  const sources = new Map<number, SourceFacts>();
  const ranges = db
    .prepare('SELECT id, title, date, chars, first_passage AS first, passage_count AS n FROM source WHERE passage_count > 0')
    .all() as {
    id: number;
    title: string;
    date: string | null;
    chars: number;
    first: number;
    n: number;
  }[];
  // Passage ids of a source are consecutive from its first (store/sources.ts).
  const maxId = ranges.reduce((m, r) => Math.max(m, r.first + r.n), 0);
  const sourceOf = new Int32Array(maxId + 1);
  let passageCount = 0;
  for (const r of ranges) {
    sources.set(r.id, { id: r.id, title: r.title, date: r.date, chars: r.chars, words: 0 });
    sourceOf.fill(r.id, r.first, r.first + r.n);
    passageCount += r.n;
  }

  // 1. Candidate pairs of passages: under a fingerprint, those of different sources.
  const candidates = new Set<number>();
  // Slices of the token space by its first two hex digits; fts5vocab reads a term range in term order.
  const slice = db.prepare('SELECT term, doc FROM reuse_vocab WHERE term >= ? AND term < ?').raw();
  for (let s = 0; s < SLICES; s++) {
    const lo = s.toString(16).padStart(2, '0');
    const hi = s + 1 < SLICES ? (s + 1).toString(16).padStart(2, '0') : 'g';
    const rows = slice.all(lo, hi) as [string, number][];
    for (let i = 0; i < rows.length;) {
      let j = i + 1;
      while (j < rows.length && rows[j]![0] === rows[i]![0]) j++;
      if (j - i >= 2 && j - i <= REPORT_COMMON_PRINT) {
        for (let x = i; x < j; x++)
          for (let y = x + 1; y < j; y++) {
            const p = rows[x]![1];
            const q = rows[y]![1];
            if (sourceOf[p] === sourceOf[q] || !sourceOf[p] || !sourceOf[q]) continue;
            // Ids below 2^26 (67 million passages): the key stays an exact integer.
            candidates.add(p < q ? p * 2 ** 26 + q : q * 2 ** 26 + p);
          }
      }
      i = j;
    }
    onProgress({ phase: 'fingerprints', done: s + 1, total: SLICES });
    await check();
  }

  // 2. Each candidate pair compared word by word; what they share summed per pair of sources.
  const pairs = [...candidates].sort((x, y) => x - y);
  const text = db.prepare('SELECT text FROM passage WHERE id = ?').pluck();
  const cache = new Map<number, Words | null>();
  const wordsOfPassage = (id: number): Words | null => {
    let w = cache.get(id);
    if (w === undefined) {
      const t = text.get(id) as string | undefined;
      w = t === undefined ? null : wordsOf(t);
      if (cache.size > 20_000) cache.clear();
      cache.set(id, w);
    }
    return w;
  };
  const bySources = new Map<string, PairAcc>();
  const add = (side: Map<number, [number, number][]>, id: number, r: [number, number][]) => {
    const list = side.get(id);
    if (list) list.push(...r);
    else side.set(id, [...r]);
  };
  for (let k = 0; k < pairs.length; k++) {
    const key = pairs[k]!;
    let p = Math.floor(key / 2 ** 26);
    let q = key % 2 ** 26;
    if (sourceOf[p]! > sourceOf[q]!) [p, q] = [q, p];
    const wp = wordsOfPassage(p);
    const wq = wordsOfPassage(q);
    const s = wp && wq ? shared(wp, wq) : null;
    if (s) {
      const name = `${sourceOf[p]}:${sourceOf[q]}`;
      let acc = bySources.get(name);
      if (!acc) bySources.set(name, (acc = { a: new Map(), b: new Map(), passages: 0, longest: 0 }));
      add(acc.a, p, s.a.ranges);
      add(acc.b, q, s.b.ranges);
      acc.passages++;
      acc.longest = Math.max(acc.longest, s.runs[0]!.words);
    }
    if ((k + 1) % PAIRS_PER_STEP === 0 || k === pairs.length - 1) {
      onProgress({ phase: 'passages', done: k + 1, total: pairs.length });
      await check();
    }
  }

  // 3. Per pair of sources: shared characters and words of each, and which came first.
  const side = (sourceId: number, passages: Map<number, [number, number][]>) => {
    const src = sources.get(sourceId)!;
    let chars = 0;
    let words = 0;
    for (const [id, r] of passages) {
      const w = wordsOfPassage(id);
      if (!w) continue;
      const c = covered(r);
      words += c.words;
      for (const span of charSpans(w, c.ranges)) chars += span.end - span.start;
    }
    return { id: src.id, title: src.title, date: src.date, chars, words, share: src.chars ? Math.min(1, chars / src.chars) : 0 };
  };
  const out: ReusePair[] = [];
  for (const [name, acc] of bySources) {
    const [a, b] = name.split(':').map(Number) as [number, number];
    const sa = side(a, acc.a);
    const sb = side(b, acc.b);
    out.push({ a: sa, b: sb, passages: acc.passages, longest: acc.longest, earlier: earlierOf(sa.date, sb.date) });
  }
  out.sort((x, y) => Math.max(y.a.words, y.b.words) - Math.max(x.a.words, x.b.words) || x.a.id - y.a.id || x.b.id - y.b.id);
  onProgress({ phase: 'done', done: 1, total: 1 });
  return { pairs: out, passages: passageCount, sources: sources.size, minWords: MIN_WORDS };
}

export { Cancelled };
