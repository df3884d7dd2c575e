import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import type { ElementNode } from 'lexical';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { useEffect, useRef, useState } from 'react';
import type { Command } from '../shortcuts';
import { commandFor, keyed } from '../shortcuts';

/** The note editor's formatting buttons: bold, italic, underline, heading, paragraph, lists, quote, link, undo and redo. */
export function NoteToolbar() {
  const [editor] = useLexicalComposerContext();
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('https://');
  const block = (make: () => ElementNode) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, make);
    });
  const actions: Record<Command<'editor'>, (() => void) | null> = {
    bold: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
    italic: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
    underline: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'),
    heading: () => block(() => $createHeadingNode('h3')),
    paragraph: () => block(() => $createParagraphNode()),
    bulletList: () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
    numberList: () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined),
    quote: () => block(() => $createQuoteNode()),
    link: () => setLinking(!linking),
    undo: () => editor.dispatchCommand(UNDO_COMMAND, undefined),
    redo: () => editor.dispatchCommand(REDO_COMMAND, undefined),
    // Esc is the reader's: back to the text.
    leave: null,
  };
  // The keys of the buttons Lexical has none for (the shortcut table's `editor` entries).
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e) => {
          const command = commandFor('editor', e, true);
          const run = command && latest.current[command];
          if (!run) return false;
          e.preventDefault();
          run();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  const button = (label: string, command: Command<'editor'>, className = '') => {
    const { title, 'aria-keyshortcuts': keys } = keyed('editor', command);
    return (
      <button
        type="button"
        className={`tool ${className}`}
        title={title}
        aria-label={title}
        aria-keyshortcuts={keys}
        onMouseDown={(e) => e.preventDefault()}
        onClick={actions[command]!}
      >
        {label}
      </button>
    );
  };
  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting">
      {button('B', 'bold', 'b')}
      {button('I', 'italic', 'i')}
      {button('U', 'underline', 'u')}
      {button('H', 'heading')}
      {button('¶', 'paragraph')}
      {button('•', 'bulletList')}
      {button('1.', 'numberList')}
      {button('❝', 'quote')}
      {button('Link', 'link')}
      {button('↶', 'undo')}
      {button('↷', 'redo')}
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
