/**
 * Citations and bibliographies formatted by citeproc-js from CSL-JSON items and a CSL style,
 * offline: locales come from resources/csl/, items from the caller.
 */
import CSL from 'citeproc';
import type { Engine } from 'citeproc';
import { citable } from '../../shared/archival';
import { edtfToCsl } from './dates';
import { escapeMarkdown, htmlToMarkdown, htmlToText } from './markdown';
import { builtinStyle, type BuiltinStyleId, type CslStyle, CslStyleError, DEFAULT_STYLE, localeXml } from './styles';
import type { CiteInput, CslDate, CslJsonItem, CslName } from './types';

export type CitationMode = 'note' | 'bibliography' | 'in-text';

/** Where in a source a citation points. */
export interface Locator {
  label: 'page' | 'paragraph';
  value: string;
}

export interface FormatOptions {
  /** A shipped style's id or a style from loadStyle (Chicago notes and bibliography by default). */
  style?: BuiltinStyleId | CslStyle;
  locator?: Locator;
  /**
   * `note` and `in-text`: the style's citation (a full note for a note style such as Chicago's,
   * a parenthetical for an in-text one such as APA's); `note` also ends it with a period.
   * `bibliography`: the item's bibliography entry (no locator).
   */
  mode?: CitationMode;
  /** Escapes plain text for the Markdown form; escapeMarkdown by default. */
  escape?: (text: string) => string;
  /**
   * `subsequent`: the item was cited before, so a note style gives its shortened note
   * (Chicago: "Conquest, *The Great Terror*, 214."). `first` by default.
   */
  position?: 'first' | 'subsequent';
  /**
   * An item without a date: `omit` (the default) leaves the date out; `style` prints what the
   * style prints instead ("n.d." in Chicago, APA and MLA).
   */
  missingDate?: MissingDate;
}

export type MissingDate = 'omit' | 'style';

/** One citation or bibliography entry in three forms. */
export interface Formatted {
  /** Plain text, without formatting. */
  text: string;
  /** Markdown: italics as `*…*`, all other text escaped. */
  markdown: string;
  /** citeproc's HTML (text escaped; `<i>`, `<b>`, `<span style>` for formatting). */
  html: string;
}

export interface BibliographyEntry extends Formatted {
  /** The entry's item: its index in the list given. */
  index: number;
}

export interface Bibliography {
  /** In the style's order; an item the style prints nothing for has no entry. */
  entries: BibliographyEntry[];
  /** Entries one a line. */
  text: string;
  /** Entries as paragraphs (a blank line between them). */
  markdown: string;
}

const DATE_FIELDS = ['issued', 'accessed', 'original-date', 'event-date', 'submitted', 'available-date'] as const;
const NAME_FIELDS = [
  'author',
  'editor',
  'translator',
  'container-author',
  'collection-editor',
  'composer',
  'director',
  'editorial-director',
  'illustrator',
  'interviewer',
  'original-author',
  'recipient',
  'reviewed-author',
] as const;

function cleanName(name: CslName): CslName | null {
  const out: CslName = {};
  for (const [k, v] of Object.entries(name) as Array<[keyof CslName, unknown]>) {
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  return out.family || out.given || out.literal ? out : null;
}

/**
 * An item as CSL-JSON proper: EDTF dates as date-parts, empty fields and names left out,
 * archive_location composed from the project's series, box, folder and item when it was not
 * typed (those four taken out: no style knows them), and `id` as given. Other fields this
 * module does not know are kept as they are.
 */
export function toCslJson(item: CiteInput, id: string): CslJsonItem {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(citable(item))) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && !value.trim()) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  for (const field of DATE_FIELDS) {
    if (!(field in out)) continue;
    const date = edtfToCsl(out[field] as string | CslDate);
    if (date) out[field] = date;
    else delete out[field];
  }
  for (const field of NAME_FIELDS) {
    const names = out[field];
    if (!Array.isArray(names)) continue;
    const kept = names.map((n) => (n && typeof n === 'object' ? cleanName(n as CslName) : null)).filter((n): n is CslName => n !== null);
    if (kept.length) out[field] = kept;
    else delete out[field];
  }
  out.id = id;
  if (typeof out.type !== 'string' || !out.type) out.type = 'document';
  return out as unknown as CslJsonItem;
}

/** One citeproc engine per style, kept: building one reads the whole style (seconds for Chicago). */
interface CachedEngine {
  engine: Engine;
  items: Map<string, CslJsonItem>;
}
const engines = new Map<string, Partial<Record<MissingDate, CachedEngine>>>();
/** Styles whose engines are kept. */
const MAX_STYLES = 8;

/** The locale with its "no date" term (n.d.) made empty, which citeproc then leaves out. */
function localeWithoutNoDate(xml: string): string {
  return xml.replace(/<term name="no date"( form="[a-z-]+")?>[^<]*<\/term>/g, '<term name="no date"$1></term>');
}

function engineFor(style: CslStyle, missingDate: MissingDate): CachedEngine {
  // A style's text is long, but a string's hash is computed once and kept.
  const forStyle = engines.get(style.xml) ?? {};
  const cached = forStyle[missingDate];
  if (cached) return cached;
  const items = new Map<string, CslJsonItem>();
  const sys = {
    // Only en-US is shipped: any other language a style or item asks for gets its terms and
    // date formats (citeproc fails on a date in a language it has no locale for).
    retrieveLocale: (lang: string) => {
      const xml = localeXml(lang) ?? localeXml('en-US');
      if (!xml) return false;
      return missingDate === 'omit' ? localeWithoutNoDate(xml) : xml;
    },
    retrieveItem: (id: string) => items.get(id),
  };
  let engine: Engine;
  try {
    engine = new CSL.Engine(sys, style.xml, 'en-US');
  } catch (err) {
    throw new CslStyleError(`The style "${style.title}" could not be used: ${err instanceof Error ? err.message : String(err)}`);
  }
  engine.setOutputFormat('html');
  if (!engines.has(style.xml) && engines.size >= MAX_STYLES) engines.delete(engines.keys().next().value as string);
  const made = { engine, items };
  forStyle[missingDate] = made;
  engines.set(style.xml, forStyle);
  return made;
}

function resolveStyle(style: BuiltinStyleId | CslStyle | undefined): CslStyle {
  if (style === undefined) return builtinStyle(DEFAULT_STYLE);
  return typeof style === 'string' ? builtinStyle(style) : style;
}

let serial = 0;

/** Puts `list` into the engine under fresh ids, so an engine never shows an item's stale data. */
function load(cached: CachedEngine, list: readonly CiteInput[]): string[] {
  cached.items.clear();
  const ids = list.map((item) => {
    const id = `item-${++serial}`;
    cached.items.set(id, toCslJson(item, id));
    return id;
  });
  cached.engine.updateItems(ids);
  return ids;
}

/**
 * citeproc's own words where a style prints nothing for an item ("[CSL STYLE ERROR: reference
 * with no printed form.]"): not ours to show, so such an item gives empty text.
 */
const NO_PRINTED_FORM = /\[CSL STYLE ERROR:[^\]]*\]/;

function forms(html: string, escape: (text: string) => string): Formatted {
  if (NO_PRINTED_FORM.test(html)) return { text: '', markdown: '', html: '' };
  return { text: htmlToText(html), markdown: htmlToMarkdown(html, escape), html: html.trim() };
}

function entryHtml(html: string): string {
  return html.replace(/^\s*<div class="csl-entry">([\s\S]*)<\/div>\s*$/, '$1');
}

/**
 * Runs `work` on a style's engine; if citeproc fails (a user's style it cannot follow), the
 * engine is dropped, as its state is unknown, and the error names the style.
 */
function withEngine<T>(style: CslStyle, missingDate: MissingDate, work: (cached: CachedEngine) => T): T {
  const cached = engineFor(style, missingDate);
  try {
    return work(cached);
  } catch (err) {
    const forStyle = engines.get(style.xml);
    if (forStyle) delete forStyle[missingDate];
    throw new CslStyleError(`The style "${style.title}" failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * A citation of one item: a note, an in-text citation, or a bibliography entry. Empty strings
 * if the style prints nothing for the item (it has none of the fields the style uses).
 */
export function formatCitation(item: CiteInput, options: FormatOptions = {}): Formatted {
  const style = resolveStyle(options.style);
  return withEngine(style, options.missingDate ?? 'omit', (cached) => citation(cached, item, options));
}

function citation(cached: CachedEngine, item: CiteInput, options: FormatOptions): Formatted {
  const escape = options.escape ?? escapeMarkdown;
  const [id] = load(cached, [item]) as [string];
  if (options.mode === 'bibliography') {
    const bib = cached.engine.makeBibliography();
    // A style without a bibliography: its citation stands in.
    if (bib && bib[1][0]) return forms(entryHtml(bib[1][0]), escape);
  }
  // citeproc-js's positions: 0 first, 1 subsequent.
  const cite: { id: string; locator?: string; label?: string; position?: number } = { id, position: options.position === 'subsequent' ? 1 : 0 };
  const value = options.locator?.value.trim();
  if (options.locator && value && options.mode !== 'bibliography') {
    cite.locator = value;
    cite.label = options.locator.label;
  }
  let html = cached.engine.makeCitationCluster([cite]);
  if (options.mode === 'note' || options.mode === undefined) {
    if (html && !NO_PRINTED_FORM.test(html) && !/[.?!](<\/[a-z]+>|["”’)])*\s*$/i.test(html)) html = `${html}.`;
  }
  return forms(html, escape);
}

/** The bibliography of `items` in a style: its entries, sorted and disambiguated as the style says. */
export function formatBibliography(
  items: readonly CiteInput[],
  style?: BuiltinStyleId | CslStyle,
  options: Pick<FormatOptions, 'escape' | 'missingDate'> = {},
): Bibliography {
  const resolved = resolveStyle(style);
  if (items.length === 0) return { entries: [], text: '', markdown: '' };
  return withEngine(resolved, options.missingDate ?? 'omit', (cached) => bibliography(cached, items, options.escape ?? escapeMarkdown));
}

function bibliography(cached: CachedEngine, items: readonly CiteInput[], escape: (text: string) => string): Bibliography {
  const ids = load(cached, items);
  const index = new Map(ids.map((id, i) => [id, i]));
  const bib = cached.engine.makeBibliography();
  let entries: BibliographyEntry[];
  if (bib) {
    entries = bib[1].map((html, i) => {
      const id = bib[0].entry_ids[i]?.[0] ?? '';
      return { ...forms(entryHtml(html), escape), index: index.get(String(id)) ?? i };
    });
  } else {
    // A style without a bibliography (some numeric or legal ones): each item's citation instead.
    entries = ids.map((id, i) => ({ ...forms(cached.engine.makeCitationCluster([{ id }]), escape), index: i }));
  }
  entries = entries.filter((e) => e.text || e.markdown);
  return {
    entries,
    text: entries.map((e) => e.text).join('\n'),
    markdown: entries.map((e) => e.markdown).join('\n\n'),
  };
}
