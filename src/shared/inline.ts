/**
 * Inline Markdown in a passage, for display only: the stored text keeps its markup (offsets,
 * quotes and anchors all point into the text as written), and the reader hides the markers
 * and styles what they enclose. Covers what prose sources use: **strong**, *emphasis*,
 * `code`, ~~struck~~, [links](https://…), ![images](…) (their alt text), <https://…>
 * autolinks and backslash escapes. Unclosed or odd markers are left as written. The `> `
 * markers that open the continuation lines of a quote (a passage is a range of the text as
 * written) are hidden too. Note references (`[22]`, `[^8]`, `¹²`) are marks of their own
 * in every source, Markdown or not: see noteMarks.
 */
import { noteMarkers } from './markers';

export type InlineKind = 'hide' | 'strong' | 'em' | 'code' | 'del' | 'link' | 'note';

export interface InlineMark {
  start: number;
  end: number;
  kind: InlineKind;
  /** For links: the target, only when it is http(s) or mailto. */
  href?: string;
  /** For note references: the note's label (`22`, `8`), to find the footnote it names. */
  label?: string;
  /** For note references: it follows another one straight on ("[2][3]"), to be set apart from it. */
  joined?: boolean;
}

/**
 * Note references as marks: the brackets (and `^`) hidden, the label marked 'note' to be set
 * as a superscript; superscript digits are marked as they stand.
 */
export function noteMarks(text: string, markers = noteMarkers(text)): InlineMark[] {
  const out: InlineMark[] = [];
  let previousEnd = -1;
  for (const m of markers) {
    const joined = m.start === previousEnd;
    previousEnd = m.end;
    if (text[m.start] !== '[') {
      out.push({ start: m.start, end: m.end, kind: 'note', label: m.label, joined });
      continue;
    }
    const open = text[m.start + 1] === '^' ? 2 : 1;
    out.push({ start: m.start, end: m.start + open, kind: 'hide' });
    out.push({ start: m.start + open, end: m.end - 1, kind: 'note', label: m.label, joined });
    out.push({ start: m.end - 1, end: m.end, kind: 'hide' });
  }
  return out;
}

const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s<>"]+$/i;

/** The marks of `text`, relative to it, hidden markers included. */
export function inlineMarkup(text: string): InlineMark[] {
  if (!/[*_`~[\]<\\!⁰¹²³⁴⁵⁶⁷⁸⁹]|\n[ \t]*>/.test(text)) return [];
  const marks: InlineMark[] = [];
  // A copy in which consumed regions are blanked (same length, so offsets hold): later
  // patterns never match inside code, URLs or escaped characters.
  let masked = text;
  const blank = (start: number, end: number) => {
    masked = masked.slice(0, start) + '\u0000'.repeat(end - start) + masked.slice(end);
  };
  const hide = (start: number, end: number) => {
    if (end > start) marks.push({ start, end, kind: 'hide' });
  };

  // The quote markers of a quote's continuation lines: "> > turn within the year".
  for (const m of text.matchAll(/\n([ \t]*>(?:[ \t]*>)*[ \t]?)/g)) {
    hide(m.index + 1, m.index + 1 + m[1]!.length);
    blank(m.index + 1, m.index + 1 + m[1]!.length);
  }
  for (const m of masked.matchAll(/\\([\\`*_{}[\]()#+\-.!~<>|])/g)) {
    hide(m.index, m.index + 1);
    blank(m.index, m.index + 2);
  }
  for (const m of masked.matchAll(/(`+)(?!`)([^\u0000]*?[^`\u0000])\1(?!`)/g)) {
    const open = m[1]!.length;
    hide(m.index, m.index + open);
    marks.push({ start: m.index + open, end: m.index + m[0].length - open, kind: 'code' });
    hide(m.index + m[0].length - open, m.index + m[0].length);
    blank(m.index, m.index + m[0].length);
  }
  // Note references, outside code and escapes: "1937.[22]", "[^8]".
  for (const m of noteMarks(masked)) {
    marks.push(m);
    blank(m.start, m.end);
  }
  // Images and links: [text](target "title") shows the text; an image shows its alt text.
  for (const m of masked.matchAll(/(!?)\[([^\]\u0000]*)\]\(\s*(<[^>\u0000]*>|[^\s()\u0000]+)(?:\s+(?:"[^"\u0000]*"|'[^'\u0000]*'))?\s*\)/g)) {
    const image = m[1] === '!';
    const textStart = m.index + m[1]!.length + 1;
    const textEnd = textStart + m[2]!.length;
    if (!image && textEnd === textStart) continue;
    hide(m.index, textStart);
    hide(textEnd, m.index + m[0].length);
    const href = m[3]!.replace(/^<|>$/g, '');
    if (!image && textEnd > textStart) marks.push({ start: textStart, end: textEnd, kind: 'link', ...(SAFE_HREF.test(href) ? { href } : {}) });
    if (image && textEnd > textStart) marks.push({ start: textStart, end: textEnd, kind: 'em' });
    blank(textEnd, m.index + m[0].length);
    blank(m.index, textStart);
  }
  for (const m of masked.matchAll(/<((?:https?:\/\/|mailto:)[^\s<>\u0000]+)>/gi)) {
    hide(m.index, m.index + 1);
    hide(m.index + m[0].length - 1, m.index + m[0].length);
    marks.push({ start: m.index + 1, end: m.index + m[0].length - 1, kind: 'link', href: m[1]! });
    blank(m.index, m.index + m[0].length);
  }
  const delimited = (re: RegExp, width: number, kind: InlineKind) => {
    for (const m of masked.matchAll(re)) {
      const start = m.index + (m[1]?.length ?? 0);
      const end = start + m[0].length - (m[1]?.length ?? 0);
      hide(start, start + width);
      marks.push({ start: start + width, end: end - width, kind });
      hide(end - width, end);
      blank(start, start + width);
      blank(end - width, end);
    }
  };
  // Delimiters hug their text: "**a**" is strong, "2 * 3 * 4" is not; "_" only at word edges (snake_case stays).
  delimited(/(^|[^*\w])\*\*(?=[^\s*])(?:[^*\u0000]|\*(?!\*))*?[^\s*]\*\*(?!\*)/g, 2, 'strong');
  delimited(/(^|[^_\w])__(?=[^\s_])[^\u0000]*?[^\s_]__(?![_\w])/g, 2, 'strong');
  delimited(/(^|[^~])~~(?=\S)[^~\u0000]*?\S~~(?!~)/g, 2, 'del');
  delimited(/(^|[^*\w])\*(?=[^\s*])[^*\u0000]*?[^\s*]\*(?![*\w])/g, 1, 'em');
  delimited(/(^|[^_\w])_(?=[^\s_])[^_\u0000]*?[^\s_]_(?![_\w])/g, 1, 'em');
  return marks.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The text as a reader sees it: hidden markers removed. */
export function visibleText(text: string, marks: InlineMark[] = inlineMarkup(text)): string {
  let out = '';
  let at = 0;
  for (const m of marks.filter((x) => x.kind === 'hide').sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    out += text.slice(at, m.start);
    at = m.end;
  }
  return out + text.slice(at);
}

/** The part of `text` from `start` to `end` as a reader sees it: markers of the whole text hidden. */
export function visibleRange(text: string, start: number, end: number, marks: InlineMark[] = inlineMarkup(text)): string {
  let out = '';
  let at = start;
  for (const m of marks.filter((x) => x.kind === 'hide' && x.end > start && x.start < end).sort((a, b) => a.start - b.start)) {
    if (m.start > at) out += text.slice(at, m.start);
    at = Math.max(at, m.end);
  }
  return at < end ? out + text.slice(at, end) : out;
}
