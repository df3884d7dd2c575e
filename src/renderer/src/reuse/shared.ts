/** Pure helpers of the reuse views: a text cut at its shared spans, the report's sorting. */
import type { ReusePair, ReuseSpan } from '../../../shared/types';

/** A text as pieces, each shared or not, in order; spans out of range or overlapping are clipped. */
export function pieces(text: string, spans: readonly ReuseSpan[]): { text: string; shared: boolean }[] {
  const out: { text: string; shared: boolean }[] = [];
  let at = 0;
  for (const s of [...spans].sort((x, y) => x.start - y.start)) {
    const start = Math.max(at, Math.min(s.start, text.length));
    const end = Math.max(start, Math.min(s.end, text.length));
    if (start > at) out.push({ text: text.slice(at, start), shared: false });
    if (end > start) out.push({ text: text.slice(start, end), shared: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), shared: false });
  return out;
}

export type PairSort = 'shared' | 'shareA' | 'shareB' | 'passages' | 'longest' | 'a' | 'b';

const amount = (p: ReusePair) => Math.max(p.a.words, p.b.words);
const KEYS: Record<PairSort, (p: ReusePair) => number | string> = {
  shared: amount,
  shareA: (p) => p.a.share,
  shareB: (p) => p.b.share,
  passages: (p) => p.passages,
  longest: (p) => p.longest,
  a: (p) => p.a.title.toLowerCase(),
  b: (p) => p.b.title.toLowerCase(),
};

/** Whether a column sorts largest first when first chosen (numbers do; titles sort A to Z). */
export const FIRST_DESCENDING = (by: PairSort) => by !== 'a' && by !== 'b';

/** The pairs sorted by a column; ties by the amount shared, largest first. */
export function sortPairs(pairs: readonly ReusePair[], by: PairSort, descending: boolean): ReusePair[] {
  const key = KEYS[by];
  const dir = descending ? -1 : 1;
  return [...pairs].sort((x, y) => {
    const kx = key(x);
    const ky = key(y);
    if (kx !== ky) return (kx < ky ? -1 : 1) * dir;
    return amount(y) - amount(x);
  });
}

export const percent = (x: number) => `${x >= 0.995 || x === 0 ? Math.round(x * 100) : (x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
