/**
 * `.md`: YAML front matter as metadata; the body is kept as written and read by mdast (with
 * GFM: tables, footnotes, strikethrough, autolinks). Each heading, paragraph, list item
 * (nested ones too), paragraph of a block quote and code block becomes a passage whose
 * offsets skip the Markdown marker (`## `, `- `, `> `), so the reader shows clean text
 * without rewriting it. A table gives a 'table_row' passage per body row, a footnote
 * definition `[^8]: …` a 'footnote'; rules, link definitions and bare markup give none.
 * Images standing alone, lists of links, page chrome and what stands under "See also",
 * "References" and their like are 'apparatus'.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import type { PassageInfo, PassageKind } from '../../shared/types';
import type { FactLine } from './facts';
import { factLine, shortFact } from './facts';
import { APPARATUS_HEADING, NOTES_HEADING, isChrome } from './furniture';
import type { Metadata } from './metadata';
import { cleanTagList, cleanText } from './metadata';
import type { CslType } from '../../shared/csl';
import { CSL_TYPES } from '../../shared/csl';

/** Names as front matter writes them: a string, a list of strings, or objects ({family, given}, {name}, {literal}). */
function names(value: unknown): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return cleanText(value);
  const list = Array.isArray(value) ? value : [value];
  const out = list
    .map((v) => {
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.family === 'string') return typeof o.given === 'string' ? `${o.family}, ${o.given}` : o.family;
        return cleanText(o.literal ?? o.name);
      }
      return cleanText(v);
    })
    .filter((v): v is string => !!v);
  return out.length ? out : undefined;
}
import type { Span } from './text';
import { splitLong, trimSpan } from './text';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export interface MarkdownResult {
  body: string;
  meta: Metadata;
  warnings: string[];
  extra: Record<string, unknown>;
  spans: Span[];
}

/** YAML front matter at the start of `raw`: its metadata, other keys, and where the body starts (0 when there is none). */
export function frontMatter(raw: string, warnings: string[]): { meta: Metadata; extra: Record<string, unknown>; bodyStart: number } {
  const m = FRONT_MATTER.exec(raw);
  if (!m) return { meta: {}, extra: {}, bodyStart: 0 };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (err) {
    // Static-site generators accept looser YAML than the standard (a quoted value run over
    // two lines at the margin): read its plain `key: value` lines, as they would.
    data = looseYaml(m[1]!);
    const problem = (err as Error).message.split('\n')[0];
    if (!data) {
      warnings.push(`front matter is not valid YAML (${problem}); it was kept as text`);
      return { meta: {}, extra: {}, bodyStart: 0 };
    }
    warnings.push(`front matter is not valid YAML (${problem}); its plain "key: value" lines were read`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { meta: {}, extra: {}, bodyStart: m[0].length };
  const d = data as Record<string, unknown>;
  const used = new Set<string>();
  const lower = new Map(Object.keys(d).map((k) => [k.toLowerCase().replace(/[-\s]/g, '_'), k]));
  const pick = (...keys: string[]) => {
    for (const k of keys) {
      const key = lower.get(k);
      if (key === undefined) continue;
      used.add(key);
      const v = d[key];
      if (v !== undefined && v !== null && v !== '') return v;
    }
    return undefined;
  };
  const urls = ['url', 'canonical_url', 'canonical', 'original_url', 'source_url', 'permalink', 'link', 'origin', 'source']
    .map((k) => cleanText(pick(k)))
    .filter((v): v is string => !!v && /^https?:\/\//i.test(v));
  const origin = cleanText(pick('origin', 'source'));
  const type = cleanText(pick('csl_type', 'type'));
  const meta: Metadata = {
    title: cleanText(pick('title')),
    author: names(pick('author', 'authors', 'creator', 'creators')),
    editor: names(pick('editor', 'editors')),
    date: cleanText(pick('date', 'published', 'issued', 'date_published', 'year')),
    origin: origin && !/^[a-z][a-z0-9+.-]*:/i.test(origin) ? origin : undefined,
    urls: urls.length ? urls : undefined,
    accessed: cleanText(pick('accessed', 'retrieved', 'date_accessed', 'accessed_on', 'retrieved_on', 'accessdate', 'access_date', 'saved')),
    language: cleanText(pick('language', 'lang')),
    tags: cleanTagList(pick('tags', 'keywords')),
    type: type && (CSL_TYPES as readonly string[]).includes(type) ? (type as CslType) : undefined,
    containerTitle: cleanText(pick('container_title', 'journal', 'publication', 'site_name', 'website', 'newspaper', 'book_title')),
    publisher: cleanText(pick('publisher')),
    publisherPlace: cleanText(pick('publisher_place', 'place')),
    page: cleanText(pick('page', 'pages')),
    volume: cleanText(pick('volume')),
    issue: cleanText(pick('issue', 'number')),
    doi: cleanText(pick('doi')),
    isbn: cleanText(pick('isbn')),
    archive: cleanText(pick('archive')),
    archiveLocation: cleanText(pick('archive_location', 'call_number', 'reference')),
    note: cleanText(pick('note')),
  };
  // A `type` that is not a CSL type (a site generator's) stays with the other keys.
  if (!meta.type && lower.has('type')) used.delete(lower.get('type')!);
  const extra = Object.fromEntries(Object.entries(d).filter(([k]) => !used.has(k)));
  return { meta, extra: JSON.parse(JSON.stringify(extra)) as Record<string, unknown>, bodyStart: m[0].length };
}

/** The `key: value` lines of broken YAML (quotes and trailing comments dropped), or null when there are none. */
function looseYaml(yaml: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const line of yaml.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*):[ \t]+(.+)$/.exec(line);
    if (!kv) continue;
    let value = kv[2]!.trim();
    const quoted = /^(["'])(.*)\1(?:\s+#.*)?$/.exec(value);
    if (quoted) value = quoted[2]!;
    else if (/^["'[{|>]/.test(value))
      continue; // a quoted value that runs on, a list or a block: not a plain line
    else value = value.replace(/\s+#.*$/, '');
    if (value) out[kv[1]!] = value;
  }
  return Object.keys(out).length ? out : null;
}

/** mdast nodes as the block reader sees them: a type, a position, children or a value. */
type Node = {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: Node[];
  value?: string;
  alt?: string | null;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  label?: string | null;
  identifier?: string;
};

/** Offsets of a node in the body: positions are into the segment it was parsed in, which starts at `base`. */
let base = 0;
const startOf = (n: Node) => base + (n.position?.start.offset ?? 0);
const endOf = (n: Node) => base + (n.position?.end.offset ?? 0);

/** A node's words as a reader sees them: text, code, and the alt text of images. */
function words(n: Node): string {
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  if (n.type === 'image') return n.alt ?? '';
  if (n.type === 'break') return '\n';
  return (n.children ?? []).map(words).join('');
}

/** A kramdown attribute list (`{:.float-right}`): markup for a site's generator, no words. */
const IAL = /^\{:[^}]*\}$/;
/** Between links of one line: separators, brackets, punctuation and white space only. */
const SEPARATORS = /^[\s|·•,;:()[\]\\/–—-]*$/;

interface Inline {
  /** Images (or links around an image only), with nothing but white space or attribute lists beside them. */
  images: number;
  links: number;
  /** Words outside links and images. */
  otherWords: string;
  /** A single strong (or emphasis) child holds all the words. */
  onlyStrong: boolean;
  onlyEmphasis: boolean;
}

function inlineShape(children: Node[]): Inline {
  const shape: Inline = { images: 0, links: 0, otherWords: '', onlyStrong: false, onlyEmphasis: false };
  let strong = 0;
  let emphasis = 0;
  let loose = '';
  for (const c of children) {
    if (c.type === 'image' || c.type === 'imageReference') shape.images++;
    else if (
      (c.type === 'link' || c.type === 'linkReference') &&
      (c.children ?? []).every((x) => x.type === 'image' || x.type === 'imageReference' || (x.type === 'text' && !x.value?.trim()))
    ) {
      if (c.children?.length) shape.images++;
      else shape.links++;
    } else if (c.type === 'link' || c.type === 'linkReference') shape.links++;
    else if (c.type === 'strong') {
      strong++;
      shape.otherWords += words(c);
    } else if (c.type === 'emphasis') {
      emphasis++;
      shape.otherWords += words(c);
    } else if (c.type === 'html' || c.type === 'footnoteReference') continue;
    else {
      const w = words(c);
      shape.otherWords += w;
      loose += w;
    }
  }
  const bare = loose.replace(/\s+/g, '');
  shape.onlyStrong = strong === 1 && emphasis === 0 && shape.images + shape.links === 0 && /^:?$/.test(bare);
  shape.onlyEmphasis = emphasis === 1 && strong === 0 && shape.images + shape.links === 0 && /^[.:]?$/.test(bare);
  return shape;
}

const imageOnly = (s: Inline) => s.images > 0 && s.links === 0 && s.otherWords.split('\n').every((l) => !l.trim() || IAL.test(l.trim()));
const linksOnly = (s: Inline) => s.links > 0 && SEPARATORS.test(s.otherWords);
/** A list entry that is a link, perhaps with a few words after it ("[The Gulag Argument](…) | TheFinnishBolshevik (2016)"). */
const linkEntry = (s: Inline) => s.links > 0 && (SEPARATORS.test(s.otherWords) || s.otherWords.trim().split(/\s+/).length <= 8);

interface Section {
  /** Depth of the heading that opened an apparatus section (7 for a bold line standing as a heading); 0 when none is open. */
  depth: number;
  /** Its numbered entries are the notes markers point to. */
  notes: boolean;
}

/** The block reader: mdast of the body in, spans of the body out. */
class Blocks {
  readonly spans: Span[] = [];
  /** The first real (`#` or setext) heading's words, for a title. */
  firstHeading: string | undefined;
  private section: Section = { depth: 0, notes: false };
  private heading = '';

  constructor(private readonly body: string) {}

  private push(start: number, end: number, kind: PassageKind, info?: PassageInfo): Span | null {
    const [a, b] = trimSpan(this.body, start, end);
    if (b <= a) return null;
    const span: Span = info ? { start: a, end: b, kind, info } : { start: a, end: b, kind };
    this.spans.push(span);
    return span;
  }

  private last(): Span | undefined {
    return this.spans[this.spans.length - 1];
  }

  /** What a passage of `kind` becomes inside the current section. */
  private inSection(kind: PassageKind): PassageKind {
    return this.section.depth && kind !== 'heading' && kind !== 'footnote' ? 'apparatus' : kind;
  }

  private enterHeading(depth: number, text: string): void {
    if (this.section.depth && depth <= this.section.depth) this.section = { depth: 0, notes: false };
    const clean = text.replace(/\s+/g, ' ').trim();
    if (APPARATUS_HEADING.test(clean)) this.section = { depth, notes: NOTES_HEADING.test(clean) };
    this.heading = clean.replace(/:$/, '');
  }

  /** One very long line, read by its block marker: `#` a heading, `>` a quote, `-`, `*`, `1.` an item, else a paragraph. */
  longLine(from: number, to: number): void {
    const head = this.body.slice(from, from + 200);
    const marker = /^ {0,3}(?:(#{1,6})[ \t]+|((?:>[ \t]?)+)|((?:[-*+]|\d{1,9}[.)])[ \t]+))/.exec(head);
    const kind: PassageKind = !marker ? 'paragraph' : marker[1] ? 'heading' : marker[2] ? 'quote' : 'item';
    this.push(from + (marker?.[0].length ?? 0), to, kind === 'heading' ? kind : this.inSection(kind));
  }

  blocks(nodes: Node[], context: 'top' | 'quote' | 'item'): void {
    for (const n of nodes) this.block(n, context);
  }

  block(n: Node, context: 'top' | 'quote' | 'item'): void {
    switch (n.type) {
      case 'heading': {
        const kids = n.children ?? [];
        if (!kids.length) return; // a lone "#": nothing to read
        const shape = inlineShape(kids);
        if (imageOnly(shape)) {
          this.push(startOf(n), endOf(n), 'apparatus');
          return;
        }
        const text = words(n);
        this.enterHeading(n.depth ?? 1, text);
        this.firstHeading ??= text.replace(/\s+/g, ' ').trim();
        this.push(startOf(kids[0]!), endOf(kids[kids.length - 1]!), 'heading');
        return;
      }
      case 'paragraph':
        this.paragraph(n, context);
        return;
      case 'blockquote':
        this.blocks(n.children ?? [], 'quote');
        return;
      case 'list':
        this.list(n, context);
        return;
      case 'code':
        this.code(n);
        return;
      case 'table':
        this.table(n);
        return;
      case 'footnoteDefinition': {
        const kids = n.children ?? [];
        if (kids.length) this.push(startOf(kids[0]!), endOf(kids[kids.length - 1]!), 'footnote', { note: n.label ?? n.identifier ?? '' });
        return;
      }
      case 'html': {
        // Markup with words in it is kept as written; tags alone, styles, scripts and comments have none to read.
        const value = n.value ?? '';
        if (/^\s*<(?:style|script|!--)/i.test(value)) return;
        if (!value.replace(/<[^>]*>/g, '').trim()) return;
        this.push(startOf(n), endOf(n), this.inSection(context === 'quote' ? 'quote' : 'paragraph'));
        return;
      }
      default:
        // thematicBreak, definition, yaml: rules and link targets are not text.
        return;
    }
  }

  private paragraph(n: Node, context: 'top' | 'quote' | 'item', itemKind: PassageKind = 'item'): void {
    const kids = n.children ?? [];
    const start = startOf(n);
    const end = endOf(n);
    const shape = inlineShape(kids);
    const base: PassageKind = context === 'quote' ? 'quote' : context === 'item' ? itemKind : 'paragraph';
    const source = this.body.slice(start, end).trim();
    if (!kids.length || IAL.test(source)) return;
    if (imageOnly(shape)) {
      this.push(start, end, 'apparatus');
      return;
    }
    // A figure and its caption in one paragraph: the image line, then the words under it.
    const firstLineEnd = this.body.indexOf('\n', start);
    if (shape.images > 0 && firstLineEnd > 0 && firstLineEnd < end) {
      const head = kids.filter(
        (k) => endOf(k) <= firstLineEnd || (k.type === 'text' && startOf(k) < firstLineEnd && !this.body.slice(startOf(k), firstLineEnd).trim()),
      );
      if (head.length && imageOnly(inlineShape(head))) {
        const rest = kids.filter((k) => !head.includes(k));
        this.push(start, firstLineEnd, 'apparatus');
        const restShape = inlineShape(rest);
        if (!IAL.test(this.body.slice(firstLineEnd, end).trim()))
          this.push(firstLineEnd, end, imageOnly(restShape) ? 'apparatus' : this.inSection('caption'));
        return;
      }
    }
    if (shape.links > 0 && linksOnly(shape) && context !== 'item') {
      this.push(start, end, 'apparatus');
      return;
    }
    if (isChrome(source)) {
      this.push(start, end, 'apparatus');
      return;
    }
    // A bold line standing alone is a heading in all but name ("**Scale**", "**Sources:**").
    if (context === 'top' && shape.onlyStrong && !source.includes('\n') && source.length <= 100) {
      this.enterHeading(7, words(n));
      this.push(start, end, 'heading');
      return;
    }
    // Words in italics right under an image are its caption.
    const previous = this.last();
    if (shape.onlyEmphasis && previous?.kind === 'apparatus' && /^!\[/.test(this.body.slice(previous.start, previous.end))) {
      this.push(start, end, this.inSection('caption'));
      return;
    }
    if (context !== 'item' && this.facts(start, end)) return;
    this.push(start, end, this.inSection(base));
  }

  /** A paragraph whose every line is `Label: value` (two or more, or one bold label): one table row per line. */
  private facts(start: number, end: number): boolean {
    const lines: (FactLine & { line: [number, number] })[] = [];
    for (let at = start; at < end;) {
      const nl = this.body.indexOf('\n', at);
      const lineEnd = nl < 0 || nl > end ? end : nl;
      const fact = factLine(this.body, at, lineEnd);
      if (!fact) return false;
      lines.push({ ...fact, line: [at, lineEnd] });
      at = lineEnd + 1;
    }
    // One line alone is a fact only when it is set as one: a bold label and a short value ("**Born**: 1893").
    if (!lines.length || (lines.length === 1 && !shortFact(this.body, lines[0]!))) return false;
    const headers = this.heading ? [this.heading] : undefined;
    for (const f of lines) {
      // The row is the whole line (a bold label's markers stay inside it, balanced); its cells are the words.
      this.push(f.line[0], f.line[1], this.inSection('table_row'), { cells: [f.label, f.value], ...(headers ? { headers } : {}) });
    }
    return true;
  }

  private list(n: Node, context: 'top' | 'quote' | 'item'): void {
    const items = n.children ?? [];
    const firstParagraph = (item: Node) => (item.children ?? []).find((c) => c.type === 'paragraph');
    // A list of links ("See also", a blogroll, a menu) points elsewhere: apparatus, nested lists and all.
    const links =
      items.length > 0 &&
      items.every((item) => {
        const p = firstParagraph(item);
        return !!p && linkEntry(inlineShape(p.children ?? []));
      });
    const saved = this.section;
    if (links && (items.length >= 2 || this.section.depth)) this.section = { depth: saved.depth || 99, notes: saved.notes };
    items.forEach((item, i) => {
      // Numbered entries under "Notes" or "References" are the notes the markers point to.
      const note = this.section.notes && n.ordered ? String((n.start ?? 1) + i) : undefined;
      this.item(item, context, note);
    });
    this.section = saved;
  }

  private item(item: Node, context: 'top' | 'quote' | 'item', note: string | undefined): void {
    const kids = item.children ?? [];
    let i = 0;
    // The item's own words: its first paragraphs (a hard-wrapped item is one), to the first nested block.
    const own: Node[] = [];
    while (i < kids.length && kids[i]!.type === 'paragraph') own.push(kids[i++]!);
    if (own.length) {
      const start = startOf(own[0]!);
      const end = endOf(own[own.length - 1]!);
      const source = this.body.slice(start, end);
      if (note) this.push(start, end, 'footnote', { note });
      else if (own.length === 1) this.paragraph(own[0]!, 'item', isChrome(source) ? 'apparatus' : 'item');
      else this.push(start, end, this.inSection('item'));
    }
    this.blocks(kids.slice(i), context === 'quote' ? 'quote' : 'item');
  }

  private code(n: Node): void {
    const start = startOf(n);
    const end = endOf(n);
    const raw = this.body.slice(start, end);
    if (!/^ {0,3}(?:`{3,}|~{3,})/.test(raw)) {
      this.push(start, end, this.inSection('code'));
      return;
    }
    const firstNl = raw.indexOf('\n');
    if (firstNl < 0) return;
    const lastNl = raw.lastIndexOf('\n');
    const closed = lastNl > firstNl && /^[ \t>]*(?:`{3,}|~{3,})[ \t]*$/.test(raw.slice(lastNl + 1));
    this.push(start + firstNl + 1, closed ? start + lastNl : end, this.inSection('code'));
  }

  /** One 'table_row' passage per body row, its cells' offsets and the header row's words in `info`. */
  private table(n: Node): void {
    const rows = n.children ?? [];
    const cellRange = (cell: Node): [number, number] => {
      let a = startOf(cell);
      let b = endOf(cell);
      if (this.body[a] === '|') a++;
      if (b > a && this.body[b - 1] === '|' && this.body[b - 2] !== '\\') b--;
      return trimSpan(this.body, a, b);
    };
    const headerCells = (rows[0]?.children ?? []).map(cellRange);
    const headers = headerCells.map(([a, b]) => this.body.slice(a, b));
    const body = rows.length > 1 ? rows.slice(1) : rows;
    for (const row of body) {
      const cells = (row.children ?? []).map(cellRange);
      if (!cells.length) continue;
      const start = cells.find(([a, b]) => b > a)?.[0] ?? cells[0]![0];
      const end = [...cells].reverse().find(([a, b]) => b > a)?.[1] ?? cells[cells.length - 1]![1];
      if (end <= start) continue;
      this.push(start, end, this.inSection('table_row'), rows.length > 1 ? { cells, headers } : { cells });
    }
  }
}

/** Segments are cut near this size, at a blank line where one can be; never longer than SEGMENT_MAX. */
const SEGMENT = 16_384;
const SEGMENT_MAX = 65_536;
/** A segment that is one line longer than this is read by its block marker alone (Blocks.longLine). */
const LONG_LINE = 8_192;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The body cut into segments that mdast reads one at a time: at blank lines outside fenced
 * code and before a line at the margin (an indented line may continue a list item or a
 * footnote); failing that at a line end, failing that at a space. micromark's time grows
 * faster than the length of what it reads in some shapes (thousands of lines in one
 * paragraph, long runs of brackets): segments keep every call small. A cut only parts what
 * is longer than a passage anyway.
 */
function segments(body: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let fence: string | null = null;
  let safe = -1;
  let lineEnd = -1;
  for (let at = 0; at < body.length;) {
    const nl = body.indexOf('\n', at);
    const end = nl < 0 ? body.length : nl;
    const line = body.slice(at, Math.min(end, at + 64));
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]!.startsWith(fence)) fence = null;
    } else if (f) fence = f[1]!.slice(0, 3);
    else if (at > from && !line.trim() && end < body.length && !/^[ \t]/.test(body.slice(end + 1, end + 2))) safe = end + 1;
    if (end - from > SEGMENT_MAX) {
      // No blank line to cut at: a line end, else a space, else anywhere.
      let cut = safe > from ? safe : lineEnd > from ? lineEnd : body.lastIndexOf(' ', from + SEGMENT_MAX);
      if (cut <= from) cut = from + SEGMENT_MAX;
      out.push([from, cut]);
      from = cut;
      safe = -1;
      lineEnd = -1;
      at = cut;
      continue;
    }
    if (safe > from && safe - from >= SEGMENT && !fence) {
      out.push([from, safe]);
      from = safe;
      safe = -1;
    }
    lineEnd = end + 1;
    at = end + 1;
  }
  if (from < body.length || !out.length) out.push([from, body.length]);
  return out;
}

/** Markup characters whose long runs make micromark slow; past this share of a segment they are read as letters. */
const NOISY = /[[\]<>*_`~\\&!|^]/g;
/** Containers (quotes, list items) nested deeper than this on one line are read as text: deep nesting overflows mdast's stack. */
const MAX_NESTING = 16;
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;

/** What mdast reads of a segment: the same length (offsets hold), pathological shapes defused. */
function defused(segment: string): string {
  let out = segment.replace(CONTAINERS, (prefix) => {
    let depth = 0;
    return prefix.replace(/>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])/g, (m) => (++depth > MAX_NESTING ? ' '.repeat(m.length) : m));
  });
  const noisy = out.match(NOISY)?.length ?? 0;
  if (noisy > 2000 && noisy > out.length / 8) {
    // Keep each line's first characters (its block markers), read the rest as plain letters.
    out = out.replace(/^(.{0,12})(.*)$/gm, (_m, head: string, rest: string) => head + rest.replace(NOISY, 'x'));
  }
  return out;
}

/**
 * Block structure of a Markdown body (CommonMark and GFM, read by mdast-util-from-markdown),
 * as spans into it: node positions are offsets, so each passage is an exact range of the
 * text as written, starting after its block marker (`## `, `- `, `> `).
 */
function readBlocks(body: string): { spans: Span[]; title: string | undefined } {
  const reader = new Blocks(body);
  const options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
  for (const [from, to] of segments(body)) {
    // One very long line is a paragraph, heading, item or quote by its first characters: its
    // inline markup is the reader's to show, and micromark's time on such lines grows with
    // their shape (runs of brackets, emphasis, autolink literals) as much as their length.
    if (to - from > LONG_LINE && !body.slice(from, to).includes('\n')) {
      reader.longLine(from, to);
      continue;
    }
    const tree = fromMarkdown(defused(body.slice(from, to)), options) as unknown as Node;
    base = from;
    reader.blocks(tree.children ?? [], 'top');
  }
  base = 0;
  const spans = reader.spans.flatMap((s) => (s.kind === 'table_row' ? [s] : splitLong(body, s)));
  return { spans, title: reader.firstHeading };
}

/** Block structure of a Markdown body, as spans into it. */
export function markdownSpans(body: string): Span[] {
  return readBlocks(body).spans;
}

export function readMarkdown(raw: string): MarkdownResult {
  const warnings: string[] = [];
  const { meta, extra, bodyStart } = frontMatter(raw, warnings);
  const body = raw.slice(bodyStart);
  const { spans, title } = readBlocks(body);
  if (!meta.title && title) meta.title = cleanText(title);
  return { body, meta, warnings, extra, spans };
}
