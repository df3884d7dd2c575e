import type { MutableRefObject, RefObject } from 'react';
import { useMemo } from 'react';
import type { AlignedPair, Comparison } from '../../../shared/types';
import type { Side } from './useAlignedPanes';

/**
 * One side of a comparison: its passages, each with its pair's number or "only in". The list
 * is rendered again only when the comparison or the current pair changes, not on every scroll.
 */
export function ComparePane(props: {
  side: Side;
  cmp: Comparison;
  byPassage: Map<number, number>;
  current: number | null;
  paneRef: RefObject<HTMLDivElement | null>;
  /** Where each passage's element is kept. */
  known: Map<number, HTMLElement>;
  onScroll(): void;
  focusRef: MutableRefObject<(k: number) => void>;
}) {
  const { side, cmp, byPassage: map, current, known, focusRef } = props;
  const source = side === 'a' ? cmp.a : cmp.b;
  const list = useMemo(
    () =>
      source.passageList.map((p) => {
        const k = map.get(p.id);
        const pair: AlignedPair | undefined = k === undefined ? undefined : cmp.pairs[k];
        // Apparatus (chrome, images, link lists) is not compared: neither paired nor "only in" one side.
        const unpaired = p.kind === 'apparatus' ? 'not compared' : `only in ${side.toUpperCase()}`;
        return (
          <article
            key={p.id}
            ref={(node) => {
              if (node) known.set(p.id, node);
              else known.delete(p.id);
            }}
            data-passage={p.id}
            className={`compare-passage ${pair ? pair.kind : 'only'}${p.kind === 'apparatus' ? ' apparatus' : ''}${k === current && k !== undefined ? ' current' : ''}`}
            aria-label={`${side.toUpperCase()} passage ${p.ordinal}${pair ? `, pair ${k! + 1}` : `, ${unpaired}`}`}
            onClick={() => k !== undefined && focusRef.current(k)}
          >
            <span className="pair-badge">{pair ? `#${k! + 1}` : unpaired}</span>
            <span className="ordinal">¶{p.ordinal}</span>
            <p>{p.text}</p>
          </article>
        );
      }),
    [cmp, map, current, side, source, known, focusRef],
  );
  return (
    <div
      className="compare-pane"
      ref={props.paneRef}
      onScroll={props.onScroll}
      aria-label={`Source ${side.toUpperCase()}: ${source.title}`}
      role="region"
      // Scrolled by keyboard too (arrows, Page Up/Down) once Tab reaches it.
      tabIndex={0}
    >
      <h2 className="compare-title">{source.title}</h2>
      {list}
    </div>
  );
}
