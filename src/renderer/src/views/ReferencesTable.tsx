import type { ReferenceItem, SourceSummary } from '../../../shared/types';
import type { Choice } from './ReferencesDialog';
import { initialChoice } from './ReferencesDialog';

const HOW: Record<string, string> = {
  doi: 'same DOI',
  url: 'same address',
  title: 'same title',
  'title-fuzzy': 'similar title',
};

/** Each item of a reference file, the source it goes to (proposed, confirmed or chosen), or an empty source to make. */
export function ReferencesTable(props: {
  items: ReferenceItem[];
  choices: Choice[];
  set(i: number, patch: Partial<Choice>): void;
  byId: Map<number, SourceSummary>;
  sorted: SourceSummary[];
}) {
  const { items, choices, set, byId, sorted } = props;
  return (
    <div className="references-table-wrap">
      <table className="references-table" aria-label="References">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Authors</th>
            <th scope="col">Year</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => {
            const c = choices[i]!;
            const proposed = item.match.sourceId !== null && c.sourceId === item.match.sourceId;
            const target = c.sourceId !== null ? byId.get(c.sourceId) : undefined;
            const label = item.title.length > 60 ? `${item.title.slice(0, 60)}…` : item.title;
            return (
              <tr key={item.index} className={c.sourceId !== null ? (c.apply ? 'chosen' : 'unsure') : c.create ? 'chosen' : ''}>
                <td>
                  {item.title}
                  {item.dropped.length > 0 && (
                    <div className="muted small" title={item.dropped.join('\n')}>
                      Left out: {item.dropped.join('; ')}
                    </div>
                  )}
                </td>
                <td>{item.authors || <span className="muted">—</span>}</td>
                <td>{item.year ?? <span className="muted">—</span>}</td>
                <td className="references-match">
                  {c.sourceId !== null ? (
                    <>
                      <div>
                        {!item.match.sure && proposed && <span className="muted">Perhaps: </span>}
                        <strong>{target?.title ?? `source #${c.sourceId}`}</strong>
                        {proposed && item.match.how && <span className="match-how"> · {HOW[item.match.how]}</span>}
                      </div>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={c.apply}
                          onChange={(e) => set(i, { apply: e.target.checked })}
                          aria-label={`${proposed && !item.match.sure ? 'Confirm' : 'Update'}: ${label}`}
                        />
                        {proposed && !item.match.sure ? 'Confirm' : 'Update this source'}
                      </label>
                      {!proposed && (
                        <button type="button" className="link" onClick={() => set(i, initialChoice(item))}>
                          Undo
                        </button>
                      )}
                    </>
                  ) : (
                    <>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={c.create}
                          onChange={(e) => set(i, { create: e.target.checked })}
                          aria-label={`Create an empty source: ${label}`}
                        />
                        Create an empty source
                      </label>
                      <select
                        aria-label={`Choose a source for: ${label}`}
                        value=""
                        onChange={(e) => e.target.value && set(i, { sourceId: Number(e.target.value), apply: true, create: false })}
                      >
                        <option value="">or choose a source…</option>
                        {sorted.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.title.length > 70 ? `${s.title.slice(0, 70)}…` : s.title}
                          </option>
                        ))}
                      </select>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
