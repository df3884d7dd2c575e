import { useRef, useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { messageOf } from '../api';
import { useShortcuts } from '../app/useShortcuts';
import { ConfirmDialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import type { LibraryState } from '../hooks/useLibrary';
import type { ImportState } from '../hooks/useImporter';
import { MetadataDialog } from './MetadataDialog';
import { ImportButton } from './ImportButton';
import { LibraryToolbar } from './LibraryToolbar';
import { ApplyDialog } from '../archival/ApplyDialog';
import { LibraryTable } from './LibraryTable';
import { ReferencesDialog } from './ReferencesDialog';
import { keyed } from '../shortcuts';
import { mergedMessage } from '../image/mergeMarked';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

export function LibraryView(props: {
  library: LibraryState;
  importer: ImportState;
  onOpen(id: number): void;
  filterRef: React.RefObject<HTMLInputElement | null>;
  /** Collate these sources (the ones the filter shows, when 2 to 10), or choose them in Collate. */
  onCollate(ids: number[]): void;
}) {
  const { library, importer } = props;
  const [editing, setEditing] = useState<SourceSummary | null>(null);
  const [deleting, setDeleting] = useState<SourceSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [references, setReferences] = useState(false);
  const [marked, setMarked] = useState<number[]>([]);
  const [applying, setApplying] = useState(false);
  const markedSources = library.sources.filter((s) => marked.includes(s.id));
  const tagRef = useRef<HTMLSelectElement>(null);
  useShortcuts('library', {
    filter: () => props.filterRef.current?.focus(),
    tagFilter: () => tagRef.current?.focus(),
    references: () => setReferences(true),
    applyToMarked: () => (marked.length ? setApplying(true) : false),
  });

  const confirmDelete = async () => {
    const target = deleting!;
    setDeleting(null);
    try {
      await library.remove(target.id);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const empty = !library.loading && library.sources.length === 0;

  return (
    <section className="library" aria-label="Library">
      <LibraryToolbar
        library={library}
        importer={importer}
        filterRef={props.filterRef}
        tagRef={tagRef}
        marked={marked}
        onReferences={() => setReferences(true)}
        onCollate={props.onCollate}
        onApply={() => setApplying(true)}
        onMerged={(result, merged) => {
          setMarked([]);
          setNotice(mergedMessage(result.source.title, merged, result.orphaned));
          void library.reload();
        }}
      />
      {notice && (
        <p className="banner info" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </p>
      )}

      {(error || library.error) && (
        <p className="banner error" role="alert">
          {error ?? library.error}
        </p>
      )}

      {empty ? (
        <EmptyState
          title="This project has no sources yet"
          action={
            <>
              <ImportButton importer={importer} primary />
              <button type="button" onClick={() => void importer.loadSamples()} disabled={importer.running} {...keyed('library', 'loadSamples')}>
                Load sample sources
              </button>
            </>
          }
        >
          Import plain text, Markdown, web pages (HTML), Word (.docx) or PDF files, or drop them or a whole folder on this window, to read, tag and
          cite them by passage. The samples are short summaries written for Sourcebench of how historians estimate the toll of Soviet repression.
        </EmptyState>
      ) : (
        <LibraryTable library={library} onOpen={props.onOpen} onEdit={setEditing} onDelete={setDeleting} marked={marked} onMark={setMarked} />
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
      {applying && markedSources.length > 0 && (
        <ApplyDialog
          sources={markedSources}
          onClose={() => setApplying(false)}
          onApplied={() => {
            setApplying(false);
            void library.reload();
          }}
        />
      )}
      {references && <ReferencesDialog sources={library.sources} onApplied={() => void library.reload()} onClose={() => setReferences(false)} />}
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
