import type { AlignedPair } from '../../../shared/types';
import { pairName } from './pairName';
import type { Line } from './useAlignedPanes';

/**
 * The connectors between the two panes, one for each pair with an end in view. For a screen
 * reader, a list of those pairs, each named: "Pair 3: A ¶12 with B ¶14, reworded".
 */
export function CompareGutter(props: { lines: Line[]; pairs: AlignedPair[]; current: number | null }) {
  const { lines, pairs, current } = props;
  if (!lines.length) return <svg className="compare-gutter" aria-hidden="true" />;
  return (
    <svg className="compare-gutter" role="list" aria-label="Pairs in view">
      {lines.map((l) => {
        // Lines drawn for the comparison before (until they are drawn again) may name no pair of this one.
        const pair = pairs[l.k];
        return (
          pair && (
            <g key={l.k} role="listitem" aria-label={pairName(pair, l.k)} aria-current={l.k === current ? 'true' : undefined}>
              <line x1={0} x2={40} y1={l.y1} y2={l.y2} className={`connector ${l.kind}${l.k === current ? ' current' : ''}`} />
            </g>
          )
        );
      })}
    </svg>
  );
}
