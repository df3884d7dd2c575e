import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteFromMarkdown } from '../../../src/main/annotate/note';
import { codePointOffsets } from '../../../src/main/export/jsonld';
import { utf16Offsets } from '../../../src/main/export/jsonld-import';
import type { Workbench } from '../../../src/main/workbench';
import { validate } from '../../../src/main/dispatch';
import { rawInput } from '../../../src/shared/wire';
import type { Annotation } from '../../../src/shared/types';
import { bytes, fixture, tempWorkbench } from '../helpers';

const LETTER = [
  'Letter of 2 August 1937',
  '',
  'In the first year of the operation 259,450 were sentenced, of whom 72,950 to be shot. Orders were sent to the regions in August.',
  '',
  'The 𝔄rchive copy 😀 notes the figure again: the regions reported late.',
].join('\n');
const ESSAY = [
  'Notes on the Great Terror',
  '',
  'The secondary literature repeats that 259,450 were sentenced, citing the letter. Orders were sent to the regions in August; the regions reported late.',
  '',
  'Conquest and Khlevniuk differ on the *numbers*.',
].join('\n');

async function withSources(wb: Workbench, texts: Record<string, string> = { 'letter.txt': LETTER, 'essay.txt': ESSAY }) {
  const ids: Record<string, number> = {};
  for (const [name, text] of Object.entries(texts)) {
    const out = await wb.importFile({ name, bytes: bytes(text) });
    if (out.status !== 'imported') throw new Error(`${name}: ${out.status}`);
    ids[name] = out.source.id;
  }
  const text = (name: string) => texts[name]!;
  /** The span of the n-th (0-based) occurrence of `quote` in a source's text. */
  const span = (name: string, quote: string, n = 0) => {
    let at = -1;
    for (let i = 0; i <= n; i++) at = text(name).indexOf(quote, at + 1);
    if (at < 0) throw new Error(`${quote} is not in ${name}`);
    return { sourceId: ids[name]!, start: at, end: at + quote.length };
  };
  return { ids, span };
}

/** What must survive a round trip. */
const kept = (a: Annotation) => ({
  uuid: a.uuid,
  source: a.sourceTitle,
  start: a.start,
  end: a.end,
  exact: a.exact,
  orphaned: a.orphaned,
  colour: a.colour,
  markdown: a.markdown,
  plain: a.plain,
  tags: [...a.tags].sort(),
  createdAt: a.createdAt,
});

const file = (doc: unknown, name = 'notes.jsonld') => ({ name, bytes: bytes(typeof doc === 'string' ? doc : JSON.stringify(doc)) });

describe('importing W3C Web Annotations', () => {
  it('round trip: every annotation comes back in a fresh project at the same span with its note, tags and colour; importing again adds nothing', async () => {
    const { wb: first } = tempWorkbench();
    const { span } = await withSources(first);
    await first.createAnnotation({ ...span('letter.txt', '259,450 were sentenced'), colour: 'pink' });
    const note = await first.createAnnotation({
      ...span('essay.txt', 'Conquest and Khlevniuk'),
      colour: 'green',
      tags: ['historiography', 'numbers'],
    });
    await first.updateAnnotation({
      id: note.id,
      body: noteFromMarkdown('Two **readings** of the *same* figures:\n\n- Conquest\n- Khlevniuk\n\nSee [the letter](https://example.org/letter).'),
    });
    // The same words in both sources: the prefix and suffix tell them apart.
    await first.createAnnotation({ ...span('letter.txt', 'the regions reported late'), colour: 'blue', tags: ['regions'] });
    await first.createAnnotation({ ...span('essay.txt', 'the regions reported late'), colour: 'purple' });
    // After an astral character: positions in code points.
    const astral = await first.createAnnotation({ ...span('letter.txt', 'notes the figure'), colour: 'yellow' });
    await first.updateAnnotation({ id: astral.id, body: noteFromMarkdown('After 𝔄 and 😀.') });
    const before = (await first.listAnnotations({})).map(kept);
    const exported = await first.exportAnnotations({ format: 'jsonld' });

    const { wb } = tempWorkbench();
    await withSources(wb);
    const result = await wb.importAnnotations(file(exported.content, exported.name));
    expect(result).toEqual({ imported: 5, placed: 5, orphaned: 0, skipped: [], duplicates: 0 });
    const after = (await wb.listAnnotations({})).map(kept);
    expect(after).toEqual(before);
    expect(after.find((a) => a.colour === 'green')!.markdown).toContain('**readings**');

    // A second import of the same file adds nothing, and neither does importing into the original project.
    expect(await wb.importAnnotations(file(exported.content))).toEqual({ imported: 0, placed: 0, orphaned: 0, skipped: [], duplicates: 5 });
    expect(await wb.listAnnotations({})).toHaveLength(5);
    expect((await first.importAnnotations(file(exported.content))).duplicates).toBe(5);
    expect(await first.listAnnotations({})).toHaveLength(5);
  });

  it('accepts the annotations as an AnnotationPage, a bare array or one annotation', async () => {
    const { wb: first } = tempWorkbench();
    const { span } = await withSources(first);
    await first.createAnnotation({ ...span('letter.txt', '72,950 to be shot'), colour: 'pink', tags: ['figures'] });
    await first.createAnnotation({ ...span('essay.txt', 'citing the letter'), colour: 'blue' });
    const doc = JSON.parse((await first.exportAnnotations({ format: 'jsonld' })).content);
    for (const shape of [doc.first, doc.first.items, doc.first.items[0]]) {
      const { wb } = tempWorkbench();
      await withSources(wb);
      const result = await wb.importAnnotations(file(shape));
      expect(result.placed).toBe(Array.isArray(shape) || shape.items ? 2 : 1);
      const list = await wb.listAnnotations({});
      expect(list.find((a) => a.exact === '72,950 to be shot')).toMatchObject({ colour: 'pink', tags: ['figures'] });
    }
  });

  it('places a quote in a corrected text (words changed around it), and keeps one it cannot place as not placed', async () => {
    const { wb: first } = tempWorkbench();
    const { span } = await withSources(first);
    const figure = await first.createAnnotation({ ...span('letter.txt', '259,450 were sentenced'), colour: 'pink' });
    await first.updateAnnotation({ id: figure.id, body: noteFromMarkdown('The *figure*.') });
    await first.createAnnotation({ ...span('letter.txt', 'Orders were sent to the regions'), colour: 'green', tags: ['orders'] });
    const exported = (await first.exportAnnotations({ format: 'jsonld' })).content;

    const corrected = LETTER.replace('In the first year of the operation', 'During the whole first year of this operation,')
      .replace(', of whom 72,950 to be shot', ' (72,950 of them to death)')
      .replace('Orders were sent to the regions', 'Instructions went out');
    const { wb } = tempWorkbench();
    const { ids } = await withSources(wb, { 'letter.txt': corrected });
    // The rewritten quote is in no source: reported, until the historian chooses the source.
    const result = await wb.importAnnotations(file(exported));
    expect(result).toMatchObject({ imported: 1, placed: 1, orphaned: 0, duplicates: 0 });
    expect(result.skipped).toEqual([
      {
        index: 1,
        id: expect.stringMatching(/^urn:uuid:/),
        reason: expect.stringMatching(/no source's text has the quote “Orders were sent to the regions”.*choose the source/),
      },
    ]);
    const again = await wb.importAnnotations({ ...file(exported), sourceId: ids['letter.txt'] });
    expect(again).toEqual({ imported: 1, placed: 0, orphaned: 1, duplicates: 1, skipped: [] });
    const list = await wb.listAnnotations({ sourceId: ids['letter.txt'] });
    const placed = list.find((a) => !a.orphaned)!;
    expect(corrected.slice(placed.start, placed.end)).toBe('259,450 were sentenced');
    expect(placed.markdown).toBe('The *figure*.');
    // Not placed, but kept with its quote, its colour and its tags, as after a correction.
    expect(list.find((a) => a.orphaned)).toMatchObject({
      exact: 'Orders were sent to the regions',
      colour: 'green',
      tags: ['orders'],
      passage: null,
    });
  });

  it('imports a Hypothesis export onto the source whose web address its target names', async () => {
    const { wb } = tempWorkbench();
    const { ids } = await withSources(wb);
    await wb.updateSource({ id: ids['letter.txt']!, origin: 'https://example.org/archive/letters/1937-08-02' });
    const json = fs.readFileSync(path.join(fixture('w3c-import'), 'hypothesis-api.json'));
    const result = await wb.importAnnotations({ name: 'hypothesis-api.json', bytes: new Uint8Array(json) });
    expect(result).toMatchObject({ imported: 2, placed: 2, orphaned: 0, duplicates: 0 });
    expect(result.skipped.map((s) => s.index)).toEqual([2, 3]);
    expect(result.skipped[0]!.reason).toMatch(/whole page/);
    expect(result.skipped[1]!.reason).toMatch(/reply/);
    // The quotes are in both sources: the address decides.
    const list = await wb.listAnnotations({});
    expect(list.every((a) => a.sourceId === ids['letter.txt'])).toBe(true);
    const figure = list.find((a) => a.exact === '259,450 were sentenced')!;
    expect(LETTER.slice(figure.start, figure.end)).toBe('259,450 were sentenced');
    expect(figure).toMatchObject({
      colour: 'yellow',
      markdown: 'Compare the *figure* with **order 00447**.',
      plain: 'Compare the figure with order 00447.',
      createdAt: '2024-03-05T10:12:44.123Z',
    });
    expect([...figure.tags].sort()).toEqual(['1937', 'nkvd']);
    expect(list.find((a) => a.exact === 'the regions')).toMatchObject({ markdown: '', tags: [] });
    expect(LETTER.indexOf('were sent to the regions in August')).toBeGreaterThan(0);

    // Hypothesis ids are kept (as name-based UUIDs): a second import, even as the client's export, adds nothing.
    const rows = JSON.parse(json.toString('utf8')).rows;
    const clientExport = {
      export_date: '2024-03-07T09:00:00.000Z',
      export_userid: 'acct:historian@hypothes.is',
      client_version: '1.1500.0',
      annotations: rows,
    };
    expect(await wb.importAnnotations(file(clientExport, 'hypothesis-export.json'))).toMatchObject({ imported: 0, duplicates: 2 });
  });

  it('reads TextPositionSelector offsets as code points when astral characters come before the quote', async () => {
    const text = `${'😀'.repeat(30)} alpha xxxxx alpha 𝔄 end`;
    const { wb } = tempWorkbench();
    const { ids } = await withSources(wb, { 'astral.txt': text });
    const second = text.lastIndexOf('alpha');
    const points = [...text.slice(0, second)].length;
    expect(points).toBeLessThan(second);
    const annotation = (id: string, selector: unknown[]) => ({ id, type: 'Annotation', target: { source: 'https://elsewhere.example/x', selector } });
    const result = await wb.importAnnotations({
      ...file([
        // The quote alone is ambiguous: only the position, counted in code points, picks the second "alpha".
        annotation('urn:uuid:0b6c3f1e-8d8e-4f59-9a8e-5b0c6f7d1a01', [
          { type: 'TextQuoteSelector', exact: 'alpha' },
          { type: 'TextPositionSelector', start: points, end: points + 5 },
        ]),
        // A position alone selects its text.
        annotation('urn:uuid:0b6c3f1e-8d8e-4f59-9a8e-5b0c6f7d1a02', [
          { type: 'TextPositionSelector', start: [...text].length - 5, end: [...text].length - 4 },
        ]),
      ]),
      sourceId: ids['astral.txt'],
    });
    expect(result).toMatchObject({ imported: 2, placed: 2 });
    const list = await wb.listAnnotations({});
    expect(list.find((a) => a.exact === 'alpha')).toMatchObject({ start: second, end: second + 5 });
    expect(list.find((a) => a.exact !== 'alpha')!.exact).toBe('𝔄');
    // The conversion is the export's, inverted.
    const offsets = [0, 1, 3, 4];
    const cp = codePointOffsets('a😀b', offsets);
    expect(utf16Offsets('a😀b', [...cp.values()])).toEqual(new Map(offsets.map((o) => [cp.get(o)!, o])));
  });

  it('reports an annotation that fits no source, and places it on the source the historian chooses', async () => {
    const { wb } = tempWorkbench();
    const { ids } = await withSources(wb);
    const items = [
      {
        id: 'http://example.org/anno/1',
        type: 'Annotation',
        body: { type: 'TextualBody', value: 'Not here.' },
        target: { source: 'http://example.org/page1', selector: { type: 'TextQuoteSelector', exact: 'a sentence no source has' } },
      },
      {
        id: 'http://example.org/anno/2',
        type: 'Annotation',
        target: { source: 'http://example.org/page1', selector: { type: 'TextQuoteSelector', exact: 'the regions' } },
      },
      { id: 'http://example.org/anno/3', type: 'Annotation', target: 'http://example.org/page1' },
    ];
    const result = await wb.importAnnotations(file({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items }));
    expect(result.imported).toBe(0);
    expect(result.skipped.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(result.skipped[0]!.reason).toMatch(/no source comes from http:\/\/example\.org\/page1.*no source's text has the quote/);
    expect(result.skipped[1]!.reason).toMatch(/is in 2 sources/);
    expect(result.skipped[2]!.reason).toMatch(/quotes no text/);
    expect(await wb.listAnnotations({})).toEqual([]);

    const chosen = await wb.importAnnotations({ ...file({ type: 'AnnotationPage', items }), sourceId: ids['essay.txt'] });
    expect(chosen).toMatchObject({ imported: 2, placed: 1, orphaned: 1 });
    const list = await wb.listAnnotations({});
    expect(list.every((a) => a.sourceId === ids['essay.txt'])).toBe(true);
    expect(list.find((a) => a.orphaned)).toMatchObject({ exact: 'a sentence no source has', markdown: 'Not here.' });
  });

  it('refuses a file that is not JSON or holds no annotations, naming it, and writes nothing', async () => {
    const { wb } = tempWorkbench();
    await withSources(wb);
    const refused = async (name: string, content: string, problem: RegExp) => {
      const err = await wb.importAnnotations({ name, bytes: bytes(content) }).catch((e: unknown) => e);
      expect(err, name).toMatchObject({ code: 'invalid_request' });
      expect((err as Error).message).toContain(name);
      expect((err as Error).message).toMatch(problem);
    };
    await refused('broken.jsonld', '{"type": "AnnotationCollection", "first": {', /is not a JSON file/);
    await refused('references.json', JSON.stringify([{ type: 'book', title: 'The Great Terror' }]), /holds no annotations/);
    await refused('settings.json', JSON.stringify({ theme: 'dark' }), /holds no annotations/);
    await refused('paged.jsonld', JSON.stringify({ type: 'AnnotationCollection', first: 'http://example.org/page1' }), /pages are not in the file/);
    expect(await wb.listAnnotations({})).toEqual([]);
    expect(await wb.listTags()).toEqual([]);
  });

  it('travels over HTTP as a raw-body call with its name and chosen source in the query string', () => {
    const input = rawInput('importAnnotations', new URLSearchParams('name=notes.jsonld&sourceId=3'), bytes('[]'));
    expect(validate('importAnnotations', input).input).toMatchObject({ name: 'notes.jsonld', sourceId: 3 });
  });
});
