import { useCallback, useState } from 'react';
import type { ReplaceTextResult } from '../../../shared/types';
import { api, messageOf } from '../api';

/**
 * Merging photographed or scanned sources into one (mergeImageSources, one write in main): the
 * first keeps its id and metadata, the pages of the others follow in the order given.
 */
export function useMergeSources(onMerged: (result: ReplaceTextResult, merged: number) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merge = useCallback(
    async (ids: number[]) => {
      setBusy(true);
      setError(null);
      try {
        onMerged(await api.mergeImageSources({ ids }), ids.length);
      } catch (err) {
        setError(`The sources were not merged: ${messageOf(err)}. Each is as it was.`);
      } finally {
        setBusy(false);
      }
    },
    [onMerged],
  );
  return { busy, error, merge };
}
