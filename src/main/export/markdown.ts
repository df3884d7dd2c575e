/**
 * Notes and evidence to Markdown with provenance: YAML front matter, then per annotation
 * the exact passage as a block quote, the note (Lexical's Markdown transformers, no HTML),
 * a citation line and a `sourcebench://` link back to the passage. Reads well in Obsidian
 * and any Markdown viewer.
 */
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { stringify } from 'yaml';
import type { Annotation, ExportFile, Passage, SourceSummary } from '../../shared/types';
import { escapeInline, escapeLines, linkOrText, obsidianTag, safeUrl } from './escape';

export interface SourceForExport {
  source: SourceSummary;
  passages: Passage[];
  text: string;
  annotations: Annotation[];
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
export function openLink(projectId: string, a: { sourceId: number; sourceUuid?: string; passage: number | null; start: number; end: number }): string {
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
  return a.pageLabel !== undefined && a.passage !== null ? `p. ${escapeInline(a.pageLabel, false)}` : `¶ ${a.passage}`;
}

function citation(s: SourceSummary, a: Annotation, project: ExportProject): string {
  const title = escapeInline(s.title, false);
  const who = [escapeInline(s.author, false) || 'Unknown author', title ? `*${title}*` : '', escapeInline(s.date, false), a.passage !== null ? place(a) : 'passage not placed'].filter(Boolean).join(', ');
  const parts = [`— ${who}`, `[open in Sourcebench](${openLink(project.id, { ...a, sourceUuid: s.uuid })})`];
  const tags = tagNames(a.tags);
  if (tags.length) parts.push(`tags: ${tags.map((t) => `#${t}`).join(' ')}`);
  return parts.join(' · ');
}

function annotationBlock(item: SourceForExport, a: Annotation, project: ExportProject, level: string): string {
  const heading = headingFor(item.passages, a.passage);
  const title = a.orphaned ? `${level} Not placed in the corrected text` : `${level} ${place(a)}${heading ? ` — ${escapeInline(heading, false)}` : ''}`;
  const quote = a.orphaned ? a.exact : item.text.slice(a.start, a.end);
  return [title, blockQuote(quote), safeNote(a.markdown, level.length), citation(item.source, a, project)].filter((p) => p && p.trim()).join('\n\n');
}

function sourceBody(item: SourceForExport, project: ExportProject, titleLevel: string, noteLevel: string): string {
  const placed = item.annotations.filter((a) => !a.orphaned).sort((x, y) => x.start - y.start);
  const orphans = item.annotations.filter((a) => a.orphaned);
  const title = `${titleLevel} ${escapeInline(item.source.title) || `Source ${item.source.id}`}`;
  return [title, ...[...placed, ...orphans].map((a) => annotationBlock(item, a, project, noteLevel))].join('\n\n');
}

/** `tags`: as Obsidian reads them (escape.ts, obsidianTag); `keywords`: as written, for Pandoc and the rest. */
function sourceMeta(s: SourceSummary) {
  return { title: s.title, author: s.author, date: s.date, origin: s.origin, tags: tagNames(s.tags), keywords: s.tags };
}

/** One file per source. */
export function markdownPerSource(items: SourceForExport[], project: ExportProject, exported: string): ExportFile[] {
  const used = new Set<string>();
  return items.map((item) => {
    let base = slug(item.source.title) || `source-${item.source.id}`;
    for (let n = 2; used.has(base); n++) base = `${slug(item.source.title)}-${n}`;
    used.add(base);
    return {
      name: `${base}.md`,
      content: `${frontMatter({ ...sourceMeta(item.source), exported })}\n${sourceBody(item, project, '#', '##')}\n`,
    };
  });
}

/** Everything in one file: a section per source. */
export function markdownSingle(items: SourceForExport[], project: ExportProject, exported: string, title: string): ExportFile {
  if (items.length === 1) {
    const [file] = markdownPerSource(items, project, exported);
    return file!;
  }
  const sections = items.map((item) => {
    const s = item.source;
    const meta = [escapeInline(s.author), escapeInline(s.date, false), s.origin ? linkOrText(s.origin) : ''].filter(Boolean).join(' · ');
    const [title, ...rest] = sourceBody(item, project, '#', '##').split('\n\n');
    return [title, ...(meta ? [meta] : []), ...rest].join('\n\n');
  });
  return {
    name: `${slug(title) || 'notes'}.md`,
    content: `${frontMatter({ title, project: path.basename(project.path), sources: items.length, exported })}\n${sections.join('\n\n')}\n`,
  };
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
