import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { Correction } from '../hooks/useTranscription';

/**
 * The correction in place: a small editor over the word or the selection, with its text to
 * change. Enter saves (Ctrl+Enter where the text runs over lines), Esc leaves it as it was.
 */
export function WordEditor(props: { at: Correction & { rect: DOMRect }; onSave(text: string): Promise<void>; onClose(): void }) {
  const { at } = props;
  const [text, setText] = useState(at.expected);
  const [busy, setBusy] = useState(false);
  const lines = at.expected.includes('\n');
  const save = () => {
    if (busy || text === at.expected) return props.onClose();
    setBusy(true);
    void props.onSave(text).finally(() => setBusy(false));
  };
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    } else if (e.key === 'Enter' && (!lines || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };
  const field = {
    value: text,
    autoFocus: true,
    'aria-label': `Correct “${at.expected.slice(0, 60)}”`,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setText(e.target.value),
    onKeyDown: keys,
    onFocus: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.target.select(),
  };
  // In the page's body: a container query's box would otherwise be what `fixed` is placed in.
  return createPortal(
    <div
      className="word-editor"
      role="dialog"
      aria-label="Correct the transcription"
      style={{ left: Math.max(8, Math.min(at.rect.left, window.innerWidth - 340)), top: Math.min(at.rect.bottom + 6, window.innerHeight - 120) }}
    >
      {lines ? <textarea rows={4} {...field} /> : <input type="text" size={Math.min(40, Math.max(12, at.expected.length + 4))} {...field} />}
      <button type="button" disabled={busy} onClick={save}>
        Save
      </button>
      <button type="button" onClick={props.onClose}>
        Cancel
      </button>
      <span className="muted">{lines ? 'Ctrl+Enter saves, Esc cancels' : 'Enter saves, Esc cancels'}</span>
    </div>,
    document.body,
  );
}
