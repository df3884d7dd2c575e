/** Metadata values as they come from files, cleaned into the shape the store keeps. */

export { isEdtf, toEdtf } from './dates';

export interface Metadata {
  title?: string;
  author?: string;
  date?: string;
  origin?: string;
  language?: string;
  tags?: string[];
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

export function cleanTagList(value: unknown): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  const list = Array.isArray(value) ? value : String(value).split(/[,;]/);
  const tags = list.map(cleanText).filter((v): v is string => !!v);
  return tags.length ? tags : undefined;
}
