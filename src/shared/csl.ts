/**
 * A source's citation metadata as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html),
 * with one difference in the store: `issued` and `accessed` are EDTF strings (`1937-05-12`,
 * `1936/1938`, `1938~`), turned into CSL `date-parts`/`raw` only when a citation is made.
 * The source's `title`, `author`, `date` and `origin` columns are derived from it (`columnsOf`).
 * Pure data and pure functions: main, the renderer and the CLI share them.
 */
import { archiveLocationOf } from './archival';

/** The CSL item types Sourcebench offers (a subset of CSL 1.0.2's). */
export const CSL_TYPES = [
  'webpage',
  'article-journal',
  'article-newspaper',
  'article-magazine',
  'post-weblog',
  'book',
  'chapter',
  'entry-encyclopedia',
  'report',
  'thesis',
  'paper-conference',
  'manuscript',
  'letter',
  'interview',
  'speech',
  'legislation',
  'map',
  'dataset',
  'document',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

/** A person ({family, given}) or an organisation, or a name that is not to be split ({literal}). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  type: CslType;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  /** EDTF: when the work was issued (published, written, dated). */
  issued?: string;
  /** EDTF: when the copy imported was read or saved. */
  accessed?: string;
  /** The journal, book, newspaper or web site the work is part of. */
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  page?: string;
  volume?: string;
  issue?: string;
  /** http(s) only. */
  URL?: string;
  /** Without `https://doi.org/`: `10.1234/abc`. */
  DOI?: string;
  ISBN?: string;
  /** The archive holding the document (`GARF`, `Hoover Institution Archives`). */
  archive?: string;
  /** Where the archive is (`Stanford, CA`). */
  'archive-place'?: string;
  /** The collection or fonds within the archive (`Boris Nicolaevsky Collection`, `f. R-9401`). */
  archive_collection?: string;
  /**
   * Where in it, as typed (`f. R-9401, op. 2, d. 64`). When it is not typed, a citation
   * composes it from the four fields below (src/shared/archival.ts).
   */
  archive_location?: string;
  /** The project's own, not CSL's: series, box, folder and item within the collection. */
  archive_series?: string;
  archive_box?: string;
  archive_folder?: string;
  archive_item?: string;
  language?: string;
  note?: string;
}

/** The item's text fields, in the order the metadata dialog shows them. */
export const CSL_TEXT_FIELDS = [
  'title',
  'container-title',
  'publisher',
  'publisher-place',
  'volume',
  'issue',
  'page',
  'URL',
  'DOI',
  'ISBN',
  'archive',
  'archive-place',
  'archive_collection',
  'archive_series',
  'archive_box',
  'archive_folder',
  'archive_item',
  'archive_location',
  'language',
  'note',
] as const;
export type CslTextField = (typeof CSL_TEXT_FIELDS)[number];

export const CSL_TYPE_LABELS: Record<CslType, string> = {
  webpage: 'Web page',
  'article-journal': 'Journal article',
  'article-newspaper': 'Newspaper article',
  'article-magazine': 'Magazine article',
  'post-weblog': 'Blog post',
  book: 'Book',
  chapter: 'Book chapter',
  'entry-encyclopedia': 'Encyclopedia entry',
  report: 'Report',
  thesis: 'Thesis',
  'paper-conference': 'Conference paper',
  manuscript: 'Manuscript (archival)',
  letter: 'Letter',
  interview: 'Interview',
  speech: 'Speech',
  legislation: 'Law, decree',
  map: 'Map',
  dataset: 'Data set',
  document: 'Document (other)',
};

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

/** The host of an http(s) URL, without `www.`; null for anything else. */
export function hostOf(value: string | null | undefined): string | null {
  if (!value || !isHttpUrl(value)) return null;
  return new URL(value).hostname.replace(/^www\./i, '').toLowerCase();
}

const DOI = /^10\.\d{4,9}\/\S+$/;

/** A DOI as stored: `https://doi.org/`, `doi:` and the like taken off. Undefined when it is none. */
export function normaliseDoi(value: string): string | undefined {
  const s = value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return DOI.test(s) ? s : undefined;
}

/** Whether `value` is an ISBN-10 or ISBN-13 with a right check digit (hyphens and spaces allowed). */
export function isIsbn(value: string): boolean {
  const s = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (s[i] === 'X' ? 10 : Number(s[i])) * (10 - i);
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += Number(s[i]) * (i % 2 ? 3 : 1);
    return sum % 10 === 0;
  }
  return false;
}

/** A name as written in running text: "Robert Conquest", "Memorial Society". */
export function nameText(n: CslName): string {
  if (n.literal) return n.literal;
  return [n.given, n.family].filter(Boolean).join(' ');
}

/** Names as one display string: "Maria Petrova; Tom Hill". */
export function namesText(names: readonly CslName[] | undefined): string | null {
  const parts = (names ?? []).map(nameText).filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}

/**
 * Where a source came from, in one line: its URL, else its DOI's address, else its archive,
 * collection and place in it (typed, or composed from series, box, folder and item).
 */
export function originOf(csl: CslItem): string | null {
  if (csl.URL) return csl.URL;
  if (csl.DOI) return `https://doi.org/${csl.DOI}`;
  const archive = [csl.archive, csl.archive_collection, archiveLocationOf(csl)].filter(Boolean).join(', ');
  return archive || null;
}

/** The columns the library, search and filters read, as the item gives them. */
export function columnsOf(
  csl: CslItem,
  fallbackTitle: string,
): { title: string; author: string | null; date: string | null; origin: string | null; language: string | null } {
  return {
    title: csl.title || fallbackTitle,
    author: namesText(csl.author) ?? (csl.editor?.length ? `${namesText(csl.editor)} (ed.)` : null),
    date: csl.issued ?? null,
    origin: originOf(csl),
    language: csl.language ?? null,
  };
}
