import type { ClaimRecord } from '../../../shared/types';
import { chartValue, fitText, markName, placeLabel, textWidth } from './chartLabels';
import { formatValue } from './format';

/** Font sizes, as in styles.css. */
const TITLE_FONT = 12;
const BYLINE_FONT = 10.5;
const VALUE_FONT = 11;

/**
 * One source's row of the range chart: its title (cut to the label column, in full on hover)
 * with author and year beneath, its mark (a bar, a point, an arrow for an open bound), and the
 * value with the years it covers beside the mark. The mark is a button, reached by Tab and
 * named in words for a screen reader (`markName`); a click anywhere on the row picks it too.
 */
export function RangeChartRow(props: {
  claim: ClaimRecord;
  /** Who made it and when, and the years it covers ('' when unknown). */
  by: string;
  years: string;
  /** The row's middle, in user units. */
  y: number;
  /** Its value stands far from the rest. */
  far: boolean;
  x(v: number): number;
  /** The label column's width, the chart's, its padding, and the plot's edges for value labels. */
  layout: { label: number; width: number; pad: number; plot: { x0: number; x1: number } };
  onPick(c: ClaimRecord): void;
}) {
  const { claim: c, by, years, y, far, x } = props;
  const { label: LABEL, width: WIDTH, pad: PAD, plot } = props.layout;
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
    <g className="row" onClick={() => props.onPick(c)}>
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
      <g
        className="mark-button"
        role="button"
        tabIndex={0}
        aria-label={markName(c, far)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            props.onPick(c);
          }
        }}
      >
        {/* The target: the mark and a little room around it, at least 24 units high. */}
        <rect className="hit" x={left - 8} y={y - 12} width={right - left + 16} height={24} rx={4} />
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
      </g>
      {/* Said in the mark's name; shown for the eye. */}
      <text x={place.x} y={place.below ? y + 17 : y + 4} textAnchor={place.anchor} className={`value${far ? ' far' : ''}`} aria-hidden="true">
        {value}
        {years && <tspan className="period"> · {years}</tspan>}
        {far && <tspan className="far-label"> · far from the rest</tspan>}
      </text>
      <title>{`${c.sourceTitle}: ${formatValue(c)} ${c.measure}${years ? `, ${years}` : ''}\n“${c.quote}”`}</title>
    </g>
  );
}
