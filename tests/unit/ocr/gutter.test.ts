/**
 * Whether a page read as one block shows columns (and is read again with its layout found):
 * lines whose widest gap is wide and is followed by words starting at one place.
 */
import { describe, expect, it } from 'vitest';
import { hasGutter } from '../../../src/main/ocr/recognise';

type Word = { text: string; bbox: { x0: number; y0: number; x1: number; y1: number } };

/** A line of words: each [x0, x1] on the line at height `y`. */
const line = (y: number, spans: [number, number][]) => ({
  words: spans.map(([x0, x1]): Word => ({ text: 'word', bbox: { x0, y0: y, x1, y1: y + 40 } })),
});
const page = (lines: ReturnType<typeof line>[]) => ({ blocks: [{ paragraphs: [{ lines }] }] }) as unknown as Parameters<typeof hasGutter>[0];

/** Words of `n` letters, 20 px a letter, 20 px apart, from `x`. */
function run(x: number, lengths: number[]): [number, number][] {
  return lengths.map((n) => {
    const span: [number, number] = [x, x + n * 20];
    x += n * 20 + 20;
    return span;
  });
}

describe('columns seen in a page read as one block', () => {
  it('finds the gutter of two columns whose left one has ragged line ends', () => {
    const lines = Array.from({ length: 12 }, (_, i) => line(100 + i * 60, [...run(100, [4, 3, 5, 2 + (i % 4)]), ...run(1100, [5, 4, 3, 6])]));
    expect(hasGutter(page(lines))).toBe(true);
  });

  it('sees none in one column of running text, with an indented first line and a date set to the right', () => {
    const lines = [
      line(40, [...run(100, [6]), [1500, 1700]]),
      line(100, run(160, [5, 3, 7, 4, 6, 2, 5, 4, 3, 6])),
      ...Array.from({ length: 10 }, (_, i) => line(160 + i * 60, run(100, [4, 6, 3, 5, 7, 2, 4, 5, 3 + (i % 3), 6]))),
    ];
    expect(hasGutter(page(lines))).toBe(false);
  });

  it('sees none in wide gaps that wander (a few short lines, words spread unevenly)', () => {
    const lines = Array.from({ length: 10 }, (_, i) => line(100 + i * 60, [...run(100, [4, 3, 5]), ...run(500 + i * 97, [5, 4])]));
    expect(hasGutter(page(lines))).toBe(false);
    expect(hasGutter(page([]))).toBe(false);
  });
});
