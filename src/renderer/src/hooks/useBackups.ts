import { useMemo } from 'react';
import type { BackupInfo } from '../../../shared/types';
import { api } from '../api';
import { useRequest } from './useRequest';

/** A project's backups (the open one's, or those of one that failed to open), restoring one, and how many to keep. */
export function useBackups(path: string | undefined) {
  const load = useMemo(() => () => api.listBackups({ project: path }), [path]);
  const { data, error, setError } = useRequest<{ project: string; backups: BackupInfo[]; keep: number } | null>(load, null);
  return {
    data,
    error,
    setError,
    /** Restores a backup as a new project beside the original (a refusal throws). */
    restore: (file: string) => api.restoreBackup({ file, project: data?.project }),
    setKept: (keep: number) => void api.setBackupsKept({ keep }),
  };
}
