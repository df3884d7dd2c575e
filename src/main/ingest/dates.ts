/**
 * Source dates as EDTF (Extended Date/Time Format, https://www.loc.gov/standards/datetime/),
 * strictly: levels 0 and 1, and the level-2 forms the `edtf` library parses. The library's
 * own extensions and lenient readings are refused: two-digit centuries (`19`, which it reads
 * as the 1900s, and `37` as the 3700s), three-digit decades (`193`), and strings it does not
 * parse but hands to `Date` (`19370512` became a count of milliseconds in 1970). A source's
 * date is a day at most, so times are refused too (on import they are cut to the day).
 */
import edtf, { parse } from 'edtf';

/** The accepted forms, as shown with every refusal. */
export const EDTF_FORMS =
  'a year, month or day (1937, 1937-05, 1937-05-12); uncertain 1937?, approximate 1937~, both 1937%; ' +
  'unspecified digits 193X (a decade), 19XX (a century), 1937-05-XX; a season 1937-21 (spring); ' +
  'a span 1936/1938, with an open end 1937/.. or ../1938, or an unknown one 1937/ or /1938; ' +
  'one of a set [1936,1938], all of {1936,1938}';

type Node = { type?: string; values?: unknown[]; unspecified?: number; earlier?: boolean; later?: boolean } | null | number | Node[];

function parsed(value: string): { type: string; values: unknown[]; earlier?: boolean; later?: boolean } | null {
  try {
    return parse(value) as { type: string; values: unknown[] };
  } catch {
    return null;
  }
}

/** Why `value` is not a date Sourcebench keeps, or null when it is one. */
export function edtfProblem(value: string): string | null {
  const refuse = (hint?: string) => `"${value}" is not an EDTF date${hint ? ` (${hint})` : ''}. Accepted: ${EDTF_FORMS}.`;
  if (value !== value.trim() || value === '') return refuse();
  if (/^-?\d{2}$/.test(value)) return refuse('a year has four digits: 0037 for the year 37, 19XX for the 1900s');
  if (/^-?\d{3}$/.test(value)) return refuse(`a year has four digits: ${value}X for a decade, 0${value.replace('-', '')} for a year`);
  if (/^\d{3}0s$/.test(value)) return refuse(`for the ${value} write ${value.slice(0, 3)}X`);
  if (/T\d/.test(value)) return refuse(`a source's date is a day at most: ${value.slice(0, value.indexOf('T'))}`);
  const p = parsed(value);
  if (!p || p.type === 'Century' || p.type === 'Decade') {
    const guess = normalise(value);
    return refuse(guess && guess !== value ? `did you mean ${guess}?` : undefined);
  }
  if (p.type === 'Interval' && p.values.every((v) => v === null || v === Infinity || v === -Infinity)) {
    return refuse('a span needs at least one known end');
  }
  try {
    edtf(value); // checks what the grammar does not: that a span does not end before it starts
  } catch {
    return refuse('a span cannot end before it starts');
  }
  return null;
}

export function isEdtf(value: string): boolean {
  return edtfProblem(value) === null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date found on import as EDTF: kept when it already is one; converted when its reading
 * is unambiguous (ISO timestamps and PDF dates `D:19370512…` to the day, `19370512`,
 * `1937/05/12`, `12.05.1937`, English month names, `1930s` → `193X`); otherwise undefined,
 * so that nothing invalid is ever stored.
 */
export function toEdtf(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!s) return undefined;
  if (isEdtf(s)) return s;
  const value = normalise(s);
  return value && isEdtf(value) ? value : undefined;
}

function normalise(s: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ]\d/.exec(s); // a timestamp: a source's date is a day at most
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(?:D:)?(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2})?)?)?(?:Z|[+-]\d{2}'?(?:\d{2}'?)?)?$/.exec(s); // D:19370512…
  if (m) return ymd([m[1]!, m[2]!, m[3]]);
  m = /^D:(\d{4})(\d{2})?$/.exec(s);
  if (m) return ymd([m[1]!, m[2], undefined]);
  m = /^(\d{3})0s$/.exec(s);
  if (m) return `${m[1]}X`;
  m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(s);
  if (m) return ymd([m[1]!, m[2], m[3]]);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return ymd([m[3]!, m[2], m[1]]); // day first, as most of the world writes it
  m = /^(?:(\d{1,2})\s+)?([A-Za-z]{3,})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month >= 0) return ymd([m[4]!, String(month + 1), m[1] ?? m[3]]);
  }
  return undefined;
}

function ymd([y, mo, d]: [string, string | undefined, string | undefined]): string | undefined {
  const value = [y, mo?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
  return parsed(value) ? value : undefined;
}

const OPEN_LO = -9999;
const OPEN_HI = 9999;

/**
 * First and last year an EDTF date can mean, for range filters (overlap: `193X` is
 * 1930–1939 and so overlaps 1936–1938). Open and unknown ends reach ±9999. Dates stored
 * before validation was strict (`193`, `19`) are read as the library reads them, a decade
 * and a century; anything unparseable gives null.
 */
export function yearRange(date: string | null): [number, number] | null {
  if (!date) return null;
  const p = parsed(date.trim());
  if (!p) return null;
  const b = bounds(p as Node);
  return b ? [b[0] === -Infinity ? OPEN_LO : b[0], b[1] === Infinity ? OPEN_HI : b[1]] : null;
}

function bounds(node: Node): [number, number] | null {
  if (node === null || typeof node === 'number') return null;
  if (Array.isArray(node)) {
    // A range inside a set or list: [from, to].
    const [a, b] = node.map(bounds);
    if (!a || !b) return a ?? b ?? null;
    return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
  }
  const values = node.values ?? [];
  switch (node.type) {
    case 'Interval': {
      const [start = null, end = null] = values as Node[];
      const lo = start === null || typeof start === 'number' ? -Infinity : (bounds(start)?.[0] ?? -Infinity);
      const hi = end === null || typeof end === 'number' ? Infinity : (bounds(end)?.[1] ?? Infinity);
      return [lo, hi];
    }
    case 'Set':
    case 'List': {
      const parts = (values as Node[]).map(bounds).filter((b): b is [number, number] => !!b);
      if (!parts.length) return null;
      return [node.earlier ? -Infinity : Math.min(...parts.map((b) => b[0])), node.later ? Infinity : Math.max(...parts.map((b) => b[1]))];
    }
    case 'Century': {
      const c = Number(values[0]) * 100;
      return c < 0 ? [c - 99, c] : [c, c + 99];
    }
    case 'Decade': {
      const d = Number(values[0]) * 10;
      return d < 0 ? [d - 9, d] : [d, d + 9];
    }
    default: {
      // Date, Year, Season: the year, with its unspecified digits (bits 0–3, left to right) 0…9.
      const year = Number(values[0]);
      if (!Number.isFinite(year)) return null;
      const mask = node.unspecified ?? 0;
      if (!(mask & 0b1111)) return [year, year];
      const digits = String(Math.abs(year)).padStart(4, '0').split('');
      const fill = (x: string) => Number(digits.map((c, i) => (mask & (1 << i) ? x : c)).join(''));
      return year < 0 ? [-fill('9'), -fill('0')] : [fill('0'), fill('9')];
    }
  }
}
