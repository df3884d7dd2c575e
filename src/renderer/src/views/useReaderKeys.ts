import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';
import type { HighlightColour } from '../../../shared/notes';
import type { ShortcutHandlers } from '../app/useShortcuts';
import { useShortcuts } from '../app/useShortcuts';
import type { Span } from '../notes/highlights';
import type { KeyboardSelection } from './useKeyboardSelection';
import type { ReaderActions } from '../hooks/useReader';
import type { ReaderSideState } from './useReaderSide';

/** What the reader's keys do, besides moving and selecting. */
export interface ReaderCommands {
  /** What is selected, by mouse or by keys. */
  selection: Span | null;
  highlight(span: Span, colour: HighlightColour, withNote: boolean): void;
  claim(span: Span): void;
  onBack(): void;
  toggleSidebar(): void;
  edit(): void;
  exportNotes(): void;
  compare(): void;
  whereElse(): void;
}

/**
 * The reader's keys (the shortcut table's `reader` and `editor` entries): passages, the caret
 * and the selection, what to do with the selection (or, with none, the current passage), and
 * the header's actions; Esc in a note or a field goes back to the text.
 */
export function useReaderKeys(
  nav: { current: number; count: number; moveTo(index: number): void; scrollRef: RefObject<HTMLDivElement | null> },
  keys: KeyboardSelection,
  c: ReaderCommands,
) {
  /** The header's hidden file field (Replace text…) and page field (Go to page), for their keys. */
  const replaceInput = useRef<HTMLInputElement>(null);
  const pageInput = useRef<HTMLInputElement>(null);
  const go = (index: number) => {
    keys.leave();
    nav.moveTo(index);
  };
  const on = (act: (span: Span) => void) => () => {
    const span = c.selection ?? keys.passageSpan();
    if (span) act(span);
  };
  const colour = (name: HighlightColour) => on((span) => c.highlight(span, name, false));
  const handlers: ShortcutHandlers<'reader'> = {
    nextPassage: () => go(nav.current + 1),
    previousPassage: () => go(nav.current - 1),
    firstPassage: () => go(0),
    lastPassage: () => go(nav.count - 1),
    nextWord: () => keys.move(1),
    previousWord: () => keys.move(-1),
    selectNextWord: () => keys.extend('word', 1),
    selectPreviousWord: () => keys.extend('word', -1),
    selectNextSentence: () => keys.extend('sentence', 1),
    selectPreviousSentence: () => keys.extend('sentence', -1),
    highlight: colour('yellow'),
    highlightGreen: colour('green'),
    highlightBlue: colour('blue'),
    highlightPink: colour('pink'),
    highlightPurple: colour('purple'),
    annotate: on((span) => c.highlight(span, 'yellow', true)),
    claim: on(c.claim),
    back: () => (c.selection || keys.active ? keys.clear() : c.onBack()),
    sidebar: c.toggleSidebar,
    editMetadata: c.edit,
    replaceText: () => replaceInput.current?.click(),
    exportNotes: c.exportNotes,
    compareWith: c.compare,
    whereElse: c.whereElse,
    goToPage: () => {
      if (!pageInput.current) return false;
      pageInput.current.focus();
    },
  };
  useShortcuts('reader', handlers);
  useShortcuts('editor', {
    leave: (e) => {
      const text = nav.scrollRef.current;
      if (!text || !(e.target instanceof Element) || !e.target.closest('.reader')) return false;
      text.focus({ preventScroll: true });
    },
  });
  return { replaceInput, pageInput };
}

/**
 * The note of an annotation just made with a note takes the focus once it shows (the
 * sidebar opens it when the list has it), so that the note can be typed straight away.
 */
export function useNoteFocus(selected: number | null) {
  const wanted = useRef<number | null>(null);
  useEffect(() => {
    const note = wanted.current !== null && wanted.current === selected && document.querySelector<HTMLElement>('.annotation.open .note-content');
    if (!note) return;
    wanted.current = null;
    note.focus();
  });
  return (id: number) => {
    wanted.current = id;
  };
}

/** Highlighting, annotating and recording a claim from a span: the keys' selection is cleared, and the note or claim made is shown. */
export function useSelectionActions(
  actions: ReaderActions,
  keys: KeyboardSelection,
  side: Pick<ReaderSideState, 'selected' | 'noteMade' | 'claimMade'>,
) {
  const focusNote = useNoteFocus(side.selected);
  return {
    /** Opens a note made elsewhere (a region of the page image) as a new text note is opened. */
    focusNote,
    annotate: async (span: Span, colour: HighlightColour, withNote: boolean) => {
      const created = await actions.annotate(span, colour);
      keys.clear();
      if (created && withNote) side.noteMade(created.id, focusNote);
    },
    recordClaim: async (span: Span) => {
      const created = await actions.recordClaim(span);
      keys.clear();
      side.claimMade(created?.id ?? null);
    },
  };
}
