/** The review queue's verdicts: what was decided on each suggestion, counted and said in words. */
import type { ClaimRecord } from '../../../shared/types';

export type Verdict = 'confirmed' | 'rejected' | 'corrected';

/** What a correction can change about a claim. */
const CORRECTABLE = ['low', 'high', 'measure', 'approx', 'unit', 'fromYear', 'toYear', 'event', 'questionId'] as const;

/** Whether a suggestion, read again after its form was saved, was confirmed with something changed. */
export function wasCorrected(before: ClaimRecord, after: ClaimRecord): boolean {
  return after.status === 'confirmed' && CORRECTABLE.some((k) => after[k] !== before[k]);
}

/** How many suggestions have each verdict. */
export function tally(verdicts: Record<number, Verdict>): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { confirmed: 0, rejected: 0, corrected: 0 };
  for (const v of Object.values(verdicts)) counts[v]++;
  return counts;
}

/** A verdict as the queue shows it on the suggestion. */
export function verdictLabel(v: Verdict): string {
  return v === 'corrected' ? 'Corrected and confirmed' : v === 'confirmed' ? 'Confirmed' : 'Rejected';
}
