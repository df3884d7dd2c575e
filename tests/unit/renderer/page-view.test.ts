import { describe, expect, it } from 'vitest';
import { checkLabel, stepZoom, toCheck, turnsOf, wordsOfPage } from '../../../src/renderer/src/image/pageView';

const word = (page: number, confidence: number, trusted = false) => ({ page, start: 0, end: 1, x0: 0, y0: 0, x1: 1, y1: 1, confidence, trusted });

describe('the page image view', () => {
  it('zooms in steps, and stops at the ends', () => {
    expect(stepZoom(0.5, 1)).toBe(0.67);
    expect(stepZoom(0.5, -1)).toBe(0.33);
    expect(stepZoom(3, 1)).toBe(3);
    expect(stepZoom(0.25, -1)).toBe(0.25);
  });

  it('turns a page as its EXIF orientation says', () => {
    expect([1, 3, 6, 8, null].map(turnsOf)).toEqual([0, 2, 1, 3, 0]);
  });

  it('counts the words to check', () => {
    // Below 80, and not corrected by hand.
    const words = [word(1, 95), word(1, 40), word(2, 79), word(2, 80), word(2, 30, true)];
    expect(toCheck(words)).toBe(2);
    expect(checkLabel(2)).toBe('2 words to check');
    expect(checkLabel(1)).toBe('1 word to check');
    expect(checkLabel(0)).toBeNull();
    expect(wordsOfPage(words, 2)).toHaveLength(3);
  });
});
