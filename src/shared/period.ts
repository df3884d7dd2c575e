import type { ClaimRecord } from './types';

/** The years a claim covers as a historian writes them: "1937–1938", "1937", "from 1929", "until 1953"; '' when unknown. */
export function formatPeriod(c: Pick<ClaimRecord, 'fromYear' | 'toYear'>): string {
  const from = c.fromYear ?? null;
  const to = c.toYear ?? null;
  if (from === null && to === null) return '';
  if (from !== null && to !== null) return from === to ? String(from) : `${from}–${to}`;
  return from !== null ? `from ${from}` : `until ${to}`;
}
