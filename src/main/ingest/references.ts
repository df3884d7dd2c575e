/**
 * A reference manager's items (CSL-JSON, as the citation module reads BibTeX, RIS and
 * CSL-JSON files) as sources' citation metadata: dates made EDTF, names made {family, given}
 * or {literal}, types mapped onto the ones Sourcebench offers, and any value the metadata
 * schema refuses left out (and said), so that one odd field never loses a whole file.
 */
import type { CiteInput, CslDate, CslName as CiteName } from '../cite';
import { referenceCsl } from '../../shared/api';
import type { CslItem, CslName, CslType } from '../../shared/csl';
import { CSL_TYPES, namesText, normaliseDoi } from '../../shared/csl';
import { edtfProblem, toEdtf } from './dates';

/** CSL types Sourcebench does not offer, as the nearest it does. */
const TYPE_MAP: Record<string, CslType> = {
  article: 'article-journal',
  review: 'article-journal',
  'review-book': 'article-journal',
  'article-newspaper': 'article-newspaper',
  'entry-dictionary': 'entry-encyclopedia',
  entry: 'entry-encyclopedia',
  collection: 'book',
  classic: 'book',
  standard: 'report',
  personal_communication: 'letter',
  post: 'webpage',
  software: 'dataset',
  bill: 'legislation',
  regulation: 'legislation',
  treaty: 'legislation',
  hearing: 'document',
  legal_case: 'document',
  pamphlet: 'document',
};

function typeOf(type: string | undefined): CslType {
  if (type && (CSL_TYPES as readonly string[]).includes(type)) return type as CslType;
  return (type && TYPE_MAP[type]) || 'document';
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const s = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  return s || undefined;
}

function nameOf(n: CiteName): CslName | null {
  const literal = text(n.literal);
  if (literal) return { literal };
  const family = [text(n['non-dropping-particle']), text(n.family)].filter(Boolean).join(' ');
  const given = [text(n.given), text(n['dropping-particle'])].filter(Boolean).join(' ');
  const suffix = text(n.suffix);
  // A family name of several words with no given name is an organisation's (BibTeX's {{Memorial Society}}).
  if (family && !given && !suffix && /\s/.test(family)) return { literal: family };
  if (family) return { family, ...(given || suffix ? { given: [given, suffix].filter(Boolean).join(', ') } : {}) };
  // A given name alone is a name not to be split (a mononym, an alias).
  return given ? { literal: given } : null;
}

const pad = (n: number, width: number) => (n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0'));

/** One date-parts list ([y], [y, m], [y, m, d]) as EDTF; null when it is none. */
function partsEdtf(parts: ReadonlyArray<number | string> | undefined, season?: number | string): string | null {
  if (!parts?.length) return null;
  const [y, m, d] = parts.map((p) => (typeof p === 'string' && p.trim() !== '' ? Number(p) : p));
  if (typeof y !== 'number' || !Number.isInteger(y)) return null;
  let out = pad(y, 4);
  const s = Number(season);
  if (typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 12) {
    out += `-${pad(m, 2)}`;
    if (typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 31) out += `-${pad(d, 2)}`;
  } else if (m === undefined && Number.isInteger(s) && s >= 1 && s <= 4) out += `-${20 + s}`;
  return out;
}

/**
 * A CSL date as EDTF: `{date-parts: [[1937, 5, 12]]}` → `1937-05-12`, two lists → `1936/1938`,
 * circa → `1937~` (each end of a range); a literal or raw date as the importers read dates.
 * Undefined when there is nothing to read; `{ problem }` when there is, but it is no date.
 */
export function cslDateToEdtf(value: string | CslDate | undefined): string | { problem: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string')
    return value.trim() ? (toEdtf(value) ?? { problem: `"${value.trim()}" is not a date Sourcebench can read` }) : undefined;
  const circa = value.circa === true || value.circa === 1 || value.circa === 'true' || value.circa === '1';
  const lists = value['date-parts'] ?? [];
  if (lists.length && lists[0]?.length) {
    const from = partsEdtf(lists[0], lists.length === 1 ? value.season : undefined);
    const to = lists.length > 1 ? partsEdtf(lists[1]) : null;
    if (from) {
      const q = circa ? '~' : '';
      const edtf = to && to !== from ? `${from}${q}/${to}${q}` : `${from}${q}`;
      return edtfProblem(edtf) ? { problem: `${JSON.stringify(lists)} is not a date Sourcebench can read` } : edtf;
    }
  }
  const written = text(value.literal) ?? text(value.raw);
  if (!written) return lists.length ? { problem: `${JSON.stringify(lists)} is not a date Sourcebench can read` } : undefined;
  return toEdtf(written) ?? { problem: `"${written}" is not a date Sourcebench can read` };
}

const FIELD_LABELS: Record<string, string> = {
  issued: 'date',
  accessed: 'date accessed',
  'container-title': 'container title',
  'publisher-place': 'place of publication',
  archive_location: 'archive location',
  'archive-place': 'archive place',
  archive_collection: 'archive collection',
};

/** A field's value through the metadata schema: kept when the schema takes it, else the reason. */
function checked(field: keyof typeof referenceCsl.shape, value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  const schema = referenceCsl.shape[field];
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, reason: issue?.message ?? 'refused' };
}

/**
 * An item as a source's CSL item, with what was left out and why. The title is kept as the
 * item gives it (missing when it has none). Fields the metadata has no place for (abstract,
 * ISSN, keywords …) are not kept, and not reported: they are not lost from the file.
 */
export function referenceToCsl(item: CiteInput): { csl: CslItem; dropped: string[] } {
  const dropped: string[] = [];
  const csl: Record<string, unknown> = { type: typeOf(typeof item.type === 'string' ? item.type : undefined) };
  const put = (field: keyof typeof referenceCsl.shape, value: unknown, shown = value) => {
    if (value === undefined || value === '') return;
    const r = checked(field, value);
    if (r.ok) {
      if (r.value !== undefined && r.value !== '') csl[field] = r.value;
    } else dropped.push(`${FIELD_LABELS[field] ?? field} ${typeof shown === 'string' ? `"${shown}"` : JSON.stringify(shown)}: ${r.reason}`);
  };
  put('title', text(item.title));
  for (const role of ['author', 'editor'] as const) {
    const names = (Array.isArray(item[role]) ? item[role] : []).map(nameOf).filter((n): n is CslName => !!n);
    const kept = names.filter((n) => {
      const r = checked(role, [n]);
      if (!r.ok) dropped.push(`${role} ${JSON.stringify(namesText([n]))}: ${r.reason}`);
      return r.ok;
    });
    if (kept.length) put(role, kept.slice(0, 500));
  }
  for (const field of ['issued', 'accessed'] as const) {
    const date = cslDateToEdtf(item[field]);
    if (date === undefined) continue;
    if (typeof date === 'string') put(field, date);
    else dropped.push(`${FIELD_LABELS[field]}: ${date.problem}`);
  }
  for (const field of [
    'container-title',
    'publisher',
    'publisher-place',
    'page',
    'volume',
    'issue',
    'archive',
    'archive-place',
    'archive_collection',
    'archive_location',
    'language',
    'note',
  ] as const) {
    put(field, text((item as unknown as Record<string, unknown>)[field]));
  }
  const url = text(item.URL);
  if (url) put('URL', url);
  const doi = text(item.DOI);
  if (doi) put('DOI', normaliseDoi(doi) ?? doi, doi);
  // A BibTeX isbn field may hold several (print and electronic): the first that is one is kept.
  const isbns =
    text(item.ISBN)
      ?.split(/[\s,;]+(?=[\dXx-]{10,})/)
      .map((s) => s.replace(/^isbn[:\s]*/i, '').trim())
      .filter(Boolean) ?? [];
  if (isbns.length) {
    const good = isbns.find((s) => checked('ISBN', s).ok);
    put('ISBN', good ?? isbns[0]);
  }
  return { csl: csl as unknown as CslItem, dropped };
}

/** The item's title as shown: its own, else its container's, else its citation key, else a stand-in. */
export function referenceTitle(item: CiteInput, csl: CslItem): string {
  return csl.title ?? text(item['title-short']) ?? text(item['citation-key']) ?? 'Untitled reference';
}
