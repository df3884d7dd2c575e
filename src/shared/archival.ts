/**
 * Where an archival document is kept, as archives ask for it in a citation: the archive
 * (repository) and its place, the collection or fonds, and the series, box, folder and item.
 *
 * CSL 1.0.2 has variables for the first three (`archive`, `archive-place`,
 * `archive_collection`) and one for the rest together (`archive_location`), which styles print
 * as written (Chicago's notes: "Series 2, Box 14, Folder 3, item 7, Boris Nicolaevsky
 * Collection, Hoover Institution Archives, Stanford, CA"). The finer fields are the
 * project's own: they are kept in the stored item, and `archive_location` is composed from
 * them when the historian has not typed it outright. Pure data and functions: main, the
 * renderer and the CLI share them.
 */
import type { CslItem, CslType } from './csl';

/** The finer places in an archive, from the widest; kept in the stored item, never handed to citeproc. */
export const ARCHIVE_PARTS = ['archive_series', 'archive_box', 'archive_folder', 'archive_item'] as const;
export type ArchivePart = (typeof ARCHIVE_PARTS)[number];

/** How each part is written when archive_location is composed: "Series 2, Box 14, Folder 3, item 7". */
const PART_WORDS: Record<ArchivePart, string> = {
  archive_series: 'Series',
  archive_box: 'Box',
  archive_folder: 'Folder',
  archive_item: 'item',
};

/** The archival fields, in the order a form shows them (CSL's, then the project's finer ones). */
export const ARCHIVAL_FIELDS = ['archive', 'archive-place', 'archive_collection', ...ARCHIVE_PARTS, 'archive_location'] as const;
export type ArchivalField = (typeof ARCHIVAL_FIELDS)[number];

/**
 * The fields a template holds and "Apply to selected sources" sets: the archival ones, and the
 * type and language a day's photographs in one archive share.
 */
export const SHARED_FIELDS = ['type', 'language', ...ARCHIVAL_FIELDS] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];

/** Chosen fields and their values; a field given as '' is cleared. A field left out is left alone. */
export type SharedValues = Partial<Record<Exclude<SharedField, 'type'>, string>> & { type?: CslType };

export const SHARED_FIELD_LABELS: Record<SharedField, string> = {
  type: 'Type',
  language: 'Language',
  archive: 'Archive (repository)',
  'archive-place': 'Archive place',
  archive_collection: 'Collection or fonds',
  archive_series: 'Series',
  archive_box: 'Box',
  archive_folder: 'Folder',
  archive_item: 'Item',
  archive_location: 'Place in the archive, written out',
};

/** Whether a value already starts with its word ("Box 14", "box 14"), so that it is not written twice. */
function labelled(word: string, value: string): boolean {
  return value.toLowerCase().startsWith(`${word.toLowerCase()} `) || value.toLowerCase() === word.toLowerCase();
}

/** archive_location as the finer fields say it: "Series 2, Box 14, Folder 3, item 7"; '' when none is given. */
export function composeArchiveLocation(parts: Partial<Record<ArchivePart, string | undefined>>): string {
  return ARCHIVE_PARTS.map((p) => {
    const v = parts[p]?.trim();
    if (!v) return '';
    return labelled(PART_WORDS[p], v) ? v : `${PART_WORDS[p]} ${v}`;
  })
    .filter(Boolean)
    .join(', ');
}

/** The archive_location a citation prints: the one typed, else the one the finer fields compose; undefined when neither. */
export function archiveLocationOf(csl: Partial<CslItem>): string | undefined {
  return csl.archive_location?.trim() || composeArchiveLocation(csl) || undefined;
}

/**
 * The item as CSL-JSON proper, for citeproc and for CSL-JSON files: archive_location filled
 * from the finer fields when it was not typed, and the finer fields taken out (no CSL style
 * knows them).
 */
export function citable<T extends object>(item: T): T {
  const fields = item as Partial<CslItem> & Record<string, unknown>;
  if (!ARCHIVE_PARTS.some((p) => p in fields)) return item;
  const out: Record<string, unknown> = { ...fields };
  const location = archiveLocationOf(fields);
  for (const p of ARCHIVE_PARTS) delete out[p];
  if (location) out.archive_location = location;
  return out as T;
}

/**
 * A source's item with shared values set: each chosen field replaced ('' removes it), every
 * other field kept. Setting any of the series, box, folder or item (and not archive_location
 * itself) removes an archive_location typed before, so that the finer fields are what the
 * citation prints: they are two ways of saying one place, and the newer one wins.
 */
export function applyShared(csl: CslItem, values: SharedValues): CslItem {
  const out: Record<string, unknown> = { ...csl };
  for (const [k, raw] of Object.entries(values) as [SharedField, string | undefined][]) {
    if (raw === undefined) continue;
    const v = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (k === 'type') {
      if (v) out.type = v as CslType;
      continue;
    }
    if (v) out[k] = v;
    else delete out[k];
  }
  const partsSet = ARCHIVE_PARTS.some((p) => values[p] !== undefined && values[p]!.trim() !== '');
  if (partsSet && values.archive_location === undefined) delete out.archive_location;
  return out as unknown as CslItem;
}

/** Shared values as a template keeps them: trimmed, the empty ones left out, in the fields' order. */
export function templateValues(values: SharedValues): SharedValues {
  const out: Record<string, string> = {};
  for (const k of SHARED_FIELDS) {
    const v = values[k]?.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (v) out[k] = v;
  }
  return out as SharedValues;
}
