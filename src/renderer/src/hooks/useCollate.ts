import { useMemo } from 'react';
import type { Collation } from '../../../shared/types';
import { api, messageOf } from '../api';
import { download } from './useAnnotations';
import { useRequest } from './useRequest';

/**
 * The witnesses chosen, collated; collated again when the choice or the base changes (a reply
 * for an earlier choice is dropped). Fewer than two witnesses: nothing to collate.
 */
export function useCollate(ids: number[], base: number | null) {
  const key = ids.join(',');
  const load = useMemo(() => {
    const chosen = key ? key.split(',').map(Number) : [];
    if (chosen.length < 2) return null;
    return () => api.collateSources({ ids: chosen, ...(base !== null && chosen.includes(base) ? { base } : {}) });
  }, [key, base]);
  const { data: collation, error, setError, loading } = useRequest<Collation | null>(load, null, { reset: true });
  const save = (format: 'tei' | 'markdown') => {
    if (!collation) return;
    const chosen = collation.witnesses.map((w) => w.id);
    const b = collation.base === null ? {} : { base: chosen[collation.base]! };
    void api.exportCollation({ ids: chosen, ...b, format }).then(
      (f) => download(f, format === 'tei' ? 'application/tei+xml' : 'text/markdown'),
      (err) => setError(messageOf(err)),
    );
  };
  return { collation, error, loading, save };
}
