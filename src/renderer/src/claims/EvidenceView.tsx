import { useState } from 'react';
import type { ClaimRecord, ProposedQuestion } from '../../../shared/types';
import { useEvidence } from '../hooks/useEvidence';
import { EvidencePanel } from './EvidencePanel';
import { ProposalPreview } from './ProposalPreview';
import { QuestionList } from './QuestionList';
import { ReviewQueue } from './ReviewQueue';

/** Questions and, for the chosen one, every source's claim side by side: a table and a range chart. */
export function EvidenceView(props: { projectPath: string | undefined; onOpen(c: ClaimRecord): void }) {
  const state = useEvidence(props.projectPath);
  const { questions, proposals, evidence, error } = state;
  const [previewing, setPreviewing] = useState<ProposedQuestion | null>(null);
  const [reviewing, setReviewing] = useState(false);
  /** The questions panel, in a view too narrow to show it beside the evidence (styles.css). */
  const [questionsShown, setQuestionsShown] = useState(false);
  const preview = (p: ProposedQuestion | null) => {
    setPreviewing(p);
    setQuestionsShown(false);
  };

  const accept = (label: string, claimIds: number[]) =>
    void state.createQuestion({ label, claimIds }).then((q) => {
      if (!q) return;
      preview(null);
      state.select(q.id);
    });

  return (
    <section className={questionsShown ? 'evidence questions-shown' : 'evidence'} aria-label="Evidence">
      <div className="evidence-bar">
        <button type="button" aria-expanded={questionsShown} aria-controls="evidence-questions" onClick={() => setQuestionsShown(!questionsShown)}>
          Questions
        </button>
      </div>
      <QuestionList state={state} projectPath={props.projectPath} previewing={previewing} onPreview={preview} onAccept={accept} />
      <div className="evidence-main">
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        {reviewing && evidence && (
          <ReviewQueue
            title={evidence.question.label}
            filter={state.review}
            questions={questions}
            onOpen={props.onOpen}
            onClose={() => {
              setReviewing(false);
              void state.refresh();
            }}
            onChanged={() => void state.reload()}
          />
        )}
        {previewing ? (
          <ProposalPreview proposal={previewing} onAccept={accept} onCancel={() => setPreviewing(null)} />
        ) : !questions.length && !proposals.length ? (
          <div className="empty">
            <h2>No questions yet</h2>
            <p>
              Sourcebench finds the figures each source gives (executed, killed, died, arrested, imprisoned, deported, purged) and lists them in the
              reader's Claims tab. Confirm or correct them there and put them in a question — "How many were executed in the Great Purge?" — to
              compare the sources here, side by side.
            </p>
          </div>
        ) : evidence ? (
          <EvidencePanel state={state} evidence={evidence} onReview={() => setReviewing(true)} onOpen={props.onOpen} />
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
