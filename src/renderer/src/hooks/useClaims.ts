import { useCallback } from 'react';
import type { ClaimRecord, Question } from '../../../shared/types';
import { api } from '../api';
import { useReloading } from './useReloading';

const NONE = { claims: [] as ClaimRecord[], questions: [] as Question[] };

/** The claims of one source and the project's questions, with a runner that reloads after each change. */
export function useClaims(sourceId: number | null) {
  const load = useCallback(async () => {
    if (sourceId === null) return NONE;
    const [claims, questions] = await Promise.all([api.listClaims({ sourceId }), api.listQuestions({})]);
    return { claims, questions };
  }, [sourceId]);
  const { data, ...rest } = useReloading(load, NONE);
  return { list: data.claims, questions: data.questions, ...rest };
}
