/**
 * The note editor (Lexical): paragraphs, bold, italic, underline, headings, lists, quotes,
 * links, undo/redo and the usual shortcuts. Pasting keeps text, not foreign markup. Saves
 * itself while typing (debounced) and when focus leaves.
 */
import { $insertDataTransferForPlainText } from '@lexical/clipboard';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import type { EditorState } from 'lexical';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  FORMAT_TEXT_COMMAND,
  PASTE_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { NOTE_NODES, NOTE_TRANSFORMERS } from '../../../shared/notes';

const SAVE_AFTER_MS = 600;

const THEME = {
  paragraph: 'note-p',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3' },
  quote: 'note-quote',
  list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li', nested: { listitem: 'note-li-nested' } },
  link: 'note-link',
  text: { bold: 'note-bold', italic: 'note-italic', underline: 'note-underline', strikethrough: 'note-strike', code: 'note-code' },
};

/** Pasted content arrives as plain text: no foreign styles, fonts or markup. */
function PlainPastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = event instanceof ClipboardEvent ? event.clipboardData : null;
          const selection = $getSelection();
          if (!data || !$isRangeSelection(selection)) return false;
          event.preventDefault();
          $insertDataTransferForPlainText(data, selection);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}

function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('https://');
  const block = (make: () => import('lexical').ElementNode) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, make);
    });
  const button = (label: string, title: string, action: () => void, className = '') => (
    <button type="button" className={`tool ${className}`} title={title} aria-label={title} onMouseDown={(e) => e.preventDefault()} onClick={action}>
      {label}
    </button>
  );
  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting">
      {button('B', 'Bold (Ctrl+B)', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), 'b')}
      {button('I', 'Italic (Ctrl+I)', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), 'i')}
      {button('U', 'Underline (Ctrl+U)', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'), 'u')}
      {button('H', 'Heading', () => block(() => $createHeadingNode('h3')))}
      {button('¶', 'Paragraph', () => block(() => $createParagraphNode()))}
      {button('•', 'Bulleted list', () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined))}
      {button('1.', 'Numbered list', () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined))}
      {button('❝', 'Block quote', () => block(() => $createQuoteNode()))}
      {button('Link', 'Link', () => setLinking(!linking))}
      {button('↶', 'Undo (Ctrl+Z)', () => editor.dispatchCommand(UNDO_COMMAND, undefined))}
      {button('↷', 'Redo (Ctrl+Shift+Z)', () => editor.dispatchCommand(REDO_COMMAND, undefined))}
      {linking && (
        <form
          className="link-form"
          onSubmit={(e) => {
            e.preventDefault();
            editor.dispatchCommand(TOGGLE_LINK_COMMAND, /^https?:\/\//.test(url) ? url : null);
            setLinking(false);
          }}
        >
          <input aria-label="Link address" value={url} onChange={(e) => setUrl(e.target.value)} />
          <button type="submit">Set link</button>
        </form>
      )}
    </div>
  );
}

export function NoteEditor(props: { body: string | null; onSave(body: string): Promise<void> | void; label: string }) {
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<'saved' | 'saving' | 'unsaved'>('saved');

  const flush = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const body = pending.current;
    if (body === null) return;
    pending.current = null;
    setState('saving');
    await props.onSave(body);
    setState(pending.current === null ? 'saved' : 'unsaved');
  };

  // Leaving the note, closing the window or reloading: write what is pending.
  useEffect(() => {
    const beforeUnload = () => void flush();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      void flush();
    };
  }, []);

  const onChange = (editorState: EditorState) => {
    const json = JSON.stringify(editorState.toJSON());
    if (json === props.body && pending.current === null) return;
    pending.current = json;
    setState('unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'sourcebench-note',
        nodes: NOTE_NODES,
        theme: THEME,
        editorState: props.body ?? undefined,
        onError: (err) => console.error(err),
      }}
    >
      <div className="note-editor" onBlur={() => void flush()}>
        <Toolbar />
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-content" aria-label={props.label} />}
          placeholder={<div className="note-placeholder">Write a note…</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(u) => /^https?:\/\//.test(u)} />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
        <PlainPastePlugin />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange />
        <div className="note-state muted small" aria-live="polite">
          {state === 'saved' ? 'Saved' : state === 'saving' ? 'Saving…' : 'Editing…'}
        </div>
      </div>
    </LexicalComposer>
  );
}
