import type { AlignedPair, PairKind } from '../../../shared/types';

/** How alike a pair's sentences are, in words. */
export const PAIR_KIND_WORDS: Record<PairKind, string> = {
  identical: 'identical',
  near: 'nearly identical',
  paraphrase: 'reworded',
};

/**
 * A pair as a screen reader says it: "Pair 3: A ¶12 with B ¶14, reworded" (`index` from 0),
 * with the number of sentences on a side that has more than one ("A ¶12, 2 sentences").
 */
export function pairName(pair: Pick<AlignedPair, 'a' | 'b' | 'kind'>, index: number): string {
  const side = (s: AlignedPair['a']) => (s.sentences > 1 ? `¶${s.ordinal}, ${s.sentences} sentences,` : `¶${s.ordinal}`);
  return `Pair ${index + 1}: A ${side(pair.a)} with B ${side(pair.b)}${pair.b.sentences > 1 ? '' : ','} ${PAIR_KIND_WORDS[pair.kind]}`;
}
