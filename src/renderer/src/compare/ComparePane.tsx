import type { MutableRefObject, RefObject } from 'react';
import { useMemo } from 'react';
import type { Comparison } from '../../../shared/types';
import { pairName } from './pairName';
import { segments } from './segments';
import type { Side } from './useAlignedPanes';

/**
 * One side of a comparison: its passages, the sentences each pair holds marked with the
 * pair's number, and "only in" on passages with none. The list is rendered again only when
 * the comparison or the current pair changes, not on every scroll.
 */
export function ComparePane(props: {
  side: Side;
  cmp: Comparison;
  byPassage: Map<number, number[]>;
  current: number | null;
  paneRef: RefObject<HTMLDivElement | null>;
  /** Where each pair's element on this side is kept. */
  known: Map<number, HTMLElement>;
  onScroll(): void;
  focusRef: MutableRefObject<(k: number) => void>;
}) {
  const { side, cmp, byPassage: map, current, known, focusRef } = props;
  const source = side === 'a' ? cmp.a : cmp.b;
  const S = side.toUpperCase();
  const list = useMemo(() => {
    const only = new Set(side === 'a' ? cmp.onlyA : cmp.onlyB);
    return source.passageList.map((p) => {
      const ks = map.get(p.id) ?? [];
      // Apparatus (chrome, images, link lists, references, their headings) is not compared: neither paired nor "only in" one side.
      const unpaired = only.has(p.id) ? `only in ${S}` : 'not compared';
      const label = ks.length ? `, pair${ks.length > 1 ? 's' : ''} ${ks.map((k) => k + 1).join(', ')}` : `, ${unpaired}`;
      return (
        <article
          key={p.id}
          data-passage={p.id}
          className={`compare-passage ${ks.length ? 'paired' : 'only'}${!ks.length && !only.has(p.id) ? ' apparatus' : ''}${current !== null && ks.includes(current) ? ' current' : ''}`}
          aria-label={`${S} passage ${p.ordinal}${label}`}
        >
          <span className="pair-badge">{ks.length ? ks.map((k) => `#${k + 1}`).join(' ') : unpaired}</span>
          <span className="ordinal">¶{p.ordinal}</span>
          <p>
            {segments(p, cmp.pairs, ks, side).map((s, i) =>
              s.pair === null ? (
                <span key={i}>{s.text}</span>
              ) : (
                <mark
                  key={i}
                  ref={(node) => {
                    if (node) known.set(s.pair!, node);
                    else if (!node) known.delete(s.pair!);
                  }}
                  data-pair={s.pair}
                  className={`pair-mark ${cmp.pairs[s.pair]!.kind}${s.pair === current ? ' current' : ''}`}
                  title={pairName(cmp.pairs[s.pair]!, s.pair)}
                  onClick={() => focusRef.current(s.pair!)}
                >
                  {s.text}
                </mark>
              ),
            )}
          </p>
        </article>
      );
    });
  }, [cmp, map, current, side, S, source, known, focusRef]);
  return (
    <div
      className="compare-pane"
      ref={props.paneRef}
      onScroll={props.onScroll}
      aria-label={`Source ${S}: ${source.title}`}
      role="region"
      // Scrolled by keyboard too (arrows, Page Up/Down) once Tab reaches it.
      tabIndex={0}
    >
      <h2 className="compare-title">{source.title}</h2>
      {list}
    </div>
  );
}
