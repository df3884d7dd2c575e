import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Comparison } from '../../../shared/types';
import { correspondingLine, levelTops } from './paneScroll';

export type Side = 'a' | 'b';

export interface Line {
  k: number;
  y1: number;
  y2: number;
  kind: string;
}

/** How far below the top of its pane a pair brought into view stands, and where the line the other pane follows is. */
const MARGIN = 40;

/**
 * The two panes of a comparison: where each pair's sentences are (their elements, kept by
 * ref), the connectors between the ends of the pairs in view, the other pane following a
 * scrolled one (between the nearest pairs above and below the line followed, so it never
 * stands still), and the current pair, brought into view on both sides at the same height.
 */
export function useAlignedPanes(cmp: Comparison | null, sync: boolean) {
  const [current, setCurrent] = useState<number | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const paneA = useRef<HTMLDivElement>(null);
  const paneB = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  /** The offset each pane was last scrolled to by this hook: its scroll event is not followed back. */
  const setBy = useRef<{ a: number | null; b: number | null }>({ a: null, b: null });
  useEffect(() => setCurrent(null), [cmp]);

  /** For each passage, the pairs with sentences in it. */
  const byA = useMemo(() => byPassage(cmp, 'a'), [cmp]);
  const byB = useMemo(() => byPassage(cmp, 'b'), [cmp]);

  // Each pair's element on each side (its first sentence mark), kept by its ref.
  const nodes = useRef({ a: new Map<number, HTMLElement>(), b: new Map<number, HTMLElement>() });
  const pane = (side: Side) => (side === 'a' ? paneA : paneB).current;

  /** Where each pair's end is in its pane's content, from the top; measured again after a resize or a new comparison. */
  const positions = useRef<{ a: number[]; b: number[] } | null>(null);
  const measure = useCallback(() => {
    if (positions.current) return positions.current;
    const at = (side: Side) => {
      const p = pane(side);
      if (!p || !cmp) return [];
      const top = p.getBoundingClientRect().top - p.scrollTop;
      return cmp.pairs.map((_, k) => {
        const node = nodes.current[side].get(k);
        return node ? node.getBoundingClientRect().top - top : NaN;
      });
    };
    positions.current = { a: at('a'), b: at('b') };
    return positions.current;
  }, [cmp]);

  /** Connectors between the ends of the pairs with an end in view, in the gutter. */
  const drawLines = useCallback(() => {
    const a = paneA.current;
    const b = paneB.current;
    if (!cmp || !body.current || !a || !b) return;
    const pos = measure();
    const h = body.current.clientHeight;
    const top = body.current.getBoundingClientRect().top;
    const offA = a.getBoundingClientRect().top - top - a.scrollTop;
    const offB = b.getBoundingClientRect().top - top - b.scrollTop;
    const out: Line[] = [];
    cmp.pairs.forEach((p, k) => {
      const y1 = pos.a[k]! + offA + 10;
      const y2 = pos.b[k]! + offB + 10;
      if (Number.isNaN(y1) || Number.isNaN(y2) || (y1 < 0 && y2 < 0) || (y1 > h && y2 > h)) return;
      out.push({ k, y1, y2, kind: p.kind });
    });
    setLines(out);
  }, [cmp, measure]);

  useLayoutEffect(() => {
    positions.current = null;
    drawLines();
  }, [drawLines]);
  useEffect(() => {
    const redraw = () =>
      requestAnimationFrame(() => {
        positions.current = null;
        drawLines();
      });
    window.addEventListener('resize', redraw);
    const observer = body.current ? new ResizeObserver(redraw) : null;
    if (body.current) observer!.observe(body.current);
    return () => {
      window.removeEventListener('resize', redraw);
      observer?.disconnect();
    };
  }, [drawLines, cmp]);

  const scrollTo = (side: Side, top: number) => {
    const p = pane(side);
    if (!p) return;
    p.scrollTop = top;
    setBy.current[side] = p.scrollTop;
  };

  /** Keeps the other pane level with this one: the line MARGIN below the top corresponds in both. */
  const follow = (from: Side) => {
    drawLines();
    const src = pane(from);
    const to: Side = from === 'a' ? 'b' : 'a';
    if (!src || !sync || !cmp) return;
    if (setBy.current[from] !== null && Math.abs(setBy.current[from]! - src.scrollTop) < 1) {
      setBy.current[from] = null;
      return;
    }
    setBy.current[from] = null;
    const pos = measure();
    const anchors = cmp.pairs.map((_, k) => ({ src: pos[from][k]!, dst: pos[to][k]! })).filter((x) => !Number.isNaN(x.src) && !Number.isNaN(x.dst));
    const line = correspondingLine(anchors, src.scrollTop + MARGIN);
    if (line !== null) scrollTo(to, line - MARGIN);
  };

  const focusPair = (k: number) => {
    const a = paneA.current;
    const b = paneB.current;
    if (!cmp || !a || !b || !cmp.pairs[k]) return;
    setCurrent(k);
    const pos = measure();
    const t = levelTops(pos.a[k]!, pos.b[k]!, MARGIN, a.scrollHeight - a.clientHeight, b.scrollHeight - b.clientHeight);
    scrollTo('a', t.a);
    scrollTo('b', t.b);
    drawLines();
  };
  const focusRef = useRef(focusPair);
  focusRef.current = focusPair;

  const last = (cmp?.pairs.length ?? 1) - 1;
  const next = () => focusPair(current === null ? 0 : Math.min(last, current + 1));
  const previous = () => focusPair(current === null ? 0 : Math.max(0, current - 1));

  return { current, lines, paneA, paneB, body, nodes, byA, byB, follow, focusRef, next, previous };
}

function byPassage(cmp: Comparison | null, side: Side): Map<number, number[]> {
  const out = new Map<number, number[]>();
  cmp?.pairs.forEach((p, k) => {
    const id = p[side].passageId;
    out.set(id, [...(out.get(id) ?? []), k]);
  });
  return out;
}
