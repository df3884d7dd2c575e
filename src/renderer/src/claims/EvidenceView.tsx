import { useCallback, useEffect, useState } from 'react';
import type { ClaimRecord, Evidence, ProposedQuestion, Question } from '../../../shared/types';
import { api, messageOf } from '../api';
import { download } from '../hooks/useAnnotations';
import { EventsPanel } from './EventsPanel';
import { EvidenceTable } from './EvidenceTable';
import { formatPeriod, formatValue } from './format';
import { ProposalPreview } from './ProposalPreview';
import { RangeChart } from './RangeChart';
import { ReviewQueue } from './ReviewQueue';

/** Questions and, for the chosen one, every source's claim side by side: a table and a range chart. */
export function EvidenceView(props: { projectPath: string | undefined; onOpen(c: ClaimRecord): void }) {
  const [questions, setQuestions] = useState<Question[]>([]);
  const [proposals, setProposals] = useState<ProposedQuestion[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [previewing, setPreviewing] = useState<ProposedQuestion | null>(null);
  const [reviewing, setReviewing] = useState(false);

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

  const run = async <R,>(action: () => Promise<R>): Promise<R | undefined> => {
    try {
      const result = await action();
      await reload();
      if (selected !== null) setEvidence(await api.getEvidence({ questionId: selected }));
      return result;
    } catch (err) {
      setError(messageOf(err));
      return undefined;
    }
  };
  const accept = (label: string, claimIds: number[]) =>
    void run(() => api.createQuestion({ label, claimIds })).then((q) => {
      if (!q) return;
      setPreviewing(null);
      setSelected(q.id);
    });
  const loadReview = useCallback(() => api.listClaims({ questionId: selected ?? -1, status: 'suggested', context: true }), [selected]);
  const unconfirmed = evidence?.claims.filter((c) => c.status === 'suggested').length ?? 0;

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
              <button
                type="button"
                className={q.id === selected && !previewing ? 'question current' : 'question'}
                aria-current={q.id === selected && !previewing}
                onClick={() => {
                  setPreviewing(null);
                  setSelected(q.id);
                }}
              >
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
              <div key={p.label} className={previewing?.label === p.label ? 'proposal current' : 'proposal'}>
                <button type="button" className="link proposal-name" aria-label={`Preview ${p.label}`} onClick={() => setPreviewing(p)}>
                  {p.label} <span className="muted">({p.claimIds.length} claims)</span>
                </button>
                <button type="button" onClick={() => accept(p.label, p.claimIds)}>
                  Accept
                </button>
              </div>
            ))}
          </div>
        )}
        <EventsPanel key={props.projectPath ?? ''} onChanged={() => void run(async () => undefined)} />
      </aside>
      <div className="evidence-main">
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        {reviewing && evidence && (
          <ReviewQueue
            title={evidence.question.label}
            load={loadReview}
            questions={questions}
            onOpen={props.onOpen}
            onClose={() => {
              setReviewing(false);
              void run(async () => undefined);
            }}
            onChanged={() => void reload()}
          />
        )}
        {previewing ? (
          <ProposalPreview proposal={previewing} onAccept={accept} onCancel={() => setPreviewing(null)} />
        ) : !questions.length && !proposals.length ? (
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
              {unconfirmed > 0 && (
                <button type="button" className="primary" onClick={() => setReviewing(true)}>
                  Review {unconfirmed} unconfirmed
                </button>
              )}
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
                  {evidence.period && formatPeriod(evidence.period) && <> · most figures cover {formatPeriod(evidence.period)}</>}
                  {evidence.logScale && <> · log scale</>}
                  {evidence.warnings.length > 0 && (
                    <span className="warn-text">
                      {' '}
                      · {evidence.warnings.length} {evidence.warnings.length === 1 ? 'claim does' : 'claims do'} not fit the rest (see ⚠ below)
                    </span>
                  )}
                  {evidence.unit === 'mixed' && <span className="warn-text"> · counts and percentages mixed: the chart shows the counts</span>}
                </p>
                <RangeChart evidence={evidence} onPick={props.onOpen} />
                <EvidenceTable evidence={evidence} questions={questions} run={run} onOpen={props.onOpen} />
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
