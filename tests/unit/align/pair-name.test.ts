import { describe, expect, it } from 'vitest';
import { pairName } from '../../../src/renderer/src/compare/pairName';

const span = (ordinal: number) => ({ passageId: ordinal * 10, ordinal, start: 0, end: 1, sentences: 1 });

describe('a compared pair, as a screen reader names it', () => {
  it('says its number, the passages on each side and how alike they are', () => {
    expect(pairName({ a: span(12), b: span(14), kind: 'paraphrase' }, 2)).toBe('Pair 3: A ¶12 with B ¶14, reworded');
    expect(pairName({ a: span(5), b: span(6), kind: 'near' }, 4)).toBe('Pair 5: A ¶5 with B ¶6, nearly identical');
    expect(pairName({ a: span(1), b: span(1), kind: 'identical' }, 0)).toBe('Pair 1: A ¶1 with B ¶1, identical');
  });
});

describe('a pair of several sentences, as a screen reader names it', () => {
  it('says how many sentences a side holds when more than one', () => {
    const two = { ...span(12), sentences: 2 };
    expect(pairName({ a: two, b: span(14), kind: 'paraphrase' }, 2)).toBe('Pair 3: A ¶12, 2 sentences, with B ¶14, reworded');
    expect(pairName({ a: span(12), b: { ...span(14), sentences: 3 }, kind: 'paraphrase' }, 2)).toBe(
      'Pair 3: A ¶12 with B ¶14, 3 sentences, reworded',
    );
  });
});
