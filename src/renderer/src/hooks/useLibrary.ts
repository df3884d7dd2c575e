import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { SourceSummary, TagCount } from '../../../shared/types';
import { api, messageOf } from '../api';
import type { NewestSources } from '../firstData';
import { newestRows, takeFirst } from '../firstData';
import { latestOnly } from './useRequest';
import { useRecognisingRows } from './useRecognisingRows';
import type { SortKey } from '../views/libraryList';
import { filterIndex, filterSources, sortSources } from '../views/libraryList';

export type { SortKey };

export interface LibraryState {
  /** The whole list (empty until it has come). */
  sources: SourceSummary[];
  visible: SourceSummary[];
  /** How many sources the project has (known from the first rows, before the whole list). */
  total: number;
  /** Only the newest rows have come: the table shows them in the first order; another order or a filter waits for the whole list. */
  partial: boolean;
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
  /** An order outright (the narrow window's sort list). */
  setSort(sort: { key: SortKey; dir: 1 | -1 }): void;
  reload(): Promise<void>;
  /** Deletes a source and reads the list again; a refusal throws. */
  remove(id: number): Promise<void>;
}

/** Folds case and diacritics so "jezov" finds "Ježov" (as search folds them). */
export { fold } from '../../../shared/words';

export function useLibrary(projectPath: string | undefined): LibraryState {
  const [sources, setSources] = useState<SourceSummary[]>([]);
  // The newest rows, shown while the whole list comes (firstData.ts): from the first render when they came before it.
  const [partial, setPartial] = useState<NewestSources | null>(newestRows);
  const [tags, setTags] = useState<TagCount[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'importedAt', dir: -1 });

  const requests = useRef(latestOnly());
  const failed = useRef(false);

  // A reply to an earlier reload (another project's list) is dropped.
  const reload = useCallback(async () => {
    const current = requests.current.begin();
    // The newest rows (asked for once, as the window started) are shown until the whole list has come or failed.
    let settled = false;
    void takeFirst('newest')
      ?.then((first) => {
        if (current() && !settled) setPartial(first);
      })
      .catch(() => {});
    try {
      const [list, tagList] = await Promise.all([takeFirst('sources') ?? api.listSources({}), takeFirst('tags') ?? api.listTags({})]);
      if (!current()) return;
      setSources(list);
      setTags(tagList);
      setError(null);
      failed.current = false;
    } catch (err) {
      if (!current()) return;
      failed.current = true;
      setError(messageOf(err));
    } finally {
      settled = true;
      if (current()) {
        setPartial(null);
        setLoading(false);
      }
    }
  }, []);

  // The list is asked for at once, beside the project's details, not after them: the window
  // has one project open from the start, so its first rows need not wait for its path. Later
  // paths (another project opened) read the list again; so does the first path if that first
  // reading failed (no project could be opened).
  const firstPath = useRef(true);
  useRecognisingRows(sources, setSources);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (!projectPath) return;
    const first = firstPath.current;
    firstPath.current = false;
    if (first && !failed.current) return;
    setTag('');
    void reload();
  }, [projectPath, reload]);

  // The table follows the filter a frame later (a deferred value): a keystroke paints in the
  // box at once, and a newer keystroke interrupts the list's render for an older one. The
  // sort is made once per list and order, not per keystroke: the filter keeps its order.
  const shownFilter = useDeferredValue(filter);
  const shownTag = useDeferredValue(tag);
  const sorted = useMemo(() => sortSources(sources, sort), [sources, sort]);
  const index = useMemo(() => filterIndex(sources), [sources]);
  const firstOrder = sort.key === 'importedAt' && sort.dir === -1 && !shownFilter && !shownTag;
  const visible = useMemo(
    () => (partial ? (firstOrder ? partial.sources : []) : filterSources(sorted, index, shownFilter, shownTag)),
    [partial, firstOrder, sorted, index, shownFilter, shownTag],
  );

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

  const total = partial ? partial.total : sources.length;
  return {
    sources,
    visible,
    total,
    partial: partial !== null,
    tags,
    loading,
    error,
    filter,
    tag,
    sort,
    setFilter,
    setTag,
    clearFilter,
    sortBy,
    setSort,
    reload,
    remove,
  };
}
