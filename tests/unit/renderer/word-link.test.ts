import { describe, expect, it } from 'vitest';
import {
  checkStatus,
  needsCheck,
  nextToCheck,
  pageToShow,
  passageHolding,
  wordAt,
  wordMarks,
  wordPiece,
  wordsIn,
  wordsToCheck,
} from '../../../src/renderer/src/image/wordLink';
import type { OcrWordBox } from '../../../src/shared/types';

const TEXT = 'The harvst of 1936 was poore';
/** The words of TEXT, the second and last read with low confidence, the last on page 2. */
const WORDS: OcrWordBox[] = [...TEXT.matchAll(/\S+/g)].map((m, i) => ({
  page: i === 5 ? 2 : 1,
  start: m.index,
  end: m.index + m[0].length,
  x0: 0,
  y0: 0,
  x1: 1,
  y1: 1,
  confidence: i === 1 || i === 5 ? 41 : 93,
  trusted: false,
}));
const at = (w: OcrWordBox | null) => (w ? TEXT.slice(w.start, w.end) : null);

describe('the link between a transcription and its page image', () => {
  it('finds the words a range of the text overlaps, and the word at an offset', () => {
    const s = TEXT.indexOf('rvst of 19');
    expect(wordsIn(WORDS, s, s + 'rvst of 19'.length).map(at)).toEqual(['harvst', 'of', '1936']);
    expect(at(wordAt(WORDS, TEXT.indexOf('arv')))).toBe('harvst');
    expect(at(wordAt(WORDS, 0))).toBe('The');
    // Between two words (the space) there is none.
    expect(wordAt(WORDS, 3)).toBeNull();
    expect(wordsIn(WORDS, 0, TEXT.length)).toHaveLength(6);
    expect(wordsIn([], 0, 10)).toEqual([]);
  });

  it('marks words read with low confidence, until the historian corrects them', () => {
    expect(wordsToCheck(WORDS).map(at)).toEqual(['harvst', 'poore']);
    expect(needsCheck({ ...WORDS[1]!, trusted: true })).toBe(false);
    expect(needsCheck({ ...WORDS[1]!, confidence: 80 })).toBe(false);
    expect(needsCheck({ ...WORDS[1]!, confidence: 79.9 })).toBe(true);
  });

  it('goes through the words to check in text order, round to the first', () => {
    const toCheck = wordsToCheck(WORDS);
    expect(at(nextToCheck(toCheck, null))).toBe('harvst');
    expect(at(nextToCheck(toCheck, WORDS[1]!.start))).toBe('poore');
    expect(at(nextToCheck(toCheck, WORDS[5]!.start))).toBe('harvst');
    expect(nextToCheck([], null)).toBeNull();
    expect(checkStatus(toCheck, toCheck[1]!, 'poore')).toBe('Word 2 of 2 to check: “poore”');
  });

  it('marks in a passage its words to check and its lit words, with what each piece carries', () => {
    const marks = wordMarks(WORDS, 0, 18, new Set([WORDS[2]!.start]));
    expect(marks.map((m) => [TEXT.slice(m.start, m.end), m.check, m.lit])).toEqual([
      ['harvst', true, false],
      ['of', false, true],
    ]);
    expect(wordPiece(marks[0])).toEqual({
      className: 'ocr-check',
      attrs: { 'data-w': 4, title: 'Uncertain reading (confidence 41 of 100): check it against the page image' },
    });
    expect(wordPiece(marks[1]).className).toBe('ocr-lit');
    expect(wordPiece(undefined)).toEqual({ className: '', attrs: {} });
  });

  it('shows the page of the linked words, else the page of the passage being read', () => {
    expect(pageToShow(WORDS, [WORDS[5]!.start], 1)).toBe(2);
    expect(pageToShow(WORDS, [], 3)).toBe(3);
    expect(pageToShow(WORDS, [], null)).toBeNull();
  });

  it('corrects only inside one passage', () => {
    const passages = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
    ];
    expect(passageHolding(passages, 2, 5)).toBe(0);
    expect(passageHolding(passages, 12, 20)).toBe(1);
    expect(passageHolding(passages, 8, 14)).toBe(-1);
  });
});
