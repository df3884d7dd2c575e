/**
 * `.docx`: mammoth turns the document into HTML (its default style map: Word's heading
 * styles become headings; lists, tables, footnotes and endnotes are kept; images are left
 * out but for their alt text), and `readBlocks` reads that HTML into passages. Note
 * references become `[n]` markers in the text, and each note a `footnote` passage that
 * starts with the same `[n]`. Title, author and dates come from the file's core properties
 * (docProps/core.xml), which mammoth does not read.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { ApiError } from '../../shared/errors';
import type { DomElement } from './blocks';
import { readBlocks } from './blocks';
import type { Metadata } from './metadata';
import { cleanText, toEdtf } from './metadata';
import type { Span } from './text';

export interface DocxResult {
  text: string;
  meta: Metadata;
  extra: Record<string, unknown>;
  spans: Span[];
  warnings: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Names Word fills in for whoever installed it: not an author. */
const PLACEHOLDER_AUTHOR = /^(?:user|admin|administrator|windows user|microsoft office user|owner|author|unknown|utilisateur|benutzer)$/i;

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

/** Whether an OLE compound file holds an encrypted Office document (how Word saves a password-protected .docx). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function xmlText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const decoded = value
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  return cleanText(decoded);
}

/** The core properties Word keeps: title, creator, subject, keywords, language, created and modified. */
export function coreProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(
    /<(?:[\w-]+:)?(title|creator|subject|description|keywords|language|created|modified|lastModifiedBy)\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?\1\s*>)/g,
  )) {
    const value = xmlText(m[2]);
    if (value && out[m[1]!] === undefined) out[m[1]!] = value;
  }
  return out;
}

/** A file that is not a Word document Sourcebench can read (another format, or locked). */
function refuse(name: string, why: string): ApiError {
  return new ApiError('unsupported_format', `${name} ${why}`);
}

/** A Word document whose contents cannot be read. */
function damaged(name: string, why: string): ApiError {
  return new ApiError('read_failed', `${name} is damaged: ${why}`);
}

export async function readDocx(name: string, bytes: Uint8Array): Promise<DocxResult> {
  if (bytes.length === 0) throw new ApiError('empty_file', `${name} is empty`);
  if (startsWith(bytes, OLE)) {
    if (isEncryptedPackage(bytes)) {
      throw refuse(
        name,
        'is protected by a password: open it in Word, remove the password (File › Info › Protect Document), save it and import it again',
      );
    }
    throw refuse(name, 'is an old Word document (.doc) with a .docx name: open it in Word or LibreOffice, save it as .docx and import it again');
  }
  if (!startsWith(bytes, ZIP)) {
    throw refuse(name, 'is not a Word document: a .docx file is a ZIP archive, and this file is not one');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (err) {
    throw damaged(name, `its ZIP archive cannot be read (${(err as Error).message})`);
  }
  if (!zip.file('word/document.xml')) {
    if (zip.file('content.xml')) throw refuse(name, 'is an OpenDocument file with a .docx name: save it as .docx and import it again');
    throw refuse(name, 'is a ZIP archive but not a Word document (it has no word/document.xml)');
  }
  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      // Images are left out (their alt text is kept): the text is what is stored.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
    const errors = result.messages.filter((m) => m.type === 'error');
    if (errors.length)
      warnings.push(
        `parts of the document could not be read: ${errors
          .map((m) => m.message)
          .slice(0, 3)
          .join('; ')}`,
      );
  } catch (err) {
    throw damaged(name, (err as Error).message);
  }

  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`) as unknown as { document: { body: DomElement } };
  const { text, spans } = readBlocks(document.body);

  let core: Record<string, string> = {};
  try {
    const xml = await zip.file('docProps/core.xml')?.async('string');
    if (xml) core = coreProperties(xml);
  } catch {
    // A file without readable properties still has its text.
  }
  const firstHeading = spans.find((s) => s.kind === 'heading');
  const title = core.title?.replace(/^Microsoft Word - /, '').replace(/\.docx?$/i, '');
  const author = core.creator && !PLACEHOLDER_AUTHOR.test(core.creator) ? core.creator : undefined;
  const created = toEdtf(core.created);
  const modified = toEdtf(core.modified);
  // The core properties' `created` is when the Word file was made (often from a template, or
  // by a copy), not when its text was written or issued: it is not the date issued. It is
  // kept in the note, where the historian sees it beside the empty date and can move it.
  const meta: Metadata = {
    type: 'document',
    title: cleanText(title) ?? (firstHeading ? cleanText(text.slice(firstHeading.start, firstHeading.end)) : undefined),
    author,
    language: core.language,
    tags: core.keywords
      ? core.keywords
          .split(/[,;]/)
          .map((t) => t.trim())
          .filter(Boolean)
      : undefined,
    note:
      [cleanText(core.subject), cleanText(core.description), created ? `Word file created ${created}` : undefined].filter(Boolean).join('. ') ||
      undefined,
  };
  if (created)
    warnings.push(
      `the Word file was created on ${created}, which may not be the date of its text: the date was left empty (the creation date is in the note); set it in the source's metadata`,
    );
  const extra: Record<string, unknown> = {};
  if (created) extra.created = created;
  if (modified) extra.modified = modified;
  if (core.lastModifiedBy) extra.lastModifiedBy = core.lastModifiedBy;
  if (core.subject) extra.subject = core.subject;
  if (core.description) extra.description = core.description;
  return { text, spans, meta, extra, warnings };
}
