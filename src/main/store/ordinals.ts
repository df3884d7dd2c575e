/**
 * The passage each of many text positions falls in, by binary search over each source's
 * passage starts. A correlated subquery per row scanned a source's passages once per
 * claim or note: thousands of claims in a long source took seconds.
 */
import type { Db } from './project';

export function passageOrdinals(db: Db, items: readonly { sourceId: number; start: number }[]): (number | null)[] {
  const stmt = db.prepare('SELECT ordinal, start FROM passage WHERE source_id = ? ORDER BY start').raw();
  const bySource = new Map<number, [number, number][]>();
  return items.map(({ sourceId, start }) => {
    let rows = bySource.get(sourceId);
    if (!rows) bySource.set(sourceId, (rows = stmt.all(sourceId) as [number, number][]));
    const found = lastAtOrBefore(rows, start, (r) => r[1]);
    return found < 0 ? null : rows[found]![0];
  });
}

/** Index of the last item whose key is at most `value` in a list sorted by key, or -1. */
export function lastAtOrBefore<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
