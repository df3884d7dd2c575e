import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventSummary } from '../../../shared/types';
import { api, messageOf } from '../api';
import { latestOnly } from './useRequest';

/** The events the claims are about, with rename and merge; `onChanged` follows each change. */
export function useEvents(onChanged: () => void) {
  const [events, setEvents] = useState<EventSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const requests = useRef(latestOnly());

  const reload = useCallback(async () => {
    const current = requests.current.begin();
    try {
      const list = await api.listEvents({});
      if (!current()) return;
      setEvents(list);
      setError(null);
    } catch (err) {
      if (current()) setError(messageOf(err));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Resolves to whether the change was made (its error is shown otherwise). */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      await reload();
      onChanged();
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    events,
    error,
    setError,
    busy,
    rename: (from: string, to: string) => run(() => api.renameEvent({ from, to })),
    merge: (labels: string[], into: string) => run(() => api.mergeEvents({ events: labels, into })),
  };
}
