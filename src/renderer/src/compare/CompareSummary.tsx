import type { AlignedPair, Comparison } from '../../../shared/types';
import { formatValue } from '../claims/format';

/** The summary shows a few groups of claims and a few values each: a long source can give thousands. */
const MAX_GROUPS = 6;
const MAX_VALUES = 5;

function values(list: Parameters<typeof formatValue>[0][]): string {
  const shown = list
    .slice(0, MAX_VALUES)
    .map((c) => formatValue(c))
    .join(', ');
  return list.length > MAX_VALUES ? `${shown} … (${list.length.toLocaleString()} in all)` : shown;
}

const range = (r: { from: number; to: number }) => (r.from === r.to ? `¶${r.from}` : `¶${r.from}–${r.to}`);

/** How much the two sources share, where they tell the same events, and their claims side by side. */
export function CompareSummary({ cmp }: { cmp: Comparison }) {
  return (
    <div className="compare-summary" role="status" aria-label="Comparison summary">
      <strong>{cmp.pairs.length} pairs</strong> · {Math.round(cmp.sharedA * 100)}% of A and {Math.round(cmp.sharedB * 100)}% of B shared ·{' '}
      {cmp.onlyA.length} passages only in A · {cmp.onlyB.length} only in B
      {cmp.sections.length > 0 && (
        <p className="compare-sections">
          Same events:{' '}
          {cmp.sections
            .slice(0, MAX_GROUPS)
            .map((s) => `A ${range(s.a)} ⇆ B ${range(s.b)}`)
            .join(' · ')}
          {cmp.sections.length > MAX_GROUPS && ` … (${cmp.sections.length} stretches in all)`}
        </p>
      )}
      {cmp.pairClaims.length > 0 && (
        <ul className="compare-claims" aria-label="Claims in paired sentences">
          {cmp.pairClaims.slice(0, MAX_GROUPS).map((g) => (
            <li key={g.pair} className={g.differ ? 'differ' : ''}>
              Pair #{g.pair + 1}: A {values(g.a)} ({g.a[0]!.measure}) · B {values(g.b)} ({g.b[0]!.measure})
              {g.differ && <strong className="warn-text"> — the figures differ</strong>}
            </li>
          ))}
        </ul>
      )}
      {cmp.claims.length > 0 && (
        <ul className="compare-claims" aria-label="Claims side by side">
          {cmp.claims.slice(0, MAX_GROUPS).map((g) => (
            <li key={`${g.label}|${g.measure}`} className={g.differ ? 'differ' : ''}>
              {g.label} ({g.measure}): A {values(g.a)} · B {values(g.b)}
              {g.differ && <strong className="warn-text"> — the figures differ</strong>}
            </li>
          ))}
          {cmp.claims.length > MAX_GROUPS && (
            <li className="muted">… and {cmp.claims.length - MAX_GROUPS} more groups of claims (the Evidence view lists them all)</li>
          )}
        </ul>
      )}
    </div>
  );
}

/** The current pair: how alike its sentences are, and their word differences. */
export function PairDetail({ pair, index }: { pair: AlignedPair; index: number }) {
  return (
    <div className="compare-detail" role="region" aria-label="Pair detail">
      <strong>
        Pair #{index + 1}: A ¶{pair.a.ordinal} ⇆ B ¶{pair.b.ordinal}
      </strong>{' '}
      · similarity {pair.similarity.toFixed(2)} ({pair.kind === 'near' ? 'near-identical' : pair.kind})
      {pair.diff ? (
        <p className="diff" aria-label="Word differences">
          {pair.diff.map((d, i) =>
            d.op === 'same' ? (
              <span key={i}>{d.text}</span>
            ) : d.op === 'removed' ? (
              <del key={i} className={d.number ? 'num-change' : ''}>
                {d.text}
              </del>
            ) : (
              <ins key={i} className={d.number ? 'num-change' : ''}>
                {d.text}
              </ins>
            ),
          )}
        </p>
      ) : (
        <p className="muted small">
          {pair.kind === 'identical' ? 'The two read the same.' : 'Reworded: the sentences tell the same thing in other words.'}
        </p>
      )}
    </div>
  );
}
