import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { titleTells } from '../../../shared/titles';
import { useShortcuts } from '../app/useShortcuts';
import type { LibraryState, SortKey } from '../hooks/useLibrary';
import { EmptyState } from '../components/EmptyState';
import { LibraryRow } from './LibraryRow';
import { markRows } from '../collate/cells';

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'author', label: 'Author' },
  { key: 'date', label: 'Date' },
  { key: 'origin', label: 'Origin' },
  { key: 'tags', label: 'Tags' },
  { key: 'passages', label: 'Passages', className: 'num' },
  { key: 'bytes', label: 'Size', className: 'num' },
  { key: 'importedAt', label: 'Imported' },
];

const ROW_HEIGHT = 38;

/** The sources as a sortable table, only the rows in view rendered; arrows and j/k move, Enter opens, E edits, Delete deletes, X marks. */
export function LibraryTable(props: {
  library: LibraryState;
  onOpen(id: number): void;
  onEdit(s: SourceSummary): void;
  onDelete(s: SourceSummary): void;
  /** The rows marked with Ctrl- (⌘-) or Shift-click, or X, to collate or apply metadata to. */
  marked: number[];
  onMark(ids: number[]): void;
}) {
  const { library } = props;
  const [selected, setSelected] = useState<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = library.visible;
  // Sources that share a title, each with what tells it from the others (host, file name, date, author).
  const tells = useMemo(() => titleTells(library.sources), [library.sources]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const selectedIndex = rows.findIndex((r) => r.id === selected);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // The rows' keys (the shortcut table's): arrows and j/k move, Home and End, Enter opens, E edits, Delete deletes.
  const move = (to: number) => (rows.length ? setSelected(rows[Math.max(0, Math.min(rows.length - 1, to))]!.id) : false);
  const row = selectedIndex >= 0 ? rows[selectedIndex]! : null;
  useShortcuts('library', {
    nextRow: () => move(selectedIndex + 1),
    previousRow: () => move(selectedIndex <= 0 ? 0 : selectedIndex - 1),
    firstRow: () => move(0),
    lastRow: () => move(rows.length - 1),
    openRow: () => (row ? props.onOpen(row.id) : false),
    editRow: () => (row ? props.onEdit(row) : false),
    deleteRow: () => (row ? props.onDelete(row) : false),
    markRow: () => (row ? props.onMark(props.marked.includes(row.id) ? props.marked.filter((m) => m !== row.id) : [...props.marked, row.id]) : false),
  });

  return (
    <div className="table" role="table" aria-label="Sources" aria-rowcount={rows.length + 1} aria-busy={library.partial}>
      <div className="row head" role="row">
        {COLUMNS.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={[`col-${c.key}`, c.className].filter(Boolean).join(' ')}
            aria-sort={library.sort.key === c.key ? (library.sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" className="sort" onClick={() => library.sortBy(c.key)}>
              {c.label}
              <span aria-hidden="true">{library.sort.key === c.key ? (library.sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
            </button>
          </div>
        ))}
        <div role="columnheader" className="col-actions">
          <span className="visually-hidden">Actions</span>
        </div>
      </div>
      <div className="table-body" role="rowgroup" ref={scrollRef} tabIndex={0} aria-label="Source rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const s = rows[v.index]!;
            return (
              <LibraryRow
                key={s.id}
                source={s}
                tell={tells.get(s.id)}
                index={v.index}
                top={v.start}
                height={ROW_HEIGHT}
                selected={s.id === selected || props.marked.includes(s.id)}
                marked={props.marked.includes(s.id)}
                onSelect={(e) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey) props.onMark(markRows(rows, props.marked, selected, s.id, e.shiftKey));
                  else props.onMark([]);
                  setSelected(s.id);
                }}
                onOpen={props.onOpen}
                onEdit={props.onEdit}
                onDelete={props.onDelete}
              />
            );
          })}
        </div>
        {rows.length === 0 && library.partial && (
          <p className="muted table-status" role="status">
            Reading the list of all {library.total.toLocaleString()} sources…
          </p>
        )}
        {rows.length === 0 && !library.partial && (
          <EmptyState
            title="No source matches this filter"
            action={
              <button type="button" onClick={library.clearFilter}>
                Show all sources
              </button>
            }
          >
            The filter looks through titles, authors, dates, origins, file names and tags, and forgives a letter or two; try fewer words.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
