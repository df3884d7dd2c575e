import type { LibraryState, SortKey } from '../hooks/useLibrary';

/** Every order the table's column headings give, named for a list (a narrow window hides some of those columns). */
const ORDERS: { key: SortKey; dir: 1 | -1; label: string }[] = [
  { key: 'importedAt', dir: -1, label: 'Imported, newest first' },
  { key: 'importedAt', dir: 1, label: 'Imported, oldest first' },
  { key: 'title', dir: 1, label: 'Title, A–Z' },
  { key: 'title', dir: -1, label: 'Title, Z–A' },
  { key: 'author', dir: 1, label: 'Author, A–Z' },
  { key: 'author', dir: -1, label: 'Author, Z–A' },
  { key: 'date', dir: 1, label: 'Date, earliest first' },
  { key: 'date', dir: -1, label: 'Date, latest first' },
  { key: 'origin', dir: 1, label: 'Origin, A–Z' },
  { key: 'origin', dir: -1, label: 'Origin, Z–A' },
  { key: 'tags', dir: 1, label: 'Tags, A–Z' },
  { key: 'tags', dir: -1, label: 'Tags, Z–A' },
  { key: 'passages', dir: -1, label: 'Passages, most first' },
  { key: 'passages', dir: 1, label: 'Passages, fewest first' },
  { key: 'bytes', dir: -1, label: 'Size, largest first' },
  { key: 'bytes', dir: 1, label: 'Size, smallest first' },
];

/**
 * The library's order as a list, shown where the window is too narrow for every column
 * (styles.css): a historian can still sort by the size, the origin or the import time that
 * the table no longer shows.
 */
export function LibrarySort(props: { library: LibraryState }) {
  const { sort, setSort } = props.library;
  return (
    <select
      className="library-sort"
      aria-label="Sort sources"
      value={`${sort.key}:${sort.dir}`}
      onChange={(e) => {
        const [key, dir] = e.target.value.split(':');
        setSort({ key: key as SortKey, dir: dir === '1' ? 1 : -1 });
      }}
    >
      {ORDERS.map((o) => (
        <option key={`${o.key}:${o.dir}`} value={`${o.key}:${o.dir}`}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
