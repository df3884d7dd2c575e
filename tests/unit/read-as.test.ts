import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { bytes, tempWorkbench } from './helpers';

const NOTES = `---
title: Census notes
---

# The 1937 census

The census counted **162 million** people, [far fewer](https://example.org/1934) than announced.

- the first count
- the second count

> We will never know the exact number.
`;

async function setup(name = 'notes.txt', text = NOTES) {
  const { wb } = tempWorkbench();
  const out = await wb.importFile({ name, bytes: bytes(text) });
  if (out.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(out)}`);
  return { wb, id: out.source.id };
}

describe('Read as', () => {
  it('switches a Markdown .txt to plain text and back: same text, new passages, annotations and claims kept', async () => {
    const { wb, id } = await setup();
    const before = await wb.getSource({ id });
    expect(before).toMatchObject({ kind: 'markdown', format: 'txt' });
    expect(before.passageList.map((p) => p.kind)).toEqual(['heading', 'paragraph', 'item', 'item', 'quote']);
    const text = before.passageList.map((p) => p.text);
    const at = before.passageList[1]!;
    const start = at.start + at.text.indexOf('162 million');
    const note = await wb.createAnnotation({ sourceId: id, start, end: start + '162 million'.length, colour: 'yellow' });
    const claims = await wb.listClaims({ sourceId: id });

    const plain = await wb.setReadAs({ id, as: 'text' });
    expect(plain).toMatchObject({ annotations: 1, moved: 0, orphaned: 0, source: { kind: 'text' } });
    const asText = await wb.getSource({ id });
    expect(asText.hash).toBe(before.hash);
    expect(asText.passageList.map((p) => p.text)).toEqual([
      '# The 1937 census',
      'The census counted **162 million** people, [far fewer](https://example.org/1934) than announced.',
      // Plain text knows list items too (one passage each, the marker left out), but not headings, emphasis or quotes.
      'the first count',
      'the second count',
      '> We will never know the exact number.',
    ]);
    const [moved] = await wb.listAnnotations({ sourceId: id });
    expect(moved).toMatchObject({ id: note.id, start: note.start, end: note.end, exact: '162 million', orphaned: false, passage: 2 });
    expect((await wb.listClaims({ sourceId: id })).map((c) => [c.quote, c.start])).toEqual(claims.map((c) => [c.quote, c.start]));

    await wb.setReadAs({ id, as: 'markdown' });
    const back = await wb.getSource({ id });
    expect(back.kind).toBe('markdown');
    expect(back.passageList.map((p) => p.text)).toEqual(text);
    expect((await wb.listAnnotations({ sourceId: id }))[0]).toMatchObject({ start: note.start, orphaned: false });
    // Search finds the passages as they are now.
    const hits = await wb.search({ query: 'exact number' });
    expect(hits.hits[0]).toMatchObject({ sourceId: id, ordinal: 5 });
  });

  it('reads a plain .txt with front matter as Markdown, the front matter left out of the passages', async () => {
    const { wb, id } = await setup('plain.txt', '---\ntitle: A letter\n---\n\nDear Anna,\n\n- fond 17\n- fond 89\n');
    // Front matter and a list are not enough to call it Markdown.
    expect((await wb.getSource({ id })).kind).toBe('text');
    await wb.setReadAs({ id, as: 'markdown' });
    const s = await wb.getSource({ id });
    expect(s.passageList.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', 'Dear Anna,'],
      ['item', 'fond 17'],
      ['item', 'fond 89'],
    ]);
    await wb.setReadAs({ id, as: 'text' });
    expect((await wb.getSource({ id })).passageList.map((p) => p.text)).toEqual(['Dear Anna,', 'fond 17', 'fond 89']);
  });

  it('keeps the chosen reading when the text is replaced by a corrected file', async () => {
    const { wb, id } = await setup();
    await wb.setReadAs({ id, as: 'text' });
    await wb.replaceSourceText({ id, name: 'notes-v2.txt', bytes: bytes(NOTES.replace('162 million', '162.0 million')) });
    const s = await wb.getSource({ id });
    expect(s).toMatchObject({ kind: 'text', format: 'txt' });
    expect(s.passageList[0]!.text).toBe('# The 1937 census');
    // A file of another kind brings its own reading.
    await wb.replaceSourceText({
      id,
      name: 'notes.html',
      bytes: bytes('<title>Census notes</title><h1>The 1937 census</h1><p>The census counted 162 million people.</p>'),
    });
    expect(await wb.getSource({ id })).toMatchObject({ kind: 'html', format: 'html' });
  });

  it('is refused for sources that are not plain text or Markdown, and checked by the contract', async () => {
    const { wb } = tempWorkbench();
    const page = await wb.importFile({ name: 'page.html', bytes: bytes('<title>Page</title><p>Text of the page.</p>') });
    const id = (page as { source: { id: number } }).source.id;
    await expect(wb.setReadAs({ id, as: 'markdown' })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/only plain-text and Markdown files/),
    });
    expect(await dispatch(wb, 'setReadAs', { id, as: 'pdf' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch(wb, 'setReadAs', { id: 999, as: 'text' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
