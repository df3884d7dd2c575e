import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SourceSummary, TagCount } from '../../../shared/types';
import { api, messageOf } from '../api';
import { latestOnly } from './useRequest';
import type { SortKey } from '../views/libraryList';
import { filterIndex, filterSources, sortSources } from '../views/libraryList';

export type { SortKey };

export interface LibraryState {
  sources: SourceSummary[];
  visible: SourceSummary[];
  tags: TagCount[];
  loading: boolean;
  error: string | null;
  filter: string;
  tag: string;
  sort: { key: SortKey; dir: 1 | -1 };
  setFilter(v: string): void;
  setTag(v: string): void;
  /** Empties the filter and the tag: every source shown. */
  clearFilter(): void;
  sortBy(key: SortKey): void;
  reload(): Promise<void>;
  /** Deletes a source and reads the list again; a refusal throws. */
  remove(id: number): Promise<void>;
}

/** Folds case and diacritics so "jezov" finds "Ježov" (as search folds them). */
export { fold } from '../../../shared/words';

export function useLibrary(projectPath: string | undefined): LibraryState {
  const [sources, setSources] = useState<SourceSummary[]>([]);
  const [tags, setTags] = useState<TagCount[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'importedAt', dir: -1 });

  const requests = useRef(latestOnly());

  // A reply to an earlier reload (another project's list) is dropped.
  const reload = useCallback(async () => {
    const current = requests.current.begin();
    try {
      const [list, tagList] = await Promise.all([api.listSources({}), api.listTags({})]);
      if (!current()) return;
      setSources(list);
      setTags(tagList);
      setError(null);
    } catch (err) {
      if (current()) setError(messageOf(err));
    } finally {
      if (current()) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (projectPath) {
      setTag('');
      void reload();
    }
  }, [projectPath, reload]);

  const index = useMemo(() => filterIndex(sources), [sources]);
  const visible = useMemo(() => sortSources(filterSources(sources, index, filter, tag), sort), [sources, index, filter, tag, sort]);

  const sortBy = useCallback((key: SortKey) => {
    setSort((s) =>
      s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: key === 'importedAt' || key === 'passages' || key === 'bytes' ? -1 : 1 },
    );
  }, []);

  const remove = useCallback(
    async (id: number) => {
      await api.deleteSource({ id });
      await reload();
    },
    [reload],
  );

  const clearFilter = useCallback(() => {
    setFilter('');
    setTag('');
  }, []);

  return { sources, visible, tags, loading, error, filter, tag, sort, setFilter, setTag, clearFilter, sortBy, reload, remove };
}
