import { useMemo } from 'react';
import type { ClaimRecord } from '../../../shared/types';
import { api, messageOf } from '../api';
import type { In } from './apiTypes';
import { claimActions } from './useClaims';
import { useRequest } from './useRequest';

/**
 * The claims a review goes through (a filter: a source's or a question's suggestions), the
 * verdict on one, and a claim read again after it was corrected (put in its place in the list).
 */
export function useReview(filter: In<'listClaims'>) {
  const load = useMemo(() => () => api.listClaims(filter), [filter]);
  const { data: items, error, setError, setData: setItems } = useRequest<ClaimRecord[] | null>(load, null);
  const actions = useMemo(() => {
    // A correction in the queue shows its error here and reloads nothing: the queue keeps its place.
    const form = claimActions(async (action) => {
      try {
        const r = await action();
        setError(null);
        return r;
      } catch (err) {
        setError(messageOf(err));
        return undefined;
      }
    });
    return {
      form,
      decide: (id: number, status: 'confirmed' | 'rejected') => api.updateClaim({ id, status }),
      /** Reads a claim again and puts it in its place in the list; resolves to it, or undefined when it is gone. */
      reread: async (id: number) => {
        const fresh = (await api.listClaims({ ids: [id], context: true }))[0];
        if (fresh) setItems((list) => list && list.map((c) => (c.id === fresh.id ? fresh : c)));
        return fresh;
      },
    };
  }, [setError, setItems]);
  return { items, error, setError, ...actions };
}

/** The claims named, with their sentences: a proposed question's, before it is accepted. */
export function useClaimsById(ids: number[]) {
  const load = useMemo(() => () => api.listClaims({ ids, context: true }), [ids]);
  const { data, error } = useRequest<ClaimRecord[] | null>(load, null);
  return { claims: data, error };
}
