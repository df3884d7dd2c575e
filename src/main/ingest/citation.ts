/**
 * What a file says about itself (Metadata) as the source's CSL item: names parsed, dates
 * made EDTF (or left out with a warning), text cleaned of markup, URLs kept only when they
 * are http(s), DOIs and ISBNs only when they are well formed. The URL is the page's own
 * address: where the file names several, a hosting site it was downloaded from (GitHub, a
 * file share) is taken only when nothing else is given.
 */
import type { CslItem, CslName, CslType } from '../../shared/csl';
import { CSL_TYPES, hostOf, isHttpUrl, isIsbn, normaliseDoi } from '../../shared/csl';
import { ApiError } from '../../shared/errors';
import { edtfProblem } from './dates';
import type { Metadata } from './metadata';
import { cleanPlain, toEdtf } from './metadata';
import { parseNames } from './names';

/** Sites that host files rather than publish them: the address a file was downloaded from, not the work's. */
const HOSTING =
  /(?:^|\.)(?:github\.com|githubusercontent\.com|gitlab\.com|bitbucket\.org|codeberg\.org|sourceforge\.net|drive\.google\.com|dropbox\.com|dropboxusercontent\.com|onedrive\.live\.com|1drv\.ms|box\.com|wetransfer\.com|mega\.nz)$/i;

export function isHostingSite(url: string): boolean {
  const host = hostOf(url);
  return !!host && HOSTING.test(host);
}

/** The best of several addresses: the first that is not a hosting site's, else the first. */
export function bestUrl(candidates: readonly (string | undefined)[]): string | undefined {
  const urls = candidates.map((u) => u?.trim()).filter((u): u is string => !!u && isHttpUrl(u));
  return urls.find((u) => !isHostingSite(u)) ?? urls[0];
}

const MAX_FIELD = 2000;

function text(value: unknown): string | undefined {
  const s = cleanPlain(value);
  return s ? s.slice(0, MAX_FIELD) : undefined;
}

/**
 * The CSL item of an imported file. `warnings` receives what was left out and why; `extra`
 * (the source's meta JSON) keeps a date as written when it could not be read.
 */
export function citationOf(meta: Metadata, warnings: string[], extra: Record<string, unknown>): CslItem {
  const csl: CslItem = { type: meta.type && (CSL_TYPES as readonly string[]).includes(meta.type) ? (meta.type as CslType) : 'document' };
  const title = text(meta.title);
  if (title) csl.title = title;
  const authors = parseNames(meta.author);
  const editors = parseNames(meta.editor);
  const author: CslName[] = authors.author;
  const editor: CslName[] = [...authors.editor, ...editors.author, ...editors.editor];
  if (author.length) csl.author = author;
  if (editor.length) csl.editor = editor;

  if (meta.date) {
    const issued = toEdtf(text(meta.date));
    if (issued) csl.issued = issued;
    else {
      warnings.push(`the date "${meta.date}" is not a date Sourcebench understands; it was left empty`);
      extra.dateAsWritten = meta.date;
    }
  }
  if (meta.accessed) {
    const accessed = toEdtf(text(meta.accessed));
    if (accessed) csl.accessed = accessed;
    else {
      warnings.push(`the date it was retrieved, "${meta.accessed}", is not a date Sourcebench understands; it was left empty`);
      extra.accessedAsWritten = meta.accessed;
    }
  }

  const origin = text(meta.origin);
  const url = bestUrl([origin, ...(meta.urls ?? [])]);
  if (url) csl.URL = url.slice(0, MAX_FIELD);
  const archiveLocation = text(meta.archiveLocation) ?? (origin && !/^[a-z][a-z0-9+.-]*:/i.test(origin) ? origin : undefined);
  const fields: [keyof CslItem, string | undefined][] = [
    ['container-title', text(meta.containerTitle)],
    ['publisher', text(meta.publisher)],
    ['publisher-place', text(meta.publisherPlace)],
    ['volume', text(meta.volume)],
    ['issue', text(meta.issue)],
    ['page', text(meta.page)],
    ['archive', text(meta.archive)],
    ['archive_location', archiveLocation],
    ['language', text(meta.language)],
    ['note', text(meta.note)],
  ];
  for (const [k, v] of fields) if (v) (csl as unknown as Record<string, string>)[k] = v;
  const doi = meta.doi ? normaliseDoi(meta.doi) : undefined;
  if (doi) csl.DOI = doi;
  const isbn = meta.isbn ? text(meta.isbn)?.replace(/^isbn[:\s]*/i, '') : undefined;
  if (isbn && isIsbn(isbn)) csl.ISBN = isbn;
  return csl;
}

/** The CSL item an older source's columns imply (for projects from before CSL items). */
export function citationOfColumns(row: {
  title: string;
  author: string | null;
  date: string | null;
  origin: string | null;
  language?: string | null;
  format?: string | null;
  kind?: string;
}): CslItem {
  const csl = citationOf(
    {
      title: row.title,
      author: row.author ?? undefined,
      origin: row.origin ?? undefined,
      language: row.language ?? undefined,
      type: row.origin && isHttpUrl(row.origin) ? 'webpage' : 'document',
    },
    [],
    {},
  );
  // What was stored was checked then: the title and date are kept as they are.
  if (row.title) csl.title = row.title;
  if (row.date) csl.issued = row.date;
  return csl;
}

/** A citation item as the API receives it (its shape checked by the contract). */
export type CslInput = Omit<CslItem, 'title'> & { title: string };

/**
 * A CSL item from the API, ready to store: empty values dropped, names trimmed, the DOI
 * without its resolver, dates checked as EDTF. Throws ApiError('invalid_request') naming the field.
 */
export function storedCsl(input: CslInput): CslItem {
  const out: Record<string, unknown> = { type: input.type };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'type' || value === undefined) continue;
    if (key === 'author' || key === 'editor') {
      const names = (value as CslName[])
        .map(
          (n) =>
            Object.fromEntries(
              Object.entries(n)
                .map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : v])
                .filter(([, v]) => v),
            ) as CslName,
        )
        .filter((n) => n.family || n.literal);
      if (names.length) out[key] = names;
      continue;
    }
    const s = String(value).normalize('NFC').trim();
    if (!s) continue;
    out[key] = key === 'note' ? s : s.replace(/\s+/g, ' ');
  }
  if (typeof out.DOI === 'string') out.DOI = normaliseDoi(out.DOI);
  for (const key of ['issued', 'accessed'] as const) {
    const date = out[key];
    if (typeof date !== 'string') continue;
    const problem = edtfProblem(date);
    if (problem) throw new ApiError('invalid_request', `${key === 'issued' ? 'Date issued' : 'Date accessed'}: ${problem}`);
  }
  if (typeof out.URL === 'string' && !isHttpUrl(out.URL))
    throw new ApiError('invalid_request', `URL: "${out.URL}" must be a web address starting http:// or https://`);
  if (typeof out.ISBN === 'string' && !isIsbn(out.ISBN))
    throw new ApiError('invalid_request', `ISBN: "${out.ISBN}" is not an ISBN with a right check digit`);
  return out as unknown as CslItem;
}
