import type { EventSummary } from '../../../shared/types';

/** The years an event's claims cover, as a span. */
function yearsOf(e: EventSummary): string | null {
  if (e.fromYear === null) return null;
  return e.fromYear === e.toYear ? String(e.fromYear) : `${e.fromYear}–${e.toYear}`;
}

/**
 * One event in the events panel: a box to choose it for a merge, its label (or the field that
 * renames it), what its claims say and when, the other labels it is known by, and a warning
 * when the label does not look like an event's name.
 */
export function EventRow(props: {
  event: EventSummary;
  chosen: boolean;
  onToggle(): void;
  busy: boolean;
  /** The new label being typed, while this event is renamed; null otherwise. */
  renaming: string | null;
  onRenaming(text: string | null): void;
  onRename(): void;
}) {
  const { event: e, renaming, busy } = props;
  const years = yearsOf(e);
  return (
    <li className={e.named ? 'event-row' : 'event-row unnamed'}>
      <input type="checkbox" aria-label={`Choose ${e.label} to merge`} checked={props.chosen} disabled={busy} onChange={props.onToggle} />
      <div className="event-body">
        {renaming !== null ? (
          <form
            className="event-rename"
            onSubmit={(ev) => {
              ev.preventDefault();
              props.onRename();
            }}
          >
            <input
              aria-label={`New label for ${e.label}`}
              value={renaming}
              maxLength={300}
              autoFocus
              onChange={(ev) => props.onRenaming(ev.target.value)}
              onKeyDown={(ev) => {
                if (ev.key === 'Escape') props.onRenaming(null);
              }}
            />
            <button type="submit" className="primary" disabled={busy}>
              Rename
            </button>
            <button type="button" onClick={() => props.onRenaming(null)}>
              Cancel
            </button>
          </form>
        ) : (
          <div className="event-title">
            <span className="event-label">{e.label}</span>
            <button type="button" className="link" disabled={busy} onClick={() => props.onRenaming(e.label)}>
              Rename…
            </button>
          </div>
        )}
        <div className="muted small">
          {e.claims} claim{e.claims === 1 ? '' : 's'}
          {e.measures.length > 0 && <> · {e.measures.join(', ')}</>}
          {years && <> · {years}</>}
        </div>
        {e.aliases.length > 0 && <div className="muted small">Also named {e.aliases.join(', ')}</div>}
        {!e.named && (
          <div className="warn-text small">Does not look like an event’s name: not proposed as a question. Rename it, or merge it into an event.</div>
        )}
      </div>
    </li>
  );
}
