/** Metadata values as they come from files, cleaned into the shape the store keeps. */
import type { CslType } from '../../shared/csl';

export { isEdtf, toEdtf } from './dates';

/**
 * What a reader finds a file says about itself. `title` … `language` and `tags` are the
 * columns of old; the rest fill the source's CSL item (see citation.ts).
 */
export interface Metadata {
  title?: string;
  /** One string that may name several ("A; B", "A and B"), or a list of names, one each. */
  author?: string | string[];
  editor?: string | string[];
  /** When the work was issued, as written. */
  date?: string;
  /** A URL, or an archive reference ("f. 1562, op. 329"). */
  origin?: string;
  /** Further addresses the file gives for itself, best first: the first that is not a hosting site's wins. */
  urls?: string[];
  language?: string;
  tags?: string[];
  type?: CslType;
  /** When the copy was read or saved, as written. */
  accessed?: string;
  containerTitle?: string;
  publisher?: string;
  publisherPlace?: string;
  page?: string;
  volume?: string;
  issue?: string;
  doi?: string;
  isbn?: string;
  archive?: string;
  archiveLocation?: string;
  note?: string;
}

export function cleanText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(cleanText).filter((v): v is string => !!v);
    return parts.length ? parts.join('; ') : undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
  return s || undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A value as plain text: HTML tags and comments, Markdown emphasis, code marks and link
 * syntax dropped (a link keeps its words), entities decoded, white space folded.
 */
export function cleanPlain(value: unknown): string | undefined {
  const s = cleanText(value);
  if (!s) return undefined;
  const plain = s
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/&(?:#(\d{1,6})|#x([0-9a-f]{1,5})|(amp|lt|gt|quot|apos|nbsp));/gi, (_, d: string, h: string, n: string) =>
      n ? ENTITIES[n.toLowerCase()]! : String.fromCodePoint(d ? Number(d) : parseInt(h, 16)),
    )
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain || undefined;
}

export function cleanTagList(value: unknown): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  const list = Array.isArray(value) ? value : String(value).split(/[,;]/);
  const tags = list.map(cleanText).filter((v): v is string => !!v);
  return tags.length ? tags : undefined;
}

/**
 * A line that says when a page was read: "Retrieved: 2026-11-27", "Accessed 14 February
 * 2022", "Retrieved on 5 March 2024 from https://…", "Date accessed: …", "Abgerufen am …".
 * Its date and the address it names, as written.
 */
export const ACCESSED_LINE =
  /^(?:last )?(?:retrieved|accessed|date accessed|date retrieved|accessed on|abgerufen(?: am)?|consulté(?: le)?)(?: on)?:?\s+(.+?)(?:,?\s+(?:from|at|via)\s+(\S+?))?\.?$/i;

export function accessedLine(line: string): { date: string; url?: string } | undefined {
  const m = ACCESSED_LINE.exec(line.trim());
  if (!m) return undefined;
  const url = m[2] && /^https?:\/\//i.test(m[2]) ? m[2].replace(/[.,;)]+$/, '') : undefined;
  return { date: m[1]!.trim(), ...(url ? { url } : {}) };
}
