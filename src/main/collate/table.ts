/** The aligned columns as the collation table: runs of columns of one kind, each witness's own words in each. */
import type { CollationKind, CollationSegment } from '../../shared/types';
import type { Column } from './align';
import type { Token } from './tokens';
import { figuresOf } from './tokens';

export function segmentsOf(columns: readonly Column[], witnesses: readonly (readonly Token[])[]): CollationSegment[] {
  const out: CollationSegment[] = [];
  let run: Column[] = [];
  let kind: CollationKind | null = null;
  const flush = () => {
    if (run.length && kind) out.push(segment(run, kind, witnesses));
    run = [];
  };
  for (const col of columns) {
    const k = kindOf(col, witnesses);
    if (k !== kind) flush();
    kind = k;
    run.push(col);
  }
  flush();
  return out;
}

function kindOf(col: Column, witnesses: readonly (readonly Token[])[]): CollationKind {
  if (col.keys.length > 1 || col.cells.includes(-1)) return 'variant';
  const first = witnesses[0]![col.cells[0]!]!.text;
  return col.cells.every((t, w) => witnesses[w]![t]!.text === first) ? 'same' : 'normalised';
}

function segment(run: readonly Column[], kind: CollationKind, witnesses: readonly (readonly Token[])[]): CollationSegment {
  const tokens = witnesses.map((ws, w) => run.flatMap((c) => (c.cells[w]! >= 0 ? [ws[c.cells[w]!]!] : [])));
  const readings = tokens.map((ts) => ts.map((t) => t.text).join(' '));
  const keys = tokens.map((ts) => ts.map((t) => t.key).join(' '));
  const groupOf = new Map<string, number>();
  const groups = keys.map((k) => groupOf.get(k) ?? (groupOf.set(k, groupOf.size), groupOf.size - 1));
  const figures = tokens.map(figuresOf);
  const figure = kind === 'variant' && figures.some((f) => f !== '') && figures.some((f) => f !== figures[0]);
  return { kind, readings, groups, figure };
}
