/**
 * `.md`: YAML front matter as metadata; the body is kept as written, and each heading,
 * paragraph, list item, block quote and code block becomes a passage whose offsets skip
 * the Markdown marker (`## `, `- `), so the reader shows clean text without rewriting it.
 */
import { parse as parseYaml } from 'yaml';
import type { Metadata } from './metadata';
import { cleanTagList, cleanText } from './metadata';
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
  const pick = (...keys: string[]) => keys.map((k) => d[k]).find((v) => v !== undefined && v !== null);
  const meta: Metadata = {
    title: cleanText(pick('title')),
    author: cleanText(pick('author', 'authors', 'creator')),
    date: cleanText(pick('date', 'published', 'year')),
    origin: cleanText(pick('origin', 'source', 'url', 'link')),
    language: cleanText(pick('language', 'lang')),
    tags: cleanTagList(pick('tags', 'keywords')),
  };
  const known = new Set(['title', 'author', 'authors', 'creator', 'date', 'published', 'year', 'origin', 'source', 'url', 'link', 'language', 'lang', 'tags', 'keywords']);
  const extra = Object.fromEntries(Object.entries(d).filter(([k]) => !known.has(k)));
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
    else if (/^["'[{|>]/.test(value)) continue; // a quoted value that runs on, a list or a block: not a plain line
    else value = value.replace(/\s+#.*$/, '');
    if (value) out[kv[1]!] = value;
  }
  return Object.keys(out).length ? out : null;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}>[ \t]?/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

/** Block structure of a Markdown body, as spans into it. */
export function markdownSpans(body: string): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  let openLines = 0;
  let fence: { marker: string; start: number } | null = null;
  const close = () => {
    if (open) {
      const [a, b] = trimSpan(body, open.start, open.end);
      if (b > a) spans.push({ ...open, start: a, end: b });
    }
    open = null;
    openLines = 0;
  };
  let pos = 0;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const lineEnd = nl < 0 ? body.length : nl;
    const line = body.slice(pos, lineEnd);
    if (fence) {
      if (line.trim().startsWith(fence.marker)) {
        close();
        spans.push({ start: fence.start, end: pos, kind: 'code' });
        fence = null;
      }
    } else if (line.trim() === '') {
      close();
    } else if (FENCE.test(line)) {
      close();
      fence = { marker: FENCE.exec(line)![1]!, start: lineEnd + 1 };
    } else if (ATX.test(line)) {
      close();
      const start = pos + ATX.exec(line)![0].length;
      const end = pos + line.replace(/[ \t]+#+[ \t]*$/, '').length;
      open = { start, end: Math.max(start, end), kind: 'heading' };
      close();
    } else if (open && openLines === 1 && open.kind === 'paragraph' && SETEXT.test(line)) {
      open.kind = 'heading';
      close();
    } else if (RULE.test(line)) {
      close();
    } else if (ITEM.test(line)) {
      close();
      open = { start: pos + ITEM.exec(line)![0].length, end: lineEnd, kind: 'item' };
      openLines = 1;
    } else if (QUOTE.test(line) && !(open && open.kind === 'quote')) {
      close();
      open = { start: pos + QUOTE.exec(line)![0].length, end: lineEnd, kind: 'quote' };
      openLines = 1;
    } else if (open) {
      open.end = lineEnd;
      openLines++;
    } else {
      open = { start: pos, end: lineEnd, kind: 'paragraph' };
      openLines = 1;
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (fence) spans.push({ start: fence.start, end: body.length, kind: 'code' });
  close();
  return spans
    .map((s) => {
      const [a, b] = trimSpan(body, s.start, s.end);
      return { ...s, start: a, end: b };
    })
    .filter((s) => s.end > s.start)
    .flatMap((s) => splitLong(body, s));
}

export function readMarkdown(raw: string): MarkdownResult {
  const warnings: string[] = [];
  const { meta, extra, bodyStart } = frontMatter(raw, warnings);
  const body = raw.slice(bodyStart);
  const spans = markdownSpans(body);
  if (!meta.title) {
    const firstHeading = spans.find((s) => s.kind === 'heading');
    if (firstHeading) meta.title = cleanText(body.slice(firstHeading.start, firstHeading.end));
  }
  return { body, meta, warnings, extra, spans };
}
