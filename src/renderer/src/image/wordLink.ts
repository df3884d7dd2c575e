/**
 * The link between a transcription and its page image: stored offsets to recognised words and
 * back, the words to check and the way through them. A word is named by its start offset (two
 * words never start at the same offset). Words are sorted by start, as getOcrWords gives them.
 */
import type { OcrWordBox, Passage } from '../../../shared/types';
import { CHECK_BELOW } from './pageView';

/** Whether a word is marked for checking: read with low confidence and not corrected since. */
export function needsCheck(word: OcrWordBox): boolean {
  return !word.trusted && word.confidence < CHECK_BELOW;
}

/** The index of the first word that ends after `offset` (binary search). */
function firstEndingAfter(words: readonly OcrWordBox[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The words that [start, end) overlaps; for an empty range, the word the offset falls in. */
export function wordsIn(words: readonly OcrWordBox[], start: number, end: number): OcrWordBox[] {
  const out: OcrWordBox[] = [];
  for (let i = firstEndingAfter(words, start); i < words.length; i++) {
    const w = words[i]!;
    if (end > start ? w.start >= end : w.start > start) break;
    out.push(w);
  }
  return out;
}

/** The word at an offset (a character of it), or null. */
export function wordAt(words: readonly OcrWordBox[], offset: number): OcrWordBox | null {
  return wordsIn(words, offset, offset)[0] ?? null;
}

/** The words to check, in text order. */
export function wordsToCheck(words: readonly OcrWordBox[]): OcrWordBox[] {
  return words.filter(needsCheck);
}

/** The word to check after the one at `after` (or from the start), going round to the first; null when none is left. */
export function nextToCheck(toCheck: readonly OcrWordBox[], after: number | null): OcrWordBox | null {
  if (!toCheck.length) return null;
  return (after === null ? undefined : toCheck.find((w) => w.start > after)) ?? toCheck[0]!;
}

/** How a word to check is marked in the text: for a passage, the words that fall in it, with what each shows. */
export interface WordMark {
  start: number;
  end: number;
  /** Read with low confidence: underlined and described for screen readers. */
  check: boolean;
  /** Linked to what the pointer is on in the page image, or the word being checked. */
  lit: boolean;
  confidence: number;
}

/**
 * The marks of a passage [from, to): the words to check, and the lit words (the word hovered on
 * the image, the word the "next word to check" command reached).
 */
export function wordMarks(words: readonly OcrWordBox[], from: number, to: number, lit: ReadonlySet<number>): WordMark[] {
  return wordsIn(words, from, to)
    .filter((w) => needsCheck(w) || lit.has(w.start))
    .map((w) => ({ start: w.start, end: w.end, check: needsCheck(w), lit: lit.has(w.start), confidence: Math.round(w.confidence) }));
}

/** The page the link points at: that of the first linked word, else that of the passage being read. */
export function pageToShow(words: readonly OcrWordBox[], linked: readonly number[], passagePage: number | null): number | null {
  const first = linked.length ? words.find((w) => w.start === linked[0]) : undefined;
  return first?.page ?? passagePage;
}

/** "Word 3 of 12 to check: “harvst”", for the status line and screen readers. */
export function checkStatus(toCheck: readonly OcrWordBox[], word: OcrWordBox | null, text: string): string {
  if (!word) return '';
  const at = toCheck.findIndex((w) => w.start === word.start);
  return `Word ${at + 1} of ${toCheck.length} to check: “${text}”`;
}

/** What a piece of text inside a marked word carries: its classes, tooltip and the word's start. */
export function wordPiece(mark: WordMark | undefined): { className: string; attrs: Record<string, string | number> } {
  if (!mark) return { className: '', attrs: {} };
  const className = [mark.check ? 'ocr-check' : '', mark.lit ? 'ocr-lit' : ''].filter(Boolean).join(' ');
  const attrs: Record<string, string | number> = { 'data-w': mark.start };
  if (mark.check) attrs.title = `Uncertain reading (confidence ${mark.confidence} of 100): check it against the page image`;
  return { className, attrs };
}

/** The index of the passage that holds [start, end) whole, or -1 (a correction stays inside one paragraph). */
export function passageHolding(passages: readonly Pick<Passage, 'start' | 'end'>[], start: number, end: number): number {
  return passages.findIndex((p) => p.start <= start && end <= p.end);
}
