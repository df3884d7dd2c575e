/**
 * `.txt`: paragraphs, and an optional e-mail-style header (`Title:`, `Author:` …) as metadata.
 * Within a paragraph: list items (`- `, `* `, `1. `) each become an 'item' passage however
 * their lines are wrapped; a run of `Label: value` lines becomes 'table_row' passages; page
 * chrome of a saved web page ("Skip to main content", cookie notices, `* Link * Link`) and
 * lines that are only an image link become 'apparatus'; a rule (`---`) or a lone `#` none.
 */
import type { Metadata } from './metadata';
import { accessedLine, cleanText } from './metadata';
import type { Span } from './text';
import { factLine, shortFact } from './facts';
import { isChrome } from './furniture';
import { frontMatter } from './markdown';
import { blocks, MAX_PASSAGE_CHARS, splitLong, trimSpan } from './text';

type HeaderKey =
  | 'title'
  | 'author'
  | 'editor'
  | 'date'
  | 'url'
  | 'origin'
  | 'accessed'
  | 'language'
  | 'publisher'
  | 'publisherPlace'
  | 'containerTitle'
  | 'doi'
  | 'isbn'
  | 'archive'
  | 'archiveLocation';

const HEADER_KEYS: Record<string, HeaderKey> = {
  title: 'title',
  author: 'author',
  authors: 'author',
  by: 'author',
  editor: 'editor',
  editors: 'editor',
  date: 'date',
  published: 'date',
  'release date': 'date',
  'date published': 'date',
  origin: 'origin',
  source: 'origin',
  url: 'url',
  link: 'url',
  'canonical url': 'url',
  'original url': 'url',
  retrieved: 'accessed',
  'retrieved on': 'accessed',
  accessed: 'accessed',
  'accessed on': 'accessed',
  'date accessed': 'accessed',
  'date retrieved': 'accessed',
  'last accessed': 'accessed',
  'last retrieved': 'accessed',
  saved: 'accessed',
  language: 'language',
  publisher: 'publisher',
  place: 'publisherPlace',
  'published in': 'containerTitle',
  journal: 'containerTitle',
  website: 'containerTitle',
  site: 'containerTitle',
  doi: 'doi',
  isbn: 'isbn',
  archive: 'archive',
  reference: 'archiveLocation',
  'archive reference': 'archiveLocation',
  'call number': 'archiveLocation',
  fonds: 'archiveLocation',
};

/**
 * `Key: value` lines at the very top of a text, as Project Gutenberg, archives and web
 * clippers write them, and "Retrieved on 27 November 2026" lines without a colon: their
 * metadata and where they end (0 when there is no header). Every address given (Origin:,
 * Source:, URL:, a Retrieved line's "from …") is a candidate for the source's URL; one on a
 * hosting site (where the file was downloaded from) counts only when there is no other.
 */
export function header(text: string): { meta: Metadata; end: number } {
  const meta: Metadata = {};
  const urls: string[] = [];
  let end = 0;
  let at = 0;
  for (const line of text.slice(0, 4000).split('\n').slice(0, 16)) {
    const trimmed = line.trim();
    const m = /^([A-Za-z][A-Za-z ]{0,20}):\s+(.+)$/.exec(trimmed);
    const loose = m ? undefined : accessedLine(trimmed);
    if (!m && !loose) break;
    at += line.length + 1;
    end = Math.min(at, text.length);
    if (loose) {
      meta.accessed ??= loose.date;
      if (loose.url) urls.push(loose.url);
      continue;
    }
    const key = HEADER_KEYS[m![1]!.toLowerCase().trim()];
    const value = cleanText(m![2]);
    if (!key || !value) continue;
    if (key === 'url' || key === 'origin') {
      if (/^https?:\/\//i.test(value)) urls.push(value);
      else if (key === 'origin') meta.origin ??= value;
      continue;
    }
    if (key === 'accessed') {
      const a = accessedLine(`Accessed ${value}`);
      meta.accessed ??= a?.date ?? value;
      if (a?.url) urls.push(a.url);
      continue;
    }
    if (meta[key] === undefined) meta[key] = value;
  }
  if (urls.length) meta.urls = urls;
  return meta.title || meta.author ? { meta, end } : { meta: {}, end: 0 };
}

/**
 * Paragraphs, after the header and any YAML front matter at the top or right after the
 * header (web exports leave it there): those are metadata, not passages. The text keeps
 * them, so offsets stay those of the file.
 */
export function readPlainText(text: string): { meta: Metadata; spans: Span[]; extra: Record<string, unknown> } {
  const head = header(text);
  let end = head.end;
  let meta = head.meta;
  let extra: Record<string, unknown> = {};
  const at = end + /^(?:[ \t]*\n)*/.exec(text.slice(end))![0].length;
  if (text.startsWith('---', at)) {
    const fm = frontMatter(text.slice(at), []);
    // Only a block of keys is front matter: "---\nChapter one\n---" in prose is text.
    const keyed = Object.values(fm.meta).some((v) => v !== undefined && !(Array.isArray(v) && !v.length)) || Object.keys(fm.extra).length > 0;
    if (fm.bodyStart > 0 && keyed) {
      // The header (an archive's record) wins; the front matter fills what it lacks.
      const own = Object.fromEntries(Object.entries(fm.meta).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
      meta = { ...own, ...head.meta };
      // Every address either gives is a candidate: the header's first.
      const urls = [
        ...(head.meta.urls ?? []),
        ...(fm.meta.origin && /^https?:\/\//i.test(fm.meta.origin) ? [fm.meta.origin] : []),
        ...(fm.meta.urls ?? []),
      ];
      if (urls.length) meta.urls = urls;
      if (meta.origin && /^https?:\/\//i.test(meta.origin)) delete meta.origin;
      extra = fm.extra;
      end = at + fm.bodyStart;
    }
  }
  const found: Span[] = [];
  for (const s of blocks(text)) {
    if (s.end <= end) continue;
    if (s.start >= end) found.push(s);
    else {
      const [a, b] = trimSpan(text, end, s.end);
      if (b > a) found.push({ ...s, start: a, end: b });
    }
  }
  return { meta, spans: structure(text, found), extra };
}

/**
 * Whatever may make a block more than a paragraph, tested at each line start with a sticky
 * regex (a loose first test: most prose blocks fail it at once): a marker, a label, an
 * image, a rule, a chrome word; anywhere in a short block, a cookie notice.
 */
const LINE_START = /[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|!\[|\*\*|__|[-*_=#{]{1,3}|\p{Lu}[^:\n]{1,40}:[ \t])/uy;
const CHROME_START =
  /[ \t]*(?:[*•·|>-][ \t]+)*(?:skip|jump|toggle|main|site|open|close|menu|navigation|search|sign|log|subscribe|newsletter|share|tweet|print|e-?mail|advertisement|sponsored|back|scroll|read|continue|related|you|table|contents|hide|show|edit|view|talk|privacy|terms|all|copyright|©|from)\b(?=[^\n]{0,80}(?:\n|$))/iy;

function maybeStructured(text: string, b: Span): boolean {
  let lines = 0;
  for (let at = b.start; at < b.end; lines++) {
    LINE_START.lastIndex = at;
    if (LINE_START.test(text)) return true;
    CHROME_START.lastIndex = at;
    if (CHROME_START.test(text)) return true;
    const nl = text.indexOf('\n', at);
    if (nl < 0 || nl >= b.end) break;
    at = nl + 1;
  }
  // A cookie notice is one short line: a long one-line block is none.
  return (lines > 0 || b.end - b.start <= 400) && text.slice(b.start, b.end).includes('ookie');
}
const ITEM = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)/;
const RULE = /^[ \t]*(?:([-*_=])(?:[ \t]*\1){2,}|#{1,6}|\{:[^}\n]*\})[ \t]*$/;
/** An item that is a link and a few words: "- [Great Purge](https://…)", "* [Title](…) | Author (2016)". */
const LINK_ITEM = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\[[^\]\n]+\]\([^)\n]+\)(.*)$/;
const IMAGE_LINE = /^[ \t]*(?:!\[[^\]\n]*\]\([^)\n]*\)[ \t]*)+(?:\{:[^}\n]*\})?[ \t]*$/;
/** A line that ends a sentence (or a lead-in): what follows it is not its continuation. */
const ENDS = /[.!?:;"”’)\]]$/;

type LineKind = 'text' | 'item' | 'fact' | 'chrome' | 'image' | 'none';

/** The blocks of a plain text as passages of their kinds, long ones split at sentence ends. */
function structure(text: string, found: Span[]): Span[] {
  const out: Span[] = [];
  let heading = '';
  for (let k = 0; k < found.length; k++) {
    const b = found[k]!;
    const block = text.slice(b.start, b.end);
    if (!maybeStructured(text, b)) {
      // A line indented under an item, when each line is a paragraph of its own, continues the item.
      const last = out[out.length - 1];
      if (
        last?.kind === 'item' &&
        text[b.start - 1] !== '\n' &&
        text.lastIndexOf('\n', b.start) === last.end &&
        /^[ \t]/.test(text.slice(text.lastIndexOf('\n', b.start) + 1, b.start + 1))
      ) {
        last.end = b.end;
        continue;
      }
      out.push(b);
      heading = block.length <= 80 && !block.includes('\n') && /^\p{Lu}/u.test(block) && !/[.!?,;]$/.test(block) ? block.replace(/:$/, '') : '';
      continue;
    }
    const pieces = lines(text, b, found[k - 1], found[k + 1], heading);
    out.push(...pieces);
    heading =
      pieces.length === 1 && pieces[0]!.kind === 'paragraph' && block.length <= 80 && !block.includes('\n') && !/[.!?,;]$/.test(block)
        ? block.replace(/:$/, '')
        : pieces.some((p) => p.kind === 'table_row')
          ? heading
          : '';
  }
  const spans: Span[] = [];
  for (const s of out) {
    if (s.kind === 'table_row' || s.end - s.start <= MAX_PASSAGE_CHARS) spans.push(s);
    else for (const piece of splitLong(text, s)) spans.push(piece);
  }
  return spans;
}

/** One block, line by line: items with their wrapped lines, fact rows, chrome and images apart, the rest as paragraphs. */
function lines(text: string, b: Span, before: Span | undefined, after: Span | undefined, heading: string): Span[] {
  const rows: { start: number; end: number; kind: LineKind }[] = [];
  for (let at = b.start; at <= b.end;) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 || nl > b.end ? b.end : nl;
    const line = text.slice(at, lineEnd);
    const prev = rows[rows.length - 1];
    // Only a line that starts afresh can be chrome or a list item: not the wrapped middle of a sentence.
    const fresh = !prev || prev.kind !== 'text' || ENDS.test(text.slice(prev.start, prev.end).trimEnd());
    let kind: LineKind = 'text';
    if (!line.trim()) kind = 'none';
    else if (RULE.test(line)) kind = 'none';
    else if (IMAGE_LINE.test(line)) kind = 'image';
    else if (fresh && isChrome(line)) kind = 'chrome';
    else if (ITEM.test(line) && (fresh || prev?.kind === 'item')) kind = 'item';
    else if (factLine(text, at, lineEnd)) kind = 'fact';
    rows.push({ start: at, end: lineEnd, kind });
    at = lineEnd + 1;
  }
  // Items count only where the list starts the block or follows a lead-in ("Sources:"); facts only as a run.
  const firstItem = rows.findIndex((r) => r.kind === 'item');
  if (
    firstItem > 0 &&
    !/:\s*$/.test(text.slice(rows[firstItem - 1]!.start, rows[firstItem - 1]!.end)) &&
    rows.slice(0, firstItem).some((r) => r.kind === 'text')
  ) {
    for (const r of rows) if (r.kind === 'item') r.kind = 'text';
  }
  const facts = rows.filter((r) => r.kind === 'fact');
  const factRun =
    facts.length >= 2 ||
    (facts.length === 1 &&
      (shortFact(text, factLine(text, facts[0]!.start, facts[0]!.end)!) ||
        (rows.length === 1 && (isFactBlock(text, before) || isFactBlock(text, after)))));
  // A short line over the run is its heading ("Key facts:"), the first header of its rows.
  const lead =
    rows[0]?.kind === 'text' &&
    facts.length >= 2 &&
    rows.slice(1).every((r) => r.kind === 'fact' || r.kind === 'none') &&
    rows[0].end - rows[0].start <= 80
      ? rows[0]
      : undefined;
  if (lead) heading = text.slice(lead.start, lead.end).trim().replace(/:$/, '');
  if (!factRun || rows.some((r) => r.kind === 'text' && r !== lead && facts.length)) for (const r of facts) r.kind = 'text';

  // A list of links points elsewhere: apparatus.
  const items = rows.filter((r) => r.kind === 'item');
  const linkList =
    items.length >= 2 &&
    items.every((r) => {
      const m = LINK_ITEM.exec(text.slice(r.start, r.end));
      return !!m && m[1]!.trim().split(/\s+/).length <= 8;
    });
  const out: Span[] = [];
  const push = (start: number, end: number, kind: Span['kind'], info?: Span['info']) => {
    const [a, c] = trimSpan(text, start, end);
    if (c > a) out.push(info ? { start: a, end: c, kind, info } : { start: a, end: c, kind });
  };
  let open: Span | null = null;
  const close = () => {
    if (open) push(open.start, open.end, open.kind);
    open = null;
  };
  for (const r of rows) {
    if (r.kind === 'text') {
      // A wrapped line continues the item or paragraph before it.
      if (open) open.end = r.end;
      else open = { start: r.start, end: r.end, kind: 'paragraph' };
      continue;
    }
    close();
    if (r.kind === 'item')
      open = { start: r.start + ITEM.exec(text.slice(r.start, r.end))![0].length, end: r.end, kind: linkList ? 'apparatus' : 'item' };
    else if (r.kind === 'fact') {
      const f = factLine(text, r.start, r.end)!;
      push(r.start, r.end, 'table_row', { cells: [f.label, f.value], ...(heading ? { headers: [heading] } : {}) });
    } else if (r.kind === 'chrome' || r.kind === 'image') {
      const last = out[out.length - 1];
      if (last?.kind === 'apparatus' && text.slice(last.end, r.start).trim() === '') last.end = r.end;
      else push(r.start, r.end, 'apparatus');
    }
  }
  close();
  return out;
}

/** Whether a neighbouring block is one fact line: fact sheets written a line to a paragraph. */
function isFactBlock(text: string, b: Span | undefined): boolean {
  return !!b && !text.slice(b.start, b.end).includes('\n') && factLine(text, b.start, b.end) !== null;
}
