import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import type { Command } from '../shortcuts';
import { commandFor } from '../shortcuts';

/** What the review queue's keys do: a handler for each of the shortcut table's `review` commands. */
export type ReviewMoves = Record<Command<'review'>, () => void>;

/**
 * The review queue by keyboard (the shortcut table's `review` keys): → or J next, ← or K
 * previous, C or Enter confirm, X or Delete reject, E edit, O open in the reader, Esc close.
 * The queue's box holds the focus whenever no correction is being typed, and takes it back
 * after each move, so that the keys reach it.
 */
export function useReviewKeys(moves: ReviewMoves, place: { editing: boolean; at: number; items: unknown }) {
  const box = useRef<HTMLDivElement>(null);
  const { editing, at, items } = place;

  useEffect(() => {
    if (!editing) box.current?.focus();
  }, [editing, items, at]);

  const onKey = (e: KeyboardEvent) => {
    if (editing || e.altKey || e.ctrlKey || e.metaKey) return;
    // Enter on a focused button is the button's own.
    if (e.key === 'Enter' && e.target instanceof HTMLButtonElement) return;
    const move = commandFor('review', e, false);
    if (move) {
      e.preventDefault();
      moves[move]();
    }
  };

  return { box, onKey };
}
