/**
 * One row per source on a shared axis: a bar for a range, a point for a figure, an arrow for
 * an open bound; hedged values drawn dashed and hollow. Log scale when the values span more
 * than a factor of ten. The median of the midpoints is the dashed line; sources far from
 * the rest are marked. Each row names its source (cut to fit, in full on hover) with author and
 * year beneath, and labels its mark with the value and the years the claim covers.
 *
 * The chart is drawn at the width it is shown at, so its text keeps its size in a narrow window
 * and the labels are placed for the room there really is.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ClaimRecord, Evidence } from '../../../shared/types';
import { axisTicks, byline, chartValue, fitText, period, placeLabel, textWidth } from './chartLabels';
import { formatValue } from './format';

const PAD = 16;
const DEFAULT_WIDTH = 760;
const MIN_WIDTH = 320;
/** Font sizes, as in styles.css. */
const TITLE_FONT = 12;
const BYLINE_FONT = 10.5;
const VALUE_FONT = 11;
const TICK_FONT = 11;

function short(v: number, unit: string): string {
  if (unit === 'percent') return `${v}%`;
  if (v >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return String(v);
}

export function RangeChart(props: { evidence: Evidence; onPick(c: ClaimRecord): void }) {
  const e = props.evidence;
  const unit = e.unit === 'mixed' ? 'people' : e.unit;
  const claims = e.claims.filter((c) => c.unit === unit);
  const shown = claims.length > 0 && e.span !== null;
  const ref = useRef<SVGSVGElement>(null);
  const [measured, setMeasured] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) setMeasured(w);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);
  if (!shown || !e.span) return null;

  const WIDTH = Math.max(MIN_WIDTH, measured);
  const LABEL = Math.round(Math.min(240, Math.max(140, WIDTH * 0.3)));
  const rows = claims.map((c) => ({ c, by: byline(c.sourceAuthor, c.sourceDate), years: period(c.fromYear, c.toYear) }));
  const ROW = rows.some((r) => r.by) ? 40 : 30;
  const log = e.logScale;
  let lo = log ? e.span.low : Math.min(0, e.span.low);
  let hi = e.span.high;
  if (lo === hi) {
    lo = log ? lo / 2 : lo * 0.5;
    hi = log ? hi * 2 : hi * 1.5;
  }
  if (log) {
    lo = lo / 1.5;
    hi = hi * 1.5;
  } else hi = hi * 1.08;
  const span = (v: number) => (log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo));
  const x = (v: number) => LABEL + PAD + span(Math.max(v, log ? lo : v)) * (WIDTH - LABEL - 2 * PAD);
  const height = claims.length * ROW + 40;
  const tickWidth = Math.max(...[lo, hi].map((v) => textWidth(short(v, unit), TICK_FONT)));
  const axis = axisTicks(Math.max(lo, log ? lo : 0), hi, log, x, tickWidth + 12);
  const plot = { x0: LABEL + 4, x1: WIDTH - 4 };
  return (
    <svg
      ref={ref}
      className="range-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`Range chart of ${claims.length} claims${log ? ', log scale' : ''}`}
    >
      {axis.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={0} y2={height - 24} className="grid" />
          <text x={x(t)} y={height - 8} className="tick" textAnchor="middle">
            {short(t, unit)}
          </text>
        </g>
      ))}
      {e.median !== null && (
        <g>
          <line x1={x(e.median)} x2={x(e.median)} y1={0} y2={height - 24} className="median" />
          <title>Median of midpoints: {short(e.median, unit)}</title>
        </g>
      )}
      {rows.map(({ c, by, years }, i) => {
        const y = i * ROW + 18;
        const far = e.outliers.includes(c.id);
        const cls = `mark${c.approx ? ' hedged' : ''}${c.preferred ? ' preferred' : ''}${far ? ' far' : ''}`;
        const point = c.low !== null && c.high !== null && c.low === c.high;
        const left = c.low !== null ? x(c.low) : LABEL + PAD;
        const right = c.high !== null ? x(c.high) : WIDTH - PAD;
        // The source: its title cut to what the label column holds, the star and passage kept.
        const star = c.preferred ? '★ ' : '';
        const para = c.passage !== null ? ` ¶${c.passage}` : '';
        const title = fitText(c.sourceTitle, LABEL - 12 - textWidth(star + para, TITLE_FONT), TITLE_FONT);
        // The value, the years it covers, and whether it stands far from the rest.
        const value = chartValue(c);
        const extra = `${years ? ` · ${years}` : ''}${far ? ' · far from the rest' : ''}`;
        const place = placeLabel(point ? left - 5 : left, point ? right + 5 : right, textWidth(value + extra, VALUE_FONT), plot);
        return (
          <g
            key={c.id}
            className="row"
            onClick={() => props.onPick(c)}
            role="button"
            aria-label={`${c.sourceTitle}: ${formatValue(c)}${years ? `, ${years}` : ''}`}
          >
            <text x={LABEL - 6} y={y + 4} textAnchor="end" className="label">
              {star}
              {title}
              {para && <tspan className="para">{para}</tspan>}
              {title !== c.sourceTitle && <title>{c.sourceTitle}</title>}
            </text>
            {by && (
              <text x={LABEL - 6} y={y + 17} textAnchor="end" className="by">
                {fitText(by, LABEL - 12, BYLINE_FONT)}
                <title>{[c.sourceAuthor, c.sourceDate].filter(Boolean).join(', ')}</title>
              </text>
            )}
            {point ? (
              <circle cx={x(c.low!)} cy={y} r={5} className={cls} />
            ) : (
              <>
                <line x1={left} x2={right} y1={y} y2={y} className={cls} />
                {c.low !== null ? (
                  <line x1={left} x2={left} y1={y - 6} y2={y + 6} className={cls} />
                ) : (
                  <path d={`M${left + 8},${y - 5} L${left},${y} L${left + 8},${y + 5}`} className={cls} />
                )}
                {c.high !== null ? (
                  <line x1={right} x2={right} y1={y - 6} y2={y + 6} className={cls} />
                ) : (
                  <path d={`M${right - 8},${y - 5} L${right},${y} L${right - 8},${y + 5}`} className={cls} />
                )}
              </>
            )}
            <text x={place.x} y={place.below ? y + 17 : y + 4} textAnchor={place.anchor} className={`value${far ? ' far' : ''}`}>
              {value}
              {years && <tspan className="period"> · {years}</tspan>}
              {far && <tspan className="far-label"> · far from the rest</tspan>}
            </text>
            <title>{`${c.sourceTitle}: ${formatValue(c)} ${c.measure}${years ? `, ${years}` : ''}\n“${c.quote}”`}</title>
          </g>
        );
      })}
    </svg>
  );
}
