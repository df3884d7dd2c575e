/**
 * The kinds of file Sourcebench imports: the one list the importers, the file dialogs, the
 * folder listings, the command line and the renderer's import button all read.
 */
import type { SourceFormat, SourceKind } from './types';

/** Each supported extension (lower case, with its dot), the kind of file it names, and how its text is read. */
export const SOURCE_FILES: readonly { extension: string; format: SourceFormat; kind: SourceKind }[] = [
  { extension: '.txt', format: 'txt', kind: 'text' },
  { extension: '.text', format: 'txt', kind: 'text' },
  { extension: '.md', format: 'md', kind: 'markdown' },
  { extension: '.markdown', format: 'md', kind: 'markdown' },
  { extension: '.html', format: 'html', kind: 'html' },
  { extension: '.htm', format: 'html', kind: 'html' },
  { extension: '.xhtml', format: 'html', kind: 'html' },
  { extension: '.docx', format: 'docx', kind: 'html' },
  { extension: '.pdf', format: 'pdf', kind: 'text' },
  // Photographs and scans: their text is recognised (OCR) or typed after the import.
  { extension: '.png', format: 'image', kind: 'text' },
  { extension: '.jpg', format: 'image', kind: 'text' },
  { extension: '.jpeg', format: 'image', kind: 'text' },
  { extension: '.tif', format: 'image', kind: 'text' },
  { extension: '.tiff', format: 'image', kind: 'text' },
];

/** The supported extensions, with their dots: `.txt`, `.md`, … */
export const EXTENSIONS: readonly string[] = SOURCE_FILES.map((f) => f.extension);

/** The extension of a file name, lower case with its dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  return /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
}

/** What a file's name says it is, when Sourcebench imports that kind of file. */
export function sourceFileOf(fileName: string): { format: SourceFormat; kind: SourceKind } | undefined {
  const ext = extensionOf(fileName);
  return SOURCE_FILES.find((f) => f.extension === ext);
}

/** Whether a file of this name is a page image (a photograph or scan). */
export function isImageFile(fileName: string): boolean {
  return sourceFileOf(fileName)?.format === 'image';
}

/** Whether Sourcebench imports a file of this name. */
export function isSupportedFile(fileName: string): boolean {
  return sourceFileOf(fileName) !== undefined;
}
