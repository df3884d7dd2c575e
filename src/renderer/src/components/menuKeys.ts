/**
 * The keys of a menu button and its menu (the WAI-ARIA menu button pattern), as plain
 * functions of the key and the items: which item gets the focus, or that the menu closes.
 */

/** What a key on the menu button does: open the menu at its first or last item, or nothing. */
export function buttonKey(key: string): 'first' | 'last' | null {
  if (key === 'ArrowDown' || key === 'Enter' || key === ' ') return 'first';
  if (key === 'ArrowUp') return 'last';
  return null;
}

/**
 * What a key in the open menu does, from the item at `index` among `labels` (the items
 * shown): the index of the item to focus, 'close' (Esc: back to the button; Tab: on to the
 * next control), or null for a key the menu leaves alone. The arrows wrap around; a letter
 * goes to the next item that starts with it.
 */
export function menuKey(key: string, index: number, labels: readonly string[]): number | 'close' | 'tab' | null {
  const count = labels.length;
  if (key === 'Escape') return 'close';
  if (key === 'Tab') return 'tab';
  if (count === 0) return null;
  if (key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home' || key === 'PageUp') return 0;
  if (key === 'End' || key === 'PageDown') return count - 1;
  if (key.length === 1 && key.trim()) {
    const letter = key.toLocaleLowerCase();
    for (let step = 1; step <= count; step++) {
      const i = (index + step) % count;
      if (firstLetter(labels[i]!) === letter) return i;
    }
  }
  return null;
}

/** The first letter or digit of a label, lower case ("↓ Next pair" starts with n). */
function firstLetter(label: string): string {
  return (/[\p{L}\p{N}]/u.exec(label)?.[0] ?? '').toLocaleLowerCase();
}
