/**
 * The note editor (Lexical): paragraphs, bold, italic, underline, headings, lists, quotes,
 * links, undo/redo and the usual shortcuts. Pasting keeps text, not foreign markup. Saves
 * itself while typing (debounced), when focus leaves and when it goes (useDraftSave).
 */
import { $insertDataTransferForPlainText } from '@lexical/clipboard';
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
import type { EditorState } from 'lexical';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { NOTE_NODES, NOTE_TRANSFORMERS } from '../../../shared/notes';
import { NoteToolbar } from './NoteToolbar';
import { useDraftSave } from './useDraftSave';

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

export function NoteEditor(props: { body: string | null; onSave(body: string): Promise<void> | void; label: string }) {
  const draft = useDraftSave(props.body, props.onSave);
  const onChange = (editorState: EditorState) => draft.edit(JSON.stringify(editorState.toJSON()));

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
      <div className="note-editor" onBlur={() => void draft.flush()}>
        <NoteToolbar />
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
          {draft.state === 'saved' ? 'Saved' : draft.state === 'saving' ? 'Saving…' : 'Editing…'}
        </div>
      </div>
    </LexicalComposer>
  );
}
