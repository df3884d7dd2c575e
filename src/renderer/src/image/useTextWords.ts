import type { RefObject } from 'react';
import { useEffect, useState } from 'react';
import type { Passage } from '../../../shared/types';
import { useShortcuts } from '../app/useShortcuts';
import type { Correction } from '../hooks/useTranscription';
import type { Span } from '../notes/highlights';
import { offsetAtPoint } from '../notes/selection';
import type { TextLink } from './useWordLink';
import { checkStatus, nextToCheck, passageHolding, wordMarks } from './wordLink';

/**
 * The transcription's side of a page image, in the reader: the pointer and the selection tell
 * the image which words to outline, the passage being read which page to show; the words to
 * check are marked and gone through; a selection or the word being checked is corrected in place.
 */
export function useTextWords(
  ocr: TextLink | undefined,
  nav: { passages: readonly Passage[]; current: number; moveTo(index: number): void; scrollRef: RefObject<HTMLDivElement | null> },
  selection: (Span & { rect: DOMRect }) | null,
) {
  const [editing, setEditing] = useState<(Correction & { rect: DOMRect }) | null>(null);
  const [status, setStatus] = useState('');
  const { passages, scrollRef } = nav;
  const page = passages[nav.current]?.page ?? null;
  const readingPage = ocr?.readingPage;
  const selectText = ocr?.selectText;
  useEffect(() => readingPage?.(page), [readingPage, page]);
  const [selStart, selEnd] = [selection?.start, selection?.end];
  useEffect(
    () => selectText?.(selStart !== undefined && selEnd !== undefined ? { start: selStart, end: selEnd } : null),
    [selectText, selStart, selEnd],
  );

  const open = (span: Span, rect: DOMRect) => {
    const at = passageHolding(passages, span.start, span.end);
    if (at < 0) return setStatus('Select text inside one paragraph to correct it.');
    const p = passages[at]!;
    setEditing({ start: span.start, end: span.end, expected: p.text.slice(span.start - p.start, span.end - p.start), rect });
  };
  const checkingWord = ocr && ocr.checking !== null ? ocr.words.find((w) => w.start === ocr.checking) : undefined;
  const textOf = (start: number, end: number) => {
    const p = passages[passageHolding(passages, start, end)];
    return p ? p.text.slice(start - p.start, end - p.start) : '';
  };
  const commands = {
    nextToCheck: () => {
      if (!ocr) return false;
      const word = nextToCheck(ocr.toCheck, ocr.checking);
      if (!word) return setStatus('No word left to check.');
      ocr.setChecking(word.start);
      const at = passageHolding(passages, word.start, word.end);
      if (at >= 0) nav.moveTo(at);
      setStatus(checkStatus(ocr.toCheck, word, textOf(word.start, word.end)));
    },
    correct: () => {
      if (!ocr) return false;
      const word = selection ?? checkingWord;
      if (!word) return setStatus('Select the text to correct, or go to a word to check (U) first.');
      const shown = scrollRef.current?.querySelector(`[data-w="${word.start}"]`) ?? scrollRef.current;
      open(word, selection?.rect ?? shown!.getBoundingClientRect());
    },
  };
  useShortcuts('reader', commands, !!ocr);
  return {
    editing,
    status,
    commands,
    canCorrect: !!selection || !!checkingWord,
    marks: (from: number, to: number) => (ocr ? wordMarks(ocr.words, from, to, ocr.lit) : undefined),
    /** Pointer handlers of the scrolled text. */
    pointer: ocr && {
      onMouseMove: (e: { clientX: number; clientY: number }) =>
        scrollRef.current && ocr.hoverText(offsetAtPoint(scrollRef.current, e.clientX, e.clientY)),
      onMouseLeave: () => ocr.hoverText(null),
    },
    close: () => {
      setEditing(null);
      scrollRef.current?.focus({ preventScroll: true });
    },
    save: async (text: string) => {
      if (!ocr || !editing) return;
      const failed = await ocr.correct(editing, text);
      if (failed) return setStatus(failed);
      setStatus(`Corrected: “${text}”.`);
      setEditing(null);
      scrollRef.current?.focus({ preventScroll: true });
    },
  };
}

export type TextWords = ReturnType<typeof useTextWords>;
