/**
 * The passage each of many text positions falls in, by binary search over each source's
 * passage starts. A correlated subquery per row scanned a source's passages once per
 * claim or note: thousands of claims in a long source took seconds.
 */
import { lastAtOrBefore } from '../../shared/sorted';
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

