/** A collation of several witnesses of one text: tokenised, aligned, and laid out as a table. */
import type { Collation } from '../../shared/types';
import { alignWitnesses } from './align';
import { segmentsOf } from './table';
import { tokenize } from './tokens';

export { collationMarkdown } from './markdown';
export { collationTei } from './tei';

export const NORMALISATION =
  'Words are aligned ignoring case and punctuation, and figures by their digits (681,692 = 681 692); every cell shows the witness’s own words.';

export interface WitnessText {
  id: number;
  title: string;
  citation: string;
  text: string;
}

/** `base`: the index of the base text among `witnesses`, or null for none. */
export function collate(witnesses: readonly WitnessText[], base: number | null): Collation {
  const tokens = witnesses.map((w) => tokenize(w.text));
  const segments = segmentsOf(alignWitnesses(tokens), tokens);
  return {
    witnesses: witnesses.map((w, i) => ({ id: w.id, siglum: `w${i + 1}`, title: w.title, citation: w.citation, words: tokens[i]!.length })),
    base,
    segments,
    normalisation: NORMALISATION,
    variants: segments.filter((s) => s.kind === 'variant').length,
    figures: segments.filter((s) => s.figure).length,
  };
}
