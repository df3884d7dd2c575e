import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';

/** What the review queue's keys do. */
export interface ReviewMoves {
  next(): void;
  previous(): void;
  confirm(): void;
  reject(): void;
  edit(): void;
  open(): void;
  close(): void;
}

const KEYS: Record<string, keyof ReviewMoves> = {
  arrowright: 'next',
  j: 'next',
  arrowleft: 'previous',
  k: 'previous',
  c: 'confirm',
  enter: 'confirm',
  x: 'reject',
  delete: 'reject',
  backspace: 'reject',
  e: 'edit',
  o: 'open',
  escape: 'close',
};

/**
 * The review queue by keyboard: → or J next, ← or K previous, C or Enter confirm, X or Delete
 * reject, E edit, O open in the reader, Esc close. The queue's box holds the focus whenever no
 * correction is being typed, and takes it back after each move, so that the keys reach it.
 */
export function useReviewKeys(moves: ReviewMoves, place: { editing: boolean; at: number; items: unknown }) {
  const box = useRef<HTMLDivElement>(null);
  const { editing, at, items } = place;

  useEffect(() => {
    if (!editing) box.current?.focus();
  }, [editing, items, at]);

  const onKey = (e: KeyboardEvent) => {
    if (editing || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    // Enter on a focused button is the button's own.
    if (key === 'enter' && e.target instanceof HTMLButtonElement) return;
    const move = KEYS[key];
    if (move) {
      e.preventDefault();
      moves[move]();
    }
  };

  return { box, onKey };
}
