import { describe, expect, it } from 'vitest';
import type { AlignedPair } from '../../../src/shared/types';
import { segments } from '../../../src/renderer/src/compare/segments';

const pair = (aStart: number, aEnd: number): AlignedPair => ({
  a: { passageId: 1, ordinal: 1, start: aStart, end: aEnd, sentences: 1 },
  b: { passageId: 2, ordinal: 1, start: 0, end: 1, sentences: 1 },
  similarity: 0.5,
  kind: 'paraphrase',
});

describe('a passage cut at its paired sentences', () => {
  it('marks each pair’s sentences and keeps the text between them, in the order of the text', () => {
    const passage = { start: 100, text: 'One two. Three four. Five six.' };
    const pairs = [pair(121, 130), pair(100, 108)];
    expect(segments(passage, pairs, [0, 1], 'a')).toEqual([
      { text: 'One two.', pair: 1 },
      { text: ' Three four. ', pair: null },
      { text: 'Five six.', pair: 0 },
    ]);
    expect(segments(passage, pairs, [], 'a')).toEqual([{ text: passage.text, pair: null }]);
  });
});
