/**
 * One row per source on a shared axis: a bar for a range, a point for a figure, an arrow for
 * an open bound; hedged values drawn dashed and hollow. Log scale when the values span more
 * than a factor of ten. The median of the midpoints is the dashed line; sources far from
 * the rest are marked. Each row names its source (cut to fit, in full on hover) with author and
 * year beneath, and labels its mark with the value and the years the claim covers.
 *
 * The chart is drawn at the width it is shown at, so its text keeps its size in a narrow window
 * and the labels are placed for the room there really is.
 *
 * For a screen reader the chart is a graphic with parts (role graphics-document, not img, whose
 * children would be hidden): each mark is a button named in words.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ClaimRecord, Evidence } from '../../../shared/types';
import { byline, period } from './chartLabels';
import { chartScale, short } from './chartScale';
import { RangeChartRow } from './RangeChartRow';

const PAD = 16;
const DEFAULT_WIDTH = 760;
const MIN_WIDTH = 320;

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
  const height = claims.length * ROW + 40;
  const { x, ticks } = chartScale(e.span, log, unit, LABEL + PAD, WIDTH - LABEL - 2 * PAD);
  const layout = { label: LABEL, width: WIDTH, pad: PAD, plot: { x0: LABEL + 4, x1: WIDTH - 4 } };
  return (
    <svg
      ref={ref}
      className="range-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="graphics-document"
      aria-label={`Range chart of ${claims.length} claims${log ? ', log scale' : ''}`}
    >
      {ticks.map((t) => (
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
      {rows.map(({ c, by, years }, i) => (
        <RangeChartRow
          key={c.id}
          claim={c}
          by={by}
          years={years}
          y={i * ROW + 18}
          far={e.outliers.includes(c.id)}
          x={x}
          layout={layout}
          onPick={props.onPick}
        />
      ))}
    </svg>
  );
}
