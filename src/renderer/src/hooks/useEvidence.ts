import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Evidence, ProposedQuestion, Question } from '../../../shared/types';
import { api, messageOf } from '../api';
import type { In } from './apiTypes';
import { download } from './useAnnotations';
import { claimActions } from './useClaims';
import { latestOnly } from './useRequest';

/**
 * The project's questions and proposals, the chosen question and its evidence. A reply for a
 * question chosen before the current one is dropped.
 */
export function useEvidence(projectPath: string | undefined) {
  const [questions, setQuestions] = useState<Question[]>([]);
  const [proposals, setProposals] = useState<ProposedQuestion[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listRequests = useRef(latestOnly());
  const evidenceRequests = useRef(latestOnly());

  const reload = useCallback(async () => {
    const current = listRequests.current.begin();
    try {
      const [qs, ps] = await Promise.all([api.listQuestions({}), api.proposeQuestions({})]);
      if (!current()) return;
      setQuestions(qs);
      setProposals(ps);
      setSelected((s) => (s !== null && qs.some((q) => q.id === s) ? s : (qs[0]?.id ?? null)));
      setError(null);
    } catch (err) {
      if (current()) setError(messageOf(err));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload, projectPath]);

  const loadEvidence = useCallback(async (questionId: number | null) => {
    const current = evidenceRequests.current.begin();
    if (questionId === null) return setEvidence(null);
    try {
      const e = await api.getEvidence({ questionId });
      if (current()) setEvidence(e);
    } catch (err) {
      if (current()) setError(messageOf(err));
    }
  }, []);
  useEffect(() => {
    void loadEvidence(selected);
  }, [selected, questions, loadEvidence]);
  useEffect(() => () => (listRequests.current.drop(), evidenceRequests.current.drop()), []);

  /** A change, then the questions and the evidence read again; undefined when it failed (its error is shown). */
  const run = useCallback(
    async <R>(action: () => Promise<R>): Promise<R | undefined> => {
      try {
        const result = await action();
        await reload();
        await loadEvidence(selected);
        return result;
      } catch (err) {
        setError(messageOf(err));
        return undefined;
      }
    },
    [reload, loadEvidence, selected],
  );
  const actions = useMemo(() => claimActions(run), [run]);

  const exportAs = async (format: 'csv' | 'markdown', all: boolean) => {
    try {
      const file = await api.exportEvidence({ questionId: all ? undefined : (selected ?? undefined), format });
      download(file, format === 'csv' ? 'text/csv' : 'text/markdown');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const review = useMemo<In<'listClaims'>>(() => ({ questionId: selected ?? -1, status: 'suggested', context: true }), [selected]);

  return {
    questions,
    proposals,
    selected,
    select: setSelected,
    evidence,
    error,
    reload,
    /** Reads everything again after a change made elsewhere (events renamed or merged, a review closed). */
    refresh: () => run(async () => undefined),
    actions,
    createQuestion: (input: In<'createQuestion'>) => run(() => api.createQuestion(input)),
    deleteQuestion: (id: number) => run(() => api.deleteQuestion({ id })),
    exportAs,
    review,
  };
}

export type EvidenceState = ReturnType<typeof useEvidence>;
