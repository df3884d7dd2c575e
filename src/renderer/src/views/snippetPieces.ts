import type { SnippetStyle } from '../../../shared/types';

export interface SnippetPiece {
  start: number;
  text: string;
  /** Inside a matched word. */
  match: boolean;
  /** The styles that cover the whole piece. */
  styles: SnippetStyle[];
}

/** A snippet cut at every edge of a match or a style: pieces to render as text nodes, marked and styled. */
export function snippetPieces(text: string, highlights: readonly [number, number][], styles: readonly SnippetStyle[]): SnippetPiece[] {
  const cuts = new Set([0, text.length]);
  for (const [s, e] of highlights) cuts.add(s).add(e);
  for (const x of styles) cuts.add(x.start).add(x.end);
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const out: SnippetPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    out.push({
      start: from,
      text: text.slice(from, to),
      match: highlights.some(([s, e]) => s <= from && to <= e),
      styles: styles.filter((x) => x.start <= from && to <= x.end),
    });
  }
  return out;
}
