/** Metadata values as they come from files, cleaned into the shape the store keeps. */
import edtf from 'edtf';

export interface Metadata {
  title?: string;
  author?: string;
  date?: string;
  origin?: string;
  language?: string;
  tags?: string[];
}

export function isEdtf(value: string): boolean {
  try {
    edtf(value);
    return true;
  } catch {
    return false;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as EDTF: kept when it already is EDTF; ISO timestamps, `YYYY/MM/DD`, `DD.MM.YYYY`
 * and English month names are converted; anything else gives `undefined`.
 */
export function toEdtf(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!s) return undefined;
  // A timestamp is valid EDTF too, but a source's date is a day at most.
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ]/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (isEdtf(s)) return s;
  m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(s);
  if (m) return check([m[1]!, m[2]!, m[3]]);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return check([m[3]!, m[2]!, m[1]]); // day first, as most of the world writes it
  m = /^(?:(\d{1,2})\s+)?([A-Za-z]{3,})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month >= 0) return check([m[4]!, String(month + 1), m[1] ?? m[3]]);
  }
  return undefined;
}

function check([y, mo, d]: [string, string, string | undefined]): string | undefined {
  const value = [y, mo.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
  return isEdtf(value) ? value : undefined;
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
