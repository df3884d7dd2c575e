/** `.txt`: paragraphs, and an optional e-mail-style header (`Title:`, `Author:` …) as metadata. */
import type { Metadata } from './metadata';
import { cleanText } from './metadata';
import type { Span } from './text';
import { frontMatter } from './markdown';
import { paragraphs, trimSpan } from './text';

const HEADER_KEYS: Record<string, keyof Metadata> = {
  title: 'title',
  author: 'author',
  authors: 'author',
  by: 'author',
  date: 'date',
  published: 'date',
  'release date': 'date',
  origin: 'origin',
  source: 'origin',
  url: 'origin',
  language: 'language',
};

/**
 * `Key: value` lines at the very top of a text, as Project Gutenberg and archives write
 * them: their metadata and where they end (0 when there is no header).
 */
function header(text: string): { meta: Metadata; end: number } {
  const meta: Metadata = {};
  let end = 0;
  let at = 0;
  for (const line of text.slice(0, 4000).split('\n').slice(0, 12)) {
    const m = /^([A-Za-z][A-Za-z ]{0,20}):\s+(.+)$/.exec(line.trim());
    if (!m) break;
    at += line.length + 1;
    end = Math.min(at, text.length);
    const key = HEADER_KEYS[m[1]!.toLowerCase()];
    if (key && key !== 'tags' && meta[key] === undefined) meta[key] = cleanText(m[2]);
  }
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
      extra = fm.extra;
      end = at + fm.bodyStart;
    }
  }
  const spans: Span[] = [];
  for (const s of paragraphs(text)) {
    if (s.end <= end) continue;
    if (s.start >= end) spans.push(s);
    else {
      const [a, b] = trimSpan(text, end, s.end);
      if (b > a) spans.push({ ...s, start: a, end: b });
    }
  }
  return { meta, spans, extra };
}
