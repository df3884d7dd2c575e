import { useState } from 'react';
import type { ReplaceTextResult, SourceSummary } from '../../../shared/types';
import { Dialog, DialogFoot } from '../components/Dialog';
import { useMergeSources } from '../hooks/useMergeSources';
import { moved } from './mergeMarked';

/**
 * Makes the photographed or scanned sources marked in the library one source: the historian
 * puts them in order, the first keeps its title and metadata, and the pages of the others
 * follow with their transcription, annotations, claims and tags.
 */
export function MergeMarkedDialog(props: { sources: SourceSummary[]; onMerged(result: ReplaceTextResult, merged: number): void; onClose(): void }) {
  const [order, setOrder] = useState(props.sources);
  const { busy, error, merge } = useMergeSources(props.onMerged);
  const first = order[0]!;
  return (
    <Dialog title="Merge into one source" onClose={props.onClose} className="merge-marked">
      <p className="dialog-text">
        These {order.length} sources become one, their pages in this order. <strong>{first.title}</strong> keeps its title and metadata; the others
        are removed from the library once their pages, transcription, annotations, claims and tags are in it.
      </p>
      <ol className="page-order-list" aria-label="Order of the sources’ pages" aria-busy={busy}>
        {order.map((s, i) => (
          <li key={s.id}>
            <span className="page-order-name" title={s.title}>
              {i + 1}. {s.title}
            </span>
            <button type="button" disabled={i === 0 || busy} aria-label={`Move “${s.title}” earlier`} onClick={() => setOrder(moved(order, i, -1))}>
              Earlier
            </button>
            <button
              type="button"
              disabled={i === order.length - 1 || busy}
              aria-label={`Move “${s.title}” later`}
              onClick={() => setOrder(moved(order, i, 1))}
            >
              Later
            </button>
          </li>
        ))}
      </ol>
      <DialogFoot
        error={error}
        label={`Merge ${order.length} sources`}
        disabled={busy}
        onCancel={props.onClose}
        onAct={() => void merge(order.map((s) => s.id))}
      />
    </Dialog>
  );
}
