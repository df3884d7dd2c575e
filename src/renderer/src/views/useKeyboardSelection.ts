import type { RefObject } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Passage } from '../../../shared/types';
import type { Span } from '../notes/highlights';
import { domPoint, selectionOffsets, showSelection } from '../notes/selection';
import type { KeySelection, Unit } from './keyboardSelection';
import { extend, moveCaret, passageReadable, shownAt, spanOf, storedSpan, wholeSpan } from './keyboardSelection';

type Shown = Span & { rect: DOMRect };

/** Scrolls the text just enough to show a rectangle. */
function reveal(container: HTMLElement, rect: DOMRect) {
  const box = container.getBoundingClientRect();
  const margin = 48;
  if (rect.bottom > box.bottom - margin) container.scrollTop += rect.bottom - box.bottom + margin;
  else if (rect.top < box.top + margin) container.scrollTop -= box.top + margin - rect.top;
}

/**
 * The reader's keyboard selection: a caret in the current passage (at its start until moved),
 * moved by words, and a selection extended from it by words or sentences. An extended
 * selection is made the window's selection, so it shows exactly as a mouse selection does
 * and is read back the same way (selectionOffsets), the selection toolbar with it.
 */
export function useKeyboardSelection(opts: {
  passages: Passage[];
  markdown: boolean;
  current: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  listRef: RefObject<HTMLDivElement | null>;
  selection: Shown | null;
  onSelection(s: Shown | null): void;
}) {
  const { passages, markdown, current, scrollRef, listRef, selection, onSelection } = opts;
  const [state, setState] = useState<{ index: number; sel: KeySelection } | null>(null);
  /** The caret, drawn inside the list of passages (ReaderPassages) where keys have placed it. */
  const caretRef = useRef<HTMLSpanElement>(null);
  /** The window's selection is the keyboard's. */
  const shown = useRef(false);
  /** The selection last brought into view. */
  const revealed = useRef<KeySelection | null>(null);
  const active = state && state.index === current ? state.sel : null;
  const readableOf = (i: number) => passageReadable(passages[i]!, markdown);

  /** Where keys start from: the keyboard's selection, else the mouse's inside the passage, else the passage's start. */
  const base = (): KeySelection => {
    if (active) return active;
    const p = passages[current];
    if (p && selection && selection.start >= p.start && selection.end <= p.end) {
      const r = readableOf(current);
      return { anchor: shownAt(r, selection.start - p.start), focus: shownAt(r, selection.end - p.start) };
    }
    return { anchor: 0, focus: 0 };
  };

  const set = (sel: KeySelection) => setState({ index: current, sel });

  useLayoutEffect(() => {
    const container = scrollRef.current;
    const el = container?.querySelector<HTMLElement>(`article[data-index="${current}"] .passage-text`);
    const drop = () => {
      if (!shown.current) return;
      shown.current = false;
      window.getSelection()?.removeAllRanges();
      onSelection(null);
    };
    if (!container || !el || !active || !passages[current]) return drop();
    const r = readableOf(current);
    const fresh = revealed.current !== active;
    revealed.current = active;
    if (active.anchor !== active.focus) {
      const span = storedSpan(r, spanOf(active));
      const range = span && showSelection(el, span.start, span.end);
      if (!range) return;
      shown.current = true;
      const now = selectionOffsets(container);
      if (now && (now.start !== selection?.start || now.end !== selection?.end)) onSelection(now);
      if (fresh) {
        const ends = range.getClientRects();
        const end = active.focus > active.anchor ? ends[ends.length - 1] : ends[0];
        if (end) reveal(container, end);
      }
      return;
    }
    drop();
    const point = active.focus < r.at.length ? domPoint(el, r.at[active.focus]!, 'start') : domPoint(el, (r.at.at(-1) ?? -1) + 1, 'end');
    const list = listRef.current;
    const bar = caretRef.current;
    if (!point || !list || !bar) return;
    const range = document.createRange();
    range.setStart(point.node, point.offset);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    bar.style.top = `${rect.top - box.top}px`;
    bar.style.left = `${rect.left - box.left}px`;
    bar.style.height = `${rect.height}px`;
    if (fresh) reveal(container, rect);
  });

  return {
    /** The keyboard's selection or caret in the current passage, if keys have placed one. */
    active,
    caretRef,
    /** Whether the caret shows: keys have placed it, and nothing is selected. */
    caretShown: !!active && active.anchor === active.focus,
    /** Moves the caret by a word; a selection collapses. */
    move: (dir: 1 | -1) => set(moveCaret(readableOf(current).text, base(), dir)),
    /** Extends (or shrinks) the selection by a word or a sentence. */
    extend: (unit: Unit, dir: 1 | -1) => set(extend(readableOf(current).text, base(), unit, dir)),
    /** Forgets the keyboard's selection, and clears the window's selection, whoever made it. */
    clear: () => {
      shown.current = false;
      window.getSelection()?.removeAllRanges();
      onSelection(null);
      setState(null);
    },
    /** Forgets the keyboard's selection on moving to another passage (a mouse selection stays). */
    leave: () => setState(null),
    /** The mouse takes over: the window's selection is the mouse's from now on. */
    release: () => {
      shown.current = false;
      setState(null);
    },
    /** The current passage's words, without the spaces around them, as offsets into the source's text. */
    passageSpan: (): Span | null => {
      const p = passages[current];
      if (!p) return null;
      const r = readableOf(current);
      const span = storedSpan(r, wholeSpan(r));
      return span && { start: p.start + span.start, end: p.start + span.end };
    },
  };
}

export type KeyboardSelection = ReturnType<typeof useKeyboardSelection>;
