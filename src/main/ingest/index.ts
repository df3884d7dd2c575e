/** One entry for every format: bytes and a file name in, a source ready to store out. */
import { createHash } from 'node:crypto';
import { ApiError } from '../../shared/errors';
import { checkFileSize } from '../../shared/limits';
import type { SourceFormat, SourceKind } from '../../shared/types';
import { EXTENSIONS, extensionOf, SOURCE_FILES } from '../../shared/formats';
import type { NewSource } from './source';
import { decodeBytes } from './decode';
import { guessMarkdown } from './detect';
import { readDocx } from './docx';
import { declaredCharset } from './html';
import { readMarkdown } from './markdown';
import { columnsOf } from '../../shared/csl';
import { citationOf } from './citation';
import type { Metadata } from './metadata';
import { readPdfSource } from './pdf';
import { readPlainText } from './plaintext';
import type { Span } from './text';
import { normalise, titleFromFileName } from './text';
import { readWebPage } from './web';
import type { PageImage } from './image';
import { readImageSource } from './image';

/** Each supported extension and the kind of text it holds (src/shared/formats.ts is the list). */
export const FORMATS: Record<string, SourceKind> = Object.fromEntries(SOURCE_FILES.map((f) => [f.extension, f.kind]));

/** The kind of file each extension names. */
const FILE_FORMATS: Record<string, SourceFormat> = Object.fromEntries(SOURCE_FILES.map((f) => [f.extension, f.format]));

export function formatOf(fileName: string): SourceKind | undefined {
  return FORMATS[extensionOf(fileName)];
}

export function unsupportedFormat(name: string): ApiError {
  return new ApiError('unsupported_format', `${name}: this kind of file is not supported (Sourcebench imports ${EXTENSIONS.join(', ')})`);
}

export interface ParsedSource {
  source: NewSource;
  warnings: string[];
  /** An image source's pages (photographs, scans). */
  images?: PageImage[];
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads one file's bytes into a source, whatever its format; throws ApiError naming the
 * file on bad input. Binary formats (PDF, Word) are read asynchronously; text formats go
 * through `parseSource`. A scanned PDF becomes an image source of its drawn pages unless
 * `renderScans` is false (then it is a PDF source without text).
 */
export async function readSource(fileName: string, bytes: Uint8Array, options: { renderScans?: boolean } = {}): Promise<ParsedSource> {
  if (FILE_FORMATS[extensionOf(fileName)] === 'pdf') return readPdfSource(fileName, bytes, { render: options.renderScans });
  if (FILE_FORMATS[extensionOf(fileName)] === 'image') return readImageSource(fileName, [{ name: fileName.replace(/^.*[\\/]/, ''), bytes }]);
  const name = fileName.replace(/^.*[\\/]/, '');
  if (extensionOf(name) === '.docx') {
    checkFileSize(name, bytes.length);
    const docx = await readDocx(name, bytes);
    return finish(name, bytes, {
      kind: 'html',
      text: docx.text,
      meta: docx.meta,
      spans: docx.spans,
      extra: docx.extra,
      warnings: docx.warnings,
      encoding: 'utf-8',
    });
  }
  return parseSource(fileName, bytes);
}

/** Reads one text file's bytes into a source; throws ApiError naming the file on bad input. */
export function parseSource(fileName: string, bytes: Uint8Array): ParsedSource {
  const name = fileName.replace(/^.*[\\/]/, '');
  let kind = formatOf(name);
  if (!kind || ['docx', 'pdf', 'image'].includes(FILE_FORMATS[extensionOf(name)] ?? '')) throw unsupportedFormat(name);
  const decoded = decodeBytes(name, bytes, kind === 'html' ? declaredCharset(bytes) : undefined);
  const raw = normalise(decoded.text);
  const warnings: string[] = [];
  let text: string;
  let meta: Metadata;
  let spans: Span[];
  let extra: Record<string, unknown> = {};
  if (kind === 'text') {
    // A .txt written in Markdown is read as Markdown (its file format stays txt).
    const guess = guessMarkdown(raw);
    if (guess.markdown) {
      kind = 'markdown';
      warnings.push(
        `read as Markdown, since it is written in Markdown (${guess.signs.join(', ')}); "Read as" in the reader switches it to plain text`,
      );
    }
  }
  if (kind === 'markdown') {
    const md = readMarkdown(raw);
    ({ meta, spans, extra } = md);
    text = md.body;
    warnings.push(...md.warnings);
  } else if (kind === 'html') {
    ({ text, meta, spans, extra } = readWebPage(raw));
  } else {
    text = raw;
    ({ meta, spans, extra } = readPlainText(raw));
  }
  return finish(name, bytes, { kind, text, meta, spans, extra, warnings, encoding: decoded.encoding });
}

interface Read {
  kind: SourceKind;
  text: string;
  meta: Metadata;
  spans: Span[];
  extra: Record<string, unknown>;
  warnings: string[];
  encoding: string;
}

/** A read file as a source ready to store: empty texts refused, its CSL item made, the columns derived from it. */
function finish(name: string, bytes: Uint8Array, { kind, text, meta, spans, extra, warnings, encoding }: Read): ParsedSource {
  if (spans.length === 0 || text.trim() === '') {
    throw new ApiError('empty_file', `${name} has no readable text`);
  }
  const csl = citationOf({ ...meta, type: meta.type ?? (FILE_FORMATS[extensionOf(name)] === 'html' ? 'webpage' : 'document') }, warnings, extra);
  csl.title ??= titleFromFileName(name);
  const columns = columnsOf(csl, csl.title);
  return {
    warnings,
    source: {
      ...columns,
      csl,
      kind,
      format: FILE_FORMATS[extensionOf(name)],
      fileName: name,
      encoding,
      hash: contentHash(text),
      text,
      bytes: bytes.length,
      tags: meta.tags ?? [],
      meta: extra,
      passages: spans,
    },
  };
}

/** The passages of a stored text read as plain text or as Markdown ("Read as"): offsets into that same text. */
export function passagesAs(as: 'text' | 'markdown', text: string): Span[] {
  if (as === 'text') return readPlainText(text).spans;
  const md = readMarkdown(text);
  // Front matter is not text: the passages start after it, in the text as stored.
  const shift = text.endsWith(md.body) ? text.length - md.body.length : 0;
  return shift
    ? md.spans.map((s) => ({
        ...s,
        start: s.start + shift,
        end: s.end + shift,
        ...(s.info?.cells ? { info: { ...s.info, cells: s.info.cells.map(([a, b]): [number, number] => [a + shift, b + shift]) } } : {}),
      }))
    : md.spans;
}
