import { useRef, useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { useShortcuts } from '../app/useShortcuts';
import { useCompare } from '../hooks/useCompare';
import { EmptyState } from '../components/EmptyState';
import { CompareGutter } from './CompareGutter';
import { ComparePane } from './ComparePane';
import { CompareSummary, PairDetail } from './CompareSummary';
import { CompareToolbar } from './CompareToolbar';
import { useAlignedPanes } from './useAlignedPanes';
import { initialPair } from './initialPair';

/** Two sources side by side: aligned passages share a number and a connector; near-copies show their word diff. */
export function CompareView(props: { sources: SourceSummary[]; initialA: number | null; initialB?: number | null }) {
  const [first] = useState(() => initialPair(props.sources, props.initialA, props.initialB));
  const [a, setA] = useState<number | null>(first.a);
  const [b, setB] = useState<number | null>(first.b);
  const { comparison: cmp, error, exportMarkdown } = useCompare(a, b);
  const [sync, setSync] = useState(true);
  const panes = useAlignedPanes(cmp, sync);
  const { current } = panes;

  const selectA = useRef<HTMLSelectElement>(null);
  const selectB = useRef<HTMLSelectElement>(null);
  const pairs = !!cmp?.pairs.length;
  useShortcuts('compare', {
    nextPair: () => (pairs ? panes.next() : false),
    previousPair: () => (pairs ? panes.previous() : false),
    sourceA: () => selectA.current?.focus(),
    sourceB: () => selectB.current?.focus(),
    keepAligned: () => setSync(!sync),
    exportMarkdown: () => (cmp ? exportMarkdown() : false),
  });

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
    <section className="compare" aria-label="Compare" tabIndex={-1}>
      <CompareToolbar
        sources={props.sources}
        a={a}
        b={b}
        onA={setA}
        onB={setB}
        selectA={selectA}
        selectB={selectB}
        sync={sync}
        onSync={setSync}
        hasPairs={!!cmp?.pairs.length}
        canExport={!!cmp}
        onPrevious={panes.previous}
        onNext={panes.next}
        onExport={exportMarkdown}
      />
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {props.sources.length < 2 ? (
        <EmptyState title="Two sources are needed">
          Import at least two sources to set them side by side: matching passages are paired, and what only one of them says is marked.
        </EmptyState>
      ) : a === b ? (
        <EmptyState title="Choose two different sources">Pick another source on one side to compare the two, passage by passage.</EmptyState>
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
