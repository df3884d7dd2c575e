/**
 * Questions to propose: claims not yet in a question about one event and measure. Pure
 * domain logic over claim rows (the store reads them; nothing here touches the database).
 */
import type { Measure, ProposedQuestion } from '../../shared/types';
import type { Aliases } from './labels';
import { bareLabel, byEvent, canonical, eventKey, isEventLabel, titled } from './labels';

/** What a proposal is made from: one claim's event, figure and years. */
export interface ClaimFigure {
  id: number;
  source_id: number;
  event: string;
  measure: Measure;
  unit: 'people' | 'percent';
  low: number | null;
  high: number | null;
  from_year: number | null;
  to_year: number | null;
  question_id: number | null;
}

/** Significant figures of a value: 681,692 has six, 1,200,000 two, 12.5 three. */
function significantFigures(v: number): number {
  return String(v).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * A figure two sources would hardly give for two different events by chance: one with three
 * significant figures or more (681,692; 1,548,366), not a round one (a million, 750,000).
 */
function distinctive(c: { low: number | null; high: number | null }): boolean {
  return [c.low, c.high].some((v) => v !== null && Number.isFinite(v) && significantFigures(v) >= 3);
}

/** Whether two claims' years can be the same: either gives none, or they overlap. */
function yearsMeet(a: { from_year: number | null; to_year: number | null }, b: { from_year: number | null; to_year: number | null }): boolean {
  const span = (c: typeof a) => (c.from_year === null && c.to_year === null ? null : [c.from_year ?? c.to_year!, c.to_year ?? c.from_year!]);
  const x = span(a);
  const y = span(b);
  return !x || !y || (x[0]! <= y[1]! && y[0]! <= x[1]!);
}

/**
 * Claims not yet in a question about one event and measure: proposed as one question.
 * Labels are one event when eventKey makes them one, when one is an alias of the other,
 * or when the project shows it: other sources give the same distinctive figure (same
 * measure, unit and bounds, years that meet) under the two labels. A shared word is not
 * enough. Labels that name no event (isEventLabel) are left out.
 */
export function proposalsOf(rows: readonly ClaimFigure[], aliases: Aliases): ProposedQuestion[] {
  const claims = rows.flatMap((r) => {
    const aliased = aliases.has(eventKey(r.event));
    if (!aliased && !isEventLabel(r.event)) return [];
    const label = bareLabel(canonical(r.event, aliases));
    const name = eventKey(label);
    return name ? [{ ...r, label, name }] : [];
  });

  // Events (by name) that are one: joined by the same distinctive figure in two sources.
  const parent = new Map<string, string>();
  const find = (n: string): string => {
    let root = n;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(n, root);
    return root;
  };
  const figures = new Map<string, typeof claims>();
  for (const c of claims) {
    if (!distinctive(c)) continue;
    const key = `${c.measure}|${c.unit}|${c.low}|${c.high}`;
    const same = figures.get(key);
    if (same) same.push(c);
    else figures.set(key, [c]);
  }
  for (const same of figures.values()) {
    for (let i = 0; i < same.length; i++) {
      for (let j = i + 1; j < same.length; j++) {
        const [a, b] = [same[i]!, same[j]!];
        if (a.name === b.name || a.source_id === b.source_id || !yearsMeet(a, b)) continue;
        const [x, y] = [find(a.name), find(b.name)];
        if (x !== y) parent.set(y, x);
      }
    }
  }

  const groups = new Map<string, typeof claims>();
  for (const c of claims) {
    if (c.question_id !== null) continue;
    const key = `${find(c.name)}|${c.measure}|${c.unit}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) => {
      const label = byEvent(g.map((c) => c.label))[0]!;
      const first = g[0]!;
      return {
        label: `${titled(label)}: ${first.unit === 'percent' ? 'share' : 'number'} ${first.measure}`,
        claimIds: g.map((c) => c.id),
        events: byEvent(g.map((c) => bareLabel(c.event))),
      };
    })
    .sort((a, b) => b.claimIds.length - a.claimIds.length);
}
