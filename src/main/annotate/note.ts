/** A note's Lexical state to Markdown and plain text, with a headless editor (no DOM needed). */
import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import { $getRoot } from 'lexical';
import { ApiError } from '../../shared/errors';
import { NOTE_NODES, NOTE_TRANSFORMERS } from '../../shared/notes';

function editor() {
  return createHeadlessEditor({
    namespace: 'sourcebench-note',
    nodes: NOTE_NODES,
    onError: (err) => {
      throw err;
    },
  });
}

export interface RenderedNote {
  markdown: string;
  plain: string;
}

/** Markdown (Lexical's transformers, no HTML) and plain text of a serialised editor state. */
export function renderNote(body: string): RenderedNote {
  const ed = editor();
  let state;
  try {
    state = ed.parseEditorState(body);
  } catch (err) {
    throw new ApiError('invalid_request', `The note is not a valid editor state: ${(err as Error).message}`);
  }
  return state.read(() => ({
    markdown: $convertToMarkdownString(NOTE_TRANSFORMERS).trim(),
    plain: $getRoot().getTextContent().trim(),
  }));
}

/** An editor state from Markdown: for notes written outside the editor (tests, imports). */
export function noteFromMarkdown(markdown: string): string {
  const ed = editor();
  ed.update(() => $convertFromMarkdownString(markdown, NOTE_TRANSFORMERS), { discrete: true });
  return JSON.stringify(ed.getEditorState().toJSON());
}
