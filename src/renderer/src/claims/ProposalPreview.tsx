import { useEffect, useState } from 'react';
import type { ProposedQuestion } from '../../../shared/types';
import { useClaimsById } from '../hooks/useReview';
import { confidenceLabel, formatPeriod, formatValue } from './format';

/**
 * A proposed question before it is accepted: every claim it would gather, with its value,
 * period, source and the sentence it comes from. Accept all, or only the ones ticked.
 */
export function ProposalPreview(props: { proposal: ProposedQuestion; onAccept(label: string, claimIds: number[]): void; onCancel(): void }) {
  const { claims, error } = useClaimsById(props.proposal.claimIds);
  const [picked, setPicked] = useState<Set<number>>(new Set(props.proposal.claimIds));
  const [label, setLabel] = useState(props.proposal.label);

  useEffect(() => {
    setPicked(new Set(props.proposal.claimIds));
    setLabel(props.proposal.label);
  }, [props.proposal]);

  const toggle = (id: number) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const periods = new Set((claims ?? []).map(formatPeriod).filter(Boolean));

  return (
    <section className="proposal-preview" aria-label="Proposal preview">
      <header className="evidence-header">
        <h2>Proposed: {props.proposal.label}</h2>
      </header>
      <p className="muted small">
        {props.proposal.claimIds.length} claims share this event and measure. Untick the ones that don’t belong, then accept.
        {periods.size > 1 && <span className="warn-text"> They cover different periods ({[...periods].join(', ')}).</span>}
      </p>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <label className="proposal-label">
        Question
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      {claims && (
        <table className="evidence-table">
          <thead>
            <tr>
              <th>
                <span className="visually-hidden">Include</span>
              </th>
              <th>Value</th>
              <th>Period</th>
              <th>Source</th>
              <th>Sentence</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id} className={picked.has(c.id) ? '' : 'left-out'}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Include ${formatValue(c)} ${c.measure} from ${c.sourceTitle}`}
                    checked={picked.has(c.id)}
                    onChange={() => toggle(c.id)}
                  />
                </td>
                <td className="num">
                  {formatValue(c)} {c.measure}
                  {c.status === 'confirmed' ? <span className="muted"> (confirmed)</span> : <span className="muted"> (unconfirmed)</span>}
                  {confidenceLabel(c) && <span className="warn-text"> · {confidenceLabel(c)}</span>}
                </td>
                <td>{formatPeriod(c) || '—'}</td>
                <td>
                  {c.sourceTitle}
                  {c.sourceAuthor && <span className="muted">, {c.sourceAuthor}</span>}
                </td>
                <td className="context">
                  {c.context ? (
                    <>
                      {c.context.before}
                      <mark>{c.quote}</mark>
                      {c.context.after}
                    </>
                  ) : (
                    <mark>{c.quote}</mark>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions start">
        <button type="button" className="primary" disabled={!label.trim()} onClick={() => props.onAccept(label.trim(), props.proposal.claimIds)}>
          Accept all ({props.proposal.claimIds.length})
        </button>
        <button
          type="button"
          disabled={!label.trim() || picked.size === 0 || picked.size === props.proposal.claimIds.length}
          onClick={() =>
            props.onAccept(
              label.trim(),
              props.proposal.claimIds.filter((id) => picked.has(id)),
            )
          }
        >
          Accept {picked.size} selected
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
