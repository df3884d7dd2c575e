/**
 * Notes and evidence to Markdown with provenance: YAML front matter, then per annotation
 * the exact passage as a block quote, the note (Lexical's Markdown transformers, no HTML),
 * a citation line and a `sourcebench://` link back to the passage. Reads well in Obsidian
 * and any Markdown viewer. A region of a page image is shown as its crop, a PNG written beside
 * the Markdown (flat, not in a folder, so that files a browser downloads one by one still find
 * each other) and linked by its file name.
 */
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { stringify } from 'yaml';
import type { CslItem } from '../../shared/csl';
import type { Annotation, ExportFile, Passage, Region, SourceSummary } from '../../shared/types';
import { regionLabel } from '../../shared/region';
import type { CiteInput, CslStyle, Locator } from '../cite';
import { citationKeys, cslJsonBibliography, formatCitation, pandocCitation } from '../cite';
import { escapeInline, escapeLines, linkOrText, obsidianTag, safeUrl } from './escape';

/**
 * How quotes are cited: in a CSL style (citeproc-js), or as Pandoc citations (`[@key, p. 214]`)
 * with a CSL-JSON bibliography written beside the notes.
 */
export interface CiteOptions {
  style: CslStyle;
  pandoc: boolean;
}

/** Each source's Pandoc key, unique in one export, made once for all its quotes. */
type Keys = Map<number, string>;

export interface SourceForExport {
  source: SourceSummary & { csl?: CslItem };
  passages: Passage[];
  text: string;
  annotations: Annotation[];
  /** A region of one of the source's page images, cut out as PNG (image sources). */
  crop?(region: Region): Uint8Array;
}

/** The crops of one export's regions: file name by annotation id, and the files. */
class Attachments {
  readonly names = new Map<number, string>();
  readonly files: ExportFile[] = [];
  add(item: SourceForExport, base: string): void {
    for (const a of item.annotations) {
      if (!a.region || !item.crop) continue;
      const name = `${base}-page-${a.region.page}-region-${a.uuid.slice(0, 8)}.png`;
      this.names.set(a.id, name);
      this.files.push({ name, content: '', bytes: item.crop(a.region) });
    }
  }
}

/** The project an export comes from: its id goes into links, never its path (which names the user). */
export interface ExportProject {
  id: string;
  path: string;
}

/**
 * `sourcebench://open?project=<id>&source=<id>…`: the project and the source by their stable
 * ids (UUIDs), so the link works wherever the file is and never reaches another source that
 * took a deleted one's row number.
 */
export function openLink(
  projectId: string,
  a: { sourceId: number; sourceUuid?: string; passage: number | null; start: number; end: number },
): string {
  const params = new URLSearchParams({ project: projectId, source: a.sourceUuid ?? String(a.sourceId) });
  if (a.passage !== null) params.set('passage', String(a.passage));
  params.set('start', String(a.start));
  params.set('end', String(a.end));
  return `sourcebench://open?${params.toString()}`;
}

/**
 * YAML front matter, every string double-quoted (YAML escapes inside: `\"`, `\\`, `\n`…), so
 * that no value can be read as another YAML type, a list, a comment or a second document.
 */
export function frontMatter(data: Record<string, unknown>): string {
  const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)));
  return `---\n${stringify(clean, { lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd()}\n---\n`;
}

function blockQuote(text: string): string {
  return escapeLines(text)
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

/** Tags as Obsidian reads them, without duplicates or empty ones. */
function tagNames(tags: readonly string[]): string[] {
  return [...new Set(tags.map(obsidianTag).filter(Boolean))];
}

interface MdNode {
  type: string;
  url?: string;
  alt?: string | null;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const noteParser = { extensions: [gfm()], mdastExtensions: gfmFromMarkdown().map((e) => ({ ...e, transforms: [] })) };

function visible(n: MdNode): string {
  return n.value ?? n.alt ?? (n.children ?? []).map(visible).join('');
}

/**
 * A note's Markdown (the historian's own formatting, kept), with what must not come through
 * made text: raw HTML, links and images to anything but http(s) or sourcebench: URLs, and
 * images at all (an export never loads a picture; a safe one becomes a link). Its headings sit
 * `demote` levels lower. Changes are made at the places the parser reports, so code and
 * everything else stay as written.
 */
export function safeNote(markdown: string, demote: number): string {
  if (!markdown.trim()) return '';
  const edits: { start: number; end: number; text: string }[] = [];
  const at = (n: MdNode) => ({ start: n.position?.start.offset, end: n.position?.end.offset });
  const walk = (n: MdNode) => {
    const { start, end } = at(n);
    if (start !== undefined && end !== undefined) {
      const source = markdown.slice(start, end);
      if (n.type === 'html') {
        edits.push({ start, end, text: source.includes('\n') ? escapeLines(source).join('\n') : escapeInline(source) });
        return;
      }
      if (n.type === 'image' || n.type === 'imageReference') {
        const url = n.type === 'image' ? safeUrl(n.url) : null;
        edits.push({ start, end, text: url ? `[${escapeInline(visible(n) || url)}](${url})` : escapeInline(visible(n)) });
        return;
      }
      if (n.type === 'definition' && !safeUrl(n.url)) {
        edits.push({ start, end, text: escapeInline(source) });
        return;
      }
      if (n.type === 'link' && !safeUrl(n.url)) {
        const kids = n.children ?? [];
        const first = kids[0]?.position?.start.offset;
        const last = kids[kids.length - 1]?.position?.end.offset;
        if (first === undefined || last === undefined || source.startsWith('<')) {
          edits.push({ start, end, text: escapeInline(visible(n)) });
          return;
        }
        // The link's words stay, with their formatting; the brackets and the destination go.
        edits.push({ start, end: first, text: '' }, { start: last, end, text: '' });
      }
      if (n.type === 'heading' && demote > 0 && source.startsWith('#')) {
        const hashes = /^#+/.exec(source)![0].length;
        edits.push({ start, end: start + hashes, text: '#'.repeat(Math.min(6, hashes + demote)) });
      }
    }
    for (const k of n.children ?? []) walk(k);
  };
  walk(fromMarkdown(markdown, noteParser) as MdNode);
  let out = markdown;
  for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The nearest heading at or before a passage, for the section title. */
function headingFor(passages: Passage[], ordinal: number | null): string | null {
  if (ordinal === null) return null;
  for (let i = Math.min(ordinal, passages.length) - 1; i >= 0; i--) {
    if (passages[i]!.kind === 'heading') return passages[i]!.text.replace(/\s+/g, ' ');
  }
  return null;
}

/** Where an annotation is: its page in a paginated source (`p. 214`), else its passage (`¶ 91`). */
function place(a: Annotation): string {
  if (a.region) return regionLabel(a.region).replace(/^p/, 'P');
  return a.pageLabel !== undefined && a.passage !== null ? `p. ${escapeInline(a.pageLabel, false)}` : `¶ ${a.passage}`;
}

/** Where a quote is, as a citation's locator: its printed page in a paginated source, else its paragraph. */
function locatorOf(a: Annotation): Locator | undefined {
  if (a.region) return { label: 'page', value: String(a.region.page) };
  if (a.orphaned || a.passage === null) return undefined;
  return a.pageLabel !== undefined ? { label: 'page', value: a.pageLabel } : { label: 'paragraph', value: String(a.passage) };
}

/** The source as the citation formatter takes it: its stored item, or one made from its columns. */
function citeItem(s: SourceSummary & { csl?: CslItem }): CiteInput {
  return (s.csl ?? { type: 'document', title: s.title, ...(s.date ? { issued: s.date } : {}) }) as CiteInput;
}

/**
 * The citation line: the quote's citation in the chosen style (fields the source lacks are
 * left out, never invented), or a Pandoc citation; then the link back to the passage, and tags.
 * Without citation options (older callers), author, title, date and place, each escaped.
 */
function citation(s: SourceSummary & { csl?: CslItem }, a: Annotation, project: ExportProject, cite?: CiteOptions, keys?: Keys): string {
  // Escaped as inline text, keeping the spaces around each piece the formatter hands over.
  const escape = (t: string) => {
    const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(t)!;
    return `${lead ? ' ' : ''}${escapeInline(body, false)}${trail ? ' ' : ''}`;
  };
  let who: string;
  const locator = locatorOf(a);
  if (cite?.pandoc && keys?.has(s.id)) {
    who = pandocCitation(keys.get(s.id)!, locator) + (locator ? '' : ' (passage not placed)');
  } else if (cite) {
    const formatted = formatCitation(citeItem(s), {
      style: cite.style,
      mode: cite.style.class === 'note' ? 'note' : 'in-text',
      escape,
      ...(locator ? { locator } : {}),
    }).markdown;
    who = [formatted || (escape(s.title) ? `*${escape(s.title)}*` : ''), locator ? '' : 'passage not placed'].filter(Boolean).join(' ');
  } else {
    const title = escape(s.title);
    who = [escape(s.author ?? ''), title ? `*${title}*` : '', escape(s.date ?? ''), a.passage !== null || a.region ? place(a) : 'passage not placed']
      .filter(Boolean)
      .join(', ');
  }
  const parts = [`— ${who}`, `[open in Sourcebench](${openLink(project.id, { ...a, sourceUuid: s.uuid })})`];
  const tags = tagNames(a.tags);
  if (tags.length) parts.push(`tags: ${tags.map((t) => `#${t}`).join(' ')}`);
  return parts.join(' · ');
}

/** A region: its crop (or, with none, where it is in pixels), the note and the citation. */
function regionBlock(item: SourceForExport, a: Annotation & { region: Region }, project: ExportProject, level: string, ctx: BodyContext): string {
  const r = a.region;
  const where = `${regionLabel(r)} (x ${r.x}, y ${r.y}, ${r.w} × ${r.h} pixels)`;
  const file = ctx.attachments?.names.get(a.id);
  const image = file ? `![${escapeInline(where, false)}](${encodeURI(file)})` : escapeInline(where, false);
  return [`${level} ${place(a)}`, image, safeNote(a.markdown, level.length), citation(item.source, a, project, ctx.cite, ctx.keys)]
    .filter((p) => p && p.trim())
    .join('\n\n');
}

interface BodyContext {
  cite?: CiteOptions;
  keys?: Keys;
  attachments?: Attachments;
}

function annotationBlock(item: SourceForExport, a: Annotation, project: ExportProject, level: string, cite?: CiteOptions, keys?: Keys): string {
  const heading = headingFor(item.passages, a.passage);
  const title = a.orphaned
    ? `${level} Not placed in the corrected text`
    : `${level} ${place(a)}${heading ? ` — ${escapeInline(heading, false)}` : ''}`;
  const quote = a.orphaned ? a.exact : item.text.slice(a.start, a.end);
  return [title, blockQuote(quote), safeNote(a.markdown, level.length), citation(item.source, a, project, cite, keys)]
    .filter((p) => p && p.trim())
    .join('\n\n');
}

function sourceBody(item: SourceForExport, project: ExportProject, titleLevel: string, noteLevel: string, ctx: BodyContext): string {
  const placed = item.annotations.filter((a) => !a.orphaned && !a.region).sort((x, y) => x.start - y.start);
  const regions = item.annotations.filter((a): a is Annotation & { region: Region } => a.region !== undefined);
  const orphans = item.annotations.filter((a) => a.orphaned);
  const title = `${titleLevel} ${escapeInline(item.source.title) || `Source ${item.source.id}`}`;
  return [
    title,
    ...placed.map((a) => annotationBlock(item, a, project, noteLevel, ctx.cite, ctx.keys)),
    ...regions.map((a) => regionBlock(item, a, project, noteLevel, ctx)),
    ...orphans.map((a) => annotationBlock(item, a, project, noteLevel, ctx.cite, ctx.keys)),
  ].join('\n\n');
}

/** `tags`: as Obsidian reads them (escape.ts, obsidianTag); `keywords`: as written, for Pandoc and the rest. */
function sourceMeta(s: SourceSummary) {
  return { title: s.title, author: s.author, date: s.date, origin: s.origin, tags: tagNames(s.tags), keywords: s.tags };
}

/** Pandoc keys for the sources (one export's), and the CSL-JSON bibliography file they name. */
function pandocKeys(items: SourceForExport[], cite?: CiteOptions): { keys?: Keys; bibliography?: ExportFile } {
  if (!cite?.pandoc) return {};
  const cited = items.map((i) => citeItem(i.source));
  const list = citationKeys(cited);
  const keys: Keys = new Map(items.map((item, n) => [item.source.id, list[n]!]));
  return { keys, bibliography: { name: BIBLIOGRAPHY, content: `${JSON.stringify(cslJsonBibliography(cited, list), null, 2)}\n` } };
}

/** The CSL-JSON file written beside notes with Pandoc citations (`pandoc --citeproc` reads it from the front matter). */
export const BIBLIOGRAPHY = 'references.json';

/** One file per source (and, with Pandoc citations, the bibliography they cite). */
export function markdownPerSource(items: SourceForExport[], project: ExportProject, exported: string, cite?: CiteOptions): ExportFile[] {
  const used = new Set<string>();
  const { keys, bibliography } = pandocKeys(items, cite);
  const attachments = new Attachments();
  const files = items.map((item) => {
    let base = slug(item.source.title) || `source-${item.source.id}`;
    for (let n = 2; used.has(base); n++) base = `${slug(item.source.title)}-${n}`;
    used.add(base);
    attachments.add(item, base);
    return {
      name: `${base}.md`,
      content: `${frontMatter({ ...sourceMeta(item.source), ...(bibliography ? { bibliography: BIBLIOGRAPHY } : {}), exported })}\n${sourceBody(item, project, '#', '##', { cite, keys, attachments })}\n`,
    };
  });
  return [...files, ...attachments.files, ...(bibliography ? [bibliography] : [])];
}

/** Everything in one file: a section per source. */
export function markdownSingle(items: SourceForExport[], project: ExportProject, exported: string, title: string, cite?: CiteOptions): ExportFile[] {
  if (items.length === 1) return markdownPerSource(items, project, exported, cite);
  const { keys, bibliography } = pandocKeys(items, cite);
  const base = slug(title) || 'notes';
  const attachments = new Attachments();
  const sections = items.map((item, n) => {
    const s = item.source;
    attachments.add(item, `${base}-${n + 1}`);
    const meta = [escapeInline(s.author), escapeInline(s.date, false), s.origin ? linkOrText(s.origin) : ''].filter(Boolean).join(' · ');
    const [title, ...rest] = sourceBody(item, project, '#', '##', { cite, keys, attachments }).split('\n\n');
    return [title, ...(meta ? [meta] : []), ...rest].join('\n\n');
  });
  const file = {
    name: `${base}.md`,
    content: `${frontMatter({ title, project: path.basename(project.path), sources: items.length, ...(bibliography ? { bibliography: BIBLIOGRAPHY } : {}), exported })}\n${sections.join('\n\n')}\n`,
  };
  return [file, ...attachments.files, ...(bibliography ? [bibliography] : [])];
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
}
