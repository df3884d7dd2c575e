import { useMemo } from 'react';
import { api } from '../api';
import type { In } from './apiTypes';

/** Reading a reference manager's export, and applying the items chosen (a refusal throws). */
export function useReferences() {
  return useMemo(
    () => ({
      read: async (file: File) => api.readReferences({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
      apply: (input: In<'applyReferences'>) => api.applyReferences(input),
    }),
    [],
  );
}
