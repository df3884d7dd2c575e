import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '../../../shared/types';
import { api, messageOf } from '../api';
import { takeFirst } from '../firstData';

export interface ProjectState {
  info: ProjectInfo | null;
  error: string | null;
  /** A project that could not be opened because it is damaged: its backups may help. */
  failedPath: string | null;
  refresh(): Promise<void>;
  open(path: string): Promise<void>;
  create(path: string): Promise<void>;
}

export function useProject(): ProjectState {
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failedPath, setFailedPath] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<ProjectInfo>, path?: string) => {
    try {
      setInfo(await action());
      setError(null);
      setFailedPath(null);
    } catch (err) {
      setError(messageOf(err));
      const code = (err as { code?: string }).code;
      setFailedPath(path && (code === 'damaged_project' || code === 'newer_version' || code === 'project_locked') ? path : null);
      throw err;
    }
  }, []);

  const refresh = useCallback(() => run(() => takeFirst('project') ?? api.getProject({})), [run]);
  const open = useCallback((path: string) => run(() => api.openProject({ path }), path), [run]);
  const create = useCallback((path: string) => run(() => api.createProject({ path })), [run]);

  useEffect(() => {
    refresh().catch(() => {});
  }, [refresh]);

  // Background work (the daily backup) can fail after the project opened: look again now
  // and then, and when the window comes back into view.
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible') api.getProject({}).then(setInfo, () => {});
    };
    const timer = setInterval(again, 30_000);
    document.addEventListener('visibilitychange', again);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', again);
    };
  }, []);

  return { info, error, failedPath, refresh, open, create };
}
