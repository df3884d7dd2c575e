import { useEffect, useState } from 'react';
import type { SourceDetail } from '../../../shared/types';
import { api, messageOf } from '../api';

export function useSource(id: number | null, version: number): { source: SourceDetail | null; error: string | null } {
  const [source, setSource] = useState<SourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    setError(null);
    api
      .getSource({ id })
      .then((s) => live && setSource(s))
      .catch((err) => live && (setSource(null), setError(messageOf(err))));
    return () => {
      live = false;
    };
  }, [id, version]);
  return { source: source && source.id === id ? source : null, error };
}
