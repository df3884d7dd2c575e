import { useCallback, useState } from 'react';
import type { ClaimRecord, Question } from '../../../shared/types';
import { messageOf } from '../api';
import type { In } from '../hooks/apiTypes';
import { useReview } from '../hooks/useReview';
import type { Verdict } from './review';
import { tally, wasCorrected } from './review';
import { ReviewItem } from './ReviewItem';
import type { ReviewMoves } from './useReviewKeys';
import { useReviewKeys } from './useReviewKeys';

/**
 * A keyboard-driven pass over unconfirmed suggestions: one at a time, the sentence with the
 * figure marked (the keys are useReviewKeys'). Confirming or rejecting moves on to the next.
 */
export function ReviewQueue(props: {
  title: string;
  /** Which claims to go through. */
  filter: In<'listClaims'>;
  questions: Question[];
  onOpen(c: ClaimRecord): void;
  onClose(): void;
  onChanged(): void;
}) {
  const review = useReview(props.filter);
  const { items, error, setError } = review;
  const [at, setAt] = useState(0);
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});
  const [editing, setEditing] = useState(false);
  const { onChanged, onClose, onOpen } = props;

  const current = items?.[at];
  const done = items !== null && at >= items.length;
  const decide = useCallback(
    async (status: 'confirmed' | 'rejected') => {
      if (!current) return;
      try {
        await review.decide(current.id, status);
        setVerdicts((v) => ({ ...v, [current.id]: status }));
        setError(null);
        setAt((i) => i + 1);
        onChanged();
      } catch (err) {
        setError(messageOf(err));
      }
    },
    [current, onChanged, review, setError],
  );

  /** The correction form closed: the claim is read again, and a changed, confirmed one counts as corrected. */
  const edited = (before: ClaimRecord) => {
    setEditing(false);
    void review.reread(before.id).then((fresh) => {
      if (!fresh) return;
      if (wasCorrected(before, fresh)) setVerdicts((v) => ({ ...v, [fresh.id]: 'corrected' }));
      onChanged();
    });
  };

  const moves: ReviewMoves = {
    next: () => setAt((i) => Math.min(i + 1, items?.length ?? 0)),
    previous: () => setAt((i) => Math.max(i - 1, 0)),
    confirm: () => void decide('confirmed'),
    reject: () => void decide('rejected'),
    edit: () => current && setEditing(true),
    open: () => current && onOpen(current),
    close: onClose,
  };
  const { box, onKey } = useReviewKeys(moves, { editing, at, items });
  const count = tally(verdicts);

  return (
    <div className="review" role="dialog" aria-modal="true" aria-label={`Review: ${props.title}`} tabIndex={-1} ref={box} onKeyDown={onKey}>
      <header className="review-header">
        <h2>Review: {props.title}</h2>
        <span className="muted" aria-live="polite">
          {items === null
            ? 'Loading…'
            : `${Math.min(at + 1, items.length)} of ${items.length} · ${count.confirmed} confirmed · ${count.rejected} rejected · ${count.corrected} corrected`}
        </span>
        <div className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {items !== null && items.length === 0 && <p className="pad">No unconfirmed suggestions here: everything has been reviewed.</p>}
      {done && items!.length > 0 && (
        <div className="review-done pad">
          <p>
            All {items!.length} reviewed: {count.confirmed} confirmed, {count.rejected} rejected, {count.corrected} corrected,{' '}
            {items!.length - Object.keys(verdicts).length} left as they were.
          </p>
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>{' '}
          <button type="button" onClick={() => setAt(0)}>
            Back to the first
          </button>
        </div>
      )}
      {current && (
        <ReviewItem
          claim={current}
          at={at}
          verdict={verdicts[current.id]}
          editing={editing}
          questions={props.questions}
          form={review.form}
          onEdited={() => edited(current)}
          moves={moves}
        />
      )}
    </div>
  );
}
