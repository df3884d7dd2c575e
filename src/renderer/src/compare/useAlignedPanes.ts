import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Comparison } from '../../../shared/types';
import { lastAtOrBefore } from '../../../shared/sorted';

export type Side = 'a' | 'b';

export interface Line {
  k: number;
  y1: number;
  y2: number;
  kind: string;
}

/**
 * The two panes of a comparison: where each passage's element is, the connectors between the
 * visible ends of each pair, the other pane following a scrolled one, and the current pair.
 */
export function useAlignedPanes(cmp: Comparison | null, sync: boolean) {
  const [current, setCurrent] = useState<number | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const paneA = useRef<HTMLDivElement>(null);
  const paneB = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const echo = useRef<Side | null>(null);
  useEffect(() => setCurrent(null), [cmp]);

  const byA = useMemo(() => new Map((cmp?.pairs ?? []).map((p, k) => [p.a.passageId, k])), [cmp]);
  const byB = useMemo(() => new Map((cmp?.pairs ?? []).map((p, k) => [p.b.passageId, k])), [cmp]);

  // Each passage's element, kept by its ref: looking one up must not search the page.
  const nodes = useRef({ a: new Map<number, HTMLElement>(), b: new Map<number, HTMLElement>() });
  const el = useCallback((side: Side, passageId: number) => nodes.current[side].get(passageId) ?? null, []);

  /** Indexes into the side's passages of those in view: a binary search on their positions. */
  const inView = useCallback(
    (side: Side): number[] => {
      const pane = (side === 'a' ? paneA : paneB).current;
      const list = side === 'a' ? cmp?.a.passageList : cmp?.b.passageList;
      if (!pane || !list) return [];
      const at = (i: number) => el(side, list[i]!.id);
      // The first passage whose foot is not above the top of the pane (offsets are whole pixels).
      const bottom = (p: { id: number }) => {
        const node = el(side, p.id);
        return node ? node.offsetTop + node.offsetHeight : Infinity;
      };
      const out: number[] = [];
      for (let i = lastAtOrBefore(list, Math.ceil(pane.scrollTop) - 1, bottom) + 1; i < list.length; i++) {
        const node = at(i);
        if (!node) continue;
        if (node.offsetTop > pane.scrollTop + pane.clientHeight) break;
        out.push(i);
      }
      return out;
    },
    [cmp, el],
  );

  /** Connectors between the visible ends of each pair, in the gutter. */
  const drawLines = useCallback(() => {
    if (!cmp || !body.current || !paneA.current || !paneB.current) return;
    const top = body.current.getBoundingClientRect().top;
    const out: Line[] = [];
    // Only pairs with an end in view can have a connector in view.
    const ks = new Set<number>();
    for (const i of inView('a')) {
      const k = byA.get(cmp.a.passageList[i]!.id);
      if (k !== undefined) ks.add(k);
    }
    for (const i of inView('b')) {
      const k = byB.get(cmp.b.passageList[i]!.id);
      if (k !== undefined) ks.add(k);
    }
    [...ks]
      .sort((x, y) => x - y)
      .forEach((k) => {
        const p = cmp.pairs[k]!;
        const x = el('a', p.a.passageId)?.getBoundingClientRect();
        const y = el('b', p.b.passageId)?.getBoundingClientRect();
        if (!x || !y) return;
        const h = body.current!.clientHeight;
        const y1 = x.top + Math.min(x.height / 2, 14) - top;
        const y2 = y.top + Math.min(y.height / 2, 14) - top;
        if ((y1 < 0 && y2 < 0) || (y1 > h && y2 > h)) return;
        out.push({ k, y1, y2, kind: p.kind });
      });
    setLines(out);
  }, [cmp, byA, byB, el, inView]);

  useLayoutEffect(drawLines, [drawLines]);
  useEffect(() => {
    const redraw = () => requestAnimationFrame(drawLines);
    window.addEventListener('resize', redraw);
    const observer = body.current ? new ResizeObserver(redraw) : null;
    if (body.current) observer!.observe(body.current);
    return () => {
      window.removeEventListener('resize', redraw);
      observer?.disconnect();
    };
  }, [drawLines, cmp]);

  /** Keeps the counterpart of the first paired passage in view at the same height. */
  const follow = (from: Side) => {
    drawLines();
    if (!sync || !cmp) return;
    if (echo.current === from) {
      echo.current = null;
      return;
    }
    const src = (from === 'a' ? paneA : paneB).current!;
    const dst = (from === 'a' ? paneB : paneA).current!;
    const map = from === 'a' ? byA : byB;
    const list = from === 'a' ? cmp.a.passageList : cmp.b.passageList;
    for (const i of inView(from)) {
      const node = el(from, list[i]!.id)!;
      const k = map.get(list[i]!.id);
      if (k === undefined) continue;
      const pair = cmp.pairs[k]!;
      const other = el(from === 'a' ? 'b' : 'a', from === 'a' ? pair.b.passageId : pair.a.passageId);
      if (!other) return;
      echo.current = from === 'a' ? 'b' : 'a';
      dst.scrollTop = other.offsetTop - (node.offsetTop - src.scrollTop);
      return;
    }
  };

  const focusPair = (k: number) => {
    if (!cmp) return;
    const p = cmp.pairs[k]!;
    setCurrent(k);
    const x = el('a', p.a.passageId);
    const y = el('b', p.b.passageId);
    if (x && paneA.current) paneA.current.scrollTop = x.offsetTop - 40;
    if (y && paneB.current) {
      echo.current = 'b';
      paneB.current.scrollTop = y.offsetTop - 40;
    }
  };
  const focusRef = useRef(focusPair);
  focusRef.current = focusPair;

  const last = (cmp?.pairs.length ?? 1) - 1;
  const next = () => focusPair(current === null ? 0 : Math.min(last, current + 1));
  const previous = () => focusPair(current === null ? 0 : Math.max(0, current - 1));

  return { current, lines, paneA, paneB, body, nodes, byA, byB, follow, focusRef, next, previous };
}
