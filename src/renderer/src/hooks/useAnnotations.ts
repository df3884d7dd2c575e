import { useCallback, useEffect, useState } from 'react';
import type { Annotation } from '../../../shared/types';
import { api, messageOf } from '../api';

/** The annotations of one source, kept in text order, with the calls that change them. */
export function useAnnotations(sourceId: number | null) {
  const [list, setList] = useState<Annotation[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (sourceId === null) return setList([]);
    try {
      setList(await api.listAnnotations({ sourceId }));
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [sourceId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
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

  return { list, error, reload, run, setError };
}

export function download(file: { name: string; content: string }, type = 'text/markdown') {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
