import type { SourceSummary } from '../../../shared/types';

/**
 * The two sources Compare opens on: A as asked for (else the first listed), B as asked for
 * when it is another source (a reuse report's pair), else the first other source listed.
 */
export function initialPair(
  sources: readonly SourceSummary[],
  initialA: number | null,
  initialB?: number | null,
): { a: number | null; b: number | null } {
  const a = initialA ?? sources[0]?.id ?? null;
  const asked = initialB !== undefined && initialB !== null && initialB !== a && sources.some((s) => s.id === initialB) ? initialB : null;
  return { a, b: asked ?? sources.find((s) => s.id !== a)?.id ?? null };
}
