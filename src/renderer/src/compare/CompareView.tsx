import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AlignedPair, Comparison, SourceSummary } from '../../../shared/types';
import { api, messageOf } from '../api';
import { formatValue } from '../claims/format';
import { download } from '../hooks/useAnnotations';

interface Line {
  k: number;
  y1: number;
  y2: number;
  kind: string;
}

/** The summary shows a few groups of claims and a few values each: a long source can give thousands. */
const MAX_GROUPS = 6;
const MAX_VALUES = 5;

function values(list: Parameters<typeof formatValue>[0][]): string {
  const shown = list.slice(0, MAX_VALUES).map((c) => formatValue(c)).join(', ');
  return list.length > MAX_VALUES ? `${shown} … (${list.length.toLocaleString()} in all)` : shown;
}

/** Two sources side by side: aligned passages share a number and a connector; near-copies show their word diff. */
export function CompareView(props: { sources: SourceSummary[]; initialA: number | null }) {
  const [a, setA] = useState<number | null>(props.initialA ?? props.sources[0]?.id ?? null);
  const [b, setB] = useState<number | null>(props.sources.find((s) => s.id !== (props.initialA ?? props.sources[0]?.id))?.id ?? null);
  const [cmp, setCmp] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sync, setSync] = useState(true);
  const [current, setCurrent] = useState<number | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const paneA = useRef<HTMLDivElement>(null);
  const paneB = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const echo = useRef<'a' | 'b' | null>(null);

  useEffect(() => {
    setCmp(null);
    setCurrent(null);
    if (a === null || b === null || a === b) return;
    api.compareSources({ a, b }).then(
      (c) => {
        setCmp(c);
        setError(null);
      },
      (err) => setError(messageOf(err)),
    );
  }, [a, b]);

  const byA = useMemo(() => new Map((cmp?.pairs ?? []).map((p, k) => [p.a.passageId, k])), [cmp]);
  const byB = useMemo(() => new Map((cmp?.pairs ?? []).map((p, k) => [p.b.passageId, k])), [cmp]);

  // Each passage's element, kept by its ref: looking one up must not search the page.
  const nodes = useRef({ a: new Map<number, HTMLElement>(), b: new Map<number, HTMLElement>() });
  const el = (side: 'a' | 'b', passageId: number) => nodes.current[side].get(passageId) ?? null;

  /** Indexes into the side's passages of those in view: a binary search on their positions. */
  const inView = (side: 'a' | 'b'): number[] => {
    const pane = (side === 'a' ? paneA : paneB).current;
    const list = side === 'a' ? cmp?.a.passageList : cmp?.b.passageList;
    if (!pane || !list) return [];
    const at = (i: number) => el(side, list[i]!.id);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const node = at(mid);
      if (node && node.offsetTop + node.offsetHeight < pane.scrollTop) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < list.length; i++) {
      const node = at(i);
      if (!node) continue;
      if (node.offsetTop > pane.scrollTop + pane.clientHeight) break;
      out.push(i);
    }
    return out;
  };

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
    [...ks].sort((x, y) => x - y).forEach((k) => {
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
    // el and inView read refs only: the comparison and its pairs are what change.
  }, [cmp, byA, byB]);

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
  const follow = (from: 'a' | 'b') => {
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

  const onKey = (e: KeyboardEvent) => {
    if (!cmp?.pairs.length || (e.target as HTMLElement).tagName === 'SELECT') return;
    if (e.key === 'n' || e.key === 'j') focusPair(current === null ? 0 : Math.min(cmp.pairs.length - 1, current + 1));
    else if (e.key === 'p' || e.key === 'k') focusPair(current === null ? 0 : Math.max(0, current - 1));
  };

  /** The passages of one side: rendered again only when the comparison or the current pair changes, not on every scroll. */
  const passages = (side: 'a' | 'b') => {
    if (!cmp) return null;
    const source = side === 'a' ? cmp.a : cmp.b;
    const map = side === 'a' ? byA : byB;
    const known = nodes.current[side];
    return source.passageList.map((p) => {
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
    });
  };
  const listA = useMemo(() => passages('a'), [cmp, byA, current]);
  const listB = useMemo(() => passages('b'), [cmp, byB, current]);

  const pane = (side: 'a' | 'b') => {
    if (!cmp) return null;
    const source = side === 'a' ? cmp.a : cmp.b;
    return (
      <div className="compare-pane" ref={side === 'a' ? paneA : paneB} onScroll={() => follow(side)} aria-label={`Source ${side.toUpperCase()}: ${source.title}`} role="region">
        <h2 className="compare-title">{source.title}</h2>
        {side === 'a' ? listA : listB}
      </div>
    );
  };

  const pair = current !== null ? cmp?.pairs[current] : undefined;

  return (
    <section className="compare" aria-label="Compare" onKeyDown={onKey} tabIndex={-1}>
      <header className="toolbar">
        <h1 className="view-title">Compare</h1>
        <select aria-label="Source A" value={a ?? ''} onChange={(e) => setA(Number(e.target.value))}>
          {props.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <span aria-hidden="true">⇆</span>
        <select aria-label="Source B" value={b ?? ''} onChange={(e) => setB(Number(e.target.value))}>
          {props.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <div className="spacer" />
        <label className="check">
          <input type="checkbox" checked={sync} onChange={(e) => setSync(e.target.checked)} /> Keep aligned
        </label>
        <button type="button" disabled={!cmp?.pairs.length} onClick={() => focusPair(current === null ? 0 : Math.max(0, current - 1))}>
          ↑ Previous pair
        </button>
        <button type="button" disabled={!cmp?.pairs.length} onClick={() => focusPair(current === null ? 0 : Math.min(cmp!.pairs.length - 1, current + 1))}>
          ↓ Next pair
        </button>
        <button
          type="button"
          disabled={!cmp}
          onClick={() => a !== null && b !== null && void api.exportComparison({ a, b }).then((f) => download(f), (err) => setError(messageOf(err)))}
        >
          Export Markdown
        </button>
      </header>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {props.sources.length < 2 ? (
        <div className="empty">
          <h2>Two sources are needed</h2>
          <p>Import at least two sources to set them side by side: matching passages are paired, and what only one of them says is marked.</p>
        </div>
      ) : a === b ? (
        <p className="muted pad">Choose two different sources.</p>
      ) : cmp ? (
        <>
          <div className="compare-summary" role="status" aria-label="Comparison summary">
            <strong>{cmp.pairs.length} pairs</strong> · {Math.round(cmp.sharedA * 100)}% of A and {Math.round(cmp.sharedB * 100)}% of B shared ·{' '}
            {cmp.onlyA.length} passages only in A · {cmp.onlyB.length} only in B
            {cmp.claims.length > 0 && (
              <ul className="compare-claims" aria-label="Claims side by side">
                {cmp.claims.slice(0, MAX_GROUPS).map((g) => (
                  <li key={`${g.label}|${g.measure}`} className={g.differ ? 'differ' : ''}>
                    {g.label} ({g.measure}): A {values(g.a)} · B {values(g.b)}
                    {g.differ && <strong className="warn-text"> — the figures differ</strong>}
                  </li>
                ))}
                {cmp.claims.length > MAX_GROUPS && (
                  <li className="muted">… and {cmp.claims.length - MAX_GROUPS} more groups of claims (the Evidence view lists them all)</li>
                )}
              </ul>
            )}
          </div>
          <div className="compare-body" ref={body}>
            {pane('a')}
            <svg className="compare-gutter" aria-hidden="true">
              {lines.map((l) => (
                <line key={l.k} x1={0} x2={40} y1={l.y1} y2={l.y2} className={`connector ${l.kind}${l.k === current ? ' current' : ''}`} />
              ))}
            </svg>
            {pane('b')}
          </div>
          {pair && (
            <div className="compare-detail" role="region" aria-label="Pair detail">
              <strong>
                Pair #{current! + 1}: A ¶{pair.a.ordinal} ⇆ B ¶{pair.b.ordinal}
              </strong>{' '}
              · similarity {pair.similarity.toFixed(2)} ({pair.kind === 'near' ? 'near-identical' : pair.kind})
              {pair.diff ? (
                <p className="diff" aria-label="Word differences">
                  {pair.diff.map((d, i) =>
                    d.op === 'same' ? (
                      <span key={i}>{d.text}</span>
                    ) : d.op === 'removed' ? (
                      <del key={i} className={d.number ? 'num-change' : ''}>
                        {d.text}
                      </del>
                    ) : (
                      <ins key={i} className={d.number ? 'num-change' : ''}>
                        {d.text}
                      </ins>
                    ),
                  )}
                </p>
              ) : (
                <p className="muted small">{pair.kind === 'identical' ? 'The two passages read the same.' : 'Reworded: the passages say the same thing in different words.'}</p>
              )}
            </div>
          )}
        </>
      ) : (
        !error && <p className="muted pad">Aligning…</p>
      )}
    </section>
  );
}
