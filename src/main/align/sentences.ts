/**
 * Sentences of a passage, with offsets: Intl.Segmenter (Unicode sentence boundaries, in
 * Node since 16), with the abbreviations it takes for sentence ends ("Dr.", "Gen.", "U.S.")
 * joined to the sentence they open, as the claim extractor does.
 */
import { ABBREVIATION_END } from '../claims/extract';

/** Intl.Segmenter slows down sharply on long strings: it is fed pieces of at most this many characters, cut after a full stop. */
const CHUNK = 4000;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export interface Sentence {
  /** Offsets into the text given (add the passage's start for offsets into the source). */
  start: number;
  end: number;
}

/** The sentences of `text`, trailing spaces left out; a line break alone inside a paragraph ends none. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const flat = text.replace(/\n/g, ' ');
  for (let from = 0; from < flat.length;) {
    let to = Math.min(flat.length, from + CHUNK);
    if (to < flat.length) {
      const stop = flat.lastIndexOf('. ', to);
      if (stop > from + CHUNK / 2) to = stop + 2;
    }
    for (const seg of segmenter.segment(flat.slice(from, to))) {
      let start = from + seg.index;
      const end = start + seg.segment.trimEnd().length;
      const last = out[out.length - 1];
      // "… in 1936.[2] The next …" is cut after "1936.[": the mark's rest goes with its sentence.
      const mark = last && /^(\d{1,3}\])\s*/.exec(seg.segment);
      if (last && mark) {
        last.end = start + mark[1]!.length;
        start += mark[0].length;
      }
      if (end <= start) continue;
      // "Dr. Smith", "Gen. Blokhin", "U.S. Marshals": an abbreviation ends no sentence; nor
      // does a reference mark after one ("… in 1936.[2]" is cut after "1936.[").
      const abbreviation = last && ABBREVIATION_END.test(flat.slice(last.start, last.end)) && /^\s*$/.test(flat.slice(last.end, start));
      if (last && (abbreviation || !/\p{L}/u.test(flat.slice(start, end)))) last.end = end;
      else out.push({ start, end });
    }
    from = to;
  }
  return out;
}
