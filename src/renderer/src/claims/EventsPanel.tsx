import { useEffect, useState } from 'react';
import type { EventSummary } from '../../../shared/types';
import { useEvents } from '../hooks/useEvents';

/** The years an event's claims cover, as a span. */
function yearsOf(e: EventSummary): string | null {
  if (e.fromYear === null) return null;
  return e.fromYear === e.toYear ? String(e.fromYear) : `${e.fromYear}–${e.toYear}`;
}

/**
 * The events the claims are about: each with its claims, measures, years and the other
 * labels it is known by. An event can be renamed in place, and several merged into one
 * label; the old labels are remembered, so claims found later under them are filed under
 * the new one. `onChanged` is called after each rename or merge.
 */
export function EventsPanel(props: { onChanged(): void }) {
  const { onChanged } = props;
  const { events, error, setError, busy, rename: renameEvent, merge: mergeEvents } = useEvents(onChanged);
  const [editing, setEditing] = useState<{ label: string; text: string } | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  /** The merged event's label: one of the chosen events', or a new one. */
  const [into, setInto] = useState('');
  const [newLabel, setNewLabel] = useState('');
  // Events merged or renamed away are no longer chosen.
  useEffect(() => setChosen((c) => c.filter((label) => events.some((e) => e.label === label))), [events]);

  const rename = async () => {
    if (!editing) return;
    const to = editing.text.trim();
    if (!to) return setError('An event needs a label: the new label is empty');
    if (to === editing.label) return setEditing(null);
    if (await renameEvent(editing.label, to)) setEditing(null);
  };

  const toggle = (label: string) => {
    const next = chosen.includes(label) ? chosen.filter((l) => l !== label) : [...chosen, label];
    setChosen(next);
    // The merged event takes the label of the chosen event with the most claims, unless another is chosen.
    if (!next.includes(into)) {
      const most = events.filter((e) => next.includes(e.label)).sort((a, b) => b.claims - a.claims)[0];
      setInto(most?.label ?? '');
    }
  };

  const merge = async () => {
    const target = (into === '' ? newLabel : into).trim();
    if (!target) return setError('Choose the label of the merged event, or type a new one');
    if (await mergeEvents(chosen, target)) {
      setChosen([]);
      setInto('');
      setNewLabel('');
    }
  };

  return (
    <section className="events-panel" aria-label="Events">
      <h2>Events</h2>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {!events.length ? (
        <p className="muted small">No events yet: the claims found in imported sources name the events they are about.</p>
      ) : (
        <ul className="events-list">
          {events.map((e) => {
            const years = yearsOf(e);
            return (
              <li key={e.label} className={e.named ? 'event-row' : 'event-row unnamed'}>
                <input
                  type="checkbox"
                  aria-label={`Choose ${e.label} to merge`}
                  checked={chosen.includes(e.label)}
                  disabled={busy}
                  onChange={() => toggle(e.label)}
                />
                <div className="event-body">
                  {editing?.label === e.label ? (
                    <form
                      className="event-rename"
                      onSubmit={(ev) => {
                        ev.preventDefault();
                        void rename();
                      }}
                    >
                      <input
                        aria-label={`New label for ${e.label}`}
                        value={editing.text}
                        maxLength={300}
                        autoFocus
                        onChange={(ev) => setEditing({ label: e.label, text: ev.target.value })}
                        onKeyDown={(ev) => {
                          if (ev.key === 'Escape') setEditing(null);
                        }}
                      />
                      <button type="submit" className="primary" disabled={busy}>
                        Rename
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <div className="event-title">
                      <span className="event-label">{e.label}</span>
                      <button type="button" className="link" disabled={busy} onClick={() => setEditing({ label: e.label, text: e.label })}>
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
                    <div className="warn-text small">
                      Does not look like an event’s name: not proposed as a question. Rename it, or merge it into an event.
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {chosen.length >= 2 && (
        <form
          className="events-merge"
          aria-label="Merge events"
          onSubmit={(ev) => {
            ev.preventDefault();
            void merge();
          }}
        >
          <label>
            Merge {chosen.length} events into…
            <select value={into} onChange={(ev) => setInto(ev.target.value)}>
              {chosen.map((label) => (
                <option key={label} value={label}>
                  {label}
                </option>
              ))}
              <option value="">A new label…</option>
            </select>
          </label>
          {into === '' && (
            <input
              aria-label="Label of the merged event"
              placeholder="e.g. Great Purge"
              value={newLabel}
              maxLength={300}
              onChange={(ev) => setNewLabel(ev.target.value)}
            />
          )}
          <div className="events-merge-actions">
            <button type="submit" className="primary" disabled={busy}>
              Merge
            </button>
            <button type="button" onClick={() => setChosen([])}>
              Cancel
            </button>
          </div>
          <p className="muted small">Their claims take this label; the other labels are remembered, so claims found later under them do too.</p>
        </form>
      )}
    </section>
  );
}
