/**
 * What a note may contain, shared by the editor (renderer) and the headless conversion to
 * Markdown and plain text (main): the node types and the Markdown transformers, so that
 * every formatting the editor offers has a Markdown form and nothing leaks as HTML.
 * (Underline has no Markdown form: its text is kept, unmarked.)
 */
import { LinkNode, AutoLinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import type { Transformer } from '@lexical/markdown';
import { ELEMENT_TRANSFORMERS, TEXT_FORMAT_TRANSFORMERS, TEXT_MATCH_TRANSFORMERS } from '@lexical/markdown';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';

export const NOTE_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode];

export const NOTE_TRANSFORMERS: Transformer[] = [...ELEMENT_TRANSFORMERS, ...TEXT_FORMAT_TRANSFORMERS, ...TEXT_MATCH_TRANSFORMERS];

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/** The largest note body accepted (Lexical's JSON). */
export const MAX_NOTE_BYTES = 1024 * 1024;
