/** `.txt`: paragraphs, and an optional e-mail-style header (`Title:`, `Author:` …) as metadata. */
import type { Metadata } from './metadata';
import { cleanText } from './metadata';
import type { Span } from './text';
import { paragraphs } from './text';

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

/** Reads `Key: value` lines at the very top of a text, as Project Gutenberg and archives write them. */
export function readHeader(text: string): Metadata {
  const meta: Metadata = {};
  for (const line of text.slice(0, 4000).split('\n').slice(0, 12)) {
    const m = /^([A-Za-z][A-Za-z ]{0,20}):\s+(.+)$/.exec(line.trim());
    if (!m) break;
    const key = HEADER_KEYS[m[1]!.toLowerCase()];
    if (key && key !== 'tags' && meta[key] === undefined) meta[key] = cleanText(m[2]);
  }
  return meta.title || meta.author ? meta : {};
}

export function readPlainText(text: string): { meta: Metadata; spans: Span[] } {
  return { meta: readHeader(text), spans: paragraphs(text) };
}
