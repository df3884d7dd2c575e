import { regionLabel } from '../../../shared/region';
import type { Annotation } from '../../../shared/types';
import { TagList } from '../components/TagList';

/** The Notes view's list: each note's source and place (page, paragraph or region), its quote, the start of its text and its tags. */
export function NotesList(props: { notes: readonly Annotation[]; onOpen(a: Annotation): void }) {
  return (
    <ul className="notes-list" aria-label="All annotations">
      {props.notes.map((a) => (
        <li key={a.id} className="annotation">
          <button type="button" className="annotation-head" onClick={() => props.onOpen(a)}>
            <span className={`swatch hl-${a.colour}`} aria-hidden="true" />
            <span>
              <span className="note-source">
                {a.sourceTitle}
                {a.region
                  ? ` · ${regionLabel(a.region)}`
                  : a.passage === null
                    ? ' · not placed'
                    : a.pageLabel !== undefined
                      ? ` · p. ${a.pageLabel}`
                      : ` · ¶${a.passage}`}
              </span>
              {!a.region && <span className="annotation-quote">“{a.exact.length > 220 ? `${a.exact.slice(0, 219)}…` : a.exact}”</span>}
            </span>
          </button>
          {a.plain && <p className="annotation-preview">{a.plain.length > 400 ? `${a.plain.slice(0, 399)}…` : a.plain}</p>}
          <TagList tags={a.tags} className="annotation-tags" />
        </li>
      ))}
    </ul>
  );
}
