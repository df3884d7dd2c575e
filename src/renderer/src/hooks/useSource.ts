import { useEffect, useRef, useState } from 'react';
import type { SourceDetail } from '../../../shared/types';
import { api, messageOf } from '../api';

/** How many passages the quick first reply holds: more than a window shows. */
export const FIRST_PASSAGES = 100;

/**
 * A source for the reader. With `quickFirst` (opened at its top: no passage to go to, no
 * place to resume), its first passages are asked for first and shown as soon as they come
 * (`partial` set): a long source (a 2 MB text is 3.7 MB of passages to send and parse) shows
 * its first page without waiting for the rest, which replaces them when it arrives. The whole
 * source is asked for once that small reply is in, so that the service answers it first.
 * A source read again (a correction, recognition's progress) comes whole, in one reply.
 */
export function useSource(id: number | null, version: number, quickFirst = false): { source: SourceDetail | null; error: string | null } {
  const [source, setSource] = useState<SourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The source whose reply was last shown: read again, it comes whole. */
  const shown = useRef<number | null>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    let whole = false;
    setError(null);
    const first =
      quickFirst && shown.current !== id
        ? api.getSource({ id, first: FIRST_PASSAGES }).then(
            (s) => {
              if (live && !whole) setSource(s);
            },
            () => {},
          )
        : Promise.resolve();
    void first
      .then(() => api.getSource({ id }))
      .then((s) => {
        whole = true;
        if (!live) return;
        shown.current = id;
        setSource(s);
      })
      .catch((err) => live && (setSource(null), setError(messageOf(err))));
    return () => {
      live = false;
    };
  }, [id, version, quickFirst]);
  return { source: source && source.id === id ? source : null, error };
}
