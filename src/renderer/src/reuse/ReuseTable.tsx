import { useState } from 'react';
import type { ReusePair, ReuseSide } from '../../../shared/types';
import type { PairSort } from './shared';
import { FIRST_DESCENDING, percent, sortPairs } from './shared';

const COLUMNS: { key: PairSort; label: string }[] = [
  { key: 'a', label: 'Source A' },
  { key: 'b', label: 'Source B' },
  { key: 'shareA', label: 'Shared of A' },
  { key: 'shareB', label: 'Shared of B' },
  { key: 'passages', label: 'Passages' },
  { key: 'longest', label: 'Longest run' },
];

/** Rows shown at once; the export holds them all. */
const SHOWN = 500;

function Source(props: { side: ReuseSide }) {
  return (
    <>
      <span className="reuse-title">{props.side.title}</span>
      {props.side.date && <span className="muted"> · {props.side.date}</span>}
    </>
  );
}

const shared = (s: ReuseSide) => `${s.words.toLocaleString()} words (${percent(s.share)})`;

/** The pairs of sources that share text, sortable by each column; each opens its two sources in Compare. */
export function ReuseTable(props: { pairs: ReusePair[]; onCompare(a: number, b: number): void }) {
  const [sort, setSort] = useState<{ by: PairSort; descending: boolean }>({ by: 'shared', descending: true });
  const rows = sortPairs(props.pairs, sort.by, sort.descending);
  const sortBy = (by: PairSort) => setSort((s) => ({ by, descending: s.by === by ? !s.descending : FIRST_DESCENDING(by) }));
  return (
    <div className="reuse-table-wrap">
      <table className="evidence-table reuse-table">
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} aria-sort={sort.by === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort" onClick={() => sortBy(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sort.by === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
            <th>Earlier</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((p) => (
            <tr key={`${p.a.id}:${p.b.id}`}>
              <td>
                <button type="button" onClick={() => props.onCompare(p.a.id, p.b.id)} aria-label={`Compare ${p.a.title} with ${p.b.title}`}>
                  Compare
                </button>
              </td>
              <td>
                <Source side={p.a} />
              </td>
              <td>
                <Source side={p.b} />
              </td>
              <td>{shared(p.a)}</td>
              <td>{shared(p.b)}</td>
              <td>{p.passages.toLocaleString()}</td>
              <td>{p.longest.toLocaleString()} words</td>
              <td title={p.earlier ? undefined : 'The dates do not tell (missing, or overlapping)'}>
                {p.earlier === 'a' ? 'A' : p.earlier === 'b' ? 'B' : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && (
        <p className="muted reuse-more">
          The first {SHOWN} of {rows.length.toLocaleString()} pairs are shown; export the report for all of them.
        </p>
      )}
    </div>
  );
}
