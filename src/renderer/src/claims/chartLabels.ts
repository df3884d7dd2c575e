/**
 * The words of the range chart and where they go: a claim's value in a few characters, the years
 * it covers, who made it and when, titles cut to the room there is, and a place for each value
 * label beside its mark that neither covers the mark nor runs off the chart. Text widths are
 * estimated from the characters (the chart is laid out before it is drawn), a little generously.
 */
import { formatPeriod } from '../../../shared/period';
import type { ClaimRecord } from '../../../shared/types';
import { formatValue } from './format';

type Value = Pick<ClaimRecord, 'low' | 'high' | 'unit' | 'approx'>;

/** A round figure of millions ("1.2M"), else the figure in full ("681,692"). */
function count(v: number): string {
  const n = Math.round(v);
  if (n >= 1e6 && n % 1e4 === 0) return `${+(n / 1e6).toFixed(2)}M`;
  return n.toLocaleString('en-US');
}

/** A claim's value as the chart labels it: "681,692", "~1–1.2M", "600,000–1.2M", "≥750,000", "≤7M", "30–40%". */
export function chartValue(c: Value): string {
  const one = (v: number) => (c.unit === 'percent' ? `${+v.toFixed(2)}%` : count(v));
  let body: string;
  if (c.low !== null && c.high !== null) {
    if (c.low === c.high) body = one(c.low);
    else if (c.unit === 'percent') body = `${+c.low.toFixed(2)}–${one(c.high)}`;
    else {
      const lo = count(c.low);
      const hi = count(c.high);
      // Both in round millions: the "M" once ("1–1.2M").
      body = lo.endsWith('M') && hi.endsWith('M') ? `${lo.slice(0, -1)}–${hi}` : `${lo}–${hi}`;
    }
  } else if (c.low !== null) body = `≥${one(c.low)}`;
  else if (c.high !== null) body = `≤${one(c.high)}`;
  else body = '?';
  return c.approx ? `~${body}` : body;
}

/** The years a claim covers: "1937", "1937–38", "1899–1901", "until 1938"; empty when unknown. */
export function period(fromYear: number | null | undefined, toYear: number | null | undefined): string {
  const from = fromYear ?? null;
  const to = toYear ?? null;
  if (from === null && to === null) return '';
  if (from === null) return `until ${to}`;
  if (to === null || to === from) return String(from);
  const [a, b] = from < to ? [from, to] : [to, from];
  return Math.floor(a / 100) === Math.floor(b / 100) && a >= 1000 ? `${a}–${String(b).slice(-2)}` : `${a}–${b}`;
}

/** Who made a claim and when, briefly: the first author ("et al." for more) and the year of the source's date. */
export function byline(author: string | null | undefined, date: string | null | undefined): string {
  const authors = (author ?? '')
    .split(/\s*;\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  const who = authors.length > 1 ? `${authors[0]} et al.` : (authors[0] ?? '');
  const d = (date ?? '').trim();
  const year = /\b(\d{4})\b/.exec(d)?.[1] ?? (d.length <= 12 ? d : '');
  return [who, year].filter(Boolean).join(', ');
}

/**
 * What a screen reader says for a mark: who (author and year, else the title), the value in
 * words, the measure and the years in full, and whether it is preferred or far from the rest:
 * "Robert Conquest, 1990: about 1 million–1.2 million executed, 1937–1938".
 */
export function markName(
  c: Pick<
    ClaimRecord,
    'low' | 'high' | 'unit' | 'approx' | 'measure' | 'fromYear' | 'toYear' | 'sourceTitle' | 'sourceAuthor' | 'sourceDate' | 'preferred'
  >,
  far = false,
): string {
  const who = byline(c.sourceAuthor, c.sourceDate) || c.sourceTitle;
  const value = formatValue(c).replace(/^~/, 'about ');
  const years = formatPeriod(c);
  return `${who}: ${value} ${c.measure}${years ? `, ${years}` : ''}${c.preferred ? ', preferred' : ''}${far ? ', far from the rest' : ''}`;
}

/** Rough advance widths of a sans-serif face, in ems. */
function em(ch: string): number {
  if (/[iljtfrI.,:;'’|!() ¶]/.test(ch)) return 0.34;
  if (/[mwMW@—]/.test(ch)) return 0.9;
  if (/[A-Z★]/.test(ch)) return 0.7;
  if (/[0-9~–≥≤]/.test(ch)) return 0.6;
  return 0.56;
}

/** Generous by this much: a face wider than the table must still fit. */
const SAFETY = 1.1;

/** Estimated width of a line of text at a font size (user units). */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += em(ch);
  return w * fontSize * SAFETY;
}

/**
 * The text cut with an ellipsis to fit a width: at a word boundary when one falls in the second
 * half of what fits, else mid-word; trailing punctuation and little words ("of", "A") dropped before the "…".
 */
export function fitText(s: string, maxWidth: number, fontSize: number): string {
  const text = s.replace(/\s+/g, ' ').trim();
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', fontSize);
  let n = 0;
  let w = 0;
  for (const ch of text) {
    const dw = em(ch) * fontSize * SAFETY;
    if (w + dw > room) break;
    w += dw;
    n += ch.length;
  }
  let cut = text.slice(0, n);
  const space = cut.lastIndexOf(' ');
  if (space >= cut.length / 2) {
    cut = cut.slice(0, space);
    // Not on a dangling little word: "The Great Terror…", not "The Great Terror: A…".
    const rest = cut.replace(/(?:[\s,;:.–—-]+(?:a|an|the|of|and|or|in|on|to|for|with|by|at|from))+$/i, '');
    if (rest.length >= cut.length / 2) cut = rest;
  }
  cut = cut.replace(/[\s,;:.–—-]+$/, '');
  return cut ? `${cut}…` : '…';
}

export interface LabelPlace {
  x: number;
  anchor: 'start' | 'end';
  /** Below the mark rather than beside it: no room on either side. */
  below: boolean;
}

/**
 * Where a value label goes: right of the mark if it fits before the plot's right edge, else left
 * of it if it fits after the plot's left edge, else under the mark, kept within the plot.
 * `left` and `right` are the mark's outer edges (a point's edges are its centre ± its radius).
 */
export function placeLabel(left: number, right: number, width: number, plot: { x0: number; x1: number }, gap = 7): LabelPlace {
  if (right + gap + width <= plot.x1) return { x: right + gap, anchor: 'start', below: false };
  if (left - gap - width >= plot.x0) return { x: left - gap, anchor: 'end', below: false };
  const centre = (left + right) / 2;
  const x = Math.max(plot.x0, Math.min(centre - width / 2, plot.x1 - width));
  return { x, anchor: 'start', below: true };
}

/**
 * Axis ticks: "nice" steps on a linear scale; powers of ten on a log scale, with 2× and 5× between
 * them when the values span few decades. Ticks closer than `minGap` (in user units, by `at`) to the
 * one kept before them are dropped so their labels never run together.
 */
export function axisTicks(lo: number, hi: number, log: boolean, at: (v: number) => number, minGap: number): number[] {
  let out: number[] = [];
  if (log) {
    const first = Math.floor(Math.log10(lo));
    const last = Math.ceil(Math.log10(hi));
    const steps = last - first <= 3 ? [1, 2, 5] : [1];
    for (let e = first; e <= last; e++) for (const m of steps) out.push(m * 10 ** e);
  } else {
    const step = 10 ** Math.floor(Math.log10((hi - lo) / 4 || 1));
    const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= 6) ?? step * 10;
    for (let v = Math.floor(lo / nice) * nice; v <= hi + nice / 2; v += nice) out.push(+v.toPrecision(12));
  }
  out = out.filter((t) => t >= lo && t <= hi && (!log || t > 0));
  const decade = (t: number) => Math.abs(t / 10 ** Math.round(Math.log10(t)) - 1) < 1e-9;
  const kept: number[] = [];
  for (const t of out) {
    const prev = kept[kept.length - 1];
    if (prev !== undefined && at(t) - at(prev) < minGap) {
      // A power of ten wins over the 2× or 5× before it, if it keeps its distance from the tick before that.
      const before = kept[kept.length - 2];
      if (log && decade(t) && !decade(prev) && (before === undefined || at(t) - at(before) >= minGap)) kept[kept.length - 1] = t;
      continue;
    }
    kept.push(t);
  }
  return kept;
}
