import { useMemo } from 'react';
import type { CslItem } from '../../../shared/csl';
import type { SourceDetail } from '../../../shared/types';
import { api } from '../api';
import { useRequest } from './useRequest';

/** A source's citation metadata as stored, and saving it with its tags (main checks both; a refusal throws). */
export function useSourceMetadata(id: number) {
  const load = useMemo(() => () => api.getSource({ id }), [id]);
  const { data: detail, error } = useRequest<SourceDetail | null>(load, null);
  const save = (csl: CslItem & { title: string }, tags: string[]) => api.updateSource({ id, csl, tags });
  return { detail, error, save };
}
