import { Fragment, useEffect, useRef } from 'react';
import { Dialog } from '../components/Dialog';
import type { View } from '../navigation';
import type { ShortcutView } from '../shortcuts';
import { keyLabel, SHORTCUTS, VIEW_TITLES } from '../shortcuts';

/** The views whose keys work together with each view's: what the sheet shows first. */
const WITH: Record<View, ShortcutView[]> = {
  library: ['library'],
  reader: ['reader', 'page', 'editor', 'review'],
  search: ['search'],
  notes: ['notes'],
  evidence: ['evidence', 'review'],
  compare: ['compare'],
  reuse: [],
  collate: [],
};

/**
 * The shortcut sheet (?): every key of the table, grouped by view, the shown view's first.
 * Esc closes it; the focus goes back where it was.
 */
export function ShortcutSheet(props: { view: View; onClose(): void }) {
  const before = useRef(document.activeElement);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const back = before.current;
    // The list takes the focus: arrows and Page Down scroll it, Tab goes on to Close.
    list.current?.focus();
    return () => {
      if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    };
  }, []);
  const first = WITH[props.view];
  const order = (Object.keys(VIEW_TITLES) as ShortcutView[]).sort(
    (a, b) => (a === 'global' ? -1 : b === 'global' ? 1 : 0) || Number(!first.includes(a)) - Number(!first.includes(b)),
  );
  return (
    <Dialog title="Keyboard shortcuts" onClose={props.onClose} className="shortcut-sheet">
      <div className="shortcut-groups" ref={list} tabIndex={0} role="region" aria-label="All shortcuts">
        {order.map((view) => (
          <section key={view} className="shortcut-group" aria-label={VIEW_TITLES[view]}>
            <h3>{VIEW_TITLES[view]}</h3>
            <dl>
              {SHORTCUTS.filter((sc) => sc.view === view).map((sc) => (
                <Fragment key={sc.command}>
                  <dt>
                    {sc.keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && <span className="muted"> or </span>}
                        <kbd>{keyLabel(k)}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{sc.label}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
