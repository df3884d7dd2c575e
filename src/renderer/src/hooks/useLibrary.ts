import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SourceSummary, TagCount } from '../../../shared/types';
import { api, messageOf } from '../api';
import { latestOnly } from './useRequest';

export type SortKey = 'title' | 'author' | 'date' | 'origin' | 'tags' | 'passages' | 'bytes' | 'importedAt';

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
  sortBy(key: SortKey): void;
  reload(): Promise<void>;
  /** Deletes a source and reads the list again; a refusal throws. */
  remove(id: number): Promise<void>;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortValue(s: SourceSummary, key: SortKey): string | number {
  switch (key) {
    case 'tags':
      return s.tags.join(', ');
    case 'passages':
      return s.passages;
    case 'bytes':
      return s.bytes;
    default:
      return s[key] ?? '';
  }
}

/** Folds case and diacritics so "jezov" finds "Ježov". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

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

  const searchable = useMemo(
    () => new Map(sources.map((s) => [s.id, fold([s.title, s.author, s.date, s.origin, s.fileName, ...s.tags].filter(Boolean).join(' \u0001 '))])),
    [sources],
  );

  const visible = useMemo(() => {
    const words = fold(filter).split(/\s+/).filter(Boolean);
    const wantTag = tag.toLowerCase();
    const list = sources.filter((s) => {
      if (wantTag && !s.tags.some((t) => t.toLowerCase() === wantTag)) return false;
      const hay = searchable.get(s.id) ?? '';
      return words.every((w) => hay.includes(w));
    });
    const { key, dir } = sort;
    return list.sort((a, b) => {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return c * dir || a.id - b.id;
    });
  }, [sources, searchable, filter, tag, sort]);

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

  return { sources, visible, tags, loading, error, filter, tag, sort, setFilter, setTag, sortBy, reload, remove };
}
