/** Order statistics of the benchmark's timings, one definition for every row. */

/** The p-th percentile (0–100) of the values, by rank: the value below which p% of them fall. */
export function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

export const median = (xs: readonly number[]): number => pct(xs, 50);
