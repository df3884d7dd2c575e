import { useMemo, useRef, useState } from 'react';
import { HIGHLIGHT_COLOURS } from '../../../shared/notes';
import type { Annotation } from '../../../shared/types';
import { useShortcuts } from '../app/useShortcuts';
import { useNotes } from '../hooks/useNotes';
import { keyed } from '../shortcuts';
import { fold } from '../hooks/useLibrary';
import { EmptyState } from '../components/EmptyState';
import { CitationStyle } from './CitationStyle';
import { ImportAnnotations } from './ImportAnnotations';
import { NotesList } from './NotesList';

/** Every annotation of the project, filterable by source, tag, colour and text; with export. */
export function NotesView(props: { projectPath: string | undefined; onOpen(a: Annotation): void }) {
  const { list, error, setError, reload, exportFiles: exportNotes } = useNotes(props.projectPath);
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [tag, setTag] = useState('');
  const [colour, setColour] = useState('');
  const [pandoc, setPandoc] = useState(false);

  const sources = useMemo(() => [...new Map(list.map((a) => [a.sourceId, a.sourceTitle])).entries()], [list]);
  const tags = useMemo(() => [...new Set(list.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b)), [list]);
  const visible = useMemo(() => {
    const words = fold(text).split(/\s+/).filter(Boolean);
    return list.filter(
      (a) =>
        (!source || String(a.sourceId) === source) &&
        (!tag || a.tags.includes(tag)) &&
        (!colour || a.colour === colour) &&
        words.every((w) => fold(`${a.exact} ${a.plain} ${a.sourceTitle} ${a.tags.join(' ')}`).includes(w)),
    );
  }, [list, text, source, tag, colour]);

  const exportFiles = (kind: 'markdown' | 'folder' | 'jsonld') => exportNotes(kind, { source, tag, pandoc });
  const toolbar = useRef<HTMLDivElement>(null);
  /** Focuses a field of the toolbars, by its label. */
  const focus = (label: string) => () => toolbar.current?.querySelector<HTMLElement>(`[aria-label="${label}"]`)?.focus();
  useShortcuts('notes', {
    filter: focus('Filter notes'),
    sourceFilter: focus('Filter notes by source'),
    tagFilter: focus('Filter notes by tag'),
    colourFilter: focus('Filter notes by colour'),
    citationStyle: focus('Citation style'),
    exportMarkdown: () => void exportFiles('markdown'),
    exportFolder: () => void exportFiles('folder'),
    exportJsonLd: () => void exportFiles('jsonld'),
    importAnnotations: () => toolbar.current?.querySelector<HTMLInputElement>('input[aria-label="Choose a file of annotations"]')?.click(),
    importOnto: focus('Import annotations onto'),
  });

  return (
    <section className="notes-view" aria-label="Notes" ref={toolbar}>
      <header className="toolbar">
        <h1 className="view-title">Notes</h1>
        <span className="muted">
          {visible.length === list.length ? `${list.length} annotations` : `${visible.length} of ${list.length} annotations`}
        </span>
        <div className="spacer" />
        <input
          type="search"
          aria-label="Filter notes"
          placeholder="Filter by words"
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...keyed('notes', 'filter')}
        />
        <select aria-label="Filter notes by source" value={source} onChange={(e) => setSource(e.target.value)} {...keyed('notes', 'sourceFilter')}>
          <option value="">All sources</option>
          {sources.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
        <select aria-label="Filter notes by tag" value={tag} onChange={(e) => setTag(e.target.value)} {...keyed('notes', 'tagFilter')}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <select aria-label="Filter notes by colour" value={colour} onChange={(e) => setColour(e.target.value)} {...keyed('notes', 'colourFilter')}>
          <option value="">All colours</option>
          {HIGHLIGHT_COLOURS.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </header>
      <div className="notes-export">
        <CitationStyle pandoc={pandoc} onPandoc={setPandoc} onError={setError} />
        <span className="muted small">Export {source || tag ? 'the filtered source or tag' : 'all notes'}:</span>
        <button type="button" onClick={() => void exportFiles('markdown')} {...keyed('notes', 'exportMarkdown')}>
          Markdown, one file
        </button>
        <button type="button" onClick={() => void exportFiles('folder')} {...keyed('notes', 'exportFolder')}>
          Markdown, a file per source
        </button>
        <button type="button" onClick={() => void exportFiles('jsonld')} {...keyed('notes', 'exportJsonLd')}>
          Web Annotation JSON-LD
        </button>
      </div>
      <ImportAnnotations projectPath={props.projectPath} onImported={() => void reload()} onError={setError} />
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {!list.length ? (
        <EmptyState title="No notes yet">
          Select words in the reader to highlight them in a colour, or choose Annotate to write a note about them, and every note appears here.
        </EmptyState>
      ) : !visible.length ? (
        <EmptyState
          title="No note matches these filters"
          action={
            <button
              type="button"
              onClick={() => {
                setText('');
                setSource('');
                setTag('');
                setColour('');
              }}
            >
              Show all notes
            </button>
          }
        >
          The filters keep notes by their words, source, tag and colour together; clear one to see more.
        </EmptyState>
      ) : (
        <NotesList notes={visible} onOpen={props.onOpen} />
      )}
    </section>
  );
}
