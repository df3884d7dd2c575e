/**
 * The evidence for a question, from its claims: their span, median and outliers, and where
 * they do not fit together; and a claim's sentence in its source. Pure domain logic: the
 * store reads the claims, nothing here touches the database.
 */
import { formatPeriod } from '../../shared/period';
import type { ClaimRecord, Evidence, Measure, Question } from '../../shared/types';

/** The middle of a claim's value: its midpoint, or its one known bound. */
export function midpoint(c: { low: number | null; high: number | null }): number {
  if (c.low !== null && c.high !== null) return (c.low + c.high) / 2;
  return (c.low ?? c.high)!;
}

/** A question's evidence: its claims (rejected ones left out), their span, median, outliers and fit. */
export function evidenceOf(question: Question, all: readonly ClaimRecord[]): Evidence {
  const claims = all.filter((c) => c.status !== 'rejected');
  const placed = claims.filter((c) => c.low !== null || c.high !== null);
  const units = new Set(placed.map((c) => c.unit));
  const values = placed.flatMap((c) => [c.low, c.high]).filter((v): v is number => v !== null);
  const mids = placed.map(midpoint).sort((a, b) => a - b);
  const median = mids.length ? (mids.length % 2 ? mids[(mids.length - 1) / 2]! : (mids[mids.length / 2 - 1]! + mids[mids.length / 2]!) / 2) : null;
  const span = values.length ? { low: Math.min(...values), high: Math.max(...values) } : null;
  const outliers = median && placed.length >= 3 ? placed.filter((c) => midpoint(c) > median * 3 || midpoint(c) < median / 3).map((c) => c.id) : [];
  return {
    question,
    claims,
    span,
    median,
    outliers,
    logScale: !!span && span.low > 0 && span.high / span.low > 10,
    unit: units.size > 1 ? 'mixed' : ((units.values().next().value as 'people' | 'percent' | undefined) ?? 'people'),
    ...fitOf(claims),
  };
}

/** The words of the sentence around a quote (at most about 300 characters each side), for showing a claim in its context. */
export function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  const REACH = 300;
  const from = Math.max(0, start - REACH);
  const head = text.slice(from, start);
  // The sentence starts after the last full stop, question or exclamation mark followed by a space, or a blank line.
  let cut = -1;
  for (const m of head.matchAll(/[.!?]["'”’)\]]*\s+(?=\S)|\n\s*\n/g)) cut = m.index + m[0].length;
  let before = cut >= 0 ? head.slice(cut) : head;
  if (cut < 0 && from > 0) before = `…${before.replace(/^\S*\s/, '')}`;
  const tail = text.slice(end, end + REACH);
  const stop = /[.!?]["'”’)\]]*(?=\s|$)|\n\s*\n/.exec(tail);
  let after = stop ? tail.slice(0, stop.index + (stop[0].trim() ? stop[0].length : 0)) : tail;
  if (!stop && end + REACH < text.length) after = `${after.replace(/\s\S*$/, '')}…`;
  return { before: before.replace(/\s+/g, ' ').trimStart(), after: after.replace(/\s+/g, ' ').trimEnd() };
}

/** The years a claim covers, written as the views write them, or null when unknown. */
function period(c: ClaimRecord): string | null {
  return formatPeriod(c) || null;
}

/** The most frequent of some keys (the first of equals, in claim order). */
function commonest<K>(keys: K[]): K | null {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: K | null = null;
  for (const [k, n] of counts) if (best === null || n > counts.get(best)!) best = k;
  return best;
}

const MEASURE_NOUN: Record<Measure, string> = {
  executed: 'executions',
  killed: 'killings',
  died: 'deaths',
  arrested: 'arrests',
  imprisoned: 'people imprisoned',
  deported: 'deportations',
  purged: 'people purged',
};

/**
 * Where a question's claims don't fit together: each claim whose measure or period differs
 * from what most of the others count and cover, a share set beside counts, the same quote
 * counted twice. Claims with no years are not compared by period (nothing says they differ).
 */
export function fitOf(claims: ClaimRecord[]): Pick<Evidence, 'measure' | 'period' | 'warnings'> {
  const warnings: Evidence['warnings'] = [];
  const measure = commonest(claims.map((c) => c.measure));
  const periods = claims.map(period);
  const usual = commonest(periods.filter((p): p is string => p !== null));
  const usualClaim = claims[periods.indexOf(usual)];
  const counts = claims.filter((c) => c.unit === 'people').length;
  const seen = new Map<string, ClaimRecord>();
  claims.forEach((c, i) => {
    if (measure && c.measure !== measure) {
      warnings.push({
        claimId: c.id,
        kind: 'measure',
        message: `Counts ${MEASURE_NOUN[c.measure]}; most figures here count ${MEASURE_NOUN[measure]}`,
      });
    }
    const p = periods[i];
    if (usual !== null && p !== null && p !== usual) {
      warnings.push({ claimId: c.id, kind: 'period', message: `Covers ${p}; most figures here cover ${usual}` });
    }
    if (c.unit === 'percent' && counts > 0) {
      warnings.push({ claimId: c.id, kind: 'unit', message: 'A share (percent) beside counts of people' });
    }
    // The same words twice: one quote counted twice in a source, or one source repeating another's sentence.
    const words = c.quote.replace(/\s+/g, ' ').trim().toLowerCase();
    const twin = seen.get(words);
    if (twin && twin.sourceId === c.sourceId) {
      warnings.push({ claimId: c.id, kind: 'duplicate', message: `The same quote as another claim here (${formatShort(twin)}): counted twice` });
    } else if (twin && words.length >= 20) {
      warnings.push({ claimId: c.id, kind: 'duplicate', message: `The same words as “${twin.sourceTitle}”: one source may repeat the other` });
    } else if (!twin) seen.set(words, c);
  });
  return {
    measure,
    period: usualClaim ? { fromYear: usualClaim.fromYear ?? null, toYear: usualClaim.toYear ?? null } : null,
    warnings,
  };
}

function formatShort(c: ClaimRecord): string {
  const n = (v: number) => (c.unit === 'percent' ? `${v}%` : v.toLocaleString('en-US'));
  if (c.low !== null && c.high !== null) return c.low === c.high ? n(c.low) : `${n(c.low)}–${n(c.high)}`;
  return c.low !== null ? `at least ${n(c.low)}` : `up to ${n(c.high!)}`;
}
