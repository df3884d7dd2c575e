/**
 * The passage each of many text positions falls in, by binary search over each source's
 * passage starts. A correlated subquery per row scanned a source's passages once per
 * claim or note: thousands of claims in a long source took seconds.
 */
import { lastAtOrBefore } from '../../shared/sorted';
import type { Db } from './project';

export function passageOrdinals(db: Db, items: readonly { sourceId: number; start: number }[]): (number | null)[] {
  return passagePlaces(db, items).map((p) => p?.ordinal ?? null);
}

/** The passage each position falls in: its ordinal, and its page's printed label in a paginated source. */
export function passagePlaces(
  db: Db,
  items: readonly { sourceId: number; start: number }[],
): ({ ordinal: number; pageLabel: string | null } | null)[] {
  const stmt = db.prepare('SELECT ordinal, start, page_label FROM passage WHERE source_id = ? ORDER BY start').raw();
  const bySource = new Map<number, [number, number, string | null][]>();
  return items.map(({ sourceId, start }) => {
    let rows = bySource.get(sourceId);
    if (!rows) bySource.set(sourceId, (rows = stmt.all(sourceId) as [number, number, string | null][]));
    const found = lastAtOrBefore(rows, start, (r) => r[1]);
    return found < 0 ? null : { ordinal: rows[found]![0], pageLabel: rows[found]![2] };
  });
}
