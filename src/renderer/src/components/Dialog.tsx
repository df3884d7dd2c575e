import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

/** A modal dialog on the native <dialog> element: focus trapped, Esc closes. */
export function Dialog(props: { title: string; onClose(): void; children: ReactNode; wide?: boolean; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={['dialog', props.wide ? 'wide' : '', props.className ?? ''].filter(Boolean).join(' ')}
      aria-label={props.title}
      onCancel={(e) => {
        // A dialog opened from this one (a template saved from the apply dialog) closes alone: its cancel reaches here through React.
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 className="dialog-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}

export function ConfirmDialog(props: { title: string; message: string; confirm: string; onConfirm(): void; onClose(): void }) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <p className="dialog-text">{props.message}</p>
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * A dialog's foot: its error (an alert), Cancel, and its one main action: the form's submit
 * button, or with `onAct` a button of its own.
 */
export function DialogFoot(props: { error?: string | null; label: ReactNode; disabled?: boolean; onCancel(): void; onAct?(): void }) {
  return (
    <>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type={props.onAct ? 'button' : 'submit'} className="primary" disabled={props.disabled} onClick={props.onAct}>
          {props.label}
        </button>
      </div>
    </>
  );
}
