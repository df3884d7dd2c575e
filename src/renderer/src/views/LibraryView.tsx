import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { titleTells } from '../../../shared/titles';
import { api, messageOf } from '../api';
import { ConfirmDialog } from '../components/Dialog';
import type { LibraryState, SortKey } from '../hooks/useLibrary';
import { MetadataDialog } from './MetadataDialog';
import { ImportButton } from './ImportButton';
import { ReferencesDialog } from './ReferencesDialog';
import { TagList } from '../components/TagList';
import type { ImportState } from '../hooks/useImporter';

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

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function LibraryView(props: { library: LibraryState; importer: ImportState; onOpen(id: number): void; filterRef: React.RefObject<HTMLInputElement | null> }) {
  const { library, importer } = props;
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<SourceSummary | null>(null);
  const [deleting, setDeleting] = useState<SourceSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [references, setReferences] = useState(false);
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
    else if (e.key === 'Delete' && selectedIndex >= 0) setDeleting(rows[selectedIndex]!);
  };

  const confirmDelete = async () => {
    const target = deleting!;
    setDeleting(null);
    try {
      await api.deleteSource({ id: target.id });
      await library.reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const empty = !library.loading && library.sources.length === 0;

  return (
    <section className="library" aria-label="Library">
      <header className="toolbar">
        <h1 className="view-title">Library</h1>
        <span className="muted" aria-live="polite">
          {library.visible.length === library.sources.length
            ? `${library.sources.length.toLocaleString()} sources`
            : `${library.visible.length.toLocaleString()} of ${library.sources.length.toLocaleString()} sources`}
        </span>
        <div className="spacer" />
        <input
          ref={props.filterRef}
          type="search"
          className="filter"
          aria-label="Filter sources"
          placeholder="Filter by title, author, date, origin…"
          value={library.filter}
          onChange={(e) => library.setFilter(e.target.value)}
        />
        <select aria-label="Filter by tag" value={library.tag} onChange={(e) => library.setTag(e.target.value)}>
          <option value="">All tags</option>
          {library.tags.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.count})
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setReferences(true)} title="Bring citation metadata from a reference manager (BibTeX, RIS, CSL-JSON)">
          References…
        </button>
        <ImportButton importer={importer} primary />
      </header>

      {(error || library.error) && (
        <p className="banner error" role="alert">
          {error ?? library.error}
        </p>
      )}

      {empty ? (
        <div className="empty">
          <h2>This project has no sources yet</h2>
          <p>
            Import plain text, Markdown, web pages (HTML), Word (.docx) or PDF files — or drop them, or a whole folder, anywhere on this window. Each file becomes a
            source you can read, tag and cite by passage.
          </p>
          <div className="empty-actions">
            <ImportButton importer={importer} primary />
            <button type="button" onClick={() => void importer.loadSamples()} disabled={importer.running}>
              Load sample sources
            </button>
          </div>
          <p className="muted small">The samples are short summaries written for Sourcebench of how historians estimate the toll of Soviet repression.</p>
        </div>
      ) : (
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
          <div className="table-body" ref={scrollRef} tabIndex={0} onKeyDown={onKey} aria-label="Source rows">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const s = rows[v.index]!;
                const tell = tells.get(s.id);
                return (
                  <div
                    key={s.id}
                    role="row"
                    aria-rowindex={v.index + 2}
                    aria-selected={s.id === selected}
                    className={s.id === selected ? 'row selected' : 'row'}
                    style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => setSelected(s.id)}
                    onDoubleClick={() => props.onOpen(s.id)}
                  >
                    <div role="cell" className="title-cell">
                      <button type="button" className="link" onClick={() => props.onOpen(s.id)} title={tell ? `${s.title} (${tell})` : s.title}>
                        {s.title}
                      </button>
                      {tell && (
                        <span className="title-tell" data-testid="title-tell">
                          {tell}
                        </span>
                      )}
                      {s.chars === 0 && (
                        <span className="no-text-mark" title="No text yet: open it and attach a file with Replace text…">
                          no text
                        </span>
                      )}
                    </div>
                    <div role="cell" title={s.author ?? ''}>{s.author ?? <span className="muted">—</span>}</div>
                    <div role="cell">{s.date ?? <span className="muted">—</span>}</div>
                    <div role="cell" title={s.origin ?? ''}>{s.origin ?? <span className="muted">—</span>}</div>
                    <div role="cell" className="tags-cell">
                      <TagList tags={s.tags} />
                    </div>
                    <div role="cell" className="num">{s.passages.toLocaleString()}</div>
                    <div role="cell" className="num">{formatSize(s.bytes)}</div>
                    <div role="cell">{dateFormat.format(new Date(s.importedAt))}</div>
                    <div role="cell" className="actions">
                      <button type="button" className="icon" aria-label={`Edit ${s.title}${tell ? ` (${tell})` : ''}`} title="Edit metadata" onClick={() => setEditing(s)}>
                        Edit
                      </button>
                      <button type="button" className="icon danger-text" aria-label={`Delete ${s.title}${tell ? ` (${tell})` : ''}`} title="Delete source" onClick={() => setDeleting(s)}>
                        Delete
                      </button>
                    </div>
                  </div>
                );
              })}
            </div>
            {rows.length === 0 && <p className="muted pad">No source matches this filter.</p>}
          </div>
        </div>
      )}

      {editing && (
        <MetadataDialog
          source={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void library.reload();
          }}
        />
      )}
      {references && (
        <ReferencesDialog sources={library.sources} onApplied={() => void library.reload()} onClose={() => setReferences(false)} />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete source"
          message={`Delete “${deleting.title}” and its ${deleting.passages} passages from this project? This cannot be undone.`}
          confirm="Delete"
          onConfirm={() => void confirmDelete()}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
