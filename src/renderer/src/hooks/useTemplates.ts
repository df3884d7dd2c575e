import { useCallback, useMemo } from 'react';
import type { SharedValues } from '../../../shared/archival';
import type { MetadataTemplate } from '../../../shared/types';
import { api } from '../api';
import { useRequest } from './useRequest';

const listTemplates = () => api.listTemplates({});

/**
 * The project's metadata templates, and saving, deleting and applying them. Saving and
 * deleting reload the list; a refusal throws with main's words (a name taken, no value).
 */
export function useTemplates() {
  const { data: templates, error, reload } = useRequest<MetadataTemplate[]>(listTemplates, []);
  const save = useCallback(
    async (input: { id?: number; name: string; values: SharedValues }) => {
      const saved = await api.saveTemplate(input);
      await reload();
      return saved;
    },
    [reload],
  );
  const remove = useCallback(
    async (id: number) => {
      await api.deleteTemplate({ id });
      await reload();
    },
    [reload],
  );
  return useMemo(() => ({ templates, error, save, remove }), [templates, error, save, remove]);
}

/** The chosen values set on several sources, in one transaction (all or none; a refusal throws). */
export const applyMetadata = (ids: number[], values: SharedValues) => api.applyMetadata({ ids, values });
