import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StyleChoice } from '../../../shared/styles';
import type { Annotation, CitationSettings } from '../../../shared/types';
import { api, messageOf } from '../api';
import { download } from './useAnnotations';
import { useRequest } from './useRequest';

export type NotesExport = 'markdown' | 'folder' | 'jsonld';

/** Every annotation of the project (read again when another project opens), and their export. */
export function useNotes(projectPath: string | undefined) {
  // A new function for each project: the list is read again when another project opens.
  const load = useMemo(() => {
    void projectPath;
    return () => api.listAnnotations({});
  }, [projectPath]);
  const { data: list, error, setError, reload } = useRequest<Annotation[]>(load, []);

  /** Exports the notes of the filtered source or tag (all of them without a filter). */
  const exportFiles = async (kind: NotesExport, filter: { source: string; tag: string; pandoc: boolean }) => {
    try {
      if (kind === 'jsonld') download(await api.exportAnnotations({ format: 'jsonld' }), 'application/ld+json');
      else {
        const files = await api.exportMarkdown({
          sourceId: filter.source ? Number(filter.source) : undefined,
          tag: filter.tag || undefined,
          perSource: kind === 'folder',
          ...(filter.pandoc ? { citations: 'pandoc' as const } : {}),
        });
        files.forEach((f) => download(f));
      }
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return { list, error, setError, reload, exportFiles };
}

/** The project's citation style, and the choice of another (a shipped one or a `.csl` file). */
export function useCitationSettings(onError: (message: string) => void) {
  const [settings, setSettings] = useState<CitationSettings | null>(null);
  useEffect(() => {
    api.getCitationSettings({}).then(setSettings, (err) => onError(messageOf(err)));
  }, [onError]);
  const choose = useCallback(
    async (style: StyleChoice, csl?: { name: string; xml: string }) => {
      try {
        setSettings(await api.setCitationStyle({ style, ...(csl ? { csl } : {}) }));
      } catch (err) {
        onError(messageOf(err));
      }
    },
    [onError],
  );
  return { settings, choose };
}
