/**
 * References from a reference manager (Zotero, Mendeley, EndNote, JabRef …): BibTeX, RIS or
 * CSL-JSON read into CSL-JSON items, and matched to the project's sources.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import path from 'node:path';
import type { CiteInput, CslDate } from './types';

export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json';

/** A file that could not be read as references; the message names the file and the problem. */
export class ReferenceParseError extends Error {
  override name = 'ReferenceParseError';
  constructor(
    readonly fileName: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${fileName}: ${problem}${line !== undefined && !new RegExp(`\\bline ${line}\\b`).test(problem) ? ` (line ${line})` : ''}`);
  }
}

function formatOf(text: string, fileName: string): ReferenceFormat | null {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.bib' || ext === '.bibtex' || ext === '.biblatex') return 'bibtex';
  if (ext === '.ris') return 'ris';
  if (ext === '.json' || ext === '.csljson') return 'csl-json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(start)) return 'ris';
  if (/^@[A-Za-z]+\s*[{(]/m.test(start)) return 'bibtex';
  return null;
}

/** Removes what citation-js adds for its own use, and the ids it makes up. */
function clean(item: Record<string, unknown>): CiteInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === '_graph' || k.startsWith('_')) continue;
    if (k === 'id' && typeof v === 'string' && v.startsWith('temp_id_')) continue;
    if (v === undefined || v === null || v === '') continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  if (typeof out.type !== 'string' || !out.type) out.type = 'document';
  return out as unknown as CiteInput;
}

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function parseBibtex(text: string, fileName: string): CiteInput[] {
  let data: Record<string, unknown>[];
  try {
    data = new Cite(text, { forceType: '@bibtex/text', generateGraph: false }).data;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const first = message.split('\n')[0]?.replace(/:\s*$/, '') ?? message;
    const line = /\bline (\d+)/.exec(first)?.[1];
    throw new ReferenceParseError(fileName, `not valid BibTeX: ${first}`, line ? Number(line) : undefined);
  }
  if (data.length === 0) {
    const stray = /\S/.exec(text.replace(/%[^\n]*/g, (c) => ' '.repeat(c.length)));
    throw new ReferenceParseError(
      fileName,
      stray ? 'no BibTeX entry found (entries start with @type{key, …)' : 'the file is empty',
      stray ? lineOfOffset(text, stray.index) : undefined,
    );
  }
  const extra = biblatexFields(text);
  return data.map((entry) => {
    const item = clean(entry);
    // biblatex fields citation-js does not read: `date` (EDTF-like, "2004-05", "1936/1938"), `urldate`, and @online.
    const more = extra.get(String(entry['citation-key'] ?? entry.id ?? ''));
    if (more) {
      if (!item.issued && more.date) item.issued = more.date;
      if (!item.accessed && more.urldate) item.accessed = more.urldate;
      if (item.type === 'document' && /^(online|electronic|www)$/i.test(more.type)) item.type = 'webpage';
    }
    return item;
  });
}

/**
 * The biblatex fields of each entry that citation-js leaves out, by entry key: `date` and
 * `urldate` (ISO 8601 / EDTF level 0 dates and ranges), and the entry type.
 */
function biblatexFields(text: string): Map<string, { type: string; date?: string; urldate?: string }> {
  const out = new Map<string, { type: string; date?: string; urldate?: string }>();
  const entry = /@([A-Za-z]+)\s*[{(]\s*([^,\s]+)\s*,/g;
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    // The entry's body: up to the brace that closes it.
    let depth = 1;
    let i = entry.lastIndex;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{' || text[i] === '(') depth++;
      else if (text[i] === '}' || text[i] === ')') depth--;
    }
    const body = text.slice(entry.lastIndex, i);
    const field = (name: string) => {
      const v = new RegExp(`(?:^|,)\\s*${name}\\s*=\\s*(?:\\{([^{}]*)\\}|"([^"]*)"|(\\d{4}))`, 'i').exec(body);
      const value = (v?.[1] ?? v?.[2] ?? v?.[3])?.trim();
      // Only dates in the forms EDTF shares with ISO 8601 (a year, a month, a day, a span of them).
      return value && /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/.test(value) ? value : undefined;
    };
    out.set(m[2]!, { type: m[1]!, date: field('date'), urldate: field('urldate') });
  }
  return out;
}

/** One RIS record: its tags in order, and the line it starts at. */
interface RisRecord {
  line: number;
  text: string;
  tags: Map<string, string[]>;
}

const RIS_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

function splitRis(text: string, fileName: string): RisRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const records: RisRecord[] = [];
  let current: (RisRecord & { lines: string[]; last?: string }) | null = null;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    const m = RIS_LINE.exec(line);
    if (!current) {
      if (!line.trim()) return;
      if (!m || m[1] !== 'TY') {
        throw new ReferenceParseError(fileName, `not valid RIS: expected a record to start with "TY  - ", found "${line.slice(0, 40)}"`, i + 1);
      }
      current = { line: i + 1, text: '', tags: new Map(), lines: [] };
    } else if (m?.[1] === 'TY') {
      throw new ReferenceParseError(
        fileName,
        `not valid RIS: the record starting at line ${current.line} has no "ER  - " line before the next record, at line ${i + 1}`,
        i + 1,
      );
    }
    current.lines.push(raw);
    if (m) {
      const [, tag, value = ''] = m as unknown as [string, string, string | undefined];
      if (tag === 'ER') {
        records.push({ line: current.line, text: `${current.lines.join('\n')}\n`, tags: current.tags });
        current = null;
        return;
      }
      const values = current.tags.get(tag) ?? [];
      values.push(value.trim());
      current.tags.set(tag, values);
      current.last = tag;
    } else if (current.last && line.trim()) {
      // A value carried on to the next line (long abstracts and notes).
      const values = current.tags.get(current.last) as string[];
      values[values.length - 1] = `${values[values.length - 1]} ${line.trim()}`;
    }
  });
  if (current) {
    throw new ReferenceParseError(
      fileName,
      `not valid RIS: the record starting at line ${(current as RisRecord).line} has no "ER  - " line to end it`,
      (current as RisRecord).line,
    );
  }
  if (records.length === 0) throw new ReferenceParseError(fileName, text.trim() ? 'no RIS record found' : 'the file is empty');
  return records;
}

/** An RIS date (`1937/05/12/`, `1937///`, `1937-05-12`) as a CSL date. */
function risDate(value: string | undefined): CslDate | undefined {
  const m = value ? /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(value.trim()) : null;
  if (!m) return undefined;
  const parts = [Number(m[1])];
  if (m[2] && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    parts.push(Number(m[2]));
    if (m[3] && Number(m[3]) >= 1 && Number(m[3]) <= 31) parts.push(Number(m[3]));
  }
  return { 'date-parts': [parts] };
}

/** Fills in what citation-js's RIS reader leaves out for some record types. */
function completeRis(item: CiteInput, rec: RisRecord): CiteInput {
  const first = (...tags: string[]): string | undefined => {
    for (const t of tags) {
      const v = rec.tags.get(t)?.find((x) => x.trim());
      if (v) return v.trim();
    }
    return undefined;
  };
  const out: CiteInput = { ...item };
  const title = first('TI', 'T1', 'CT');
  if (!out.title && title) out.title = title;
  const container = first('T2', 'JO', 'JF', 'BT', 'JA');
  if (!out['container-title'] && container && container !== out.title) out['container-title'] = container;
  const url = first('UR', 'L2');
  if (!out.URL && url) out.URL = url;
  const doi = first('DO', 'M3')?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  if (!out.DOI && doi && /^10\.\d{4,}\//.test(doi)) out.DOI = doi;
  const issued = out.issued as CslDate | undefined;
  if (!issued || !issued['date-parts']) {
    const date = risDate(first('DA', 'PY', 'Y1'));
    if (date) out.issued = date;
  }
  if (!out.accessed) {
    const accessed = risDate(first('Y2'));
    if (accessed) out.accessed = accessed;
  }
  const sn = first('SN');
  if (sn && !out.ISBN && !out.ISSN) {
    if (/^\d{4}-?\d{3}[\dX]$/i.test(sn)) out.ISSN = sn;
    else out.ISBN = sn;
  }
  if (!out.publisher && first('PB')) out.publisher = first('PB');
  if (!out['publisher-place'] && first('CY', 'PP')) out['publisher-place'] = first('CY', 'PP');
  if (!out.language && first('LA')) out.language = first('LA');
  if (out['collection-title'] && out['collection-title'] === out['container-title']) delete out['collection-title'];
  const authors = rec.tags.get('AU') ?? rec.tags.get('A1');
  if ((!out.author || out.author.length === 0) && authors?.length) {
    out.author = authors.map((a) => {
      const [family, given] = a.split(',').map((s) => s.trim());
      return given ? { family: family ?? '', given } : { literal: a.trim() };
    });
  }
  return out;
}

function parseRis(text: string, fileName: string): CiteInput[] {
  return splitRis(text, fileName).map((rec) => {
    let data: Record<string, unknown>[];
    try {
      data = new Cite(rec.text, { forceType: '@ris/file', generateGraph: false }).data;
    } catch (err) {
      throw new ReferenceParseError(fileName, `not valid RIS: ${err instanceof Error ? err.message : String(err)}`, rec.line);
    }
    return completeRis(clean(data[0] ?? {}), rec);
  });
}

/** The line of a JSON.parse error, from its position or the excerpt V8 quotes, if either is there. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /\bline (\d+)/.exec(message)?.[1];
  if (line) return Number(line);
  const pos = /position (\d+)/.exec(message)?.[1];
  if (pos) return lineOfOffset(text, Number(pos));
  // "Unexpected token '}', ..."uthor": [ }\n]" is not valid JSON"
  const m = /Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message);
  if (!m?.[1] || !m[2]) return undefined;
  const at = text.indexOf(m[2]);
  if (at < 0 || text.indexOf(m[2], at + 1) >= 0) return undefined;
  const within = m[2].indexOf(m[1]);
  return lineOfOffset(text, at + Math.max(within, 0) + 1);
}

function parseCslJson(text: string, fileName: string): CiteInput[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ReferenceParseError(fileName, `not valid JSON: ${message.split('\n')[0]}`, jsonErrorLine(text, message));
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && 'items' in data ? (data as { items: unknown }).items : [data];
  if (!Array.isArray(list)) throw new ReferenceParseError(fileName, 'not CSL-JSON: expected a list of items');
  if (list.length === 0) throw new ReferenceParseError(fileName, 'the file holds no items');
  return list.map((entry, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new ReferenceParseError(fileName, `not CSL-JSON: item ${i + 1} is not an object`);
    }
    const item = entry as Record<string, unknown>;
    if (typeof item.type !== 'string') {
      throw new ReferenceParseError(
        fileName,
        `not CSL-JSON: item ${i + 1}${typeof item.title === 'string' ? ` ("${item.title}")` : ''} has no "type"`,
      );
    }
    const out = clean(item);
    // Zotero's export keeps the user's key in `id`; keep it as the citation key.
    if (typeof item.id === 'string' && !out['citation-key'] && !/^http/.test(item.id)) out['citation-key'] = item.id;
    return out;
  });
}

/**
 * The references in a BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) file, as CSL-JSON items;
 * the format is told by the file's extension, or else by its content. Throws a
 * ReferenceParseError naming the file and the problem (and the line, where known).
 */
export function parseReferences(text: string, fileName: string): CiteInput[] {
  const format = formatOf(text, fileName);
  if (!text.trim()) throw new ReferenceParseError(fileName, 'the file is empty');
  if (!format) throw new ReferenceParseError(fileName, 'not a BibTeX, RIS or CSL-JSON file');
  if (format === 'bibtex') return parseBibtex(text, fileName);
  if (format === 'ris') return parseRis(text, fileName);
  return parseCslJson(text, fileName);
}

// ---------------------------------------------------------------------------------------------
// Matching

/** A source of the project, as far as matching needs it. */
export interface MatchSource {
  id: string;
  title: string;
  url?: string | null;
  doi?: string | null;
}

export type MatchHow = 'doi' | 'url' | 'title' | 'title-fuzzy';

export interface ReferenceMatch {
  item: CiteInput;
  sourceId: string | null;
  how: MatchHow | null;
  /** False for a fuzzy title match, or a title that more than one source has: to be confirmed. */
  sure: boolean;
}

/** How alike two titles must be (1 − edit distance / length) to be offered as a match. */
export const FUZZY_TITLE_THRESHOLD = 0.85;

/** A DOI as compared: lowercase, without `https://doi.org/` or `doi:`. */
export function normaliseDoi(value: string | null | undefined): string | null {
  if (!value) return null;
  let s = value.trim();
  try {
    s = decodeURIComponent(s);
  } catch {
    // Keep it as written.
  }
  s = s
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .trim()
    .toLowerCase();
  return /^10\.\d{4,}\/\S+$/.test(s) ? s : null;
}

const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * A URL as compared: scheme and host in any case, `http` and `https` alike, without `www.`, a
 * default port, a trailing slash, a fragment, or `utm_*` (and other tracking) parameters.
 */
export function normaliseUrl(value: string | null | undefined): string | null {
  if (!value?.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAM.test(k));
  const search = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && !(url.port === '80' || url.port === '443') ? `:${url.port}` : '';
  const pathname = url.pathname.replace(/\/+$/, '');
  return `${host}${port}${pathname}${search}`;
}

/** A title as compared: lowercase, accents, punctuation and repeated spaces dropped. */
export function normaliseTitle(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 1 − (edit distance / longer length); below `min` the answer is only "below min" (0). */
export function titleSimilarity(a: string, b: string, min = 0): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const maxDist = Math.floor((1 - min) * longer);
  if (Math.abs(a.length - b.length) > maxDist) return 0;
  // Levenshtein over one row, stopping once every cell is past maxDist.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > maxDist) return 0;
    [prev, cur] = [cur, prev];
  }
  const dist = prev[b.length] as number;
  return dist > maxDist ? 0 : 1 - dist / longer;
}

function itemDoi(item: CiteInput): string | null {
  return normaliseDoi(typeof item.DOI === 'string' ? item.DOI : null) ?? normaliseDoi(typeof item.URL === 'string' ? item.URL : null);
}

/**
 * Each item with the source it is the reference of: by DOI (exact), else by URL (normalised),
 * else by title (normalised; exact is sure, unless several sources have that title; alike to
 * FUZZY_TITLE_THRESHOLD or more is unsure, to be confirmed), else none.
 */
export function matchReferences(items: readonly CiteInput[], sources: readonly MatchSource[]): ReferenceMatch[] {
  const byDoi = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const byTitle = new Map<string, string[]>();
  const titles: Array<{ id: string; title: string }> = [];
  for (const s of sources) {
    const doi = normaliseDoi(s.doi) ?? normaliseDoi(s.url);
    if (doi && !byDoi.has(doi)) byDoi.set(doi, s.id);
    const url = normaliseUrl(s.url);
    if (url && !byUrl.has(url)) byUrl.set(url, s.id);
    const title = normaliseTitle(s.title);
    if (title) {
      const ids = byTitle.get(title) ?? [];
      ids.push(s.id);
      byTitle.set(title, ids);
      titles.push({ id: s.id, title });
    }
  }
  return items.map((item) => {
    const doi = itemDoi(item);
    const viaDoi = doi ? byDoi.get(doi) : undefined;
    if (viaDoi) return { item, sourceId: viaDoi, how: 'doi', sure: true };
    const url = normaliseUrl(typeof item.URL === 'string' ? item.URL : null);
    const viaUrl = url ? byUrl.get(url) : undefined;
    if (viaUrl) return { item, sourceId: viaUrl, how: 'url', sure: true };
    const title = normaliseTitle(item.title);
    if (!title) return { item, sourceId: null, how: null, sure: false };
    const exact = byTitle.get(title);
    if (exact?.[0]) return { item, sourceId: exact[0], how: 'title', sure: exact.length === 1 };
    let best: { id: string; score: number } | null = null;
    for (const s of titles) {
      const score = titleSimilarity(title, s.title, FUZZY_TITLE_THRESHOLD);
      if (score >= FUZZY_TITLE_THRESHOLD && (!best || score > best.score)) best = { id: s.id, score };
    }
    if (best) return { item, sourceId: best.id, how: 'title-fuzzy', sure: false };
    return { item, sourceId: null, how: null, sure: false };
  });
}
