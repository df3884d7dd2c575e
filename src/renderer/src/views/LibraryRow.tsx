import type { SourceSummary } from '../../../shared/types';
import { TagList } from '../components/TagList';
import { keyed } from '../shortcuts';
import { formatSize } from './LibraryView';
import { originLabel, textMark } from './libraryList';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** One source in the library table, placed where the virtualised list puts it: its metadata cells and its Edit and Delete buttons. */
export function LibraryRow(props: {
  source: SourceSummary;
  /** What tells it from sources of the same title (host, file name, date, author), if any share it. */
  tell: string | undefined;
  /** Its place among the rows shown, from 0. */
  index: number;
  /** Where it is drawn, in pixels from the top of the list. */
  top: number;
  height: number;
  selected: boolean;
  /** Marked, to collate or apply metadata to with others. */
  marked: boolean;
  onSelect(e: React.MouseEvent): void;
  onOpen(id: number): void;
  onEdit(s: SourceSummary): void;
  onDelete(s: SourceSummary): void;
}) {
  const { source: s, tell } = props;
  const mark = textMark(s);
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      className={['row', props.selected ? 'selected' : '', props.marked ? 'marked' : ''].filter(Boolean).join(' ')}
      style={{ transform: `translateY(${props.top}px)`, height: props.height }}
      onClick={props.onSelect}
      onDoubleClick={() => props.onOpen(s.id)}
    >
      <div role="cell" className="col-title title-cell">
        <button type="button" className="link" onClick={() => props.onOpen(s.id)} title={tell ? `${s.title} (${tell})` : s.title}>
          {s.title}
        </button>
        {props.marked && (
          <span className="marked-mark" title="Marked: collate or apply metadata to the marked sources">
            marked
          </span>
        )}
        {tell && (
          <span className="title-tell" data-testid="title-tell">
            {tell}
          </span>
        )}
        {mark && (
          <span className={mark.busy ? 'no-text-mark busy' : 'no-text-mark'} title={mark.title}>
            {mark.label}
          </span>
        )}
      </div>
      <div role="cell" className="col-author" title={s.author ?? ''}>
        {s.author ?? <span className="muted">—</span>}
      </div>
      <div role="cell" className="col-date">
        {s.date ?? <span className="muted">—</span>}
      </div>
      <div role="cell" className="col-origin" title={s.origin ?? ''}>
        {s.origin ? originLabel(s.origin) : <span className="muted">—</span>}
      </div>
      <div role="cell" className="col-tags tags-cell">
        <TagList tags={s.tags} />
      </div>
      <div role="cell" className="col-passages num">
        {s.passages.toLocaleString()}
      </div>
      <div role="cell" className="col-bytes num">
        {formatSize(s.bytes)}
      </div>
      <div role="cell" className="col-importedAt">
        {dateFormat.format(new Date(s.importedAt))}
      </div>
      <div role="cell" className="col-actions actions">
        <button
          type="button"
          className="icon"
          aria-label={`Edit ${s.title}${tell ? ` (${tell})` : ''}`}
          {...keyed('library', 'editRow', 'Edit metadata')}
          onClick={() => props.onEdit(s)}
        >
          Edit
        </button>
        <button
          type="button"
          className="icon danger-text"
          aria-label={`Delete ${s.title}${tell ? ` (${tell})` : ''}`}
          {...keyed('library', 'deleteRow', 'Delete source')}
          onClick={() => props.onDelete(s)}
        >
          Delete
        </button>
      </div>
    </div>
  );
}
