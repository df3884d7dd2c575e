import type { Dispatch, SetStateAction } from 'react';
import { useEffect } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { api } from '../api';
import { isRecognising, withRowsReadAgain } from '../views/libraryList';

/** How often the rows of sources being recognised are read again. */
const EVERY_MS = 1500;

/**
 * The library's rows of photographed or scanned sources whose text is being recognised in the
 * background: read again (only those rows) until recognition is done, so the row shows its
 * passages, or its failure, without the historian reloading anything.
 */
export function useRecognisingRows(sources: SourceSummary[], setSources: Dispatch<SetStateAction<SourceSummary[]>>) {
  const ids = sources
    .filter(isRecognising)
    .map((s) => s.id)
    .slice(0, 1000)
    .join(',');
  useEffect(() => {
    if (!ids) return;
    let stop = false;
    const timer = setInterval(() => {
      api.getSourceSummaries({ ids: ids.split(',').map(Number) }).then(
        (again) => {
          if (!stop) setSources((current) => withRowsReadAgain(current, again));
        },
        () => undefined,
      );
    }, EVERY_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [ids, setSources]);
}
