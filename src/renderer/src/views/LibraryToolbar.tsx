import type { ReplaceTextResult } from '../../../shared/types';
import type { LibraryState } from '../hooks/useLibrary';
import type { ImportState } from '../hooks/useImporter';
import { CollateButton } from '../collate/CollateButton';
import { keyed } from '../shortcuts';
import { sourcesCount } from '../archival/sharedForm';
import { ImportButton } from './ImportButton';
import { LibrarySort } from './LibrarySort';
import { MergeMarkedButton } from '../image/MergeMarkedButton';
import { inShownOrder } from '../image/mergeMarked';

/** The library's toolbar: how many sources show, the filters and sort, and the commands over them. */
export function LibraryToolbar(props: {
  library: LibraryState;
  importer: ImportState;
  filterRef: React.RefObject<HTMLInputElement | null>;
  tagRef: React.RefObject<HTMLSelectElement | null>;
  /** The rows marked (Ctrl-, Shift-click or X). */
  marked: number[];
  onReferences(): void;
  onCollate(ids: number[]): void;
  onApply(): void;
  onMerged(result: ReplaceTextResult, merged: number): void;
}) {
  const { library, importer, marked } = props;
  return (
    <header className="toolbar">
      <h1 className="view-title">Library</h1>
      <span className="muted" aria-live="polite">
        {library.partial || library.visible.length === library.total
          ? `${library.total.toLocaleString()} sources`
          : `${library.visible.length.toLocaleString()} of ${library.total.toLocaleString()} sources`}
        {marked.length > 0 && `, ${marked.length.toLocaleString()} marked`}
      </span>
      <div className="spacer" />
      <input
        ref={props.filterRef}
        type="search"
        className="filter"
        aria-label="Filter sources"
        placeholder="Filter by title, author, date, origin…"
        {...keyed('library', 'filter')}
        value={library.filter}
        onChange={(e) => library.setFilter(e.target.value)}
      />
      <select
        ref={props.tagRef}
        aria-label="Filter by tag"
        value={library.tag}
        onChange={(e) => library.setTag(e.target.value)}
        {...keyed('library', 'tagFilter')}
      >
        <option value="">All tags</option>
        {library.tags.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} ({t.count})
          </option>
        ))}
      </select>
      <LibrarySort library={library} />
      <button
        type="button"
        onClick={props.onReferences}
        {...keyed('library', 'references', 'Bring citation metadata from a reference manager (BibTeX, RIS, CSL-JSON)')}
      >
        References…
      </button>
      <button
        type="button"
        onClick={props.onApply}
        disabled={marked.length === 0}
        {...keyed(
          'library',
          'applyToMarked',
          marked.length
            ? `Set archival fields, type or language on the ${sourcesCount(marked.length)} marked, or apply a template`
            : 'Mark sources first (X, Ctrl-click or Shift-click), then set fields on all of them at once',
        )}
      >
        {marked.length ? `Apply to ${sourcesCount(marked.length)}…` : 'Apply to selected…'}
      </button>
      <MergeMarkedButton sources={inShownOrder(library, marked)} onMerged={props.onMerged} />
      <CollateButton sources={library.visible} marked={marked} onCollate={props.onCollate} />
      <ImportButton importer={importer} primary shortcuts />
    </header>
  );
}
