/**
 * EDTF date strings (as the store keeps them) to CSL dates (as citeproc and CSL-JSON files want).
 *
 * Handled: `1937`, `1937-05`, `1937-05-12` (a time after `T` is dropped); the qualifiers `?`, `~`
 * and `%` anywhere (CSL can only say "circa", so all three become `circa`); unspecified digits
 * (`193X` → 1930–1939, `19XX` → 1900–1999, `1937-XX` → 1937, `1937-05-XX` → May 1937); seasons
 * (`1937-21` … `1937-24` → spring … winter); intervals (`1936/1938`, `1937-05/1937-07`, and
 * one-sided `1936/..`, which keep only their known end). Anything else that is not empty is
 * kept as the CSL `literal`, to be printed as written.
 */
import type { CslDate } from './types';

type Parts = number[];

interface OneDate {
  /** Earliest and latest date-parts the string allows (the same unless digits are unspecified). */
  from: Parts;
  to: Parts;
  circa: boolean;
  season?: number;
}

const QUALIFIERS = /[?~%]/g;

function parseOne(raw: string): OneDate | null {
  let s = raw.trim();
  const circa = /[?~%]/.test(s);
  s = s.replace(QUALIFIERS, '');
  const t = s.indexOf('T');
  if (t > 0) s = s.slice(0, t);
  const m = /^(-?[0-9X]{4})(?:-([0-9X]{2}))?(?:-([0-9X]{2}))?$/.exec(s);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!y) return null;
  const sign = y.startsWith('-') ? -1 : 1;
  const digits = y.replace('-', '');
  if (/X/.test(digits) && !/^[0-9]*X+$/.test(digits)) return null; // X only as trailing digits
  const yFrom = sign * Number(digits.replace(/X/g, '0'));
  const yTo = sign * Number(digits.replace(/X/g, '9'));
  if (/X/.test(digits)) {
    if (sign < 0) return { from: [yTo], to: [yFrom], circa };
    return { from: [yFrom], to: [yTo], circa };
  }
  if (mo === undefined || /X/.test(mo)) return { from: [yFrom], to: [yFrom], circa };
  const month = Number(mo);
  if (month >= 21 && month <= 24) {
    if (d !== undefined) return null;
    return { from: [yFrom], to: [yFrom], circa, season: month - 20 };
  }
  if (month < 1 || month > 12) return null;
  if (d === undefined || /X/.test(d)) return { from: [yFrom, month], to: [yFrom, month], circa };
  const day = Number(d);
  if (day < 1 || day > 31) return null;
  return { from: [yFrom, month, day], to: [yFrom, month, day], circa };
}

function sameParts(a: Parts, b: Parts): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function toCsl(from: Parts, to: Parts, circa: boolean, season?: number): CslDate {
  const date: CslDate = { 'date-parts': sameParts(from, to) ? [from] : [from, to] };
  if (season !== undefined) date.season = season;
  if (circa) date.circa = true;
  return date;
}

/**
 * An EDTF string as a CSL date; a CSL date object is returned as it is. `null` for nothing
 * (undefined, empty), so that the field is left out rather than shown as "n.d.".
 */
export function edtfToCsl(value: string | CslDate | null | undefined): CslDate | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value;
  const s = value.trim();
  if (!s) return null;
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const left = s.slice(0, slash).trim();
    const right = s.slice(slash + 1).trim();
    const open = (x: string): boolean => x === '' || x === '..';
    const a = open(left) ? null : parseOne(left);
    const b = open(right) ? null : parseOne(right);
    if ((!open(left) && !a) || (!open(right) && !b) || (!a && !b)) return { literal: s };
    if (a && b) return toCsl(a.from, b.to, a.circa || b.circa);
    const one = (a ?? b) as OneDate;
    return toCsl(one.from, one.to, one.circa, one.season);
  }
  const one = parseOne(s);
  if (!one) return { literal: s };
  return toCsl(one.from, one.to, one.circa, one.season);
}

/** The first year of a date (EDTF string or CSL date), if it has one. */
export function yearOf(value: string | CslDate | null | undefined): number | null {
  const date = edtfToCsl(value);
  const y = date?.['date-parts']?.[0]?.[0];
  if (y !== undefined && y !== '' && Number.isFinite(Number(y))) return Number(y);
  const lit = date?.literal ?? date?.raw;
  const m = lit ? /\b(\d{4})\b/.exec(lit) : null;
  return m?.[1] ? Number(m[1]) : null;
}
