import { useCallback, useEffect, useState } from 'react';
import type { AnnotationImport, SourceSummary } from '../../../shared/types';
import { api, messageOf } from '../api';
import { latestOnly } from './useRequest';

/** The sources annotations may go onto, and the import of a Web Annotation file onto them. */
export function useAnnotationImport(projectPath: string | undefined, onError: (message: string) => void) {
  const [sources, setSources] = useState<SourceSummary[]>([]);
  const [guard] = useState(() => latestOnly());
  const refresh = useCallback(() => {
    const latest = guard.begin();
    api.listSources({}).then(
      (list) => latest() && setSources(list),
      (err: unknown) => latest() && onError(messageOf(err)),
    );
  }, [guard, onError]);
  useEffect(() => {
    void projectPath;
    refresh();
  }, [projectPath, refresh]);
  const importFile = useCallback(
    async (file: File, sourceId: number | null): Promise<AnnotationImport | null> => {
      try {
        return await api.importAnnotations({
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
          ...(sourceId !== null ? { sourceId } : {}),
        });
      } catch (err) {
        onError(messageOf(err));
        return null;
      }
    },
    [onError],
  );
  return { sources, refresh, importFile };
}
