/**
 * Passages from cleaned HTML (a web article as Readability leaves it, or a Word file as
 * mammoth converts it). The stored text is the blocks' plain text, blank lines between
 * them, and every passage is an exact range of it:
 *   - headings, paragraphs, list items, block quotes and preformatted code;
 *   - table rows as `cell | cell | cell`, with `info.cells` the cells' offsets and
 *     `info.headers` the column headers (the `<th>` row, else the first row);
 *   - figure and table captions (`caption`);
 *   - footnotes and endnotes (`footnote`): the notes a text's note references point to, or
 *     the items of a notes section; each starts with its label as `[n]`, `info.note` the
 *     label, and the references in the text become the same `[n]` markers;
 *   - apparatus: what follows a "See also", "References", "External links", "Notes" or
 *     "Bibliography" heading, lists whose items are links only, paragraphs that are one
 *     link, and blocks that are only an image (its alt text).
 * With `web`, page furniture Readability can leave behind is dropped: "Skip to content",
 * share and cookie lines, and "Related articles" sections.
 */
import type { PassageInfo, PassageKind } from '../../shared/types';
import type { Span } from './text';
import { splitLong, trimSpan } from './text';

/** The few DOM members the builder reads (linkedom's nodes have them). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  id: string;
  className: string;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  closest(selector: string): DomElement | null;
  contains(other: DomNode): boolean;
}

export interface BlockOptions {
  /** A web page: drop leftover page furniture, and read layout tables as text. */
  web?: boolean;
  /** Finds an element by id anywhere in the document (note references point across the page). */
  byId?: (id: string) => DomElement | null;
}

export interface BlocksResult {
  text: string;
  spans: Span[];
}

interface Block {
  kind: PassageKind;
  text: string;
  /** Offsets of a table row's cells within `text`. */
  cells?: [number, number][];
  headers?: string[];
  note?: string;
}

interface Context {
  kind: PassageKind;
  pre: boolean;
  link: boolean;
  note?: string;
  /** Inside a table cell: blocks run together, separated by spaces. */
  cell: boolean;
  /** The figure has a caption: its image's alt text is not needed. */
  captioned: boolean;
}

const ELEMENT = 1;
const TEXT = 3;
const BR = '\u0000';

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'NAV',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'DIALOG',
  'VIDEO',
  'AUDIO',
  'MAP',
]);
const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
/** Elements that end the text before them and start a block of their own. */
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ADDRESS',
  'CENTER',
  'FIGURE',
  'BODY',
  'HTML',
  'DETAILS',
  'SUMMARY',
  'HGROUP',
  'ASIDE',
  'FORM',
  'FIELDSET',
  'LEGEND',
  'DL',
  'UL',
  'OL',
  'MENU',
  'HR',
  'DT',
  'DD',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'CAPTION',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'THEAD',
  'TBODY',
  'TFOOT',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
]);

/** Headings of the sections around a text rather than in it. */
const APPARATUS_HEADING =
  /^(?:see also|references?|external links?|links|notes?|notes and references|references and notes|footnotes|endnotes|citations|works cited|further reading|bibliography|sources|literature|siehe auch|weblinks|einzelnachweise|literatur|anmerkungen|voir aussi|liens externes|notes et références|références|bibliographie)$/i;
/** Headings of lists of other articles: left out with what follows them. */
const RELATED_HEADING =
  /^(?:related(?: articles?| stories| posts| content| coverage| links| topics)?|more (?:from|on|in|about|like this|stories|articles)\b.*|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| articles| stories)?|read (?:more|next)|most (?:read|popular|viewed)|popular(?: posts| stories| articles)?|trending(?: now)?|latest (?:news|stories|articles)|don'?t miss)$/i;
/** Lines of page furniture a reader mode can leave in. */
const CHROME_LINE =
  /^(?:skip to(?: the)?(?: main)? (?:content|navigation|main|article|search)|skip navigation|jump to(?: navigation| search| content)?|share(?: this)?(?: article| story| page| post)?(?: on (?:facebook|twitter|x|linkedin|whatsapp|email|reddit))?|tweet|email|print(?: this)?(?: article| page| story)?|advertisement|subscribe(?: now)?|sign up for (?:our|the) newsletter\b.*|accept(?: all)?(?: cookies)?|reject all|cookie (?:settings|preferences)|back to top)[.:!]?$/i;
const COOKIE_LINE = /\bcookies?\b/i;
const COOKIE_CONTEXT = /\b(?:accept|consent|privacy (?:policy|settings)|we use|this (?:site|website) uses|by (?:continuing|using))\b/i;
/** How notes name themselves in ids: `fn1`, `footnote-2`, `cite_note-3`, `_ftn4`, `endnote-5`. */
const NOTE_ID = /^(?:_?ftn|_?edn|fn|footnote|endnote|cite_note|note|en)[-_:.]?\d|^(?:footnote|endnote|cite_note)[-_]/i;
const NOTE_CONTAINER = /(?:^|[\s_-])(?:footnotes?|endnotes?|references|reflist|notes)(?:$|[\s_-])/i;
const BACKLINK_CLASS = /(?:^|[\s_-])(?:backlink|footnote-back|fnref|reversefootnote|cite-backlink)(?:$|[\s_-])/i;
const BACK_TEXT = /^(?:[↩↑^⏎⤴]\uFE0E?\uFE0F?|back|return|jump up)$/i;

function alnum(s: string): number {
  let n = 0;
  for (const ch of s) if (/[\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}

function text(node: DomNode): string {
  return node.textContent ?? '';
}

function classAndId(el: DomElement): string {
  return `${el.className || ''} ${el.id || ''}`;
}

/** The note a label names, for the ordinal of a list item in a notes list. */
function itemNumber(li: DomElement): string {
  const value = li.getAttribute('value');
  if (value && /^\d+$/.test(value)) return value;
  const list = li.parentNode as DomElement | null;
  let n = Number(list?.getAttribute?.('start')) || 1;
  const items = list ? Array.from(list.children) : [];
  for (const item of items) {
    if (item === li) break;
    if (item.tagName === 'LI') n++;
  }
  return String(n);
}

/**
 * The notes of a text: elements the text's note references point to, with their labels,
 * and the references themselves.
 */
function findNotes(root: DomElement, byId: (id: string) => DomElement | null): { notes: Map<DomElement, string>; refs: Map<DomElement, string> } {
  const notes = new Map<DomElement, string>();
  const refs = new Map<DomElement, string>();
  const noteOf = (target: DomElement): DomElement | null => {
    const name = target.id || target.getAttribute('name') || '';
    const li = target.tagName === 'LI' ? target : target.closest('li');
    if (li && (NOTE_ID.test(li.id) || NOTE_ID.test(name) || hasNoteContainer(li))) return li;
    // Word's saved web pages: <div id="ftn1"><p><a name="_ftn1">…
    let e: DomElement | null = target;
    for (let depth = 0; e && e.nodeType === ELEMENT && depth < 4; e = e.parentNode as DomElement | null, depth++) {
      if (e.tagName !== 'A' && !HEADINGS[e.tagName] && NOTE_ID.test(e.id || '')) return e;
    }
    return null;
  };
  for (const a of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const id = decodeURIComponent((a.getAttribute('href') ?? '').slice(1));
    if (!id) continue;
    const target = byId(id);
    if (!target || target.contains(a)) continue;
    const note = noteOf(target);
    if (!note || note.contains(a)) continue;
    const written = text(a)
      .trim()
      .replace(/^\[(.*)\]$/, '$1')
      .trim();
    const label =
      written && written.length <= 8 && !/\s{2}/.test(written)
        ? written
        : (notes.get(note) ?? (note.tagName === 'LI' ? itemNumber(note) : String(notes.size + 1)));
    if (!notes.has(note)) notes.set(note, label);
    refs.set(a, notes.get(note)!);
  }
  // Notes sections nothing points to (or whose references were lost): their items are notes too.
  for (const list of Array.from(root.querySelectorAll('ol, ul'))) {
    const container =
      list.closest('[role="doc-endnotes"], [role="doc-footnotes"]') ??
      (NOTE_CONTAINER.test(classAndId(list)) ? list : null) ??
      ancestorNoteContainer(list);
    if (!container) continue;
    for (const li of Array.from(list.children)) {
      if (li.tagName === 'LI' && !notes.has(li) && text(li).trim()) notes.set(li, itemNumber(li));
    }
  }
  return { notes, refs };
}

function hasNoteContainer(el: DomElement): boolean {
  return !!el.closest('[role="doc-endnotes"], [role="doc-footnotes"]') || !!ancestorNoteContainer(el);
}

function ancestorNoteContainer(el: DomElement): DomElement | null {
  for (
    let p = el.parentNode as DomElement | null, depth = 0;
    p && p.nodeType === ELEMENT && depth < 4;
    p = p.parentNode as DomElement | null, depth++
  ) {
    if (p.tagName === 'BODY' || p.tagName === 'ARTICLE' || p.tagName === 'MAIN') return null;
    if (NOTE_CONTAINER.test(classAndId(p))) return p;
  }
  return null;
}

/** Finds elements below `root` by id, from an index made once. */
function idIndex(root: DomElement): (id: string) => DomElement | null {
  let index: Map<string, DomElement> | undefined;
  return (id) => {
    if (!index) {
      index = new Map();
      for (const el of Array.from(root.querySelectorAll('[id], a[name]'))) {
        const key = el.id || el.getAttribute('name') || '';
        if (key && !index.has(key)) index.set(key, el);
      }
    }
    return index.get(id) ?? null;
  };
}

/** A list whose every item is a link and little else. */
function linkOnlyList(list: DomElement): boolean {
  const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
  if (!items.length) return false;
  return items.every((li) => {
    const all = alnum(text(li));
    if (!all) return true;
    let linked = 0;
    for (const a of Array.from(li.querySelectorAll('a'))) linked += alnum(text(a));
    return linked >= all * 0.9;
  });
}

/** A table laid out for looks rather than holding data: read as text, not rows. */
function layoutTable(table: DomElement): boolean {
  const role = table.getAttribute('role');
  if (role === 'presentation' || role === 'none') return true;
  if (table.querySelector('table')) return true;
  if (table.querySelector('th, caption, thead')) return false;
  const rows = Array.from(table.querySelectorAll('tr'));
  const widths = rows.map((r) => Array.from(r.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH').length);
  if (rows.length < 2 || Math.max(...widths) < 2) return true;
  // Long cells of prose are a page's columns, not a table's.
  return Array.from(table.querySelectorAll('td')).some((td) => text(td).length > 600);
}

/** Reads an element's blocks into text and passages. */
export function readBlocks(root: DomElement, options: BlockOptions = {}): BlocksResult {
  const byId = options.byId ?? idIndex(root);
  const { notes, refs } = findNotes(root, byId);
  const blocks: Block[] = [];
  let buffer = '';
  let chars = 0;
  let linkChars = 0;
  let links = 0;
  let alts: string[] = [];
  /** The next footnote block is the first of its note: it starts with the label. */
  let noteStarts = false;
  /** The heading level of the apparatus or related-articles section being read, if any. */
  let apparatusLevel = 0;
  let relatedLevel = 0;
  const linkOnly = new Map<DomElement, boolean>();

  const push = (block: Block) => {
    if (relatedLevel) return;
    if (apparatusLevel && block.kind !== 'heading' && block.kind !== 'footnote' && block.kind !== 'table_row') block.kind = 'apparatus';
    blocks.push(block);
  };

  const flush = (ctx: Context) => {
    const raw = ctx.pre ? buffer.replace(/^\n+|\s+$/g, '') : buffer.replace(/[ \t\n\r\f]+/g, ' ');
    let value = raw
      .split(BR)
      .map((l) => (ctx.pre ? l : l.trim()))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    const wasLinks = links > 0 && chars > 0 && linkChars >= chars * 0.9;
    const images = alts;
    buffer = '';
    chars = linkChars = links = 0;
    alts = [];
    if (!value) {
      if (images.length && !ctx.captioned) push({ kind: 'apparatus', text: images.join(' ') });
      return;
    }
    value = value.normalize('NFC');
    let kind = ctx.kind;
    if (options.web && kind !== 'code' && kind !== 'heading' && value.length < 400) {
      if (CHROME_LINE.test(value) || (COOKIE_LINE.test(value) && COOKIE_CONTEXT.test(value))) return;
    }
    if (kind === 'paragraph' && wasLinks) kind = 'apparatus';
    if (kind === 'footnote' && ctx.note !== undefined) {
      if (noteStarts) {
        noteStarts = false;
        value = `[${ctx.note}] ${value}`;
      }
      push({ kind, text: value, note: ctx.note });
      return;
    }
    push({ kind, text: value });
  };

  const heading = (el: DomElement, ctx: Context) => {
    const level = HEADINGS[el.tagName]!;
    flush(ctx);
    children(el, { ...ctx, kind: 'heading' });
    const value = buffer
      .replace(/[\s\u0000]+/g, ' ')
      .trim()
      .replace(/[:.]$/, '');
    if (relatedLevel && level <= relatedLevel) relatedLevel = 0;
    if (apparatusLevel && level <= apparatusLevel) apparatusLevel = 0;
    if (options.web && RELATED_HEADING.test(value)) {
      buffer = '';
      chars = linkChars = links = 0;
      relatedLevel = level;
      return;
    }
    if (APPARATUS_HEADING.test(value)) apparatusLevel = level;
    flush({ ...ctx, kind: 'heading' });
  };

  const table = (el: DomElement, ctx: Context) => {
    flush(ctx);
    const caption = Array.from(el.children).find((c) => c.tagName === 'CAPTION');
    if (caption) {
      children(caption, { ...ctx, kind: 'caption' });
      flush({ ...ctx, kind: 'caption' });
    }
    const rows = Array.from(el.querySelectorAll('tr')).filter((r) => r.closest('table') === el);
    let headers: string[] | undefined;
    const rowCells = rows.map((row) => {
      const cells = Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
      return {
        head: cells.length > 0 && (cells.every((c) => c.tagName === 'TH') || row.parentNode?.nodeName === 'THEAD'),
        texts: cells.map((c) => {
          children(c, { ...ctx, kind: 'table_row', cell: true });
          const value = buffer
            .replace(/[\s\u0000]+/g, ' ')
            .trim()
            .normalize('NFC');
          buffer = '';
          chars = linkChars = links = 0;
          alts = [];
          return value;
        }),
      };
    });
    const first = rowCells.find((r) => r.texts.some(Boolean));
    if (first) headers = first.texts;
    for (const row of rowCells) {
      if (!row.texts.some(Boolean)) continue;
      let value = '';
      const cells: [number, number][] = [];
      row.texts.forEach((t, i) => {
        if (i > 0) value += ' | ';
        cells.push([value.length, value.length + t.length]);
        value += t;
      });
      push({ kind: 'table_row', text: value, cells, headers });
    }
  };

  const visit = (node: DomNode, ctx: Context) => {
    if (node.nodeType === TEXT) {
      const t = node.textContent ?? '';
      buffer += t;
      const n = alnum(t);
      chars += n;
      if (ctx.link) linkChars += n;
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const el = node as DomElement;
    const tag = el.tagName;
    if (SKIP.has(tag)) return;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return;
    if (BACKLINK_CLASS.test(el.className || '') || el.getAttribute('role') === 'doc-backlink') return;
    if (tag === 'BR') {
      buffer += ctx.cell ? ' ' : BR;
      return;
    }
    if (tag === 'IMG') {
      const alt = (el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
      if (alt) alts.push(alt);
      return;
    }
    if (tag === 'A') {
      const label = refs.get(el);
      if (label !== undefined) {
        buffer += `[${label}]`;
        return;
      }
      const href = el.getAttribute('href') ?? '';
      if (ctx.kind === 'footnote' && href.startsWith('#')) {
        // The way back to the reference, or the label written as one: the label is written once, before the note.
        const written = text(el).trim();
        if (BACK_TEXT.test(written) || written.replace(/^\[(.*)\]$/, '$1') === ctx.note) return;
      }
      links++;
      children(el, { ...ctx, link: true });
      return;
    }
    if (ctx.cell) {
      // Inside a table cell, blocks are run together.
      if (BLOCK.has(tag)) buffer += ' ';
      children(el, ctx);
      if (BLOCK.has(tag)) buffer += ' ';
      return;
    }
    const note = notes.get(el);
    if (note !== undefined) {
      flush(ctx);
      const inner: Context = { ...ctx, kind: 'footnote', note };
      noteStarts = true;
      children(el, inner);
      flush(inner);
      return;
    }
    if (HEADINGS[tag]) return heading(el, ctx);
    if (tag === 'TABLE' && !(options.web && layoutTable(el))) return table(el, ctx);
    if (!BLOCK.has(tag)) {
      children(el, ctx);
      return;
    }
    flush(ctx);
    const inner = { ...ctx };
    if (tag === 'LI' || tag === 'DT' || tag === 'DD') {
      const list = el.parentNode as DomElement | null;
      let apparatus = false;
      if (list && (list.tagName === 'UL' || list.tagName === 'OL')) {
        if (!linkOnly.has(list)) linkOnly.set(list, linkOnlyList(list));
        apparatus = linkOnly.get(list)!;
      }
      if (ctx.kind !== 'footnote') inner.kind = apparatus ? 'apparatus' : ctx.kind === 'quote' ? 'quote' : 'item';
    } else if (tag === 'BLOCKQUOTE') {
      if (ctx.kind !== 'footnote') inner.kind = 'quote';
    } else if (tag === 'PRE') {
      inner.kind = 'code';
      inner.pre = true;
    } else if (tag === 'FIGCAPTION' || tag === 'CAPTION') {
      inner.kind = 'caption';
    } else if (tag === 'FIGURE') {
      inner.captioned = !!el.querySelector('figcaption');
    } else if (tag === 'TD' || tag === 'TH') {
      inner.kind = ctx.kind === 'table_row' ? 'paragraph' : ctx.kind;
    }
    children(el, inner);
    flush(inner);
  };

  const children = (el: DomNode, ctx: Context) => {
    const list = el.childNodes;
    for (let i = 0; i < list.length; i++) visit(list[i]!, ctx);
  };

  const top: Context = { kind: 'paragraph', pre: false, link: false, cell: false, captioned: false };
  visit(root, top);
  flush(top);
  return assemble(blocks);
}

/** The blocks as one text, blank lines between them, and their passages. */
export function assemble(blocks: Block[]): BlocksResult {
  let out = '';
  const spans: Span[] = [];
  for (const b of blocks) {
    if (out) out += '\n\n';
    const start = out.length;
    out += b.text;
    const [a, e] = trimSpan(out, start, out.length);
    if (e <= a) continue;
    const info: PassageInfo = {};
    if (b.cells) info.cells = b.cells.map(([s, t]) => [start + s, start + t]);
    if (b.headers) info.headers = b.headers;
    if (b.note !== undefined) info.note = b.note;
    const span: Span = { start: a, end: e, kind: b.kind };
    if (Object.keys(info).length) span.info = info;
    if (b.kind === 'table_row') spans.push(span);
    else spans.push(...splitLong(out, span));
  }
  return { text: out, spans };
}
