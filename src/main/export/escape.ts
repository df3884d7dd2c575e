/**
 * Text from sources and from the historian, made safe in Markdown: CommonMark and GFM render
 * it literally (no heading, list, emphasis, code, link, image, HTML, entity, table or math),
 * and so do Pandoc's and Obsidian's extensions (citations, sub- and superscripts, attributes,
 * `==highlights==`, `%%comments%%`, `#tags`, `[[links]]`). Every export writes imported or
 * user text through these functions and nothing else.
 *
 * How: a backslash before every ASCII punctuation character that can start or end markup
 * anywhere in a line (CommonMark lets any ASCII punctuation be escaped so), and before the
 * few that only matter at the start of a line (`>`, `+`, `-`, `:`, a list number's `.` or `)`).
 * `&` is escaped only where it would start an entity, `:` only before `//`, `.` only after
 * `www`, so that ordinary prose stays readable in the raw file.
 */

/** Characters escaped wherever they stand. */
const ALWAYS = /[\\`*_[\]<|~$^@{}=#]/g;
/** Spaces and tabs (and the other ASCII white space) that Markdown strips or folds. */
const BLANKS = /[ \t\f\v]+/g;
const LINE_BREAK = /\r\n|\r|\n/;

function escapeLine(line: string, lineStart = true): string {
  let s = line
    .replace(/\0/g, '\uFFFD')
    .replace(ALWAYS, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // GFM's autolink literals: `http://`, `www.`, and e-mail addresses (the `@` is escaped above).
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    // Obsidian's comments.
    .replace(/%(?=%)/g, '%\\');
  if (!lineStart) return s;
  // What only means something at the start of a line: block quotes, bullets, Pandoc's
  // definition lists and fenced divs, numbered lists (`1.`, `1)`, and Pandoc's `a.`, `iv)`, `(1)`).
  s = s.replace(/^[>+\-:(]/, '\\$&');
  s = s.replace(/^(\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=[ \t]|$)/, '$1\\$2');
  return s;
}

/**
 * One line of text: line breaks and runs of white space become one space, leading and
 * trailing space goes. `lineStart: false` when it follows other text on its line (after
 * `## ¶ 4 — `, in a citation), where what only matters at a line's start is left alone.
 */
export function escapeInline(text: string | null | undefined, lineStart = true): string {
  if (!text) return '';
  return escapeLine(
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(BLANKS, ' ')
      .trim(),
    lineStart,
  );
}

/**
 * Text that may run over several lines, as Markdown paragraphs: each line break is kept as a
 * hard break (a backslash at the end of the line), blank lines separate paragraphs.
 */
export function escapeLines(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) {
      if (out.length) out.push('');
      out.push(...paragraph.map((l, i) => (i < paragraph.length - 1 ? `${l}\\` : l)));
    }
    paragraph = [];
  };
  for (const raw of text.split(LINE_BREAK)) {
    const line = raw.replace(BLANKS, ' ').trim();
    if (line) paragraph.push(escapeLine(line));
    else flush();
  }
  flush();
  return out;
}

/** Schemes that may become links in an export; anything else is written as text. */
const LINKABLE = new Set(['http:', 'https:', 'sourcebench:']);

/** The URL as it may be linked (normalised, with nothing that could end a link early), or null. */
export function safeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!/^(?:https?|sourcebench):\/\/[^\s]+$/i.test(s)) return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (!LINKABLE.has(url.protocol)) return null;
  if (url.protocol !== 'sourcebench:' && !url.hostname) return null;
  // `href` has spaces, quotes and angle brackets percent-encoded; parentheses would end a
  // Markdown link destination, so they are encoded too.
  return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A link when the URL is http(s) or sourcebench:, else the text, escaped. */
export function linkOrText(raw: string | null | undefined, label?: string): string {
  const url = safeUrl(raw);
  if (!url) return escapeInline(label ? `${label} (${raw ?? ''})` : raw);
  return label ? `[${escapeInline(label)}](${url})` : `<${url}>`;
}

/**
 * A tag as Obsidian accepts it: letters, digits, `_`, `-` and `/`, at least one character
 * not a digit. Apostrophes go (`Dr. Yezhov's order` → `Dr-Yezhovs-order`), every other run
 * of characters becomes `-`, a tag of digits only gets a `y` in front (`1937` → `y1937`).
 * `_` stays only between letters or digits, where it cannot start or end emphasis.
 */
export function obsidianTag(tag: string): string {
  let t = tag
    .normalize('NFC')
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}_\-/]+/gu, '-')
    .replace(/_(?![\p{L}\p{M}\p{N}])|(?<![\p{L}\p{M}\p{N}])_/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/(^|\/)-+|-+(?=\/|$)/g, '$1')
    .replace(/^\/+|\/+$/g, '');
  if (/^\d+$/.test(t)) t = `y${t}`;
  return t;
}
