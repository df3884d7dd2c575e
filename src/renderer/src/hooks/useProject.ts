import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '../../../shared/types';
import { api, messageOf } from '../api';

export interface ProjectState {
  info: ProjectInfo | null;
  error: string | null;
  refresh(): Promise<void>;
  open(path: string): Promise<void>;
  create(path: string): Promise<void>;
}

export function useProject(): ProjectState {
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<ProjectInfo>) => {
    try {
      setInfo(await action());
      setError(null);
    } catch (err) {
      setError(messageOf(err));
      throw err;
    }
  }, []);

  const refresh = useCallback(() => run(() => api.getProject({})), [run]);
  const open = useCallback((path: string) => run(() => api.openProject({ path })), [run]);
  const create = useCallback((path: string) => run(() => api.createProject({ path })), [run]);

  useEffect(() => {
    refresh().catch(() => {});
  }, [refresh]);

  return { info, error, refresh, open, create };
}
