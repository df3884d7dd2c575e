import { useCallback, useEffect, useState } from 'react';
import type { ClaimRecord, Question } from '../../../shared/types';
import { api, messageOf } from '../api';

/** The claims of one source and the project's questions, with a runner that reloads after each change. */
export function useClaims(sourceId: number | null) {
  const [list, setList] = useState<ClaimRecord[]>([]);
  const [questions, setQuestions] = useState<Question[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (sourceId === null) return;
    try {
      const [claims, qs] = await Promise.all([api.listClaims({ sourceId }), api.listQuestions({})]);
      setList(claims);
      setQuestions(qs);
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
        const r = await action();
        await reload();
        return r;
      } catch (err) {
        setError(messageOf(err));
        return undefined;
      }
    },
    [reload],
  );
  return { list, questions, error, reload, run };
}
