/**
 * Every keyboard shortcut of the workbench, in one table: the key handlers look their
 * commands up here (useShortcuts), the buttons take their tooltips from here, and the
 * shortcut sheet (?) lists it, so none of them can say something the others do not.
 *
 * A key is written as aria-keyshortcuts writes it (`Shift+ArrowRight`, `Delete`, `?`), with
 * `Mod` for Ctrl, or ⌘ on a Mac. A letter is matched whatever the case; Shift must be held
 * exactly when the key says so (except for symbols such as `?`, which need it anyway).
 */

export type ShortcutView = 'global' | 'library' | 'reader' | 'page' | 'editor' | 'search' | 'notes' | 'evidence' | 'review' | 'compare';

/** The groups of the sheet, in its order. */
export const VIEW_TITLES: Record<ShortcutView, string> = {
  global: 'Anywhere',
  library: 'Library',
  reader: 'Reader',
  page: 'Page image (photographs and scans; M anywhere in the reader, the others in the image pane)',
  editor: 'Note editor (in the reader)',
  search: 'Search (in the search field)',
  notes: 'Notes',
  evidence: 'Evidence',
  review: 'Reviewing claims',
  compare: 'Compare',
};

/** The handlers each view has: a shortcut names one of these. */
export const COMMANDS = {
  global: ['search', 'shortcuts'],
  library: [
    'nextRow',
    'previousRow',
    'firstRow',
    'lastRow',
    'openRow',
    'editRow',
    'deleteRow',
    'markRow',
    'applyToMarked',
    'mergeMarked',
    'filter',
    'tagFilter',
    'references',
    'importFiles',
    'importFolder',
    'loadSamples',
  ],
  reader: [
    'nextPassage',
    'previousPassage',
    'firstPassage',
    'lastPassage',
    'nextWord',
    'previousWord',
    'selectNextWord',
    'selectPreviousWord',
    'selectNextSentence',
    'selectPreviousSentence',
    'highlight',
    'highlightGreen',
    'highlightBlue',
    'highlightPink',
    'highlightPurple',
    'annotate',
    'claim',
    'back',
    'sidebar',
    'editMetadata',
    'replaceText',
    'exportNotes',
    'compareWith',
    'goToPage',
    'whereElse',
    'nextToCheck',
    'correct',
  ],
  page: ['markRegion', 'moveRegion', 'resizeRegion', 'confirmRegion', 'cancelRegion'],
  editor: ['leave', 'bold', 'italic', 'underline', 'undo', 'redo', 'heading', 'paragraph', 'bulletList', 'numberList', 'quote', 'link'],
  search: ['nextResult', 'previousResult', 'openResult', 'close'],
  notes: [
    'filter',
    'sourceFilter',
    'tagFilter',
    'colourFilter',
    'citationStyle',
    'exportMarkdown',
    'exportFolder',
    'exportJsonLd',
    'importAnnotations',
    'importOnto',
  ],
  evidence: ['nextQuestion', 'previousQuestion', 'newQuestion', 'review', 'exportCsv', 'exportMarkdown', 'exportAllCsv', 'deleteQuestion'],
  review: ['next', 'previous', 'confirm', 'reject', 'edit', 'open', 'close'],
  compare: ['nextPair', 'previousPair', 'sourceA', 'sourceB', 'keepAligned', 'exportMarkdown'],
} as const satisfies Record<ShortcutView, readonly string[]>;

export type Command<V extends ShortcutView> = (typeof COMMANDS)[V][number];

/**
 * Where a shortcut works: by default only when no field is being typed in; `typing`, only
 * in a field (the search box, a note); `always`, in both (it has Ctrl or ⌘).
 */
export type ShortcutWhen = 'typing' | 'always';

export interface Shortcut<V extends ShortcutView = ShortcutView> {
  view: V;
  keys: string[];
  command: Command<V>;
  label: string;
  when?: ShortcutWhen;
  /** Handled by the note editor itself (Lexical's own keys), listed for completeness. */
  native?: boolean;
}

type AnyShortcut = { [V in ShortcutView]: Shortcut<V> }[ShortcutView];

const s = <V extends ShortcutView>(view: V, keys: string[], command: Command<V>, label: string, more: Partial<Shortcut<V>> = {}): Shortcut<V> => ({
  view,
  keys,
  command,
  label,
  ...more,
});

export const SHORTCUTS: AnyShortcut[] = [
  s('global', ['Mod+K'], 'search', 'Search everything', { when: 'always' }),
  s('global', ['?'], 'shortcuts', 'Show these keyboard shortcuts'),

  s('library', ['J', 'ArrowDown'], 'nextRow', 'Next source'),
  s('library', ['K', 'ArrowUp'], 'previousRow', 'Previous source'),
  s('library', ['Home'], 'firstRow', 'First source'),
  s('library', ['End'], 'lastRow', 'Last source'),
  s('library', ['Enter'], 'openRow', 'Open the source in the reader'),
  s('library', ['E'], 'editRow', 'Edit the source’s metadata'),
  s('library', ['Delete'], 'deleteRow', 'Delete the source (after confirming)'),
  s('library', ['X'], 'markRow', 'Mark or unmark the source, to collate, merge or apply metadata to several'),
  s('library', ['A'], 'applyToMarked', 'Apply metadata to the marked sources…'),
  s('library', ['G'], 'mergeMarked', 'Merge the marked photographed or scanned sources into one…'),
  s('library', ['/'], 'filter', 'Filter sources by words'),
  s('library', ['T'], 'tagFilter', 'Filter by tag'),
  s('library', ['R'], 'references', 'References… (from a reference manager)'),
  s('library', ['I'], 'importFiles', 'Import files…'),
  s('library', ['Shift+I'], 'importFolder', 'Import a folder…'),
  s('library', ['Shift+S'], 'loadSamples', 'Load the sample sources'),

  s('reader', ['J', 'ArrowDown'], 'nextPassage', 'Next passage'),
  s('reader', ['K', 'ArrowUp'], 'previousPassage', 'Previous passage'),
  s('reader', ['Home'], 'firstPassage', 'First passage'),
  s('reader', ['End'], 'lastPassage', 'Last passage'),
  s('reader', ['ArrowRight'], 'nextWord', 'Caret to the next word in the passage'),
  s('reader', ['ArrowLeft'], 'previousWord', 'Caret to the previous word'),
  s('reader', ['Shift+ArrowRight'], 'selectNextWord', 'Select a word more (forward)'),
  s('reader', ['Shift+ArrowLeft'], 'selectPreviousWord', 'Select a word back'),
  s('reader', ['Shift+ArrowDown'], 'selectNextSentence', 'Select to the end of the sentence, then the next'),
  s('reader', ['Shift+ArrowUp'], 'selectPreviousSentence', 'Select back to the start of the sentence'),
  s('reader', ['H', '1'], 'highlight', 'Highlight the selection, or the passage (yellow)'),
  s('reader', ['2'], 'highlightGreen', 'Highlight in green'),
  s('reader', ['3'], 'highlightBlue', 'Highlight in blue'),
  s('reader', ['4'], 'highlightPink', 'Highlight in pink'),
  s('reader', ['5'], 'highlightPurple', 'Highlight in purple'),
  s('reader', ['N', 'A'], 'annotate', 'Annotate: highlight and write a note'),
  s('reader', ['C'], 'claim', 'Record the selection’s figure as a claim'),
  s('reader', ['Escape'], 'back', 'Clear the selection; with none, go back'),
  s('reader', ['T'], 'sidebar', 'Switch between the Notes and Claims tabs'),
  s('reader', ['E'], 'editMetadata', 'Edit metadata'),
  s('reader', ['R'], 'replaceText', 'Replace text…'),
  s('reader', ['X'], 'exportNotes', 'Export notes'),
  s('reader', ['Shift+C'], 'compareWith', 'Compare with…'),
  s('reader', ['G'], 'goToPage', 'Go to a page (PDF)'),
  s('reader', ['W'], 'whereElse', 'Where else does this passage appear? (text other sources share)'),
  s('reader', ['U'], 'nextToCheck', 'Next word to check (an uncertain reading of a photograph or scan)'),
  s('reader', ['F2'], 'correct', 'Correct the selection, or the word being checked, in place'),

  s('page', ['M'], 'markRegion', 'Mark a region: drag across the page, or place it with the keys below'),
  s('page', ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], 'moveRegion', 'Move the region being marked'),
  s('page', ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'], 'resizeRegion', 'Resize it (its right and bottom edges)'),
  s('page', ['Enter'], 'confirmRegion', 'Mark it, and write its note'),
  s('page', ['Escape'], 'cancelRegion', 'Stop marking'),

  s('editor', ['Escape'], 'leave', 'Back to the text (the note is saved)', { when: 'typing' }),
  s('editor', ['Mod+B'], 'bold', 'Bold', { when: 'typing', native: true }),
  s('editor', ['Mod+I'], 'italic', 'Italic', { when: 'typing', native: true }),
  s('editor', ['Mod+U'], 'underline', 'Underline', { when: 'typing', native: true }),
  s('editor', ['Mod+Z'], 'undo', 'Undo', { when: 'typing', native: true }),
  s('editor', ['Mod+Shift+Z'], 'redo', 'Redo', { when: 'typing', native: true }),
  s('editor', ['Mod+Alt+1'], 'heading', 'Heading', { when: 'typing' }),
  s('editor', ['Mod+Alt+0'], 'paragraph', 'Paragraph', { when: 'typing' }),
  s('editor', ['Mod+Alt+8'], 'bulletList', 'Bulleted list', { when: 'typing' }),
  s('editor', ['Mod+Alt+7'], 'numberList', '1. Numbered list', { when: 'typing' }),
  s('editor', ['Mod+Alt+9'], 'quote', 'Block quote', { when: 'typing' }),
  s('editor', ['Mod+Alt+K'], 'link', 'Link', { when: 'typing' }),

  s('search', ['ArrowDown'], 'nextResult', 'Next result', { when: 'typing' }),
  s('search', ['ArrowUp'], 'previousResult', 'Previous result', { when: 'typing' }),
  s('search', ['Enter'], 'openResult', 'Open the result in the reader', { when: 'typing' }),
  s('search', ['Escape'], 'close', 'Close the query help, then go back', { when: 'typing' }),

  s('notes', ['/'], 'filter', 'Filter notes by words'),
  s('notes', ['S'], 'sourceFilter', 'Filter by source'),
  s('notes', ['T'], 'tagFilter', 'Filter by tag'),
  s('notes', ['L'], 'colourFilter', 'Filter by colour'),
  s('notes', ['Y'], 'citationStyle', 'Citation style'),
  s('notes', ['X'], 'exportMarkdown', 'Export Markdown, one file'),
  s('notes', ['Shift+X'], 'exportFolder', 'Export Markdown, a file per source'),
  s('notes', ['W'], 'exportJsonLd', 'Export Web Annotation JSON-LD'),
  s('notes', ['I'], 'importAnnotations', 'Import annotations…'),
  s('notes', ['Shift+I'], 'importOnto', 'Choose the source annotations are imported onto'),

  s('evidence', ['J'], 'nextQuestion', 'Next question'),
  s('evidence', ['K'], 'previousQuestion', 'Previous question'),
  s('evidence', ['Q'], 'newQuestion', 'New question'),
  s('evidence', ['R'], 'review', 'Review the unconfirmed claims'),
  s('evidence', ['X'], 'exportCsv', 'Export the question as CSV'),
  s('evidence', ['M'], 'exportMarkdown', 'Export the question as Markdown'),
  s('evidence', ['Shift+X'], 'exportAllCsv', 'Export all questions as CSV'),
  s('evidence', ['Shift+Delete'], 'deleteQuestion', 'Delete the question'),

  s('review', ['ArrowRight', 'J'], 'next', 'Next suggestion'),
  s('review', ['ArrowLeft', 'K'], 'previous', 'Previous suggestion'),
  s('review', ['C', 'Enter'], 'confirm', 'Confirm'),
  s('review', ['X', 'Delete', 'Backspace'], 'reject', 'Reject'),
  s('review', ['E'], 'edit', 'Edit (values, years, event, question)'),
  s('review', ['O'], 'open', 'Open in the reader'),
  s('review', ['Escape'], 'close', 'Close the review'),

  s('compare', ['J', 'N', 'ArrowDown'], 'nextPair', 'Next pair'),
  s('compare', ['K', 'P', 'ArrowUp'], 'previousPair', 'Previous pair'),
  s('compare', ['A'], 'sourceA', 'Choose source A'),
  s('compare', ['B'], 'sourceB', 'Choose source B'),
  s('compare', ['S'], 'keepAligned', 'Keep the panes aligned (on or off)'),
  s('compare', ['X'], 'exportMarkdown', 'Export the comparison as Markdown'),
];

/** What a key event says; the DOM's KeyboardEvent and React's both fit. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface ParsedKey {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

export function parseKey(spec: string): ParsedKey {
  const parts = spec.split('+');
  const key = parts.pop()!;
  return { key, mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift') };
}

/** The key as the table writes it, for comparing two keys: modifiers in one order, letters in upper case. */
export function normalKey(spec: string): string {
  const k = parseKey(spec);
  return [k.mod && 'Mod', k.alt && 'Alt', k.shift && 'Shift', k.key.length === 1 ? k.key.toUpperCase() : k.key].filter(Boolean).join('+');
}

const isLetter = (k: string) => /^\p{L}$/u.test(k);

export function matches(spec: string, e: KeyPress): boolean {
  const k = parseKey(spec);
  if (k.mod !== (e.ctrlKey || e.metaKey) || k.alt !== e.altKey) return false;
  // Shift is part of a letter's or a named key's shortcut; a symbol such as ? needs it anyway.
  if ((k.key.length > 1 || isLetter(k.key)) && k.shift !== e.shiftKey) return false;
  if (e.key.toLowerCase() === k.key.toLowerCase()) return true;
  // With Alt, the key typed is another character (⌥K is ˚ on a Mac): the key's place on the keyboard says which it is.
  if (!e.altKey || !e.code || k.key.length !== 1) return false;
  return e.code === (/\d/.test(k.key) ? `Digit${k.key}` : `Key${k.key.toUpperCase()}`);
}

/** The command a key press gives in a view, if any: `typing` says whether it was pressed in a field. */
export function commandFor<V extends ShortcutView>(view: V, e: KeyPress, typing: boolean): Command<V> | null {
  for (const sc of SHORTCUTS) {
    if (sc.view !== view || sc.native) continue;
    const when = sc.when;
    if (when !== 'always' && (when === 'typing') !== typing) continue;
    if (sc.keys.some((k) => matches(k, e))) return sc.command as Command<V>;
  }
  return null;
}

export function shortcutOf<V extends ShortcutView>(view: V, command: Command<V>): Shortcut<V> | undefined {
  return SHORTCUTS.find((sc) => sc.view === view && sc.command === command) as Shortcut<V> | undefined;
}

const isMac = () => /Mac|iPhone|iPad/.test((globalThis as { navigator?: { platform?: string } }).navigator?.platform ?? '');

const NAMES: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: 'Backspace',
};

/** A key as people read it: `Shift+→`, `Ctrl+K` (`⌘K` on a Mac), `?`. */
export function keyLabel(spec: string, mac = isMac()): string {
  const k = parseKey(spec);
  const key = NAMES[k.key] ?? (k.key.length === 1 ? k.key.toUpperCase() : k.key);
  if (mac) return `${k.mod ? '⌘' : ''}${k.alt ? '⌥' : ''}${k.shift ? '⇧' : ''}${key}`;
  return [k.mod && 'Ctrl', k.alt && 'Alt', k.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The keys as aria-keyshortcuts wants them: space-separated, Mod given as Control and as Meta. */
export function ariaKeys(keys: string[]): string {
  return keys.flatMap((spec) => (spec.startsWith('Mod+') ? [spec.replace('Mod+', 'Control+'), spec.replace('Mod+', 'Meta+')] : [spec])).join(' ');
}

/** A control's tooltip and aria-keyshortcuts for a command: "Export notes (X)". */
export function keyed<V extends ShortcutView>(view: V, command: Command<V>, title?: string): { title: string; 'aria-keyshortcuts': string } {
  const sc = shortcutOf(view, command);
  const keys = sc?.keys ?? [];
  const text = title ?? sc?.label ?? '';
  return { title: keys.length ? `${text} (${keys.map((k) => keyLabel(k)).join(' or ')})` : text, 'aria-keyshortcuts': ariaKeys(keys) };
}
