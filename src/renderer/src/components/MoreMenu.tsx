import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { buttonKey, menuKey } from './menuKeys';

/** A toolbar command that leaves the toolbar for the More menu when the view is narrow. */
export interface MoreItem {
  label: string;
  onSelect(): void;
  disabled?: boolean;
  /** A checkbox: whether it is ticked. */
  checked?: boolean;
  /** It deletes something: shown in the danger colour. */
  danger?: boolean;
  /**
   * Below which of the view's widths the command folds into the menu: 1, the wider, or 2.
   * Its control in the toolbar carries the matching class, `fold-1` or `fold-2`; the view's
   * container queries in styles.css hide that and show this item.
   */
  tier: 1 | 2;
}

const ITEM = '[role="menuitem"], [role="menuitemcheckbox"]';

/**
 * "More": a menu button (aria-haspopup) with the commands a narrow toolbar has no room for.
 * Shown only when some have folded (styles.css); ↓ or ↑ open it, the arrows, Home, End and a
 * letter move through it, Enter chooses, Esc closes it back onto the button, Tab moves on.
 */
export function MoreMenu(props: { items: MoreItem[] }) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  /** The items shown: only those folded out of the toolbar at this width. */
  const shown = () => [...(menu.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])].filter((el) => el.getClientRects().length > 0);

  useEffect(() => {
    if (!open) return;
    const items = shown();
    (open === 'last' ? items.at(-1) : items[0])?.focus();
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    // The menu's keys are its own: not the view's (n, j, Esc…) as well.
    if (!e.ctrlKey && !e.metaKey && !e.altKey && e.key !== 'Tab') e.stopPropagation();
    const items = shown();
    const to = menuKey(
      e.key,
      items.indexOf(document.activeElement as HTMLElement),
      items.map((el) => el.textContent ?? ''),
    );
    if (to === null) return;
    if (to === 'tab') return close(false);
    e.preventDefault();
    if (to === 'close') close(true);
    else items[to]?.focus();
  };

  return (
    <div className="more" ref={root}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(e) => {
          const at = buttonKey(e.key);
          if (!at) return;
          e.preventDefault();
          setOpen(at);
        }}
      >
        More<span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div ref={menu} id={id} className="menu more-menu" role="menu" aria-label="More" onKeyDown={onMenuKey}>
          {props.items.map((item) => (
            <button
              key={item.label}
              type="button"
              tabIndex={-1}
              className={`in-more-${item.tier}${item.danger ? ' danger-text' : ''}`}
              role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.checked}
              aria-disabled={item.disabled || undefined}
              onClick={() => {
                if (item.disabled) return;
                close(true);
                item.onSelect();
              }}
            >
              {item.checked !== undefined && (
                <span className="menu-check" aria-hidden="true">
                  {item.checked ? '✓' : ''}
                </span>
              )}
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
