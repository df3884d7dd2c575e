/** One entry for every format: bytes and a file name in, a source ready to store out. */
import { createHash } from 'node:crypto';
import { ApiError } from '../../shared/errors';
import type { SourceFormat, SourceKind } from '../../shared/types';
import type { NewSource } from '../store/sources';
import { decodeBytes } from './decode';
import { declaredCharset, readHtml } from './html';
import { readMarkdown } from './markdown';
import type { Metadata } from './metadata';
import { toEdtf } from './metadata';
import { readPdfSource } from './pdf';
import { readPlainText } from './plaintext';
import type { Span } from './text';
import { normalise, titleFromFileName } from './text';

export const FORMATS: Record<string, SourceKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'text',
};

/** The kind of file each extension names. */
const FILE_FORMATS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
};

function extensionOf(fileName: string): string {
  return /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
}

export function formatOf(fileName: string): SourceKind | undefined {
  return FORMATS[extensionOf(fileName)];
}

export function unsupportedFormat(name: string): ApiError {
  return new ApiError(
    'unsupported_format',
    `${name}: this kind of file is not supported (Sourcebench imports ${Object.keys(FORMATS).join(', ')})`,
  );
}

export interface ParsedSource {
  source: NewSource;
  warnings: string[];
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads one file's bytes into a source, whatever its format; throws ApiError naming the
 * file on bad input. Binary formats (PDF, Word) are read asynchronously; text formats go
 * through `parseSource`.
 */
export async function readSource(fileName: string, bytes: Uint8Array): Promise<ParsedSource> {
  if (FILE_FORMATS[extensionOf(fileName)] === 'pdf') return readPdfSource(fileName, bytes);
  return parseSource(fileName, bytes);
}

/** Reads one text file's bytes into a source; throws ApiError naming the file on bad input. */
export function parseSource(fileName: string, bytes: Uint8Array): ParsedSource {
  const name = fileName.replace(/^.*[\\/]/, '');
  const kind = formatOf(name);
  if (!kind) throw unsupportedFormat(name);
  const decoded = decodeBytes(name, bytes, kind === 'html' ? declaredCharset(bytes) : undefined);
  const raw = normalise(decoded.text);
  const warnings: string[] = [];
  let text: string;
  let meta: Metadata;
  let spans: Span[];
  let extra: Record<string, unknown> = {};
  if (kind === 'markdown') {
    const md = readMarkdown(raw);
    ({ meta, spans, extra } = md);
    text = md.body;
    warnings.push(...md.warnings);
  } else if (kind === 'html') {
    const html = readHtml(raw);
    ({ text, meta, spans, extra } = html);
  } else {
    text = raw;
    ({ meta, spans, extra } = readPlainText(raw));
  }
  if (spans.length === 0 || text.trim() === '') {
    throw new ApiError('empty_file', `${name} has no readable text`);
  }
  let date: string | undefined;
  if (meta.date) {
    date = toEdtf(meta.date);
    if (!date) {
      warnings.push(`the date "${meta.date}" is not a date Sourcebench understands; it was left empty`);
      extra.dateAsWritten = meta.date;
    }
  }
  return {
    warnings,
    source: {
      title: meta.title ?? titleFromFileName(name),
      author: meta.author ?? null,
      date: date ?? null,
      origin: meta.origin ?? null,
      kind,
      format: FILE_FORMATS[extensionOf(name)],
      language: meta.language ?? null,
      fileName: name,
      encoding: decoded.encoding,
      hash: contentHash(text),
      text,
      bytes: bytes.length,
      tags: meta.tags ?? [],
      meta: extra,
      passages: spans,
    },
  };
}
