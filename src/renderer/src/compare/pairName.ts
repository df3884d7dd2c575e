import type { AlignedPair, PairKind } from '../../../shared/types';

/** How alike a pair's passages are, in words. */
export const PAIR_KIND_WORDS: Record<PairKind, string> = {
  identical: 'identical',
  near: 'nearly identical',
  paraphrase: 'reworded',
};

/** A pair as a screen reader says it: "Pair 3: A ¶12 with B ¶14, reworded" (`index` from 0). */
export function pairName(pair: Pick<AlignedPair, 'a' | 'b' | 'kind'>, index: number): string {
  return `Pair ${index + 1}: A ¶${pair.a.ordinal} with B ¶${pair.b.ordinal}, ${PAIR_KIND_WORDS[pair.kind]}`;
}
