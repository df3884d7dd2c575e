/** Limits the UI and main agree on. */
import { ApiError } from './errors';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one source; split it into parts`;
}

/**
 * One `importFiles` request (browser mode's dropped and picked files) carries at most this
 * many files, and at most MAX_FILE_BYTES of them together: the largest file a source may
 * be still travels alone, and a larger drop is sent as a few requests, each its own job.
 */
export const MAX_FILES_PER_REQUEST = 1000;

/** The one check of a file's size: refused with `too_large` (naming the file and its size) when it is over the limit for one source. */
export function checkFileSize(name: string, bytes: number): void {
  if (bytes > MAX_FILE_BYTES) throw new ApiError('too_large', tooLargeMessage(name, bytes));
}

/**
 * Pages in one PDF. A PDF's pages are read one after another, about 70 a second for a dense
 * manual on one core: 5,000 pages is over a minute of reading, and the text of a long book.
 */
export const MAX_PDF_PAGES = 5000;

export function tooManyPagesMessage(name: string, pages: number): string {
  return `${name} has ${pages.toLocaleString('en')} pages, over the ${MAX_PDF_PAGES.toLocaleString('en')}-page limit for one source; split it into parts`;
}

/** A collation sets side by side from two to ten witnesses of one text. */
export const MIN_WITNESSES = 2;
export const MAX_WITNESSES = 10;
