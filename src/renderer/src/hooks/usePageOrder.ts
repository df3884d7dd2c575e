import { useCallback, useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { api, messageOf } from '../api';
import { mergeTargets, moveMessage, movedOrder } from '../image/pageOrder';

/**
 * The page order of a photographed or scanned source, and merging it into another: each
 * change is one write in main (setPageOrder, mergeImageSources); `onChanged` reads the source
 * again, `onMerged` opens the source it became part of.
 */
export function usePageOrder(sourceId: number, pages: number, onChanged: () => void, onMerged: (into: number) => void) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [targets, setTargets] = useState<SourceSummary[] | null>(null);

  const move = useCallback(
    async (index: number, delta: -1 | 1): Promise<boolean> => {
      const order = movedOrder(pages, index, delta);
      if (!order) return false;
      setBusy(true);
      try {
        const r = await api.setPageOrder({ id: sourceId, pages: order });
        setMessage({ text: moveMessage(index + 1, index + 1 + delta, r), error: false });
        onChanged();
        return true;
      } catch (err) {
        setMessage({ text: `The pages were not moved: ${messageOf(err)}`, error: true });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [sourceId, pages, onChanged],
  );

  /** The other image sources, loaded when the merge dialog opens. */
  const loadTargets = useCallback(async () => {
    try {
      setTargets(mergeTargets(await api.listSources({}), sourceId));
    } catch (err) {
      setMessage({ text: messageOf(err), error: true });
      setTargets([]);
    }
  }, [sourceId]);

  /** Appends this source's pages to `into`'s; resolves to an error message, or null when merged. */
  const merge = useCallback(
    async (into: number): Promise<string | null> => {
      setBusy(true);
      try {
        await api.mergeImageSources({ ids: [into, sourceId] });
        onMerged(into);
        return null;
      } catch (err) {
        return `The sources were not merged: ${messageOf(err)}. Both are as they were.`;
      } finally {
        setBusy(false);
      }
    },
    [sourceId, onMerged],
  );

  return { busy, message, dismiss: () => setMessage(null), move, targets, loadTargets, merge };
}
