/**
 * One row per source on a shared axis: a bar for a range, a point for a figure, an arrow for
 * an open bound; hedged values drawn dashed and hollow. Log scale when the values span more
 * than a factor of ten. The median of the midpoints is the dashed line; sources far from
 * the rest are marked.
 */
import type { ClaimRecord, Evidence } from '../../../shared/types';
import { formatValue } from './format';

const ROW = 30;
const LABEL = 230;
const WIDTH = 760;
const PAD = 16;

function ticks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
    return out;
  }
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 4 || 1));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= 6) ?? step * 10;
  const out: number[] = [];
  for (let v = Math.floor(lo / nice) * nice; v <= hi + nice / 2; v += nice) out.push(v);
  return out;
}

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
  if (!claims.length || !e.span) return null;
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
  const axis = ticks(Math.max(lo, log ? lo : 0), hi, log).filter((t) => t >= lo && t <= hi && (!log || t > 0));
  return (
    <svg className="range-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Range chart of ${claims.length} claims${log ? ', log scale' : ''}`}>
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
      {claims.map((c, i) => {
        const y = i * ROW + 18;
        const far = e.outliers.includes(c.id);
        const cls = `mark${c.approx ? ' hedged' : ''}${c.preferred ? ' preferred' : ''}${far ? ' far' : ''}`;
        const left = c.low !== null ? x(c.low) : LABEL + PAD;
        const right = c.high !== null ? x(c.high) : WIDTH - PAD;
        return (
          <g key={c.id} className="row" onClick={() => props.onPick(c)} role="button" aria-label={`${c.sourceTitle}: ${formatValue(c)}`}>
            <text x={LABEL - 6} y={y + 4} textAnchor="end" className="label">
              {c.preferred ? '★ ' : ''}
              {c.sourceTitle.length > 28 ? `${c.sourceTitle.slice(0, 27)}…` : c.sourceTitle}
              {c.passage !== null ? ` ¶${c.passage}` : ''}
            </text>
            {c.low !== null && c.high !== null && c.low === c.high ? (
              <circle cx={x(c.low)} cy={y} r={5} className={cls} />
            ) : (
              <>
                <line x1={left} x2={right} y1={y} y2={y} className={cls} />
                {c.low !== null ? <line x1={left} x2={left} y1={y - 6} y2={y + 6} className={cls} /> : <path d={`M${left + 8},${y - 5} L${left},${y} L${left + 8},${y + 5}`} className={cls} />}
                {c.high !== null ? <line x1={right} x2={right} y1={y - 6} y2={y + 6} className={cls} /> : <path d={`M${right - 8},${y - 5} L${right},${y} L${right - 8},${y + 5}`} className={cls} />}
              </>
            )}
            {far && (
              <text x={Math.min(right + 6, WIDTH - 4)} y={y - 8} className="far-label" textAnchor={right + 80 > WIDTH ? 'end' : 'start'}>
                far from the rest
              </text>
            )}
            <title>{`${c.sourceTitle}: ${formatValue(c)} ${c.measure}\n“${c.quote}”`}</title>
          </g>
        );
      })}
    </svg>
  );
}
