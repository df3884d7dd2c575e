import type { NameRow } from './metadataForm';
import { emptyRow } from './metadataForm';

/** A list of names (authors, editors): each a person's family and given names or an organisation's, added and removed in place. */
export function Names(props: { label: string; rows: NameRow[]; onChange(rows: NameRow[]): void }) {
  const set = (i: number, patch: Partial<NameRow>) => props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const singular = props.label.replace(/s$/, '').toLowerCase();
  return (
    <div className="names span-all" role="group" aria-label={props.label}>
      <div className="names-head">
        <span>{props.label}</span>
        <button type="button" onClick={() => props.onChange([...props.rows, emptyRow()])}>
          Add {singular}
        </button>
      </div>
      {props.rows.map((r, i) => (
        <div key={r.key} className={r.organisation ? 'name-row organisation' : 'name-row'}>
          <select
            aria-label={`${props.label} ${i + 1}: person or organisation`}
            value={r.organisation ? 'organisation' : 'person'}
            onChange={(e) => set(i, { organisation: e.target.value === 'organisation' })}
          >
            <option value="person">Person</option>
            <option value="organisation">Organisation</option>
          </select>
          {r.organisation ? (
            <input
              aria-label={`${props.label} ${i + 1}: organisation`}
              value={r.literal}
              placeholder="Memorial Society"
              onChange={(e) => set(i, { literal: e.target.value })}
            />
          ) : (
            <>
              <input
                aria-label={`${props.label} ${i + 1}: family name`}
                value={r.family}
                placeholder="Family name"
                onChange={(e) => set(i, { family: e.target.value })}
              />
              <input
                aria-label={`${props.label} ${i + 1}: given name`}
                value={r.given}
                placeholder="Given name(s)"
                onChange={(e) => set(i, { given: e.target.value })}
              />
            </>
          )}
          <button
            type="button"
            className="icon"
            aria-label={`Remove ${singular} ${i + 1}`}
            title="Remove"
            onClick={() => props.onChange(props.rows.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
