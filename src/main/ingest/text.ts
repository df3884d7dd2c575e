/** Normalisation and passage splitting shared by every format reader. */
import type { PassageInfo, PassageKind } from '../../shared/types';

/** A passage as a reader finds it: a range of the stored text, its kind, and for paginated sources its page. */
export interface Span {
  start: number;
  end: number;
  kind: PassageKind;
  page?: number;
  pageLabel?: string;
  info?: PassageInfo;
}

/** Passages longer than this are split at sentence boundaries. */
export const MAX_PASSAGE_CHARS = 1500;

/**
 * The one normalisation of imported text: BOM removed, newlines to `\n`, Unicode NFC,
 * form feeds (page breaks) to paragraph breaks, other stray control characters dropped.
 */
export function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/[\x00-\x08\x0B\x0E-\x1F\x7F]/g, '')
    .normalize('NFC');
}

/** Shrinks [start, end) so that it neither begins nor ends with white space. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a long span into pieces of at most about MAX_PASSAGE_CHARS, at sentence ends
 * (Unicode sentence boundaries from Intl.Segmenter), never at a hard-wrapped line's end. The segmenter sees one window of
 * `max` characters at a time: `containing()` on a whole long paragraph costs time in
 * proportion to its length on every call, which made import four times slower.
 */
export function splitLong(text: string, span: Span, max = MAX_PASSAGE_CHARS): Span[] {
  if (span.end - span.start <= max) return [span];
  const out: Span[] = [];
  const push = (s: number, e: number) => {
    const [a, b] = trimSpan(text, span.start + s, span.start + e);
    if (b > a) out.push({ ...span, start: a, end: b });
  };
  const body = text.slice(span.start, span.end);
  let pieceStart = 0;
  while (body.length - pieceStart > max) {
    // A line break inside a passage is a hard wrap (blank lines part passages): the segmenter
    // would take it for a sentence end and cut mid-sentence, so it sees a space instead.
    const window = body.slice(pieceStart, pieceStart + max + 1).replace(/\n/g, ' ');
    let cut = pieceStart + segmenter.segment(window).containing(max)!.index;
    if (cut <= pieceStart) {
      // One sentence longer than the limit: cut at the last white space before it.
      cut = body.lastIndexOf(' ', pieceStart + max);
      if (cut <= pieceStart) cut = pieceStart + max;
    }
    push(pieceStart, cut);
    pieceStart = cut;
  }
  push(pieceStart, body.length);
  return out;
}

/**
 * Whether each line of a text is a paragraph of its own: so when the text has no blank
 * lines, or when its lines are too long to be hard-wrapped prose (median over 100 chars).
 */
export function linesAreParagraphs(body: string): boolean {
  if (!/\n[ \t]*\n/.test(body)) return true;
  const lengths = body
    .split('\n')
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return (lengths[Math.floor(lengths.length / 2)] ?? 0) > 100;
}

/** Blocks of plain text: separated by blank lines, or lines (see linesAreParagraphs); trimmed, not yet split. */
export function blocks(text: string, from = 0, to = text.length): Span[] {
  const body = text.slice(from, to);
  const separator = linesAreParagraphs(body) ? /\n+/g : /\n[ \t]*\n\s*/g;
  const out: Span[] = [];
  let last = from;
  const emit = (s: number, e: number) => {
    const [a, b] = trimSpan(text, s, e);
    if (b > a) out.push({ start: a, end: b, kind: 'paragraph' });
  };
  for (const m of body.matchAll(separator)) {
    emit(last, from + m.index);
    last = from + m.index + m[0].length;
  }
  emit(last, to);
  return out;
}

/** Paragraphs of plain text: blocks separated by blank lines, or lines (see linesAreParagraphs). */
export function paragraphs(text: string, from = 0, to = text.length): Span[] {
  return blocks(text, from, to).flatMap((s) => splitLong(text, s));
}

/** Title from a file name: extension dropped, separators to spaces. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.replace(/[_]+/g, ' ').trim() || fileName;
}
