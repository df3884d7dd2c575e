import { messageOf } from '../api';
import { useBackups } from '../hooks/useBackups';
import { Dialog } from '../components/Dialog';
import type { ProjectState } from '../hooks/useProject';
import { formatSize } from './LibraryView';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Backups of a project (the open one, or one that could not be opened): restore one as a copy. */
export function BackupDialog(props: { project: ProjectState; path?: string; onClose(): void }) {
  const backups = useBackups(props.path);
  const { data, error, setError } = backups;
  const restore = async (file: string) => {
    try {
      await backups.restore(file);
      await props.project.refresh();
      props.onClose();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <Dialog title="Restore from backup" onClose={props.onClose} wide>
      <p className="dialog-text small">
        Backups of <strong>{data?.project.replace(/^.*[\\/]/, '') ?? '…'}</strong> are made before every change of the file's format and at most once
        a day when it is opened. Restoring opens the backup as a new project beside the original, which stays as it is.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {data && !data.backups.length && <p className="muted">There are no backups of this project yet.</p>}
      {data && data.backups.length > 0 && (
        <table className="evidence-table" aria-label="Backups">
          <thead>
            <tr>
              <th>Made</th>
              <th>Why</th>
              <th className="num">Sources</th>
              <th className="num">Size</th>
              <th>
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.backups.map((b) => (
              <tr key={b.file}>
                <td>{when.format(new Date(b.createdAt))}</td>
                <td>{b.reason.replace(/-/g, ' ')}</td>
                <td className="num">{b.sources ?? 'unreadable'}</td>
                <td className="num">{formatSize(b.bytes)}</td>
                <td>
                  <button type="button" disabled={b.sources === null} onClick={() => void restore(b.file)}>
                    Restore as a copy
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && (
        <label className="check keep">
          Keep the last
          <input
            type="number"
            min={1}
            max={100}
            aria-label="Backups to keep"
            defaultValue={data.keep}
            onBlur={(e) => {
              const keep = Number(e.target.value);
              if (Number.isInteger(keep) && keep >= 1 && keep <= 100) backups.setKept(keep);
            }}
          />
          backups of each project
        </label>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
