import { useEffect, useState } from 'react';
import type { Annotation } from '../../../shared/types';
import type { AnnotationsState } from '../hooks/useAnnotations';
import { EmptyState } from '../components/EmptyState';
import { AnnotationItem } from './AnnotationItem';

/** The source's annotations in text order; the selected one opens its note editor. */
export function AnnotationSidebar(props: {
  annotations: AnnotationsState;
  selected: number | null;
  onSelect(id: number | null): void;
  selection: { start: number; end: number } | null;
  /** The quote as the reader shows it (Markdown markers hidden), when that differs from the stored words. */
  quoteOf?(a: Annotation): string;
  /** Esc: back to the text, at the passage of the annotation it was pressed in (null: where the text was). */
  onLeave?(a: Annotation | null): void;
}) {
  const { annotations } = props;
  const { list, error } = annotations;
  const [deleted, setDeleted] = useState<Annotation | null>(null);
  const placed = list.filter((a) => !a.orphaned);
  const orphans = list.filter((a) => a.orphaned);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), 10_000);
    return () => clearTimeout(timer);
  }, [deleted]);

  const item = (a: Annotation) => (
    <AnnotationItem
      key={a.id}
      annotation={a}
      open={a.id === props.selected}
      annotations={annotations}
      onSelect={props.onSelect}
      selection={props.selection}
      quoteOf={props.quoteOf}
      onDeleted={() => setDeleted(a)}
      onLeave={props.onLeave}
    />
  );

  return (
    <aside
      className="annotations"
      aria-label="Annotations"
      onKeyDown={(e) => {
        // Esc outside any annotation (the undo, the list's heading): back to the text as it was.
        if (e.key !== 'Escape' || e.defaultPrevented || !props.onLeave) return;
        e.preventDefault();
        props.onLeave(null);
      }}
    >
      <h2 className="sidebar-title">
        Notes <span className="muted">({list.length})</span>
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {deleted && (
        <p className="undo" role="status">
          Annotation deleted.{' '}
          <button
            type="button"
            className="link"
            onClick={() =>
              void annotations.restore(deleted.id, () => {
                props.onSelect(deleted.id);
                setDeleted(null);
              })
            }
          >
            Undo
          </button>
        </p>
      )}
      {!list.length && (
        <EmptyState title="No notes in this source" compact>
          Select words in the text to highlight them or write a note about them.
        </EmptyState>
      )}
      <ul className="annotation-list">{placed.map(item)}</ul>
      {orphans.length > 0 && (
        <>
          <h3 className="orphans-title">Not placed after the text was corrected ({orphans.length})</h3>
          <p className="muted small pad-s">Their quote was not found in the new text. Select the right words in the reader and re-attach them.</p>
          <ul className="annotation-list">{orphans.map(item)}</ul>
        </>
      )}
    </aside>
  );
}
