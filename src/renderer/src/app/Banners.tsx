import { useState } from 'react';
import type { ProjectState } from '../hooks/useProject';

/** A project that failed to open, and a backup that failed: each says where to go next. */
export function Banners(props: { project: ProjectState; onBackups(path: string): void }) {
  const { project } = props;
  /** A backup failure the user has read (by its time): the banner stays until then. */
  const [dismissed, setDismissed] = useState<string | null>(null);
  const failure = project.info?.backupFailure;
  return (
    <>
      {project.error && (
        <p className="banner error" role="alert">
          {project.error}
          {project.failedPath && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => props.onBackups(project.failedPath!)}>
                Open a backup of it…
              </button>
            </>
          )}
        </p>
      )}
      {failure && failure.at !== dismissed && (
        <p className="banner error" role="alert">
          {failure.message} ({new Date(failure.at).toLocaleString()}). Details are in the log, <code>{project.info!.log}</code>.{' '}
          <button type="button" className="link" onClick={() => props.onBackups('')}>
            Backups…
          </button>{' '}
          <button type="button" className="link" onClick={() => setDismissed(failure.at)}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
