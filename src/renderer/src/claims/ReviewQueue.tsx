import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimRecord, Question } from '../../../shared/types';
import { messageOf } from '../api';
import type { In } from '../hooks/apiTypes';
import { useReview } from '../hooks/useReview';
import { ClaimForm } from './ClaimForm';
import { confidenceLabel, formatPeriod, formatValue } from './format';

type Verdict = 'confirmed' | 'rejected' | 'corrected';

/**
 * A keyboard-driven pass over unconfirmed suggestions: one at a time, the sentence with the
 * figure marked. → or J next, ← or K previous, C or Enter confirm, X or Delete reject, E edit,
 * O open in the reader, Esc close. Confirming or rejecting moves on to the next.
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
  const { items, setItems, error, setError } = review;
  const [at, setAt] = useState(0);
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});
  const [editing, setEditing] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const { onChanged, onClose, onOpen } = props;

  useEffect(() => {
    if (!editing) box.current?.focus();
  }, [editing, items, at]);

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

  const onKey = (e: React.KeyboardEvent) => {
    if (editing || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    const act: Record<string, () => void> = {
      arrowright: () => setAt((i) => Math.min(i + 1, items?.length ?? 0)),
      j: () => setAt((i) => Math.min(i + 1, items?.length ?? 0)),
      arrowleft: () => setAt((i) => Math.max(i - 1, 0)),
      k: () => setAt((i) => Math.max(i - 1, 0)),
      c: () => void decide('confirmed'),
      enter: () => void decide('confirmed'),
      x: () => void decide('rejected'),
      delete: () => void decide('rejected'),
      backspace: () => void decide('rejected'),
      e: () => current && setEditing(true),
      o: () => current && onOpen(current),
      escape: onClose,
    };
    // Enter on a focused button is the button's own.
    if (key === 'enter' && e.target instanceof HTMLButtonElement) return;
    const f = act[key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  const count = (v: Verdict) => Object.values(verdicts).filter((x) => x === v).length;
  const verdict = current ? verdicts[current.id] : undefined;

  return (
    <div className="review" role="dialog" aria-modal="true" aria-label={`Review: ${props.title}`} tabIndex={-1} ref={box} onKeyDown={onKey}>
      <header className="review-header">
        <h2>Review: {props.title}</h2>
        <span className="muted" aria-live="polite">
          {items === null
            ? 'Loading…'
            : `${Math.min(at + 1, items.length)} of ${items.length} · ${count('confirmed')} confirmed · ${count('rejected')} rejected · ${count('corrected')} corrected`}
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
            All {items!.length} reviewed: {count('confirmed')} confirmed, {count('rejected')} rejected, {count('corrected')} corrected,{' '}
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
        <article className="review-item" aria-label={`Suggestion ${at + 1}`}>
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
          {verdict && (
            <p className={`review-verdict ${verdict}`}>
              {verdict === 'corrected' ? 'Corrected and confirmed' : verdict === 'confirmed' ? 'Confirmed' : 'Rejected'}
            </p>
          )}
          {editing ? (
            <ClaimForm
              claim={current}
              questions={props.questions}
              compact
              actions={review.form}
              onDone={() => {
                setEditing(false);
                void review.fetchOne(current.id).then((fresh) => {
                  if (!fresh) return;
                  setItems((list) => list && list.map((c) => (c.id === fresh.id ? fresh : c)));
                  if (
                    fresh.status === 'confirmed' &&
                    (fresh.low !== current.low ||
                      fresh.high !== current.high ||
                      fresh.measure !== current.measure ||
                      fresh.approx !== current.approx ||
                      fresh.unit !== current.unit ||
                      fresh.fromYear !== current.fromYear ||
                      fresh.toYear !== current.toYear ||
                      fresh.event !== current.event ||
                      fresh.questionId !== current.questionId)
                  ) {
                    setVerdicts((v) => ({ ...v, [fresh.id]: 'corrected' }));
                  }
                  onChanged();
                });
              }}
            />
          ) : (
            <div className="review-actions">
              <button type="button" onClick={() => setAt((i) => Math.max(i - 1, 0))} disabled={at === 0}>
                ← Previous
              </button>
              <button type="button" className="primary" onClick={() => void decide('confirmed')}>
                Confirm <kbd>C</kbd>
              </button>
              <button type="button" className="danger-text" onClick={() => void decide('rejected')}>
                Reject <kbd>X</kbd>
              </button>
              <button type="button" onClick={() => setEditing(true)}>
                Edit <kbd>E</kbd>
              </button>
              <button type="button" onClick={() => onOpen(current)}>
                Open in reader <kbd>O</kbd>
              </button>
              <button type="button" onClick={() => setAt((i) => i + 1)}>
                Next →
              </button>
            </div>
          )}
          <p className="muted small">
            Keys: → or J next · ← or K previous · C or Enter confirm · X or Delete reject · E edit · O open in reader · Esc close
          </p>
        </article>
      )}
    </div>
  );
}
