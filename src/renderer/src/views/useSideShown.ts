import { useState } from 'react';

/**
 * Whether the reader's notes and claims show over the text, in a window too narrow to show
 * them beside it (styles.css): their toggle opens and closes them, they open whenever a
 * note or claim is picked or made (`picked`: the ids of the ones picked, null for none), and
 * they close (the third function) on Esc inside them or a press on the text beside them.
 */
export function useSideShown(picked: readonly (number | null)[]): [boolean, () => void, () => void] {
  const [shown, setShown] = useState(picked.some((id) => id !== null));
  const [last, setLast] = useState(picked);
  if (picked.some((id, i) => id !== last[i])) {
    setLast(picked);
    if (picked.some((id, i) => id !== null && id !== last[i])) setShown(true);
  }
  return [shown, () => setShown(!shown), () => setShown(false)];
}
