import { useCallback } from 'react';
import type { Annotation } from '../../../shared/types';
import { api } from '../api';
import { useReloading } from './useReloading';

const NONE: Annotation[] = [];

/** The annotations of one source, kept in text order, with the calls that change them. */
export function useAnnotations(sourceId: number | null) {
  const load = useCallback(() => (sourceId === null ? Promise.resolve(NONE) : api.listAnnotations({ sourceId })), [sourceId]);
  const { data, ...rest } = useReloading(load, NONE);
  return { list: data, ...rest };
}

export function download(file: { name: string; content: string }, type = 'text/markdown') {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
