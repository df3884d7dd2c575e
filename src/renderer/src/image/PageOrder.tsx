import { useEffect, useRef, useState } from 'react';
import type { PageImageInfo } from '../../../shared/types';
import { usePageOrder } from '../hooks/usePageOrder';
import { MergeDialog } from './MergeDialog';

/**
 * The pages of a photographed or scanned source in their order, beside its page image: each
 * can be moved one place earlier or later (the transcription follows), and the source can be
 * merged into another (its pages after the other's).
 */
export function PageOrder(props: { sourceId: number; title: string; pages: PageImageInfo[]; onChanged(): void; onMerged(into: number): void }) {
  const order = usePageOrder(props.sourceId, props.pages.length, props.onChanged, props.onMerged);
  const [merging, setMerging] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  // The page just moved, to keep the focus on it at its new place once the source is read again.
  const [moved, setMoved] = useState<{ index: number; delta: -1 | 1; pages: PageImageInfo[] } | null>(null);
  useEffect(() => {
    if (!moved || moved.pages === props.pages) return;
    const buttons = list.current?.children[moved.index]?.querySelectorAll('button');
    const same = buttons?.[moved.delta < 0 ? 0 : 1];
    (same && !same.disabled ? same : buttons?.[moved.delta < 0 ? 1 : 0])?.focus();
    setMoved(null);
  }, [moved, props.pages]);

  const move = async (index: number, delta: -1 | 1) => {
    const pages = props.pages;
    if (await order.move(index, delta)) setMoved({ index: index + delta, delta, pages });
  };
  return (
    <details className="page-order">
      <summary>Pages ({props.pages.length}): order and merging</summary>
      {order.message && (
        <p className={order.message.error ? 'banner error' : 'banner info'} role={order.message.error ? 'alert' : 'status'}>
          {order.message.text}{' '}
          <button type="button" className="link" onClick={order.dismiss}>
            Dismiss
          </button>
        </p>
      )}
      <ol ref={list} className="page-order-list" aria-label="Page order" aria-busy={order.busy}>
        {props.pages.map((p, i) => (
          <li key={i}>
            <span className="page-order-name" title={p.fileName}>
              {i + 1}. {p.fileName}
            </span>
            <button type="button" disabled={i === 0 || order.busy} aria-label={`Move page ${i + 1} earlier`} onClick={() => void move(i, -1)}>
              Earlier
            </button>
            <button
              type="button"
              disabled={i === props.pages.length - 1 || order.busy}
              aria-label={`Move page ${i + 1} later`}
              onClick={() => void move(i, 1)}
            >
              Later
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setMerging(true)} disabled={order.busy}>
        Merge into…
      </button>
      {merging && <MergeDialog title={props.title} order={order} onClose={() => setMerging(false)} />}
    </details>
  );
}
