import { useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { EmptyState } from '../components/EmptyState';
import { useCollate } from '../hooks/useCollate';
import { shownSegments } from './cells';
import { CollationTable } from './CollationTable';
import { WitnessPicker } from './WitnessPicker';

/** Rows drawn at first, and added by each "Show more". */
const PAGE = 400;

/** Several witnesses of one text aligned word by word: a column per witness, where they differ highlighted, changed figures marked. */
export function CollateView(props: { sources: SourceSummary[]; initial: number[] }) {
  const [chosen, setChosen] = useState<number[]>(props.initial);
  const [base, setBase] = useState<number | null>(null);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const { collation: c, error, loading, save } = useCollate(chosen, base);
  const { rows, more } = c ? shownSegments(c.segments, onlyDifferences, limit) : { rows: [], more: 0 };
  const choose = (ids: number[]) => {
    setChosen(ids);
    if (base !== null && !ids.includes(base)) setBase(null);
  };

  return (
    <section className="collate" aria-label="Collate">
      <header className="toolbar">
        <h1 className="view-title">Collate</h1>
        <label className="check">
          Base text
          <select value={base ?? ''} onChange={(e) => setBase(e.target.value ? Number(e.target.value) : null)} disabled={chosen.length < 2}>
            <option value="">None (parallel)</option>
            {chosen.map((id, i) => (
              <option key={id} value={id}>
                w{i + 1}: {props.sources.find((s) => s.id === id)?.title ?? id}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} />
          Only differences
        </label>
        <div className="spacer" />
        <button type="button" disabled={!c} onClick={() => save('tei')}>
          Save TEI…
        </button>
        <button type="button" disabled={!c} onClick={() => save('markdown')}>
          Save Markdown…
        </button>
      </header>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <div className="collate-body">
        <WitnessPicker sources={props.sources} chosen={chosen} onChange={choose} />
        {chosen.length < 2 ? (
          <EmptyState title="Choose the witnesses">
            Tick two to ten sources: copies, editions or translations of one text. Their words are aligned side by side, the places where they differ
            are highlighted, and a changed figure is marked.
          </EmptyState>
        ) : c ? (
          <>
            <p className="collate-summary" aria-live="polite">
              {c.variants.toLocaleString()} places where the witnesses differ, <strong>{c.figures.toLocaleString()} in a figure</strong>.{' '}
              <span className="muted">{c.normalisation}</span>
            </p>
            <div className="collate-scroll" tabIndex={0} role="region" aria-label="Collation table">
              <CollationTable collation={c} rows={rows} />
              {more > 0 && (
                <button type="button" className="collate-more" onClick={() => setLimit(limit + PAGE)}>
                  Show {Math.min(more, PAGE).toLocaleString()} more rows ({more.toLocaleString()} not shown)
                </button>
              )}
            </div>
          </>
        ) : (
          loading && <p className="muted view-loading">Collating…</p>
        )}
      </div>
    </section>
  );
}
