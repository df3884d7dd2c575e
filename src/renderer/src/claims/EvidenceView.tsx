import { useCallback, useEffect, useState } from 'react';
import type { ClaimRecord, Evidence, ProposedQuestion, Question } from '../../../shared/types';
import { api, messageOf } from '../api';
import { download } from '../hooks/useAnnotations';
import { formatValue } from './format';
import { RangeChart } from './RangeChart';

/** Questions and, for the chosen one, every source's claim side by side: a table and a range chart. */
export function EvidenceView(props: { projectPath: string | undefined; onOpen(c: ClaimRecord): void }) {
  const [questions, setQuestions] = useState<Question[]>([]);
  const [proposals, setProposals] = useState<ProposedQuestion[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [reason, setReason] = useState<{ id: number; text: string } | null>(null);

  const reload = useCallback(async () => {
    try {
      const [qs, ps] = await Promise.all([api.listQuestions({}), api.proposeQuestions({})]);
      setQuestions(qs);
      setProposals(ps);
      setSelected((s) => (s !== null && qs.some((q) => q.id === s) ? s : (qs[0]?.id ?? null)));
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload, props.projectPath]);
  useEffect(() => {
    if (selected === null) return setEvidence(null);
    api.getEvidence({ questionId: selected }).then(setEvidence, (err) => setError(messageOf(err)));
  }, [selected, questions]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await reload();
      if (selected !== null) setEvidence(await api.getEvidence({ questionId: selected }));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const exportAs = async (format: 'csv' | 'markdown', all: boolean) => {
    try {
      const file = await api.exportEvidence({ questionId: all ? undefined : (selected ?? undefined), format });
      download(file, format === 'csv' ? 'text/csv' : 'text/markdown');
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section className="evidence" aria-label="Evidence">
      <aside className="questions" aria-label="Questions">
        <h1 className="view-title">Evidence</h1>
        <form
          className="new-question"
          onSubmit={(e) => {
            e.preventDefault();
            if (newLabel.trim()) void run(() => api.createQuestion({ label: newLabel.trim() })).then(() => setNewLabel(''));
          }}
        >
          <input aria-label="New question" placeholder="New question, e.g. How many were executed?" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} />
          <button type="submit">Add</button>
        </form>
        <ul className="question-list">
          {questions.map((q) => (
            <li key={q.id}>
              <button type="button" className={q.id === selected ? 'question current' : 'question'} aria-current={q.id === selected} onClick={() => setSelected(q.id)}>
                {q.label} <span className="muted">({q.claims})</span>
              </button>
            </li>
          ))}
        </ul>
        {proposals.length > 0 && (
          <div className="proposals" role="region" aria-label="Proposed questions">
            <h2>Proposed</h2>
            <p className="muted small">Claims with the same event and measure, not yet in a question.</p>
            {proposals.map((p) => (
              <div key={p.label} className="proposal">
                <span>
                  {p.label} <span className="muted">({p.claimIds.length} claims)</span>
                </span>
                <button type="button" onClick={() => void run(() => api.createQuestion({ label: p.label, claimIds: p.claimIds }))}>
                  Accept
                </button>
              </div>
            ))}
          </div>
        )}
      </aside>
      <div className="evidence-main">
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        {!questions.length && !proposals.length ? (
          <div className="empty">
            <h2>No questions yet</h2>
            <p>
              Sourcebench finds the figures each source gives (executed, killed, died, arrested, imprisoned, deported, purged) and lists them in
              the reader's Claims tab. Confirm or correct them there and put them in a question — "How many were executed in the Great Purge?" —
              to compare the sources here, side by side.
            </p>
          </div>
        ) : evidence ? (
          <>
            <header className="evidence-header">
              <h2>{evidence.question.label}</h2>
              <div className="spacer" />
              <button type="button" onClick={() => void exportAs('csv', false)}>
                CSV
              </button>
              <button type="button" onClick={() => void exportAs('markdown', false)}>
                Markdown
              </button>
              <button type="button" onClick={() => void exportAs('csv', true)}>
                All questions as CSV
              </button>
              <button type="button" className="link danger-text" onClick={() => void run(() => api.deleteQuestion({ id: evidence.question.id }))}>
                Delete question
              </button>
            </header>
            {evidence.claims.length === 0 ? (
              <p className="muted pad">No claims in this question yet: choose it for a claim in the reader's Claims tab (Correct…).</p>
            ) : (
              <>
                <p className="evidence-stats" aria-label="Summary">
                  {evidence.span && (
                    <>
                      Span {formatValue({ low: evidence.span.low, high: evidence.span.high, unit: evidence.unit === 'percent' ? 'percent' : 'people', approx: false })}
                    </>
                  )}
                  {evidence.median !== null && (
                    <> · median of midpoints {formatValue({ low: evidence.median, high: evidence.median, unit: evidence.unit === 'percent' ? 'percent' : 'people', approx: false })}</>
                  )}
                  {evidence.logScale && <> · log scale</>}
                  {evidence.unit === 'mixed' && <span className="warn-text"> · counts and percentages mixed: the chart shows the counts</span>}
                </p>
                <RangeChart evidence={evidence} onPick={props.onOpen} />
                <table className="evidence-table">
                  <thead>
                    <tr>
                      <th>Source</th>
                      <th>Author</th>
                      <th>Date</th>
                      <th>Value</th>
                      <th>Hedge</th>
                      <th>Quote</th>
                      <th>
                        <span className="visually-hidden">Preferred</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {evidence.claims.map((c) => (
                      <tr key={c.id} className={evidence.outliers.includes(c.id) ? 'far' : ''}>
                        <td>{c.sourceTitle}</td>
                        <td>{c.sourceAuthor ?? '—'}</td>
                        <td>{c.sourceDate ?? '—'}</td>
                        <td className="num">
                          {formatValue({ ...c, approx: false })} {c.measure}
                          {evidence.outliers.includes(c.id) && <span className="warn-text"> (far from the rest)</span>}
                          {c.status === 'suggested' && <span className="muted"> (unconfirmed)</span>}
                        </td>
                        <td>{c.approx ? 'hedged' : c.low === null ? 'upper bound' : c.high === null ? 'lower bound' : '—'}</td>
                        <td>
                          <button type="button" className="link quote-link" onClick={() => props.onOpen(c)}>
                            “{c.quote.replace(/\s+/g, ' ')}” ¶{c.passage ?? '?'}
                          </button>
                        </td>
                        <td>
                          {reason?.id === c.id ? (
                            <form
                              onSubmit={(e) => {
                                e.preventDefault();
                                void run(() => api.updateClaim({ id: c.id, preferred: true, preferredReason: reason.text })).then(() => setReason(null));
                              }}
                            >
                              <input aria-label="Why this value is preferred" value={reason.text} onChange={(e) => setReason({ id: c.id, text: e.target.value })} autoFocus />
                            </form>
                          ) : c.preferred ? (
                            <button type="button" className="link" title={c.preferredReason} onClick={() => void run(() => api.updateClaim({ id: c.id, preferred: false }))}>
                              ★ preferred
                            </button>
                          ) : (
                            <button type="button" className="link" onClick={() => setReason({ id: c.id, text: '' })}>
                              Prefer…
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        ) : (
          <div className="empty">
            <h2>{questions.length ? 'Choose a question' : 'Accept a proposal to begin'}</h2>
            <p>
              {questions.length
                ? 'Pick a question on the left to see every source’s figure for it side by side, in a table and a range chart.'
                : 'Each proposal on the left gathers the claims that share an event and a measure. Accept one to make it a question and compare its sources here, or add a question of your own.'}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
