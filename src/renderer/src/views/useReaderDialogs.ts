import { useState } from 'react';
import type { Passage } from '../../../shared/types';
import type { ReaderActions } from '../hooks/useReader';

/**
 * What the reader shows over or above its text: the metadata dialog, the last action's notice
 * (and Go to page's "no such page"), and "Where else?" for the current passage.
 */
export function useReaderDialogs(
  nav: { goToPage(wanted: string): boolean | undefined },
  passages: readonly Passage[],
  current: number,
  actions: Pick<ReaderActions, 'saved'>,
) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [whereElse, setWhereElse] = useState<Passage | null>(null);
  return {
    editing,
    setEditing,
    closeEdit: (saved: boolean) => {
      setEditing(false);
      if (saved) actions.saved();
    },
    notice,
    setNotice,
    whereElse,
    setWhereElse,
    showWhereElse: () => setWhereElse(passages[current] ?? null),
    goToPage: (wanted: string) => {
      const found = nav.goToPage(wanted);
      if (found === false) setNotice(`There is no page “${wanted.trim()}” with text in this source.`);
      else if (found) setNotice(null);
    },
  };
}
