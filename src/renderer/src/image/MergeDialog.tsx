import { useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog';
import type { usePageOrder } from '../hooks/usePageOrder';

/** Chooses the photographed or scanned source this one's pages are to follow, and merges them. */
export function MergeDialog(props: { title: string; order: ReturnType<typeof usePageOrder>; onClose(): void }) {
  const { targets, loadTargets, merge, busy } = props.order;
  const [into, setInto] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadTargets();
  }, [loadTargets]);
  const chosen = into ?? targets?.[0]?.id ?? null;
  return (
    <Dialog title="Merge into another source" onClose={props.onClose}>
      <p className="dialog-text">
        The pages of <strong>{props.title}</strong> will follow those of the source you choose, with their transcription, annotations, claims and
        tags; then <strong>{props.title}</strong> is removed from the library. Pages can be put in order afterwards.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {targets === null && <p className="muted">Looking for photographed or scanned sources…</p>}
      {targets?.length === 0 && <p className="muted">There is no other photographed or scanned source to merge into.</p>}
      {targets && targets.length > 0 && (
        <label className="merge-target">
          Merge into
          <select value={chosen ?? ''} onChange={(e) => setInto(Number(e.target.value))}>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={chosen === null || busy}
          onClick={() => {
            if (chosen === null) return;
            void merge(chosen).then((failed) => (failed ? setError(failed) : props.onClose()));
          }}
        >
          Merge
        </button>
      </div>
    </Dialog>
  );
}
