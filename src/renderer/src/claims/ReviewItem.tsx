import type { ClaimRecord, Question } from '../../../shared/types';
import type { ClaimActions } from '../hooks/useClaims';
import { ClaimForm } from './ClaimForm';
import { confidenceLabel, formatPeriod, formatValue } from './format';
import type { Verdict } from './review';
import { verdictLabel } from './review';
import type { ReviewMoves } from './useReviewKeys';

/** One suggestion in the review queue: its sentence with the figure marked, its facts, and what can be done with it. */
export function ReviewItem(props: {
  claim: ClaimRecord;
  /** Its place in the queue, from 0. */
  at: number;
  verdict: Verdict | undefined;
  editing: boolean;
  questions: Question[];
  form: ClaimActions;
  /** The correction form was saved or closed. */
  onEdited(): void;
  moves: ReviewMoves;
}) {
  const { claim: current, moves } = props;
  return (
    <article className="review-item" aria-label={`Suggestion ${props.at + 1}`}>
      <blockquote className="review-sentence">
        {current.context ? (
          <>
            {current.context.before}
            <mark>{current.quote}</mark>
            {current.context.after}
          </>
        ) : (
          <mark>{current.quote}</mark>
        )}
      </blockquote>
      <dl className="review-facts">
        <dt>Value</dt>
        <dd className="claim-value">
          {formatValue(current)} {current.measure}
        </dd>
        <dt>Period</dt>
        <dd>{formatPeriod(current) || <span className="muted">not stated</span>}</dd>
        <dt>Event</dt>
        <dd>{current.event || <span className="muted">none</span>}</dd>
        <dt>Source</dt>
        <dd>
          {current.sourceTitle}
          {current.sourceAuthor && <>, {current.sourceAuthor}</>}
          {current.sourceDate && <> ({current.sourceDate})</>} · ¶{current.passage ?? '?'}
        </dd>
        {confidenceLabel(current) && (
          <>
            <dt>Extractor</dt>
            <dd className="warn-text">{confidenceLabel(current)}</dd>
          </>
        )}
      </dl>
      {props.verdict && <p className={`review-verdict ${props.verdict}`}>{verdictLabel(props.verdict)}</p>}
      {props.editing ? (
        <ClaimForm claim={current} questions={props.questions} compact actions={props.form} onDone={props.onEdited} />
      ) : (
        <div className="review-actions">
          <button type="button" onClick={moves.previous} disabled={props.at === 0}>
            ← Previous
          </button>
          <button type="button" className="primary" onClick={moves.confirm}>
            Confirm <kbd>C</kbd>
          </button>
          <button type="button" className="danger-text" onClick={moves.reject}>
            Reject <kbd>X</kbd>
          </button>
          <button type="button" onClick={moves.edit}>
            Edit <kbd>E</kbd>
          </button>
          <button type="button" onClick={moves.open}>
            Open in reader <kbd>O</kbd>
          </button>
          <button type="button" onClick={moves.next}>
            Next →
          </button>
        </div>
      )}
      <p className="muted small">
        Keys: → or J next · ← or K previous · C or Enter confirm · X or Delete reject · E edit · O open in reader · Esc close
      </p>
    </article>
  );
}
