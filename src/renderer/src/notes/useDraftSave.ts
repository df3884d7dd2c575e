import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export const SAVE_AFTER_MS = 600;

export type DraftState = 'saved' | 'saving' | 'unsaved';

/**
 * A draft that saves itself: `edit` holds the latest text and saves it SAVE_AFTER_MS after the
 * last change; `flush` saves what is pending at once (focus leaving the editor). What is pending
 * is written too when the editor goes (another note or source opened, another view) and when
 * the window closes or reloads. `flush` is one function for the editor's whole life, so the
 * write on leaving is set up once; it saves through the latest `onSave`. `saved` is the text
 * as stored: an edit back to it with nothing pending is no change.
 */
export function useDraftSave(saved: string | null, onSave: (body: string) => Promise<void> | void) {
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const save = useRef(onSave);
  const [state, setState] = useState<DraftState>('saved');
  useLayoutEffect(() => {
    save.current = onSave;
  }, [onSave]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const body = pending.current;
    if (body === null) return;
    pending.current = null;
    setState('saving');
    await save.current(body);
    setState(pending.current === null ? 'saved' : 'unsaved');
  }, []);

  // Leaving the note, closing the window or reloading: write what is pending.
  useEffect(() => {
    const beforeUnload = () => void flush();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      void flush();
    };
  }, [flush]);

  const edit = (body: string) => {
    if (body === saved && pending.current === null) return;
    pending.current = body;
    setState('unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  return { state, edit, flush };
}
