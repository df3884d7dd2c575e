import { useState } from 'react';
import type { ClaimRecord } from '../../../shared/types';
import type { ClaimsState } from '../hooks/useClaims';
import { EmptyState } from '../components/EmptyState';
import { ClaimForm } from './ClaimForm';
import { formatValue } from './format';
import { ReviewQueue } from './ReviewQueue';

/** The source's numeric claims in text order: confirm, correct or reject each suggestion. */
export function ClaimsPanel(props: {
  sourceId: number;
  sourceTitle: string;
  claims: ClaimsState;
  selected: number | null;
  onSelect(id: number | null): void;
}) {
  const { list, actions, error, reload } = props.claims;
  const [reviewing, setReviewing] = useState(false);
  const suggested = list.filter((c) => c.status === 'suggested').length;
  const [editing, setEditing] = useState<number | null>(null);
  const [showRejected, setShowRejected] = useState(false);
  const active = list.filter((c) => c.status !== 'rejected');
  const rejected = list.filter((c) => c.status === 'rejected');
  const question = (id: number | null) => props.claims.questions.find((q) => q.id === id)?.label;

  const item = (c: ClaimRecord) => (
    <li key={c.id} className={`claim ${c.status}${c.id === props.selected ? ' open' : ''}`} aria-label={`Claim: ${formatValue(c)} ${c.measure}`}>
      <button type="button" className="claim-head" onClick={() => props.onSelect(c.id === props.selected ? null : c.id)}>
        <span className="claim-value">{formatValue(c)}</span> <span className="claim-measure">{c.measure}</span>
        <span className={`claim-status ${c.status}`}>{c.status}</span>
      </button>
      <p className="claim-quote">
        {c.passage !== null ? <span className="muted">¶{c.passage} </span> : <span className="warn-text">not placed </span>}“
        {c.quote.replace(/\s+/g, ' ')}”
      </p>
      {(c.event || c.questionId !== null) && (
        <p className="claim-meta muted small">
          {c.event}
          {c.questionId !== null && <> · question: {question(c.questionId)}</>}
        </p>
      )}
      {editing === c.id ? (
        <ClaimForm claim={c} questions={props.claims.questions} actions={actions} onDone={() => setEditing(null)} />
      ) : (
        <div className="claim-actions">
          {c.status !== 'confirmed' && (
            <button type="button" className="primary" onClick={() => void actions.update({ id: c.id, status: 'confirmed' })}>
              Confirm
            </button>
          )}
          <button type="button" onClick={() => setEditing(c.id)}>
            Correct…
          </button>
          {c.status === 'rejected' ? (
            <button type="button" onClick={() => void actions.update({ id: c.id, status: 'suggested' })}>
              Restore
            </button>
          ) : (
            <button type="button" className="link danger-text" onClick={() => void actions.update({ id: c.id, status: 'rejected' })}>
              Reject
            </button>
          )}
        </div>
      )}
    </li>
  );

  return (
    <aside className="claims-panel" aria-label="Claims">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {suggested > 0 && (
        <div className="pad-s">
          <button type="button" className="primary" onClick={() => setReviewing(true)}>
            Review {suggested} suggested
          </button>
        </div>
      )}
      {reviewing && (
        <ReviewQueue
          title={props.sourceTitle}
          filter={props.claims.review}
          questions={props.claims.questions}
          onOpen={(c) => {
            setReviewing(false);
            props.onSelect(c.id);
          }}
          onClose={() => setReviewing(false)}
          onChanged={() => void reload()}
        />
      )}
      {!active.length && (
        <EmptyState title="No claims in this source" compact>
          Sourcebench found no figures here; select a sentence that states one and choose Claim to record it by hand.
        </EmptyState>
      )}
      <ul className="annotation-list">{active.map(item)}</ul>
      {rejected.length > 0 && (
        <>
          <button type="button" className="link orphans-title" aria-expanded={showRejected} onClick={() => setShowRejected(!showRejected)}>
            Rejected ({rejected.length})
          </button>
          {showRejected && <ul className="annotation-list">{rejected.map(item)}</ul>}
        </>
      )}
    </aside>
  );
}
