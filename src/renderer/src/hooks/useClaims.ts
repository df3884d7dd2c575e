import { useMemo } from 'react';
import type { ClaimRecord, Question } from '../../../shared/types';
import { api } from '../api';
import type { In } from './apiTypes';
import type { Runner } from './useRequest';
import { useRequest } from './useRequest';

const NONE = { claims: [] as ClaimRecord[], questions: [] as Question[] };

/** The calls that change claims, each through a runner that shows its error and reloads what shows them. */
export interface ClaimActions {
  update(input: In<'updateClaim'>): Promise<ClaimRecord | undefined>;
  createQuestion(input: In<'createQuestion'>): Promise<Question | undefined>;
}

export function claimActions(run: Runner): ClaimActions {
  return {
    update: (input) => run(() => api.updateClaim(input)),
    createQuestion: (input) => run(() => api.createQuestion(input)),
  };
}

/** The claims of one source and the project's questions, with the calls that change them (each reloads). */
export function useClaims(sourceId: number | null) {
  const load = useMemo(
    () =>
      sourceId === null
        ? null
        : async () => {
            const [claims, questions] = await Promise.all([api.listClaims({ sourceId }), api.listQuestions({})]);
            return { claims, questions };
          },
    [sourceId],
  );
  const { data, run, ...rest } = useRequest(load, NONE, { reset: true });
  const actions = useMemo(() => claimActions(run), [run]);
  const create = (input: In<'createClaim'>) => run(() => api.createClaim(input));
  /** The source's unconfirmed suggestions, with their sentences, for the review queue. */
  const review = useMemo<In<'listClaims'>>(() => ({ sourceId: sourceId ?? -1, status: 'suggested', context: true }), [sourceId]);
  return { list: data.claims, questions: data.questions, run, ...rest, actions, create, review };
}

export type ClaimsState = ReturnType<typeof useClaims>;
