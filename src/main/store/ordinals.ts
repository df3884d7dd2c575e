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
    // The last passage that starts at or before the position.
    let lo = 0;
    let hi = rows.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]![1] <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? null : rows[found]![0];
  });
}
