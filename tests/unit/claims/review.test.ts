import { describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../src/shared/types';
import { tally, verdictLabel, wasCorrected } from '../../../src/renderer/src/claims/review';

const claim = (patch: Partial<ClaimRecord> = {}): ClaimRecord => ({
  id: 1,
  uuid: 'c',
  sourceId: 1,
  sourceUuid: 's',
  sourceTitle: 'Archival figures',
  sourceAuthor: null,
  sourceDate: null,
  status: 'suggested',
  origin: 'extracted',
  orphaned: false,
  questionId: null,
  preferred: false,
  preferredReason: '',
  passage: 3,
  quote: '681,692 people were executed',
  start: 0,
  end: 28,
  measure: 'executed',
  low: 681692,
  high: 681692,
  unit: 'people',
  approx: false,
  event: 'Great Purge',
  fromYear: 1937,
  toYear: 1938,
  ...patch,
});

describe('the review queue’s verdicts', () => {
  it('counts a suggestion as corrected when it was confirmed with a figure, period, event or question changed', () => {
    const before = claim();
    expect(wasCorrected(before, claim({ status: 'confirmed', high: 700000 }))).toBe(true);
    expect(wasCorrected(before, claim({ status: 'confirmed', approx: true }))).toBe(true);
    expect(wasCorrected(before, claim({ status: 'confirmed', toYear: 1939 }))).toBe(true);
    expect(wasCorrected(before, claim({ status: 'confirmed', event: 'Great Terror' }))).toBe(true);
    expect(wasCorrected(before, claim({ status: 'confirmed', questionId: 4 }))).toBe(true);
  });

  it('does not count one confirmed as it was, or changed but not confirmed', () => {
    const before = claim();
    expect(wasCorrected(before, claim({ status: 'confirmed' }))).toBe(false);
    // What the form does not change (the sentence, the preference) is not a correction.
    expect(wasCorrected(before, claim({ status: 'confirmed', quote: 'another quote', preferred: true }))).toBe(false);
    expect(wasCorrected(before, claim({ status: 'suggested', low: 1 }))).toBe(false);
  });

  it('tallies the verdicts and says each in words', () => {
    expect(tally({})).toEqual({ confirmed: 0, rejected: 0, corrected: 0 });
    expect(tally({ 1: 'confirmed', 2: 'rejected', 3: 'confirmed', 7: 'corrected' })).toEqual({ confirmed: 2, rejected: 1, corrected: 1 });
    expect(verdictLabel('confirmed')).toBe('Confirmed');
    expect(verdictLabel('rejected')).toBe('Rejected');
    expect(verdictLabel('corrected')).toBe('Corrected and confirmed');
  });
});
