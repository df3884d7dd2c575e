import type { ClaimRecord } from '../../../shared/types';

export { formatPeriod } from '../../../shared/period';

/** A claim's value as a historian reads it: "600,000–1,200,000", "at least 1.5 million", "~50%". */
export function formatValue(c: Pick<ClaimRecord, 'low' | 'high' | 'unit' | 'approx'>): string {
  const n = (v: number) => (c.unit === 'percent' ? `${v}%` : v >= 1e6 && v % 1e5 === 0 ? `${v / 1e6} million` : v.toLocaleString('en-US'));
  const body =
    c.low !== null && c.high !== null
      ? c.low === c.high
        ? n(c.low)
        : `${n(c.low)}–${n(c.high)}`
      : c.low !== null
        ? `at least ${n(c.low)}`
        : `up to ${n(c.high!)}`;
  return c.approx ? `~${body}` : body;
}

/** How sure the extractor was, in words, for a suggestion; '' for a claim confirmed or recorded by hand. */
export function confidenceLabel(c: Pick<ClaimRecord, 'confidence' | 'status'>): string {
  if (c.status !== 'suggested' || c.confidence === undefined) return '';
  return c.confidence < 0.7 ? 'low confidence' : c.confidence < 0.9 ? 'fair confidence' : '';
}
