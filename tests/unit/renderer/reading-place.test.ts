import { describe, expect, it } from 'vitest';
import { passageInView, placeLabel, resumeAt, topPassage } from '../../../src/renderer/src/views/readingPlace';

// Passages 0–4 laid out below a 200-pixel header, 100 pixels each.
const laid = [0, 1, 2, 3, 4].map((index) => ({ index, start: 200 + index * 100, end: 300 + index * 100 }));

describe('the passage the reader is at', () => {
  it('is the first one showing at the top of the view', () => {
    expect(topPassage(laid, 0)).toBe(0);
    expect(topPassage(laid, 250)).toBe(0);
    expect(topPassage(laid, 300)).toBe(1);
    expect(topPassage(laid, 450)).toBe(2);
    expect(topPassage([], 0)).toBe(-1);
    expect(topPassage(laid, 900)).toBe(-1);
  });

  it('is the current one while any of it shows, else the one at the top', () => {
    // The view shows 300–600: passages 1, 2, 3.
    expect(passageInView(laid, 300, 300, 3)).toBe(3);
    expect(passageInView(laid, 300, 300, 1)).toBe(1);
    expect(passageInView(laid, 300, 300, 4)).toBe(1);
    expect(passageInView(laid, 300, 300, 0)).toBe(1);
    // Not laid out (far away): the top.
    expect(passageInView(laid, 300, 300, 40)).toBe(1);
    expect(passageInView([], 0, 300, 0)).toBe(-1);
  });
});

describe('what the line above the text says of it', () => {
  it('gives the passage’s number, and its page where the source has pages', () => {
    expect(placeLabel({ ordinal: 37, page: null, pageLabel: null })).toBe('¶37');
    expect(placeLabel({ ordinal: 37, page: 12, pageLabel: '214' })).toBe('p. 214 · ¶37');
    expect(placeLabel({ ordinal: 3, page: 2, pageLabel: null })).toBe('p. 2 · ¶3');
  });
});

describe('opening a source where it was left', () => {
  const passages = [{ id: 11 }, { id: 12 }, { id: 13 }, { id: 14 }];

  it('finds the passages it was left at', () => {
    expect(resumeAt(passages, { top: 12, current: 14 })).toEqual({ top: 1, current: 3 });
  });

  it('falls back to the top passage for a current one gone, and to nothing when the top one is gone (the text replaced)', () => {
    expect(resumeAt(passages, { top: 13, current: 99 })).toEqual({ top: 2, current: 2 });
    expect(resumeAt(passages, { top: 99, current: 12 })).toBeNull();
    expect(resumeAt(passages, undefined)).toBeNull();
  });
});
