/**
 * Reading annotations back: a W3C Web Annotation file (Sourcebench's own export or another
 * tool's) or a Hypothesis export, into what the project stores. The file is read here; which
 * source each annotation belongs to and where its quote falls is decided by the caller.
 *
 * Accepted shapes: an `AnnotationCollection` with its first page embedded (`first.items`),
 * an `AnnotationPage` (`items`), one `Annotation`, a bare array of annotations, the
 * Hypothesis API's search result (`rows`) and the Hypothesis client's JSON export
 * (`annotations`). Hypothesis annotations carry the note as Markdown in `text`, tags in
 * `tags` and the page in `uri`, with a W3C target (`target[].selector[]`).
 *
 * A region of a page image (Sourcebench's export of one, or another tool's) is a target with
 * no quote and a Media Fragments `FragmentSelector` (`xywh=pixel:x,y,w,h`, or `xywh=percent:…`
 * converted with the page image's size), or an `SvgSelector` that draws one rectangle. Its
 * page is the `page` of the `sourcebench://open?…&source=<uuid>&page=<n>` link naming the
 * page image, as the export writes it (regions.ts reads the selectors).
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../shared/errors';
import { HIGHLIGHT_COLOURS, MAX_NOTE_BYTES } from '../../shared/notes';
import type { PageImageInfo, Region } from '../../shared/types';
import type { Selector } from '../annotate/anchor';
import { anchor, describe } from '../annotate/anchor';
import { noteFromMarkdown } from '../annotate/note';
import { normaliseUrl } from '../cite/references';
import type { SourceStore } from '../store/sources';
import type { ReadRegion } from './regions';
import { pageOf, readRegion, regionOnPage } from './regions';

/** One annotation read from the file, before it is matched to a source. */
export interface ReadAnnotation {
  /** Its place in the file's list of annotations (0-based). */
  index: number;
  /** Its `id` in the file, when it has one. */
  id: string | null;
  /** The UUID it is stored under: its own (`urn:uuid:…`), else one derived from its id, so that importing again adds nothing. */
  uuid: string;
  /** The UUID of the source a `sourcebench://open?…&source=<uuid>` target names. */
  sourceUuid: string | null;
  /** Web addresses the target names (the target's source, Hypothesis's `uri`). */
  urls: string[];
  /** The quote, when the target has a TextQuoteSelector. */
  quote: { exact: string; prefix: string; suffix: string } | null;
  /** The TextPositionSelector's offsets, and what they count. */
  position: { start: number; end: number; unit: 'points' | 'utf16' } | null;
  /** The rectangle of a page image it marks, when its target is a region rather than words. */
  region: ReadRegion | null;
  /** The note, as Markdown ('' for none). */
  markdown: string;
  tags: string[];
  colour: string;
  created: string | null;
  modified: string | null;
}

export type ReadItem = ReadAnnotation | { index: number; id: string | null; skipped: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const typesOf = (o: Json): string[] => asArray(o.type ?? o['@type']).filter((t): t is string => typeof t === 'string');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the file's annotations; a file that is not JSON, or holds no annotations, is refused naming the file. */
export function readAnnotationFile(name: string, bytes: Uint8Array): ReadItem[] {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ApiError('invalid_request', `${name} is not a JSON file (${(err as Error).message}); nothing was imported`);
  }
  const { items, hypothesis } = itemsOf(name, doc);
  if (items.length && !items.some(looksLikeAnnotation)) {
    throw new ApiError('invalid_request', `${name} holds no annotations: none of its ${items.length} items has a target; nothing was imported`);
  }
  return items.map((item, index) => readItem(item, index, hypothesis));
}

function itemsOf(name: string, doc: unknown): { items: unknown[]; hypothesis: boolean } {
  if (Array.isArray(doc)) return { items: doc, hypothesis: doc.some(isHypothesis) };
  if (isObject(doc)) {
    const types = typesOf(doc);
    if (Array.isArray(doc.rows)) return { items: doc.rows, hypothesis: true };
    if (Array.isArray(doc.annotations) && (doc.export_date !== undefined || doc.client_version !== undefined || doc.annotations.some(isHypothesis))) {
      return { items: doc.annotations, hypothesis: true };
    }
    if (types.includes('AnnotationCollection') || doc.first !== undefined) {
      const pages: unknown[] = [];
      // The embedded first page, and any further embedded pages it links to.
      for (let page = doc.first; page !== undefined && pages.length < 10_000; page = isObject(page) ? page.next : undefined) {
        if (!isObject(page)) {
          if (pages.length) break;
          throw new ApiError(
            'invalid_request',
            `${name} is an annotation collection whose pages are not in the file (its first page is only named: ${String(page).slice(0, 200)}); nothing was imported`,
          );
        }
        pages.push(page);
      }
      return { items: pages.flatMap((p) => asArray((p as Json).items)), hypothesis: false };
    }
    if (types.includes('AnnotationPage') || Array.isArray(doc.items)) return { items: asArray(doc.items), hypothesis: false };
    if (looksLikeAnnotation(doc)) return { items: [doc], hypothesis: isHypothesis(doc) };
  }
  throw new ApiError(
    'invalid_request',
    `${name} holds no annotations: expected a W3C AnnotationCollection, AnnotationPage or Annotation, an array of annotations, or a Hypothesis export; nothing was imported`,
  );
}

function looksLikeAnnotation(v: unknown): boolean {
  return isObject(v) && (v.target !== undefined || typesOf(v).includes('Annotation'));
}

function isHypothesis(v: unknown): boolean {
  return isObject(v) && typeof v.uri === 'string' && Array.isArray(v.target) && v.body === undefined;
}

function readItem(item: unknown, index: number, hypothesisFile: boolean): ReadItem {
  const id = isObject(item) ? (str(item.id) ?? str(item['@id'])) : null;
  if (!looksLikeAnnotation(item)) return { index, id, skipped: 'not an annotation (it has no target)' };
  const a = item as Json;
  const hypothesis = hypothesisFile && isHypothesis(a);
  if (hypothesis && asArray(a.references).length) return { index, id, skipped: 'a reply to another annotation, with no quote of its own' };

  const targets = asArray(a.target);
  const target =
    targets.find((t) => isObject(t) && selectorsOf(t).some((s) => typesOf(s).includes('TextQuoteSelector'))) ?? targets.find(isObject) ?? targets[0];
  const urls: string[] = [];
  let sourceUuid: string | null = null;
  const name = (v: unknown) => str(v) ?? (isObject(v) ? (str(v.id) ?? str(v['@id'])) : null);
  const sourceName = isObject(target) ? name(target.source) : str(target);
  // A region's target names its page image; its `scope` names the source as a text annotation's target does.
  const scopeName = isObject(target) ? name(target.scope) : null;
  for (const address of [sourceName, scopeName, str(a.uri)].map((v) => v?.replace(/#xywh=.*$/, '') ?? null)) {
    if (!address) continue;
    const link = sourcebenchSource(address);
    if (link) sourceUuid ??= link;
    else if (!urls.includes(address)) urls.push(address);
  }

  const selectors = isObject(target) ? selectorsOf(target) : [];
  const quoteSel = selectors.find((s) => typesOf(s).includes('TextQuoteSelector'));
  const posSel = selectors.find((s) => typesOf(s).includes('TextPositionSelector'));
  const quote =
    quoteSel && typeof quoteSel.exact === 'string'
      ? { exact: quoteSel.exact, prefix: str(quoteSel.prefix) ?? '', suffix: str(quoteSel.suffix) ?? '' }
      : null;
  const start = posSel ? Number(posSel.start) : NaN;
  const end = posSel ? Number(posSel.end) : NaN;
  const position =
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start
      ? { start, end, unit: hypothesis ? ('utf16' as const) : ('points' as const) }
      : null;
  let region: ReadRegion | null = null;
  if (!quote?.exact.trim() && !position) {
    const read = readRegion(selectors, sourceName);
    if (typeof read === 'string') return { index, id, skipped: read };
    if (!read) {
      return {
        index,
        id,
        skipped:
          hypothesis || !selectors.length
            ? 'a note on the whole page: it quotes no text'
            : 'its target quotes no text (no TextQuoteSelector or TextPositionSelector)',
      };
    }
    const page = pageOf(sourceName);
    if (typeof page === 'string') return { index, id, skipped: page };
    region = { ...read, page };
  }

  const notes: string[] = [];
  const tags: string[] = [];
  let colour: string | null = colourOf(isObject(target) ? target.styleClass : undefined);
  if (hypothesis) {
    if (str(a.text)?.trim()) notes.push(str(a.text)!.trim());
    for (const t of asArray(a.tags)) if (typeof t === 'string') tags.push(t);
  }
  for (const b of [...asArray(a.body), ...asArray(a.bodyValue)]) {
    if (typeof b === 'string') {
      // `bodyValue` is a plain note; a bare IRI body names something elsewhere, which is not copied.
      if (!/^[a-z][a-z0-9+.-]*:\S*$/i.test(b.trim()) && b.trim()) notes.push(b.trim());
      continue;
    }
    if (!isObject(b)) continue;
    const value = str(b.value) ?? str(b['rdf:value']) ?? '';
    const purposes = asArray(b.purpose).filter((p): p is string => typeof p === 'string');
    if (purposes.includes('tagging')) {
      if (value.trim()) tags.push(value);
    } else if (purposes.includes('highlighting')) {
      colour = colourOf(value) ?? colour;
    } else if (value.trim() && (typesOf(b).includes('TextualBody') || b.value !== undefined)) {
      notes.push(/html/i.test(str(b.format) ?? '') ? htmlToText(value) : value.trim());
    }
  }

  return {
    index,
    id,
    uuid: uuidOf(a, hypothesis),
    sourceUuid,
    urls,
    quote: region ? null : quote?.exact ? quote : null,
    position: region ? null : position,
    region,
    markdown: notes.join('\n\n'),
    tags: [...new Set(tags.map((t) => t.trim().slice(0, 100)).filter(Boolean))].slice(0, 200),
    colour: colour ?? 'yellow',
    created: dateOf(a.created),
    modified: dateOf(a.modified ?? a.updated),
  };
}

function selectorsOf(target: Json): Json[] {
  return asArray(target.selector).filter(isObject);
}

/** A colour the project knows, from a style class (`yellow`, `hl-yellow`) or a highlighting body. */
function colourOf(v: unknown): string | null {
  for (const c of asArray(v)) {
    if (typeof c !== 'string') continue;
    const name = c
      .trim()
      .toLowerCase()
      .replace(/^(hl|highlight|sourcebench)-/, '');
    if ((HIGHLIGHT_COLOURS as readonly string[]).includes(name)) return name;
  }
  return null;
}

/** The source UUID a `sourcebench://open?…&source=<uuid>` link names. */
function sourcebenchSource(address: string): string | null {
  if (!/^sourcebench:/i.test(address)) return null;
  const query = address.slice(address.indexOf('?') + 1);
  const source = address.includes('?') ? new URLSearchParams(query).get('source') : null;
  return source && UUID.test(source) ? source.toLowerCase() : null;
}

function dateOf(v: unknown): string | null {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) return null;
  return new Date(v).toISOString();
}

/**
 * The annotation's own UUID (`urn:uuid:…`), else a name-based one (version 5) from its id —
 * a Hypothesis id as its page on hypothes.is — else from its content: the same file
 * imported twice gives the same UUIDs.
 */
function uuidOf(a: Json, hypothesis: boolean): string {
  const id = str(a.id) ?? str(a['@id']);
  const own = id?.match(/^urn:uuid:([0-9a-f-]{36})$/i)?.[1];
  if (own && UUID.test(own)) return own.toLowerCase();
  if (id?.trim()) return uuidV5(hypothesis && !/^[a-z][a-z0-9+.-]*:/i.test(id) ? `https://hypothes.is/a/${id}` : id);
  return uuidV5(`urn:sourcebench:annotation:${JSON.stringify(a)}`);
}

/** RFC 4122 name-based UUID (SHA-1) in the URL namespace. */
export function uuidV5(name: string): string {
  const ns = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An HTML note's text: paragraphs and line breaks kept, tags dropped, common entities read. */
function htmlToText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<\s*(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return entities[e.toLowerCase()] ?? m;
      const code = /^#x/i.test(e) ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * UTF-16 offsets for code-point offsets into `text` (the inverse of codePointOffsets), in
 * one pass; an offset past the end falls on the end.
 */
export function utf16Offsets(text: string, points: readonly number[]): Map<number, number> {
  const wanted = [...new Set(points)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let unit = 0;
  let count = 0;
  for (const target of wanted) {
    while (count < target && unit < text.length) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      count++;
    }
    out.set(target, unit);
  }
  return out;
}

/** What the import needs to know of the project's sources. */
export interface ImportSources {
  /** The source a UUID names, if any. */
  byUuid(uuid: string): number | null;
  /** The sources whose web address (origin or citation URL) is this one, normalised. */
  byUrl(url: string): number[];
  ids(): number[];
  text(id: number): string;
  title(id: number): string;
  /** Whether the project already has an annotation with this UUID. */
  known(uuid: string): boolean;
  /** A photographed or scanned source's page images (none for any other source). */
  pages(id: number): Pick<PageImageInfo, 'page' | 'width' | 'height'>[];
}

/** The project's sources, their texts read once each and only when needed. */
export function importSources(
  sources: SourceStore,
  known: (uuid: string) => boolean,
  pages: (id: number) => Pick<PageImageInfo, 'page' | 'width' | 'height'>[] = () => [],
): ImportSources {
  const list = sources.list();
  const urls = new Map<string, number[]>();
  for (const s of list) {
    for (const address of new Set([s.origin, sources.csl(s.id).URL])) {
      const url = normaliseUrl(typeof address === 'string' ? address : null);
      if (url && !urls.get(url)?.includes(s.id)) urls.set(url, [...(urls.get(url) ?? []), s.id]);
    }
  }
  const texts = new Map<number, string>();
  const titles = new Map(list.map((s) => [s.id, s.title]));
  return {
    byUuid: (uuid) => sources.idOf(uuid),
    byUrl: (url) => urls.get(url) ?? [],
    ids: () => list.map((s) => s.id),
    text: (id) => {
      if (!texts.has(id)) texts.set(id, sources.text(id));
      return texts.get(id)!;
    },
    title: (id) => titles.get(id) ?? `source ${id}`,
    known,
    pages,
  };
}

/** An annotation ready to be stored: its source, its span (or none, orphaned), its note as an editor state. */
export interface PlannedAnnotation extends Selector {
  index: number;
  uuid: string;
  sourceId: number;
  orphaned: boolean;
  colour: string;
  body: string | null;
  tags: string[];
  createdAt: string | null;
  updatedAt: string | null;
  /** The rectangle of a page image it marks (its text selectors then empty). */
  region: Region | null;
}

export interface ImportPlan {
  planned: PlannedAnnotation[];
  /** By place in the file, with the annotation's `id` when it has one. */
  skipped: { index: number; id?: string; reason: string }[];
  duplicates: number;
}

/**
 * Which source each annotation belongs to, and where its quote falls there. The source is
 * the one its target names — a `sourcebench://` link's UUID, else its web address — else
 * the one the historian chose, else the only source whose text has the quote (its prefix
 * and suffix decide between several). The quote is anchored as after a correction of the
 * text (anchor.ts); one that cannot be placed is kept, orphaned, on its source.
 */
export function planImport(items: ReadItem[], sources: ImportSources, chosen?: number): ImportPlan {
  const plan: ImportPlan = { planned: [], skipped: [], duplicates: 0 };
  const seen = new Set<string>();
  const skip = (item: { index: number; id: string | null }, reason: string) =>
    plan.skipped.push({ index: item.index, ...(item.id ? { id: item.id } : {}), reason });
  for (const item of items) {
    if ('skipped' in item) {
      skip(item, item.skipped);
      continue;
    }
    if (seen.has(item.uuid) || sources.known(item.uuid)) {
      plan.duplicates++;
      continue;
    }
    const found = sourceOf(item, sources, chosen);
    if (typeof found === 'string') {
      skip(item, found);
      continue;
    }
    let placed: (Selector & { orphaned: boolean; region: Region | null }) | string;
    if (item.region) {
      const region = regionOnPage(item.region, sources.title(found), sources.pages(found));
      placed = typeof region === 'string' ? region : { start: 0, end: 0, exact: '', prefix: '', suffix: '', orphaned: false, region };
    } else {
      const onText = place(item, sources.text(found));
      placed = typeof onText === 'string' ? onText : { ...onText, region: null };
    }
    if (typeof placed === 'string') {
      skip(item, placed);
      continue;
    }
    const body = item.markdown ? noteFromMarkdown(item.markdown) : null;
    if (body && Buffer.byteLength(body) > MAX_NOTE_BYTES) {
      skip(item, `its note is too long (more than ${MAX_NOTE_BYTES / 1024 / 1024} MB as stored)`);
      continue;
    }
    seen.add(item.uuid);
    plan.planned.push({
      ...placed,
      index: item.index,
      uuid: item.uuid,
      sourceId: found,
      colour: item.colour,
      body,
      tags: item.tags,
      createdAt: item.created,
      updatedAt: item.modified ?? item.created,
    });
  }
  return plan;
}

/** The source's id, or why none could be chosen. */
function sourceOf(item: ReadAnnotation, sources: ImportSources, chosen?: number): number | string {
  const linked = item.sourceUuid ? sources.byUuid(item.sourceUuid) : null;
  if (linked !== null) return linked;
  const exact = item.quote?.exact;
  for (const address of item.urls) {
    const ids = sources.byUrl(normaliseUrl(address) ?? address);
    // Several sources from one address: the one with the quote, if any.
    if (ids.length) return ids.find((id) => exact && sources.text(id).includes(exact)) ?? ids[0]!;
  }
  if (chosen !== undefined) return chosen;
  const named = [
    item.sourceUuid ? 'its Sourcebench source is not in this project' : '',
    item.urls.length ? `no source comes from ${item.urls[0]}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  if (item.region)
    return `${named || 'its target names no source'}, and a region of a page image has no words to look for; choose the source to import onto`;
  if (!exact) return `${named || 'its target names no source'}, and it has no quote to look for; choose the source to import onto`;
  let having = sources.ids().filter((id) => sources.text(id).includes(exact));
  if (having.length > 1) {
    const withContext = having.filter((id) => sources.text(id).includes(`${item.quote!.prefix}${exact}${item.quote!.suffix}`));
    if (withContext.length) having = withContext;
  }
  if (having.length === 1) return having[0]!;
  const quoted = `“${exact.length > 60 ? `${exact.slice(0, 59)}…` : exact}”`;
  if (!having.length)
    return `${named ? `${named}, and ` : ''}no source's text has the quote ${quoted}; import the source first, or choose the source to import onto`;
  return `the quote ${quoted} is in ${having.length} sources (${having
    .slice(0, 3)
    .map((id) => sources.title(id))
    .join('; ')}${having.length > 3 ? '…' : ''}); choose the source to import onto`;
}

/** The quote's span in `text`, or an orphan's selectors (no span) when it is not there; or why it cannot be stored. */
function place(item: ReadAnnotation, text: string): (Selector & { orphaned: boolean }) | string {
  let start = 0;
  let end = item.quote?.exact.length ?? 0;
  if (item.position) {
    if (item.position.unit === 'points') {
      const at = utf16Offsets(text, [item.position.start, item.position.end]);
      [start, end] = [at.get(item.position.start)!, at.get(item.position.end)!];
    } else {
      [start, end] = [Math.min(item.position.start, text.length), Math.min(item.position.end, text.length)];
    }
  }
  if (!item.quote) {
    if (!text.slice(start, end).trim()) return 'its position selects no text in the source';
    return { ...describe(text, start, end), orphaned: false };
  }
  const placed = anchor(text, { ...item.quote, start, end });
  if (placed && text.slice(placed.start, placed.end).trim()) return { ...describe(text, placed.start, placed.end), orphaned: false };
  // Kept with its quote, as a correction leaves an annotation it cannot place.
  const at = Math.min(start, text.length);
  return { ...item.quote, start: at, end: at, orphaned: true };
}
