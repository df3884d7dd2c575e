import { useEffect, useRef, useState } from 'react';
import type { SearchResponse } from '../../../shared/types';
import { api, messageOf } from '../api';
import { latestOnly } from './useRequest';

const DEBOUNCE_MS = 120;

/** Searches as the user types; a response to an older keystroke is dropped. */
export function useSearch(projectPath: string | undefined) {
  const [query, setQuery] = useState('');
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const requests = useRef(latestOnly());

  useEffect(() => {
    const current = requests.current.begin();
    if (!query.trim()) {
      setResponse(null);
      setError(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    const timer = setTimeout(() => {
      api
        .search({ query, limit: 100, typing: true })
        .then((r) => {
          if (!current()) return;
          setResponse(r);
          setError(null);
        })
        .catch((err) => current() && setError(messageOf(err)))
        .finally(() => current() && setBusy(false));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, projectPath]);

  return { query, setQuery, response, error, busy };
}

export type SearchState = ReturnType<typeof useSearch>;
