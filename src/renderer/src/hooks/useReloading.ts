import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api';

/**
 * Data loaded from the API, loaded again whenever `load` changes, with `run` for a change
 * followed by a reload; errors are kept for the view to show.
 */
export function useReloading<T>(load: () => Promise<T>, initial: T) {
  const [data, setData] = useState<T>(initial);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    async <R,>(action: () => Promise<R>): Promise<R | undefined> => {
      try {
        const result = await action();
        await reload();
        return result;
      } catch (err) {
        setError(messageOf(err));
        return undefined;
      }
    },
    [reload],
  );

  return { data, error, reload, run, setError };
}
