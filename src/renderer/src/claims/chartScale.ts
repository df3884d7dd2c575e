/**
 * The range chart's axis: the values it spans (from 0 on a linear scale, with room beyond the
 * highest), where a value falls across the plot, and the ticks along it with their short labels.
 */
import { axisTicks, textWidth } from './chartLabels';

/** Tick labels' font size, as in styles.css. */
const TICK_FONT = 11;

/** A tick's or the median's label: "40%", "1.2M", "750k", "300". */
export function short(v: number, unit: string): string {
  if (unit === 'percent') return `${v}%`;
  if (v >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return String(v);
}

export interface ChartScale {
  /** Where a value falls, in user units; on a log scale, values below the axis's low end sit at it. */
  x(v: number): number;
  /** The values ticked, spaced so that their labels never run together. */
  ticks: number[];
}

/**
 * The axis for values from `span.low` to `span.high`, drawn from `x0` over `width` user units.
 * A single value gets room either side; a log scale a margin of half again at both ends.
 */
export function chartScale(span: { low: number; high: number }, log: boolean, unit: string, x0: number, width: number): ChartScale {
  let lo = log ? span.low : Math.min(0, span.low);
  let hi = span.high;
  if (lo === hi) {
    lo = log ? lo / 2 : lo * 0.5;
    hi = log ? hi * 2 : hi * 1.5;
  }
  if (log) {
    lo = lo / 1.5;
    hi = hi * 1.5;
  } else hi = hi * 1.08;
  const along = (v: number) => (log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo));
  const x = (v: number) => x0 + along(Math.max(v, log ? lo : v)) * width;
  const tickWidth = Math.max(...[lo, hi].map((v) => textWidth(short(v, unit), TICK_FONT)));
  return { x, ticks: axisTicks(Math.max(lo, log ? lo : 0), hi, log, x, tickWidth + 12) };
}
