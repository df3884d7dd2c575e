/**
 * The shape of the metadata this module reads: standard CSL-JSON items
 * (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), with one allowance:
 * dates may be EDTF strings (`1937`, `1937-05-12`, `1937~`, `193X`, `1936/1938`), as the
 * project's store keeps them, as well as CSL date objects.
 */

/** A personal name, or an institution / a name not to be split (`literal`). */
export interface CslName {
  family?: string;
  given?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** A CSL date: one date-part list, or two for a range; `circa` for an approximate date. */
export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  season?: number | string;
  circa?: boolean | number | string;
  literal?: string;
  raw?: string;
}

/** CSL-JSON item types this module names; any other CSL type string is accepted too. */
export type CslType =
  | 'article'
  | 'article-journal'
  | 'article-magazine'
  | 'article-newspaper'
  | 'book'
  | 'chapter'
  | 'document'
  | 'dataset'
  | 'interview'
  | 'manuscript'
  | 'map'
  | 'personal_communication'
  | 'post-weblog'
  | 'report'
  | 'speech'
  | 'thesis'
  | 'webpage'
  | (string & {});

/**
 * An item as given to the formatter, the key maker and the matcher. No index signature, so
 * that any interface with these standard fields (and others) can be passed; fields not named
 * here are still handed on to citeproc and into CSL-JSON output.
 */
export interface CiteInput {
  id?: string | number;
  type: CslType;
  title?: string;
  'title-short'?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  issued?: string | CslDate;
  accessed?: string | CslDate;
  'container-title'?: string;
  'collection-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  page?: string;
  volume?: string | number;
  issue?: string | number;
  edition?: string | number;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  archive?: string;
  'archive-place'?: string;
  archive_location?: string;
  archive_collection?: string;
  /** The project's own finer places (src/shared/archival.ts): composed into archive_location, never passed on. */
  archive_series?: string;
  archive_box?: string;
  archive_folder?: string;
  archive_item?: string;
  language?: string;
  note?: string;
  'citation-key'?: string;
  ISSN?: string;
  'original-date'?: string | CslDate;
  recipient?: CslName[];
}

/** A CSL-JSON item as handed to citeproc or written to a `.json` bibliography: dates are CSL dates. */
export interface CslJsonItem extends Omit<CiteInput, 'id' | 'issued' | 'accessed' | 'original-date'> {
  id: string;
  issued?: CslDate;
  accessed?: CslDate;
  'original-date'?: CslDate;
  [field: string]: unknown;
}
