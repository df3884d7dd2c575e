import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import type { ElementNode } from 'lexical';
import { $createParagraphNode, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useState } from 'react';

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
      {/* The name holds what the button shows ("1."), so that it can be spoken to (WCAG 2.5.3). */}
      {button('1.', '1. Numbered list', () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined))}
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
