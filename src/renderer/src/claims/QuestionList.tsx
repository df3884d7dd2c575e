import type { RefObject } from 'react';
import { useState } from 'react';
import type { ProposedQuestion } from '../../../shared/types';
import type { EvidenceState } from '../hooks/useEvidence';
import { keyed } from '../shortcuts';
import { EventsPanel } from './EventsPanel';

/** The questions, a form for a new one, the proposed ones and the events. */
export function QuestionList(props: {
  state: EvidenceState;
  projectPath: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  previewing: ProposedQuestion | null;
  onPreview(p: ProposedQuestion | null): void;
  onAccept(label: string, claimIds: number[]): void;
}) {
  const { state, previewing } = props;
  const [newLabel, setNewLabel] = useState('');
  return (
    <aside className="questions" id="evidence-questions" aria-label="Questions">
      <h1 className="view-title">Evidence</h1>
      <form
        className="new-question"
        onSubmit={(e) => {
          e.preventDefault();
          if (newLabel.trim()) void state.createQuestion({ label: newLabel.trim() }).then(() => setNewLabel(''));
        }}
      >
        <input
          ref={props.inputRef}
          aria-label="New question"
          placeholder="New question, e.g. How many were executed?"
          value={newLabel}
          onChange={(e) => setNewLabel(e.target.value)}
          {...keyed('evidence', 'newQuestion')}
        />
        <button type="submit">Add</button>
      </form>
      <ul className="question-list">
        {state.questions.map((q) => (
          <li key={q.id}>
            <button
              type="button"
              className={q.id === state.selected && !previewing ? 'question current' : 'question'}
              aria-current={q.id === state.selected && !previewing}
              onClick={() => {
                props.onPreview(null);
                state.select(q.id);
              }}
            >
              {q.label} <span className="muted">({q.claims})</span>
            </button>
          </li>
        ))}
      </ul>
      {state.proposals.length > 0 && (
        <div className="proposals" role="region" aria-label="Proposed questions">
          <h2>Proposed</h2>
          <p className="muted small">Claims with the same event and measure, not yet in a question.</p>
          {state.proposals.map((p) => (
            <div key={p.label} className={previewing?.label === p.label ? 'proposal current' : 'proposal'}>
              <button type="button" className="link proposal-name" aria-label={`Preview ${p.label}`} onClick={() => props.onPreview(p)}>
                {p.label} <span className="muted">({p.claimIds.length} claims)</span>
              </button>
              <button type="button" onClick={() => props.onAccept(p.label, p.claimIds)}>
                Accept
              </button>
            </div>
          ))}
        </div>
      )}
      <EventsPanel key={props.projectPath ?? ''} onChanged={() => void state.refresh()} />
    </aside>
  );
}
