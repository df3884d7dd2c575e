/**
 * Notes and evidence to Markdown with provenance: YAML front matter, then per annotation
 * the exact passage as a block quote, the note (Lexical's Markdown transformers, no HTML),
 * a citation line and a `sourcebench://` link back to the passage. Reads well in Obsidian
 * and any Markdown viewer.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import type { Annotation, ExportFile, Passage, SourceSummary } from '../../shared/types';

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

/** `sourcebench://open?project=<id>&source=…`: the project by its stable id, so the link works wherever the file is. */
export function openLink(projectId: string, a: { sourceId: number; passage: number | null; start: number; end: number }): string {
  const params = new URLSearchParams({ project: projectId, source: String(a.sourceId) });
  if (a.passage !== null) params.set('passage', String(a.passage));
  params.set('start', String(a.start));
  params.set('end', String(a.end));
  return `sourcebench://open?${params.toString()}`;
}

function frontMatter(data: Record<string, unknown>): string {
  const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)));
  return `---\n${stringify(clean, { lineWidth: 0 }).trimEnd()}\n---\n`;
}

/** Text from a source, safe in Markdown: a "<" cannot open an HTML tag in the export. */
export function mdText(text: string): string {
  return text.replace(/</g, '\\<');
}

function blockQuote(text: string): string {
  return mdText(text)
    .split('\n')
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n');
}

function hashtag(tag: string): string {
  return `#${tag.trim().replace(/\s+/g, '-')}`;
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
  return a.pageLabel !== undefined && a.passage !== null ? `p. ${mdText(a.pageLabel)}` : `¶ ${a.passage}`;
}

function citation(s: SourceSummary, a: Annotation, project: ExportProject): string {
  const who = [mdText(s.author ?? 'Unknown author'), `*${mdText(s.title).replace(/\*/g, '\\*')}*`, s.date, a.passage !== null ? place(a) : 'passage not placed'].filter(Boolean).join(', ');
  const parts = [`— ${who}`, `[open in Sourcebench](${openLink(project.id, a)})`];
  if (a.tags.length) parts.push(`tags: ${a.tags.map(hashtag).join(' ')}`);
  return parts.join(' · ');
}

/** A note's headings sit below the annotation's own heading level. */
function demoteHeadings(markdown: string, by: number): string {
  return markdown.replace(/^(#{1,6}) /gm, (_m, hashes: string) => `${'#'.repeat(Math.min(6, hashes.length + by))} `);
}

function annotationBlock(item: SourceForExport, a: Annotation, project: ExportProject, level: string): string {
  const heading = headingFor(item.passages, a.passage);
  const title = a.orphaned ? `${level} Not placed in the corrected text` : `${level} ${place(a)}${heading ? ` — ${mdText(heading)}` : ''}`;
  const quote = a.orphaned ? a.exact : item.text.slice(a.start, a.end);
  return [title, blockQuote(quote.trim()), mdText(demoteHeadings(a.markdown, level.length)), citation(item.source, a, project)].filter((p) => p && p.trim()).join('\n\n');
}

function sourceBody(item: SourceForExport, project: ExportProject, titleLevel: string, noteLevel: string): string {
  const placed = item.annotations.filter((a) => !a.orphaned).sort((x, y) => x.start - y.start);
  const orphans = item.annotations.filter((a) => a.orphaned);
  return [`${titleLevel} ${mdText(item.source.title)}`, ...[...placed, ...orphans].map((a) => annotationBlock(item, a, project, noteLevel))].join('\n\n');
}

function sourceMeta(s: SourceSummary) {
  return { title: s.title, author: s.author, date: s.date, origin: s.origin, tags: s.tags };
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
    const meta = [s.author, s.date, s.origin].filter(Boolean).join(' · ');
    return `${sourceBody(item, project, '#', '##').replace(/^# .*$/m, (h) => (meta ? `${h}\n\n${meta}` : h))}`;
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
