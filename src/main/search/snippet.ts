/**
 * Snippets as the reader shows a passage: the stored text without what the reader hides
 * (Markdown markers, link targets, note references), what the markers enclose as styles
 * (bold, italic, code, struck through, a link's text), and the matches moved onto the words
 * that remain. Pure: the text and FTS5's highlight() output in, plain text and offsets out.
 */
import type { SnippetStyle } from '../../shared/types';
import { inlineMarkup } from '../../shared/inline';
import { noteMarkers } from '../../shared/markers';

const OPEN = '\u0001';
const CLOSE = '\u0002';
const SNIPPET_BEFORE = 70;
const SNIPPET_LENGTH = 260;
const STYLED = new Set<string>(['strong', 'em', 'code', 'del', 'link']);

/** Splits FTS5 highlight() output (char(1) … char(2) around each match) into text and [start, end) match ranges. */
export function parseMarked(marked: string): { text: string; hits: [number, number][] } {
  let text = '';
  const hits: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      if (open >= 0) hits.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, hits };
}

export interface Shown {
  /** The text as the reader shows it. */
  text: string;
  /** The matches that remain visible, on `text`. */
  hits: [number, number][];
  /** Those matches as they were given (on the stored text), for offsets into the source. */
  kept: [number, number][];
  styles: SnippetStyle[];
}

/** Merges sorted-or-not ranges into sorted, disjoint ones. */
function merged(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * The part [from, to) of `text` as the reader shows it (markers of the whole text taken
 * into account, so a quote that starts inside `**` loses them), with the matches on it (a
 * match wholly hidden, such as a name in an image's address, is dropped) and, for Markdown,
 * the styles. Note references are hidden in every source.
 */
export function readable(text: string, hits: [number, number][], markdown: boolean, from = 0, to = text.length): Shown {
  const marks = markdown ? inlineMarkup(text) : [];
  const hidden = merged([
    ...noteMarkers(text).map((m): [number, number] => [m.start, m.end]),
    ...marks.filter((m) => m.kind === 'hide').map((m): [number, number] => [m.start, m.end]),
  ]).filter(([s, e]) => e > from && s < to);
  // Where an offset of the stored text lands in the text shown.
  const at = (i: number) => {
    let n = 0;
    for (const [s, e] of hidden) {
      if (s >= i) break;
      n += Math.min(e, i) - Math.max(s, from);
    }
    return Math.max(0, i - from - n);
  };
  let out = '';
  let cursor = from;
  for (const [s, e] of hidden) {
    if (s > cursor) out += text.slice(cursor, s);
    cursor = Math.max(cursor, e);
  }
  if (cursor < to) out += text.slice(cursor, to);
  const kept = hits.filter(([s, e]) => s >= from && e <= to && !hidden.some(([a, b]) => a <= s && e <= b));
  const styles: SnippetStyle[] = [];
  for (const m of marks) {
    if (!STYLED.has(m.kind) || m.end <= from || m.start >= to) continue;
    const start = at(Math.max(m.start, from));
    const end = at(Math.min(m.end, to));
    if (end > start) styles.push({ start, end, kind: m.kind as SnippetStyle['kind'] });
  }
  return { text: out, hits: kept.map(([s, e]) => [at(s), at(e)]), kept, styles };
}

/** A window of a long text around its first match (whole words, "…" where cut), the matches and styles moved onto it. */
export function snippetOf(shown: Pick<Shown, 'text' | 'hits' | 'styles'>): {
  snippet: string;
  highlights: [number, number][];
  styles: SnippetStyle[];
} {
  const { text, hits, styles } = shown;
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: hits, styles };
  const first = hits[0]?.[0] ?? 0;
  let from = Math.max(0, first - SNIPPET_BEFORE);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < first) from = space + 1;
  }
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const shift = (from > 0 ? 1 : 0) - from;
  const snippet = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  const highlights = hits.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s + shift, e + shift] as [number, number]);
  const clipped = styles
    .filter((x) => x.end > from && x.start < to)
    .map((x) => ({ start: Math.max(x.start, from) + shift, end: Math.min(x.end, to) + shift, kind: x.kind }));
  return { snippet, highlights, styles: clipped };
}
