/** The form that merges the chosen events into one label: one of theirs, or a new one. */
export function EventsMerge(props: {
  chosen: string[];
  /** The merged event's label: one of the chosen events', or '' for a new one. */
  into: string;
  onInto(label: string): void;
  newLabel: string;
  onNewLabel(label: string): void;
  busy: boolean;
  onMerge(): void;
  onCancel(): void;
}) {
  const { chosen, into } = props;
  return (
    <form
      className="events-merge"
      aria-label="Merge events"
      onSubmit={(ev) => {
        ev.preventDefault();
        props.onMerge();
      }}
    >
      <label>
        Merge {chosen.length} events into…
        <select value={into} onChange={(ev) => props.onInto(ev.target.value)}>
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
          value={props.newLabel}
          maxLength={300}
          onChange={(ev) => props.onNewLabel(ev.target.value)}
        />
      )}
      <div className="events-merge-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          Merge
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      <p className="muted small">Their claims take this label; the other labels are remembered, so claims found later under them do too.</p>
    </form>
  );
}
