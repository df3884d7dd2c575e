import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { titleTells } from '../../../shared/titles';
import type { LibraryState, SortKey } from '../hooks/useLibrary';
import { LibraryRow } from './LibraryRow';

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

/** The sources as a sortable table, only the rows in view rendered; arrows and j/k move, Enter opens, Delete deletes. */
export function LibraryTable(props: {
  library: LibraryState;
  onOpen(id: number): void;
  onEdit(s: SourceSummary): void;
  onDelete(s: SourceSummary): void;
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

  const onKey = (e: KeyboardEvent) => {
    if (!rows.length) return;
    const move = (to: number) => {
      e.preventDefault();
      setSelected(rows[Math.max(0, Math.min(rows.length - 1, to))]!.id);
    };
    if (e.key === 'ArrowDown' || e.key === 'j') move(selectedIndex + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(selectedIndex <= 0 ? 0 : selectedIndex - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'Enter' && selected !== null) props.onOpen(selected);
    else if (e.key === 'Delete' && selectedIndex >= 0) props.onDelete(rows[selectedIndex]!);
  };

  return (
    <div className="table" role="table" aria-label="Sources" aria-rowcount={rows.length + 1}>
      <div className="row head" role="row">
        {COLUMNS.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={c.className}
            aria-sort={library.sort.key === c.key ? (library.sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" className="sort" onClick={() => library.sortBy(c.key)}>
              {c.label}
              <span aria-hidden="true">{library.sort.key === c.key ? (library.sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
            </button>
          </div>
        ))}
        <div role="columnheader">
          <span className="visually-hidden">Actions</span>
        </div>
      </div>
      <div className="table-body" role="rowgroup" ref={scrollRef} tabIndex={0} onKeyDown={onKey} aria-label="Source rows">
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
                selected={s.id === selected}
                onSelect={() => setSelected(s.id)}
                onOpen={props.onOpen}
                onEdit={props.onEdit}
                onDelete={props.onDelete}
              />
            );
          })}
        </div>
        {rows.length === 0 && <p className="muted pad">No source matches this filter.</p>}
      </div>
    </div>
  );
}
