import { useCallback, useMemo } from 'react';
import type { Annotation } from '../../../shared/types';
import { api } from '../api';
import type { In } from './apiTypes';
import { useRequest } from './useRequest';

const NONE: Annotation[] = [];

/** The annotations of one source, kept in text order, with the calls that change them (each reloads the list). */
export function useAnnotations(sourceId: number | null) {
  const load = useMemo(() => (sourceId === null ? null : () => api.listAnnotations({ sourceId })), [sourceId]);
  const { data, run, ...rest } = useRequest(load, NONE, { reset: true });
  const create = useCallback((input: In<'createAnnotation'>) => run(() => api.createAnnotation(input)), [run]);
  const createRegion = useCallback((input: In<'createRegionAnnotation'>) => run(() => api.createRegionAnnotation(input)), [run]);
  const update = useCallback((input: In<'updateAnnotation'>) => run(() => api.updateAnnotation(input)), [run]);
  const reattach = useCallback((input: In<'reattachAnnotation'>) => run(() => api.reattachAnnotation(input)), [run]);
  /** `then` runs once it is gone, before the list is read again. */
  const remove = useCallback(
    (id: number, then: () => void) =>
      run(async () => {
        await api.deleteAnnotation({ id });
        then();
      }),
    [run],
  );
  const restore = useCallback(
    (id: number, then: () => void) =>
      run(async () => {
        await api.restoreAnnotation({ id });
        then();
      }),
    [run],
  );
  return { list: data, run, ...rest, create, createRegion, update, reattach, remove, restore };
}

export type AnnotationsState = ReturnType<typeof useAnnotations>;

export function download(file: { name: string; content: string; bytes?: Uint8Array }, type = 'text/markdown') {
  // A binary file (a region's crop, PNG) is saved as its bytes, beside the Markdown that links it.
  const blob = file.bytes
    ? new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' })
    : new Blob([file.content], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
