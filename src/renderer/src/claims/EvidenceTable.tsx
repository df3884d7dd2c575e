import { Fragment, useState } from 'react';
import type { ClaimRecord, Evidence, Question } from '../../../shared/types';
import type { ClaimActions } from '../hooks/useClaims';
import { ClaimForm } from './ClaimForm';
import { confidenceLabel, formatPeriod, formatValue } from './format';

/**
 * A question's claims, one row each, curated in place: confirm, correct, reject, move to another
 * question, mark preferred; the quote opens the reader at its passage. Warnings say where a claim
 * doesn't fit the rest.
 */
export function EvidenceTable(props: { evidence: Evidence; questions: Question[]; actions: ClaimActions; onOpen(c: ClaimRecord): void }) {
  const { evidence, actions } = props;
  const [editing, setEditing] = useState<number | null>(null);
  const [reason, setReason] = useState<{ id: number; text: string } | null>(null);
  const others = props.questions.filter((q) => q.id !== evidence.question.id);

  return (
    <table className="evidence-table">
      <thead>
        <tr>
          <th>Source</th>
          <th>Value</th>
          <th>Period</th>
          <th>Quote</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {evidence.claims.map((c) => {
          const warnings = evidence.warnings.filter((w) => w.claimId === c.id);
          const far = evidence.outliers.includes(c.id);
          return (
            <Fragment key={c.id}>
              <tr
                className={[far ? 'far' : '', warnings.length ? 'warned' : '', c.status].join(' ').trim()}
                aria-label={`${formatValue(c)} ${c.measure} from ${c.sourceTitle}`}
              >
                <td>
                  <div>{c.sourceTitle}</div>
                  <div className="muted small">
                    {c.sourceAuthor ?? 'Unknown author'}
                    {c.sourceDate ? `, ${c.sourceDate}` : ''}
                  </div>
                </td>
                <td className="num">
                  <div>
                    {formatValue({ ...c, approx: false })} {c.measure}
                  </div>
                  <div className="muted small">
                    {[
                      c.approx ? 'hedged' : c.low === null ? 'upper bound' : c.high === null ? 'lower bound' : '',
                      c.status === 'suggested' ? 'unconfirmed' : '',
                      confidenceLabel(c),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                  {far && <div className="warn-text small">far from the rest</div>}
                  {warnings.map((w) => (
                    <div key={w.kind} className="warn-text small warning">
                      ⚠ {w.message}
                    </div>
                  ))}
                </td>
                <td>{formatPeriod(c) || <span className="muted">—</span>}</td>
                <td>
                  <button type="button" className="link quote-link" title="Open in the reader" onClick={() => props.onOpen(c)}>
                    “{c.quote.replace(/\s+/g, ' ')}” ¶{c.passage ?? '?'}
                  </button>
                </td>
                <td>
                  <div className="row-actions">
                    {c.status === 'suggested' && (
                      <button type="button" className="primary" onClick={() => void actions.update({ id: c.id, status: 'confirmed' })}>
                        Confirm
                      </button>
                    )}
                    <button type="button" aria-expanded={editing === c.id} onClick={() => setEditing(editing === c.id ? null : c.id)}>
                      Correct…
                    </button>
                    <button type="button" className="link danger-text" onClick={() => void actions.update({ id: c.id, status: 'rejected' })}>
                      Reject
                    </button>
                    <select
                      aria-label="Move to question"
                      value=""
                      onChange={(e) => {
                        const to = e.target.value;
                        if (to) void actions.update({ id: c.id, questionId: to === 'none' ? null : Number(to) });
                      }}
                    >
                      <option value="">Move to…</option>
                      {others.map((q) => (
                        <option key={q.id} value={q.id}>
                          {q.label}
                        </option>
                      ))}
                      <option value="none">No question</option>
                    </select>
                    {reason?.id === c.id ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          void actions.update({ id: c.id, preferred: true, preferredReason: reason.text }).then(() => setReason(null));
                        }}
                      >
                        <input
                          aria-label="Why this value is preferred"
                          value={reason.text}
                          onChange={(e) => setReason({ id: c.id, text: e.target.value })}
                          autoFocus
                        />
                      </form>
                    ) : c.preferred ? (
                      <button
                        type="button"
                        className="link"
                        title={c.preferredReason}
                        onClick={() => void actions.update({ id: c.id, preferred: false })}
                      >
                        ★ preferred
                      </button>
                    ) : (
                      <button type="button" className="link" onClick={() => setReason({ id: c.id, text: '' })}>
                        Prefer…
                      </button>
                    )}
                  </div>
                </td>
              </tr>
              {editing === c.id && (
                <tr className="edit-row">
                  <td colSpan={5}>
                    <ClaimForm claim={c} questions={props.questions} actions={actions} compact onDone={() => setEditing(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
