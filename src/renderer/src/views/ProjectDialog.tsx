import type { FormEvent } from 'react';
import { useState } from 'react';
import { messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import type { ProjectState } from '../hooks/useProject';

/**
 * Browser mode's project chooser: the server runs on this machine, so a project is named by
 * its path. (The desktop app uses native open and save dialogs instead.)
 */
export function ProjectDialog(props: { project: ProjectState; mode: 'open' | 'create'; onClose(): void }) {
  const { project } = props;
  const [path, setPath] = useState(() => (props.mode === 'create' ? suggestNewPath(project.info?.path) : ''));
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      props.onClose();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => (props.mode === 'create' ? project.create(path) : project.open(path)));
  };
  const recent = (project.info?.recent ?? []).filter((r) => r !== project.info?.path);
  return (
    <Dialog title={props.mode === 'create' ? 'New project' : 'Open project'} onClose={props.onClose} wide>
      <form className="form" onSubmit={submit}>
        <label>
          {props.mode === 'create' ? 'Path of the new project file' : 'Path of a project file (.sourcebench)'}
          <input value={path} onChange={(e) => setPath(e.target.value)} required autoFocus spellCheck={false} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {props.mode === 'open' && recent.length > 0 && (
          <div className="recent">
            <h3>Recent projects</h3>
            <ul>
              {recent.map((r) => (
                <li key={r}>
                  <button type="button" className="link" onClick={() => void run(() => project.open(r))}>
                    {r}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {props.mode === 'create' ? 'Create' : 'Open'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function suggestNewPath(current: string | undefined): string {
  if (!current) return '';
  const dir = current.replace(/[\\/][^\\/]*$/, '');
  const sep = current.includes('\\') && !current.includes('/') ? '\\' : '/';
  return `${dir}${sep}New project.sourcebench`;
}
