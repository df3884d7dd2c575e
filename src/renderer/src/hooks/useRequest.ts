import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api';

/**
 * Numbers the requests of one piece of data: only the latest one may write its reply.
 * A slow reply for an earlier selection arrives after the current one and is dropped.
 */
export function latestOnly() {
  let latest = 0;
  return {
    /** Starts a request; the function it returns says whether that request is still the latest. */
    begin(): () => boolean {
      const id = ++latest;
      return () => id === latest;
    },
    /** Makes every request begun so far stale (the selection is gone). */
    drop(): void {
      latest++;
    },
  };
}

/** Runs a change and reloads what shows it; resolves to undefined when the change failed (its error is shown). */
export type Runner = <R>(action: () => Promise<R>) => Promise<R | undefined>;

/**
 * Data loaded from the API, loaded again whenever `load` changes (a new selection), with
 * `run` for a change followed by a reload. A reply to an older request than the latest is
 * dropped. `reset` empties the data while a new selection loads; `load` null means nothing
 * is selected.
 */
export function useRequest<T>(load: (() => Promise<T>) | null, initial: T, options: { reset?: boolean } = {}) {
  const [data, setData] = useState<T>(initial);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(load !== null);
  const requests = useRef(latestOnly());
  const initialRef = useRef(initial);
  const reset = options.reset ?? false;

  const reload = useCallback(async () => {
    const current = requests.current.begin();
    if (!load) {
      setData(initialRef.current);
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      const value = await load();
      if (!current()) return;
      setData(value);
      setError(null);
    } catch (err) {
      if (current()) setError(messageOf(err));
    } finally {
      if (current()) setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    if (reset) setData(initialRef.current);
    void reload();
  }, [reload, reset]);
  // Replies that arrive after the view is gone are dropped too.
  useEffect(() => () => requests.current.drop(), []);

  const run: Runner = useCallback(
    async <R>(action: () => Promise<R>): Promise<R | undefined> => {
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

  return { data, error, loading, reload, run, setError, setData };
}
