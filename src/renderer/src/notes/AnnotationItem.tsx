import { useEffect, useState } from 'react';
import { HIGHLIGHT_COLOURS } from '../../../shared/notes';
import { regionLabel } from '../../../shared/region';
import type { Annotation } from '../../../shared/types';
import { TagList } from '../components/TagList';
import type { AnnotationsState } from '../hooks/useAnnotations';
import { NoteEditor } from './NoteEditor';

function excerpt(text: string, n = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

function TagsField(props: { annotation: Annotation; onSave(tags: string[]): void }) {
  const stored = props.annotation.tags.join(', ');
  const [value, setValue] = useState(stored);
  // Follows the stored tags when they change, not each time the list is read again: a reload
  // landing while the field is being typed in (after a note was saved) must not empty it.
  useEffect(() => setValue(stored), [stored]);
  const save = () => {
    const tags = value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (tags.join(',') !== props.annotation.tags.join(',')) props.onSave(tags);
  };
  return (
    <input
      className="tags-input"
      aria-label="Annotation tags"
      placeholder="Tags, comma-separated"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && save()}
    />
  );
}

/**
 * One annotation in the sidebar: its colour and quote, and a preview of its note and tags; open
 * (selected), its note editor, tags, colours, re-attaching when it is not placed, and Delete.
 */
export function AnnotationItem(props: {
  annotation: Annotation;
  open: boolean;
  annotations: AnnotationsState;
  onSelect(id: number | null): void;
  selection: { start: number; end: number } | null;
  quoteOf?(a: Annotation): string;
  /** It was deleted (before the list is read again): the sidebar offers to undo. */
  onDeleted(): void;
  /** Esc: back to the text, at this annotation's passage. */
  onLeave?(a: Annotation): void;
}) {
  const { annotation: a, open, annotations } = props;
  return (
    <li
      className={`annotation ${open ? 'open' : ''}`}
      aria-label={`Annotation: ${a.region ? regionLabel(a.region) : excerpt(a.exact, 60)}`}
      onKeyDown={(e) => {
        // Esc anywhere in it (its note, tags, buttons) closes it and goes back to its passage.
        if (e.key !== 'Escape' || e.defaultPrevented || !props.onLeave) return;
        e.preventDefault();
        if (open) props.onSelect(null);
        props.onLeave(a);
      }}
    >
      <button type="button" className="annotation-head" aria-expanded={open} onClick={() => props.onSelect(open ? null : a.id)}>
        <span className={`swatch hl-${a.colour}`} aria-hidden="true" />
        {a.region ? (
          <span className="annotation-quote muted">{regionLabel(a.region)}</span>
        ) : (
          <span className="annotation-quote">
            {a.passage !== null && <span className="muted">{a.pageLabel !== undefined ? `p. ${a.pageLabel}` : `¶${a.passage}`} </span>}“
            {excerpt(props.quoteOf?.(a) ?? a.exact)}”
          </span>
        )}
      </button>
      {!open && a.plain && <p className="annotation-preview">{excerpt(a.plain, 160)}</p>}
      {!open && <TagList tags={a.tags} className="annotation-tags" />}
      {open && (
        <div className="annotation-body">
          <NoteEditor key={a.id} label="Note" body={a.body} onSave={(body) => void annotations.update({ id: a.id, body })} />
          <TagsField annotation={a} onSave={(tags) => void annotations.update({ id: a.id, tags })} />
          <div className="annotation-actions">
            <span className="colours" role="group" aria-label="Colour">
              {HIGHLIGHT_COLOURS.map((c) => (
                <button
                  key={c}
                  type="button"
                  className={`swatch-button hl-${c}${a.colour === c ? ' current' : ''}`}
                  aria-label={`Colour ${c}`}
                  aria-pressed={a.colour === c}
                  onClick={() => void annotations.update({ id: a.id, colour: c })}
                />
              ))}
            </span>
            {a.orphaned && (
              <button
                type="button"
                disabled={!props.selection}
                title={props.selection ? 'Anchor it to the text selected in the reader' : 'Select the passage in the reader first'}
                onClick={() => props.selection && void annotations.reattach({ id: a.id, start: props.selection!.start, end: props.selection!.end })}
              >
                Re-attach to selection
              </button>
            )}
            <button
              type="button"
              className="link danger-text"
              onClick={() =>
                void annotations.remove(a.id, () => {
                  props.onDeleted();
                  props.onSelect(null);
                })
              }
            >
              Delete
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
