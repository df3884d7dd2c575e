import type { Collation, CollationSegment } from '../../../shared/types';
import { cellState, readingLetter, rowLabel } from './cells';

/** The collation table: a column per witness, a row per segment; text all witnesses share spans the row. */
export function CollationTable(props: { collation: Collation; rows: { s: CollationSegment; i: number }[] }) {
  const { collation: c } = props;
  return (
    <table className="collation-table" aria-label="Collation">
      <thead>
        <tr>
          <th scope="col" className="collate-num">
            #
          </th>
          {c.witnesses.map((w, i) => (
            <th scope="col" key={w.id} className={c.base === i ? 'collate-base-head' : undefined} title={w.citation}>
              <span className="collate-siglum">{w.siglum}</span> {w.title}
              {c.base === i && <span className="collate-base-tag"> (base)</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ s, i }) => (
          <tr key={i} className={`collate-row collate-${s.kind}${s.figure ? ' collate-figure-row' : ''}`}>
            <th scope="row" className="collate-num">
              {i + 1}
              {rowLabel(s) && <span className="collate-kind">{rowLabel(s)}</span>}
            </th>
            {s.kind === 'same' ? (
              <td colSpan={c.witnesses.length} className="collate-cell same">
                {s.readings[0]}
              </td>
            ) : (
              s.readings.map((r, w) => <Cell key={w} s={s} w={w} reading={r} base={c.base} />)
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell(props: { s: CollationSegment; w: number; reading: string; base: number | null }) {
  const { s, w, reading } = props;
  const state = cellState(s, w, props.base);
  const marked = state === 'variant' || state === 'figure';
  return (
    <td className={`collate-cell ${state}`} data-state={state}>
      {s.kind === 'variant' && (
        <span className="collate-letter" title="Witnesses with the same letter agree here">
          {readingLetter(s, w)}
        </span>
      )}
      {reading ? <span className="collate-reading">{reading}</span> : <span className="collate-omitted">— omitted</span>}
      {state === 'figure' && <span className="collate-figure-mark">figure</span>}
      {marked && state !== 'figure' && <span className="visually-hidden"> (differs)</span>}
    </td>
  );
}
