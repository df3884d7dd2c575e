import type { AlignedPair, Passage } from '../../../shared/types';

/** A piece of a passage's text as a pane shows it: paired sentences (with their pair's index) or text between them. */
export interface Segment {
  text: string;
  pair: number | null;
}

/** A passage cut at the ends of the sentences its pairs hold (`ks`: indexes into `pairs`). */
export function segments(passage: Pick<Passage, 'start' | 'text'>, pairs: readonly AlignedPair[], ks: readonly number[], side: 'a' | 'b'): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const k of [...ks].sort((x, y) => pairs[x]![side].start - pairs[y]![side].start)) {
    const span = pairs[k]![side];
    const from = Math.max(at, span.start - passage.start);
    const to = Math.min(passage.text.length, span.end - passage.start);
    if (to <= from) continue;
    if (from > at) out.push({ text: passage.text.slice(at, from), pair: null });
    out.push({ text: passage.text.slice(from, to), pair: k });
    at = to;
  }
  if (at < passage.text.length) out.push({ text: passage.text.slice(at), pair: null });
  return out;
}
