import { useState } from 'react';
import type { ReuseHit } from '../../../shared/types';
import { Dialog } from '../components/Dialog';
import { useWhereElse } from '../hooks/useReuse';
import { percent } from './shared';
import { SharedText } from './SharedText';

/** Where the reader opens a hit: its passage, at its first shared words. */
export interface HitTarget {
  sourceId: number;
  passageId: number;
  start: number;
  end: number;
}

/** "Where else does this appear?": the passages of other sources sharing runs of words with one passage. */
export function WhereElse(props: { passageId: number; ordinal: number; onOpen(target: HitTarget): void; onClose(): void }) {
  const { found, error, loading } = useWhereElse(props.passageId);
  const [active, setActive] = useState(0);
  const hits = found?.hits ?? [];
  const shown = hits[Math.min(active, hits.length - 1)];
  const open = (h: ReuseHit) => {
    const first = h.spans[0] ?? { start: 0, end: 0 };
    props.onOpen({ sourceId: h.sourceId, passageId: h.passageId, start: h.start + first.start, end: h.start + first.end });
  };
  return (
    <Dialog title={`Where else does passage ${props.ordinal} appear?`} onClose={props.onClose} wide className="where-else">
      {found && (
        <section aria-label="The chosen passage" className="reuse-chosen">
          <SharedText text={found.text} spans={shown?.querySpans ?? []} />
        </section>
      )}
      <div role="status" className="muted reuse-status">
        {loading
          ? 'Looking for shared text…'
          : found && !hits.length
            ? `No other source shares a run of ${found.minWords} words or more with this passage.`
            : found
              ? `${hits.length} passage${hits.length === 1 ? ' in another source shares' : 's in other sources share'} runs of ${found.minWords} words or more; the most shared first.`
              : ''}
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <ol className="reuse-hits" aria-label="Passages sharing text">
        {hits.map((h, i) => (
          <li
            key={h.passageId}
            className={i === active ? 'reuse-hit active' : 'reuse-hit'}
            onMouseEnter={() => setActive(i)}
            onFocus={() => setActive(i)}
          >
            <div className="reuse-hit-head">
              <strong>{h.sourceTitle}</strong>
              {h.sourceDate && <span className="muted"> · {h.sourceDate}</span>}
              <span className="muted">
                {' '}
                · passage {h.ordinal} · {h.words} words shared, {percent(h.share)} of it
              </span>
            </div>
            <SharedText text={h.text} spans={h.spans} />
            <button type="button" onClick={() => open(h)} aria-label={`Open ${h.sourceTitle} at passage ${h.ordinal}`}>
              Open
            </button>
          </li>
        ))}
      </ol>
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
