import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { useCompare } from '../hooks/useCompare';
import { CompareGutter } from './CompareGutter';
import { ComparePane } from './ComparePane';
import { CompareSummary, PairDetail } from './CompareSummary';
import { useAlignedPanes } from './useAlignedPanes';

function SourceSelect(props: { label: string; sources: SourceSummary[]; value: number | null; onChange(id: number): void }) {
  return (
    <select aria-label={props.label} value={props.value ?? ''} onChange={(e) => props.onChange(Number(e.target.value))}>
      {props.sources.map((s) => (
        <option key={s.id} value={s.id}>
          {s.title}
        </option>
      ))}
    </select>
  );
}

/** Two sources side by side: aligned passages share a number and a connector; near-copies show their word diff. */
export function CompareView(props: { sources: SourceSummary[]; initialA: number | null }) {
  const [a, setA] = useState<number | null>(props.initialA ?? props.sources[0]?.id ?? null);
  const [b, setB] = useState<number | null>(props.sources.find((s) => s.id !== (props.initialA ?? props.sources[0]?.id))?.id ?? null);
  const { comparison: cmp, error, exportMarkdown } = useCompare(a, b);
  const [sync, setSync] = useState(true);
  const panes = useAlignedPanes(cmp, sync);
  const { current } = panes;

  const onKey = (e: KeyboardEvent) => {
    if (!cmp?.pairs.length || (e.target as HTMLElement).tagName === 'SELECT') return;
    if (e.key === 'n' || e.key === 'j') panes.next();
    else if (e.key === 'p' || e.key === 'k') panes.previous();
  };

  const pane = (side: 'a' | 'b') =>
    cmp && (
      <ComparePane
        side={side}
        cmp={cmp}
        byPassage={side === 'a' ? panes.byA : panes.byB}
        current={current}
        paneRef={side === 'a' ? panes.paneA : panes.paneB}
        known={panes.nodes.current[side]}
        onScroll={() => panes.follow(side)}
        focusRef={panes.focusRef}
      />
    );
  const pair = current !== null ? cmp?.pairs[current] : undefined;

  return (
    <section className="compare" aria-label="Compare" onKeyDown={onKey} tabIndex={-1}>
      <header className="toolbar">
        <h1 className="view-title">Compare</h1>
        <SourceSelect label="Source A" sources={props.sources} value={a} onChange={setA} />
        <span aria-hidden="true">⇆</span>
        <SourceSelect label="Source B" sources={props.sources} value={b} onChange={setB} />
        <div className="spacer" />
        <label className="check">
          <input type="checkbox" checked={sync} onChange={(e) => setSync(e.target.checked)} /> Keep aligned
        </label>
        <button type="button" disabled={!cmp?.pairs.length} onClick={panes.previous}>
          ↑ Previous pair
        </button>
        <button type="button" disabled={!cmp?.pairs.length} onClick={panes.next}>
          ↓ Next pair
        </button>
        <button type="button" disabled={!cmp} onClick={exportMarkdown}>
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
          <CompareSummary cmp={cmp} />
          <div className="compare-body" ref={panes.body}>
            {pane('a')}
            <CompareGutter lines={panes.lines} pairs={cmp.pairs} current={current} />
            {pane('b')}
          </div>
          {pair && <PairDetail pair={pair} index={current!} />}
        </>
      ) : (
        !error && <p className="muted pad">Aligning…</p>
      )}
    </section>
  );
}
