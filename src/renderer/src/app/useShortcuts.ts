import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Command, ShortcutView } from '../shortcuts';
import { commandFor } from '../shortcuts';

/** A command's handler; `false` when it does not apply now (the key then does what it otherwise would). */
export type ShortcutHandlers<V extends ShortcutView> = Partial<Record<Command<V>, (e: KeyboardEvent) => void | boolean>>;

/** Whether keys pressed here are typed: a text field, a list to choose from, an editor. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
}

/**
 * Whether the key belongs to something else: a dialog (its own keys, Esc closes it), a menu,
 * or Enter and Space on a button or link, which press it.
 */
function belongsElsewhere(e: KeyboardEvent): boolean {
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest('dialog, [role="dialog"], [role="menu"]')) return true;
  if (document.querySelector('dialog[open]')) return true;
  return (e.key === 'Enter' || e.key === ' ') && !!target?.closest('button, a[href], summary, [role="button"], [role="tab"]');
}

/**
 * The keys of a view, looked up in the shortcut table: a key runs its command's handler when
 * this hook was given one. Keys already handled (default prevented), keys in dialogs and,
 * unless the table says otherwise, keys typed into fields do nothing here.
 */
export function useShortcuts<V extends ShortcutView>(view: V, handlers: ShortcutHandlers<V>, enabled = true) {
  const current = useRef(handlers);
  useLayoutEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || belongsElsewhere(e)) return;
      const command = commandFor(view, e, isTyping(e.target));
      const run = command && current.current[command];
      if (!run || run(e) === false) return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view, enabled]);
}
