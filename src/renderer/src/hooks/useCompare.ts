import { useMemo } from 'react';
import type { Comparison } from '../../../shared/types';
import { api, messageOf } from '../api';
import { download } from './useAnnotations';
import { useRequest } from './useRequest';

/**
 * Two sources aligned. A new pair empties the comparison while it is aligned; the reply for a
 * pair chosen before is dropped.
 */
export function useCompare(a: number | null, b: number | null) {
  const load = useMemo(() => (a === null || b === null || a === b ? null : () => api.compareSources({ a, b })), [a, b]);
  const { data: comparison, error, setError } = useRequest<Comparison | null>(load, null, { reset: true });
  const exportMarkdown = () => {
    if (a !== null && b !== null)
      void api.exportComparison({ a, b }).then(
        (f) => download(f),
        (err) => setError(messageOf(err)),
      );
  };
  return { comparison, error, exportMarkdown };
}
