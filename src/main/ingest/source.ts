/** A source as the importers make it, ready to store: its text, its passages and what the file said of itself. */
import type { CslItem } from '../../shared/csl';
import type { SourceFormat, SourceKind } from '../../shared/types';
import type { Span } from './text';

export interface NewSource {
  /** The citation metadata; when absent, made from the columns below. */
  csl?: CslItem;
  title: string;
  author: string | null;
  date: string | null;
  origin: string | null;
  kind: SourceKind;
  /** The kind of file; when absent, the one `kind` implies. */
  format?: SourceFormat;
  language: string | null;
  fileName: string | null;
  encoding: string;
  hash: string;
  text: string;
  bytes: number;
  tags: string[];
  meta: Record<string, unknown>;
  passages: Span[];
}
