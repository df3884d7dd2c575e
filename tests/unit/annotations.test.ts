import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteFromMarkdown, renderNote } from '../../src/main/annotate/note';
import { bytes, fixture, tempWorkbench } from './helpers';

const ARTICLE = `---
title: "Counting: the \\"victims\\" of 1937"
author: Ivanova, Anna
date: 2019
origin: https://journal.example.org/1937
tags: [nkvd, "great purge"]
---

# The archival count

The NKVD's own records list 681,692 executions for 1937–38.

# Estimates

Robert Conquest put the figure at about one million.
`;

async function setup() {
  const { wb, home } = tempWorkbench();
  const out = await wb.importFile({ name: 'article.md', bytes: bytes(ARTICLE) });
  if (out.status !== 'imported') throw new Error('import failed');
  const text = (wb as unknown as { current: { sources: { text(id: number): string } } }).current.sources.text(out.source.id);
  const span = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  return { wb, home, id: out.source.id, text, span };
}

/** Expected output kept as files; UPDATE_GOLDEN=1 rewrites them (then read the diff). */
function golden(name: string, actual: string): string {
  const file = path.join(path.dirname(fixture('x')), 'export', name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  return fs.readFileSync(file, 'utf8');
}
const stable = (md: string) =>
  md
    .replace(/^exported: .*$/m, 'exported: TIME')
    .replace(/project=[^&]+/g, 'project=PROJECT')
    .replace(/source=[0-9a-f-]{36}/g, 'source=SOURCE');

describe('annotations', () => {
  it('are created from a span with quote and position selectors, and tagged', async () => {
    const { wb, id, span } = await setup();
    const a = await wb.createAnnotation({ sourceId: id, ...span('681,692 executions'), colour: 'yellow', tags: ['figures'] });
    expect(a).toMatchObject({ exact: '681,692 executions', orphaned: false, colour: 'yellow', tags: ['figures'], passage: 2, body: null });
    expect(a.prefix.endsWith('records list ')).toBe(true);
    expect(a.suffix.startsWith(' for 1937')).toBe(true);
    await expect(wb.createAnnotation({ sourceId: id, start: 5, end: 99999, colour: 'yellow' })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('keep a Lexical note, rendered to Markdown and plain text in main', async () => {
    const { wb, id, span } = await setup();
    const a = await wb.createAnnotation({ sourceId: id, ...span('about one million'), colour: 'blue' });
    const body = noteFromMarkdown('Check **which** edition.\n\n- 1968\n- 1990');
    const saved = await wb.updateAnnotation({ id: a.id, body, tags: ['conquest'] });
    expect(saved.markdown).toBe('Check **which** edition.\n\n- 1968\n- 1990');
    expect(saved.plain).toContain('Check which edition.');
    await expect(wb.updateAnnotation({ id: a.id, body: '{"root": 5}' })).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await wb.search({ query: 'edition in:notes' })).hits.map((h) => h.kind)).toEqual(['note']);
  });

  it('can be deleted and the deletion undone', async () => {
    const { wb, id, span } = await setup();
    const a = await wb.createAnnotation({ sourceId: id, ...span('681,692'), colour: 'pink' });
    await wb.deleteAnnotation({ id: a.id });
    expect(await wb.listAnnotations({ sourceId: id })).toEqual([]);
    expect((await wb.restoreAnnotation({ id: a.id })).id).toBe(a.id);
    expect(await wb.listAnnotations({ sourceId: id })).toHaveLength(1);
  });

  it('move with their passages when the text is replaced by a corrected version, and orphans are kept', async () => {
    const { wb, id, span } = await setup();
    const kept = await wb.createAnnotation({ sourceId: id, ...span('681,692 executions'), colour: 'yellow' });
    const gone = await wb.createAnnotation({ sourceId: id, ...span('Robert Conquest put the figure'), colour: 'green' });
    const corrected = ARTICLE.replace('# The archival count', '# Introduction\n\nA new first paragraph.\n\n# The archival count').replace(
      'Robert Conquest put the figure at about one million.',
      'Later estimates differ widely and are discussed elsewhere.',
    );
    const result = await wb.replaceSourceText({ id, name: 'article-v2.md', bytes: bytes(corrected) });
    expect(result).toMatchObject({ annotations: 2, moved: 1, orphaned: 1 });
    const after = await wb.listAnnotations({ sourceId: id });
    const moved = after.find((a) => a.id === kept.id)!;
    const detail = await wb.getSource({ id });
    expect(detail.passages).toBe(6);
    const text = (wb as unknown as { current: { sources: { text(id: number): string } } }).current.sources.text(id);
    expect(text.slice(moved.start, moved.end)).toBe('681,692 executions');
    expect(moved.passage).toBe(4);
    expect(after.find((a) => a.id === gone.id)).toMatchObject({ orphaned: true, passage: null, exact: 'Robert Conquest put the figure' });
    // The search index follows the new text.
    expect((await wb.search({ query: 'Conquest' })).hits.filter((h) => h.kind === 'passage')).toEqual([]);
    expect((await wb.search({ query: 'introduction' })).hits).toHaveLength(1);
  });

  it('refuse a broken replacement file and leave everything as it was', async () => {
    const { wb, id, span } = await setup();
    await wb.createAnnotation({ sourceId: id, ...span('681,692'), colour: 'yellow' });
    await expect(wb.replaceSourceText({ id, name: 'broken.md', bytes: new Uint8Array([0, 1, 2]) })).rejects.toMatchObject({ code: 'binary_file' });
    expect((await wb.getSource({ id })).passages).toBe(4);
    expect((await wb.listAnnotations({ sourceId: id }))[0]).toMatchObject({ exact: '681,692', orphaned: false });
  });
});

describe('export', () => {
  it('writes Markdown with front matter, quotes, notes, citations and links (golden file)', async () => {
    const { wb, id, span } = await setup();
    const a = await wb.createAnnotation({
      sourceId: id,
      ...span("The NKVD's own records list 681,692 executions for 1937–38."),
      colour: 'yellow',
      tags: ['nkvd figures'],
    });
    await wb.updateAnnotation({
      id: a.id,
      body: noteFromMarkdown(
        '## Sources\n\nThe range is given **without a source**; compare *Getty et al.*\n\n- check the 1993 article\n    - and its tables\n\n1. first\n2. second\n\n> a quoted remark\n\nSee [the article](https://example.org/getty).',
      ),
    });
    await wb.createAnnotation({ sourceId: id, ...span('about one million'), colour: 'green' });
    const [file] = await wb.exportMarkdown({ sourceId: id });
    expect(file!.name).toBe('counting-the-victims-of-1937.md');
    expect(stable(file!.content)).toBe(golden('single-source.md', stable(file!.content)));
    expect(file!.content).not.toMatch(/<[a-z]+[ >]/i);
  });

  it('exports the whole project, one tag, or one file per source', async () => {
    const { wb, id, span } = await setup();
    await wb.importFile({ name: 'other.txt', bytes: bytes('Title: Other\n\nA second source about Kolyma.') });
    await wb.createAnnotation({ sourceId: id, ...span('681,692'), colour: 'yellow', tags: ['keep'] });
    const other = (await wb.listSources()).find((s) => s.title === 'Other')!;
    const otherText = 'A second source about Kolyma.';
    const t = (wb as unknown as { current: { sources: { text(id: number): string } } }).current.sources.text(other.id);
    await wb.createAnnotation({ sourceId: other.id, start: t.indexOf('Kolyma'), end: t.indexOf('Kolyma') + 6, colour: 'blue' });
    expect(otherText).toContain('Kolyma');
    const [whole] = await wb.exportMarkdown({});
    expect(whole!.content).toContain('# Counting: the "victims" of 1937');
    expect(whole!.content).toContain('# Other');
    const [tagged] = await wb.exportMarkdown({ tag: 'keep' });
    expect(tagged!.content).toContain('681,692');
    expect(tagged!.content).not.toContain('Kolyma');
    const files = await wb.exportMarkdown({ perSource: true });
    expect(files.map((f) => f.name)).toEqual(['counting-the-victims-of-1937.md', 'other.md']);
  });

  it('exports W3C Web Annotation JSON-LD', async () => {
    const { wb, id, span } = await setup();
    const a = await wb.createAnnotation({ sourceId: id, ...span('681,692'), colour: 'yellow', tags: ['figures'] });
    await wb.updateAnnotation({ id: a.id, body: noteFromMarkdown('A *note*.') });
    const file = await wb.exportAnnotations({ format: 'jsonld' });
    const doc = JSON.parse(file.content);
    expect(doc).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 1 });
    expect(doc.first.items[0]).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'A *note*.', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'figures' },
      ],
      target: {
        source: 'https://journal.example.org/1937',
        selector: [
          { type: 'TextQuoteSelector', exact: '681,692' },
          { type: 'TextPositionSelector', start: a.start, end: a.end },
        ],
      },
    });
  });

  it('renders every note formatting without HTML', () => {
    const md =
      '# H1\n\n## H2\n\n**bold** *italic* ***both*** ~~struck~~ `code`\n\n- a\n    - b\n        - c\n\n1. one\n2. two\n\n> quote\n\n[link](https://example.org)';
    expect(renderNote(noteFromMarkdown(md)).markdown).toBe(md);
  });
});
