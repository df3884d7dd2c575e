/**
 * Text reuse: "Where else does this appear?" for one passage, and the project-wide report,
 * started, followed by long polls until it ends, cancelled, and exported.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReuseFound, ReuseProgress } from '../../../shared/types';
import { api, messageOf } from '../api';
import { download } from './useAnnotations';
import { useRequest } from './useRequest';

/** The passages of other sources that share text with this passage (null: none asked for). */
export function useWhereElse(passageId: number | null) {
  const load = useMemo(() => (passageId === null ? null : () => api.findReuse({ passageId })), [passageId]);
  const { data: found, error, loading } = useRequest<ReuseFound | null>(load, null, { reset: true });
  return { found, error, loading };
}

export function useReuseReport() {
  const [progress, setProgress] = useState<ReuseProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The job followed now; a report started later, or leaving the view, stops following the one before. */
  const following = useRef(0);
  useEffect(() => () => void (following.current = -1), []);

  const start = useCallback(async () => {
    setError(null);
    try {
      let p = await api.reuseReport({});
      const job = (following.current = p.job);
      setProgress(p);
      while (p.state === 'running') {
        p = await api.reuseReportProgress({ job, wait: true });
        if (following.current !== job) return;
        setProgress(p);
      }
      if (p.error) setError(p.error);
    } catch (err) {
      setError(messageOf(err));
    }
  }, []);

  const cancel = useCallback(() => {
    if (progress?.state === 'running') void api.cancelReuseReport({ job: progress.job }).catch((err) => setError(messageOf(err)));
  }, [progress]);

  const exportAs = useCallback(
    (format: 'csv' | 'markdown') => {
      if (progress?.report)
        void api.exportReuseReport({ job: progress.job, format }).then(
          (f) => download(f, format === 'csv' ? 'text/csv' : 'text/markdown'),
          (err) => setError(messageOf(err)),
        );
    },
    [progress],
  );

  return { progress, error, start, cancel, exportAs };
}
