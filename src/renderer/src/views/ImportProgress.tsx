import type { ImportState } from '../hooks/useImporter';

/** The running import: the file being read, files done of all, passages so far, and a Cancel button. */
export function ImportProgress(props: { importer: ImportState }) {
  const { running, cancelling, current, done, total, passages, cancel } = props.importer;
  if (!running) return null;
  const counted = total > 0 ? `${Math.min(done + 1, total).toLocaleString()} of ${total.toLocaleString()}` : 'listing files';
  return (
    <div className="progress-wrap" role="status" aria-label="Import in progress">
      <span className="muted">
        {cancelling ? 'Cancelling import…' : `Importing ${current ?? ''} (${counted})`}
        {passages > 0 && !cancelling ? `, ${passages.toLocaleString()} passages` : ''}
      </span>
      <progress aria-label="Import progress" max={total || 1} value={done} />
      <button type="button" className="link" onClick={cancel} disabled={cancelling}>
        Cancel
      </button>
    </div>
  );
}
