/** Items used by the citation tests. */
import type { CiteInput } from '../../../src/main/cite';

/** A chapter of an edited book, read as a PDF. */
export const chapter: CiteInput = {
  type: 'chapter',
  title: 'Accounting for the Great Terror',
  author: [{ family: 'Kuromiya', given: 'Hiroaki' }],
  editor: [{ family: 'Ilič', given: 'Melanie' }],
  'container-title': "Stalin's Terror Revisited",
  publisher: 'Palgrave Macmillan',
  'publisher-place': 'Basingstoke',
  issued: '2006',
  page: '200-230',
};

/** A web page without a date of its own: the access date is given. */
export const webPage: CiteInput = {
  type: 'webpage',
  title: "Stalin's Lists",
  'container-title': 'Memorial',
  URL: 'https://stalin.memo.ru/',
  accessed: '2024-03-05',
};

/** An archival document: collection, box and folder, repository and its place. */
export const archival: CiteInput = {
  type: 'document',
  title: 'Memorandum on the famine in Kazakhstan',
  issued: '1933-03-03',
  archive: 'Hoover Institution Library & Archives',
  'archive-place': 'Stanford, CA',
  archive_location: 'Boris I. Nicolaevsky Collection, box 231, folder 5',
};

export const book: CiteInput = {
  type: 'book',
  title: 'The Great Terror: A Reassessment',
  author: [{ family: 'Conquest', given: 'Robert' }],
  publisher: 'Oxford University Press',
  'publisher-place': 'New York',
  issued: '1990',
};
