import { useRef, useState } from 'react';
import type { ClaimRecord, ProposedQuestion } from '../../../shared/types';
import { useShortcuts } from '../app/useShortcuts';
import { useEvidence } from '../hooks/useEvidence';
import { EmptyState } from '../components/EmptyState';
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
  const newQuestion = useRef<HTMLInputElement>(null);
  const at = questions.findIndex((q) => q.id === state.selected);
  const step = (by: number) => {
    const q = questions[Math.max(0, Math.min(questions.length - 1, at + by))];
    if (!q) return false;
    setPreviewing(null);
    state.select(q.id);
  };
  const shown = !previewing && evidence ? evidence : null;
  useShortcuts('evidence', {
    nextQuestion: () => step(at < 0 ? 0 : 1),
    previousQuestion: () => step(at < 0 ? 0 : -1),
    newQuestion: () => newQuestion.current?.focus(),
    review: () => (shown?.claims.some((c) => c.status === 'suggested') ? setReviewing(true) : false),
    exportCsv: () => (shown ? void state.exportAs('csv', false) : false),
    exportMarkdown: () => (shown ? void state.exportAs('markdown', false) : false),
    exportAllCsv: () => void state.exportAs('csv', true),
    deleteQuestion: () => (shown ? void state.deleteQuestion(shown.question.id) : false),
  });
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
      <QuestionList
        state={state}
        projectPath={props.projectPath}
        inputRef={newQuestion}
        previewing={previewing}
        onPreview={preview}
        onAccept={accept}
      />
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
          <EmptyState title="No questions yet">
            Confirm or correct the figures Sourcebench found in each source (the reader's Claims tab) and put them in a question, such as “How many
            were executed in the Great Purge?”, to compare the sources here side by side.
          </EmptyState>
        ) : evidence ? (
          <EvidencePanel state={state} evidence={evidence} onReview={() => setReviewing(true)} onOpen={props.onOpen} />
        ) : (
          <EmptyState title={questions.length ? 'Choose a question' : 'Accept a proposal to begin'}>
            {questions.length
              ? 'Pick a question on the left to see every source’s figure for it side by side, in a table and a range chart.'
              : 'Each proposal on the left gathers the claims that share an event and a measure: accept one, or add a question of your own, to compare its sources here.'}
          </EmptyState>
        )}
      </div>
    </section>
  );
}
