/**
 * The library's list as the table shows it, in plain code: which sources a filter and a tag
 * keep, and in what order. The renderer does this over the full list (typing in the filter
 * stays instant), so it is kept free of React and tested on its own.
 */
import type { SourceSummary } from '../../../shared/types';
import { fold } from '../../../shared/words';

export type SortKey = 'title' | 'author' | 'date' | 'origin' | 'tags' | 'passages' | 'bytes' | 'importedAt';

export interface Sort {
  key: SortKey;
  dir: 1 | -1;
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

/** What the filter looks through, for each source: made once per list, not per keystroke. */
export interface FilterIndex {
  hay: Map<number, string>;
}

export function filterIndex(sources: readonly SourceSummary[]): FilterIndex {
  return {
    hay: new Map(sources.map((s) => [s.id, fold([s.title, s.author, s.date, s.origin, s.fileName, ...s.tags].filter(Boolean).join(' \u0001 '))])),
  };
}

/** The sources the filter's words and the tag keep. */
export function filterSources(sources: readonly SourceSummary[], index: FilterIndex, filter: string, tag: string): SourceSummary[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const wantTag = tag.toLowerCase();
  return sources.filter((s) => {
    if (wantTag && !s.tags.some((t) => t.toLowerCase() === wantTag)) return false;
    const hay = index.hay.get(s.id) ?? '';
    return words.every((w) => hay.includes(w));
  });
}

/** The sources in the table's order (a copy); ties by id. */
export function sortSources(list: readonly SourceSummary[], { key, dir }: Sort): SourceSummary[] {
  return [...list].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c * dir || a.id - b.id;
  });
}
