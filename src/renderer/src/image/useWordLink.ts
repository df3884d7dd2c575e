import { useMemo, useState } from 'react';
import type { OcrWordBox } from '../../../shared/types';
import type { Correction } from '../hooks/useTranscription';
import { pageToShow, wordAt, wordsIn, wordsToCheck } from './wordLink';

/** What the transcription beside a page image knows of it, and tells it (Reader's `ocr`). */
export interface TextLink {
  words: readonly OcrWordBox[];
  toCheck: readonly OcrWordBox[];
  /** Words marked in the text: the one hovered on the image, the one being checked. */
  lit: ReadonlySet<number>;
  /** The word the "next word to check" command reached (its start), or null. */
  checking: number | null;
  setChecking(start: number | null): void;
  /** The pointer is over this offset of the text (null: it left the text). */
  hoverText(offset: number | null): void;
  /** The text selected (null: none). */
  selectText(span: { start: number; end: number } | null): void;
  /** The page of the passage being read. */
  readingPage(page: number | null): void;
  correct(at: Correction, text: string): Promise<string | null>;
  /** Whether the page image is shown where it is shown on demand (a narrow window). */
  page: { shown: boolean; toggle(): void };
  /** A source without text: recognition stopped, or the whole transcription typed. */
  typing: { onStop(): void; onSave(text: string): void };
}

/**
 * Both directions between a transcription and its page image: the words under the pointer or
 * the selection in the text are outlined on the image (whose page follows them, or else the
 * passage being read), and the word under the pointer on the image is marked in the text.
 */
export function useWordLink(words: readonly OcrWordBox[], correct: TextLink['correct'], stop: () => void) {
  const [onImage, setOnImage] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const [passagePage, setPassagePage] = useState<number | null>(null);
  const [pageShown, setPageShown] = useState(false);
  const toCheck = useMemo(() => wordsToCheck(words), [words]);
  const linked = useMemo(() => {
    if (hovered !== null) return [hovered];
    if (selected) return wordsIn(words, selected.start, selected.end).map((w) => w.start);
    return checking === null ? [] : [checking];
  }, [hovered, selected, checking, words]);
  const lit = useMemo(() => new Set([onImage, checking].filter((s): s is number => s !== null)), [onImage, checking]);
  const text: TextLink = {
    words,
    toCheck,
    lit,
    checking,
    setChecking,
    // The word, not the offset, is kept: moving within a word changes nothing. The caret
    // falls after a letter's right half, so the letter before counts too.
    hoverText: (offset) => setHovered(offset === null ? null : ((wordAt(words, offset) ?? wordAt(words, offset - 1))?.start ?? null)),
    selectText: setSelected,
    readingPage: setPassagePage,
    correct,
    page: { shown: pageShown, toggle: () => setPageShown((shown) => !shown) },
    typing: { onStop: stop, onSave: (typed) => void correct({ start: 0, end: 0, expected: '' }, typed) },
  };
  const image = {
    highlightWords: linked,
    page: pageToShow(words, linked, passagePage),
    onHoverWord: (word: OcrWordBox | null) => setOnImage(word?.start ?? null),
  };
  return { text, image };
}
