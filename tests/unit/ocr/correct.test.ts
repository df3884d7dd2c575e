import { describe, expect, it } from 'vitest';
import { correctWords } from '../../../src/main/ocr/correct';
import type { OcrWordBox } from '../../../src/shared/types';

/** Words of `text` laid out on one line, 10 pixels a character, with the given confidences. */
function layout(text: string, confidence = 90, y = 0): OcrWordBox[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({
    page: 1,
    start: m.index,
    end: m.index + m[0].length,
    x0: m.index * 10,
    y0: y,
    x1: (m.index + m[0].length) * 10,
    y1: y + 20,
    confidence,
    trusted: false,
  }));
}

const apply = (text: string, start: number, end: number, typed: string) => text.slice(0, start) + typed + text.slice(end);
const read = (text: string, words: OcrWordBox[]) => words.map((w) => text.slice(w.start, w.end));

describe('words through a correction in place', () => {
  const text = 'the harvst of 1936 was poor';
  const words = layout(text, 50);

  it('gives a corrected word the box it had, and trusts it; the other words keep theirs, shifted', () => {
    const at = text.indexOf('harvst');
    const after = apply(text, at, at + 6, 'harvest');
    const out = correctWords(text, words, at, at + 6, 'harvest');
    expect(read(after, out)).toEqual(['the', 'harvest', 'of', '1936', 'was', 'poor']);
    expect(out[1]).toMatchObject({ x0: words[1]!.x0, x1: words[1]!.x1, trusted: true, confidence: 50 });
    expect(out.filter((w) => w.trusted)).toHaveLength(1);
    expect(out[2]).toMatchObject({ x0: words[2]!.x0, trusted: false });
  });

  it('widens a selection inside a word to the whole word', () => {
    // Only "s" selected and typed as "es": the word is "harvest" again, with its box.
    const at = text.indexOf('st');
    const out = correctWords(text, words, at, at + 1, 'es');
    const after = apply(text, at, at + 1, 'es');
    expect(read(after, out)).toEqual(['the', 'harvest', 'of', '1936', 'was', 'poor']);
    expect(out[1]).toMatchObject({ x0: 40, x1: 100, trusted: true });
  });

  it('splits the box of a word typed as two, by their lengths, and joins two typed as one', () => {
    const joined = 'harvestof 1936';
    const one = layout(joined);
    const split = correctWords(joined, one, 0, 9, 'harvest of');
    expect(read('harvest of 1936', split)).toEqual(['harvest', 'of', '1936']);
    // The 90 pixels of "harvestof" shared by the 10 characters of "harvest of".
    expect(split[0]).toMatchObject({ x0: 0, x1: 63, trusted: true });
    expect(split[1]).toMatchObject({ x0: 72, x1: 90, trusted: true });
    expect(split[2]).toMatchObject({ x0: 100, trusted: false });
    // The space between two words deleted: one word, over both boxes.
    const two = layout('har vest');
    const merged = correctWords('har vest', two, 3, 4, '');
    expect(read('harvest', merged)).toEqual(['harvest']);
    expect(merged[0]).toMatchObject({ x0: 0, x1: 80, trusted: true });
  });

  it('keeps every word of an untouched line, and types words over a line break box by box', () => {
    const lines = 'one two\nthree four';
    const ws = [...layout('one two'), ...layout('three four', 90, 40).map((w) => ({ ...w, start: w.start + 8, end: w.end + 8 }))];
    const out = correctWords(lines, ws, 4, 13, 'too\nthee');
    const after = apply(lines, 4, 13, 'too\nthee');
    expect(read(after, out)).toEqual(['one', 'too', 'thee', 'four']);
    expect(out[2]).toMatchObject({ y0: 40, trusted: true });
    expect(out[3]).toMatchObject({ y0: 40, trusted: false });
  });

  it('drops the boxes of words deleted outright', () => {
    const at = text.indexOf(' of 1936');
    const out = correctWords(text, words, at, at + 8, '');
    expect(read(apply(text, at, at + 8, ''), out)).toEqual(['the', 'harvest'.replace('e', ''), 'was', 'poor']);
  });
});
