/**
 * Passage text with its highlights: the text is cut at every annotation boundary and each
 * piece marked with the colour of the annotation on top. Rendered as React text nodes only.
 * In Markdown sources, inline markers are hidden and what they enclose styled; every piece
 * carries its offset (data-o), so a selection maps back to the stored text exactly (selection.ts). Note
 * references (`[22]`, `[^8]`) are set as superscripts in every source, linked to their
 * footnote when the source has it; a table row's cells are set apart, its separators hidden.
 */
import type { ReactElement } from 'react';
import type { InlineMark } from '../../../shared/inline';
import type { Annotation, ClaimRecord, Passage } from '../../../shared/types';
import { passageCells, passageMarks } from '../views/keyboardSelection';
import { styledText } from './styledText';
import type { WordMark } from '../image/wordLink';
import { wordPiece } from '../image/wordLink';

export interface Span {
  start: number;
  end: number;
}

export function PassageText(props: {
  passage: Passage;
  annotations: Annotation[];
  hit: Span | null;
  selected: number | null;
  onPick(id: number): void;
  /** Claims are marked apart from highlights: underlined, by status. */
  claims?: ClaimRecord[];
  onPickClaim?(id: number): void;
  /** The source is Markdown: show its inline markup styled, not as written. */
  markdown?: boolean;
  /** Whether the source has the footnote a note reference names, and how to go to it. */
  hasNote?(label: string): boolean;
  onNote?(label: string): void;
  /** Recognised words marked in the text: to check, or linked to the page image. */
  words?: WordMark[];
}) {
  const { passage: p } = props;
  const spans = props.annotations.filter((a) => !a.orphaned && a.end > p.start && a.start < p.end);
  const claims = (props.claims ?? []).filter((c) => !c.orphaned && c.status !== 'rejected' && c.end > p.start && c.start < p.end);
  const marks: InlineMark[] = passageMarks(p, !!props.markdown);
  // A table row's cells, relative to the passage; what lies between them (" | ", "**: ") is not shown.
  const cells = passageCells(p);
  const words = props.words ?? [];
  if (!spans.length && !claims.length && !props.hit && !marks.length && !cells && !words.length) return <>{p.text}</>;
  const cuts = new Set([0, p.text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  for (const [a, b] of cells ?? []) {
    cuts.add(Math.max(0, a));
    cuts.add(Math.min(p.text.length, b));
  }
  const note = { has: props.hasNote, go: props.onNote };
  for (const a of [...spans, ...claims, ...words]) {
    cuts.add(Math.max(0, a.start - p.start));
    cuts.add(Math.min(p.text.length, a.end - p.start));
  }
  if (props.hit) {
    cuts.add(Math.max(0, props.hit.start - p.start));
    cuts.add(Math.min(p.text.length, props.hit.end - p.start));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: ReactElement[] = [];
  const cellOf: number[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to <= from) continue;
    if (marks.some((m) => m.kind === 'hide' && m.start <= from && m.end >= to)) continue;
    const cell = cells ? cells.findIndex(([a, b]) => a <= from && to <= b) : -1;
    if (cells && cell < 0) continue;
    cellOf[out.length] = cell;
    const text = styledText(
      p.text.slice(from, to),
      marks.filter((m) => m.kind !== 'hide' && m.start <= from && m.end >= to),
      note,
    );
    const covering = spans.filter((a) => a.start - p.start <= from && a.end - p.start >= to);
    const top = covering.find((a) => a.id === props.selected) ?? covering[covering.length - 1];
    const isHit = !!props.hit && props.hit.start - p.start <= from && props.hit.end - p.start >= to;
    const claim = claims.find((c) => c.start - p.start <= from && c.end - p.start >= to);
    const word = wordPiece(words.find((w) => w.start - p.start <= from && w.end - p.start >= to));
    if (!top && !isHit && !claim) {
      out.push(
        <span key={from} data-o={from} className={word.className || undefined} {...word.attrs}>
          {text}
        </span>,
      );
      continue;
    }
    if (!top && !isHit && claim) {
      out.push(
        <span
          key={from}
          data-o={from}
          {...word.attrs}
          className={`claim-mark ${claim.status} ${word.className}`.trim()}
          data-claim={claim.id}
          title={`Claim: ${claim.measure}`}
          onClick={() => props.onPickClaim?.(claim.id)}
        >
          {text}
        </span>,
      );
      continue;
    }
    const className = [
      top ? `hl hl-${top.colour}` : '',
      top && top.id === props.selected ? 'hl-selected' : '',
      isHit ? 'search-hit' : '',
      claim ? `claim-mark ${claim.status}` : '',
      word.className,
    ]
      .filter(Boolean)
      .join(' ');
    out.push(
      <mark
        key={from}
        {...word.attrs}
        data-o={from}
        className={className}
        data-annotation={top?.id}
        title={top?.plain ? top.plain.slice(0, 300) : (word.attrs.title as string | undefined)}
        onClick={top ? () => props.onPick(top.id) : undefined}
      >
        {text}
      </mark>,
    );
  }
  if (cells) {
    // Each cell in a box of its own (an empty cell too), in order.
    return (
      <>
        {cells.map(([a], c) => (
          <span key={`cell-${a}-${c}`} className="cell" role="cell">
            {out.filter((_, k) => cellOf[k] === c)}
          </span>
        ))}
      </>
    );
  }
  return <>{out}</>;
}
