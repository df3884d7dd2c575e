import { useEffect, useState } from 'react';
import { useEvents } from '../hooks/useEvents';
import { EventRow } from './EventRow';
import { EventsMerge } from './EventsMerge';

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
          {events.map((e) => (
            <EventRow
              key={e.label}
              event={e}
              chosen={chosen.includes(e.label)}
              onToggle={() => toggle(e.label)}
              busy={busy}
              renaming={editing?.label === e.label ? editing.text : null}
              onRenaming={(text) => setEditing(text === null ? null : { label: e.label, text })}
              onRename={() => void rename()}
            />
          ))}
        </ul>
      )}
      {chosen.length >= 2 && (
        <EventsMerge
          chosen={chosen}
          into={into}
          onInto={setInto}
          newLabel={newLabel}
          onNewLabel={setNewLabel}
          busy={busy}
          onMerge={() => void merge()}
          onCancel={() => setChosen([])}
        />
      )}
    </section>
  );
}
