import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/main/workbench';
import type { OcrWordBox } from '../../../src/shared/types';
import { tempDir } from '../helpers';
import { drawPage } from './pages';

const LETTER = ['The archive holds letters from the', 'district committee, dated 1936.'];
const HARVEST = ['Second paragraph about the harvest.'];

/** A source's text as its passages place it. */
function textOf(source: { passageList: { start: number; text: string }[] }): string {
  let out = '';
  for (const p of source.passageList) out = out.padEnd(p.start, '\n') + p.text;
  return out;
}
const box = (w: OcrWordBox | undefined) => w && [w.page, w.x0, w.y0, w.x1, w.y1];

describe('correcting a transcription in place', () => {
  let wb: Workbench;
  let id = 0;
  beforeAll(async () => {
    const dir = tempDir();
    const file = path.join(dir, 'letter.png');
    fs.writeFileSync(file, drawPage([LETTER, HARVEST]).png);
    wb = Workbench.open({ home: tempDir(), dailyBackup: false });
    const [outcome] = await wb.importAll([file]);
    id = outcome!.status === 'imported' ? outcome!.source.id : 0;
    await wb.ocrIdle();
  }, 120_000);
  afterAll(async () => {
    await wb.shutdown();
  });

  it('keeps the corrected word’s box, trusts it, moves the words after it, and search finds it', async () => {
    const text = textOf(await wb.getSource({ id }));
    const before = await wb.getOcrWords({ id });
    const at = text.indexOf('committee');
    expect(at).toBeGreaterThan(0);
    const old = before.find((w) => w.start === at)!;
    const harvest = text.indexOf('harvest');
    const note = await wb.createAnnotation({ sourceId: id, start: harvest, end: harvest + 'harvest'.length, colour: 'yellow' });
    expect((await wb.search({ query: 'kommitee' })).hits.filter((h) => h.sourceId === id && h.snippet.includes('kommitee'))).toEqual([]);

    const result = await wb.correctSourceText({ id, start: at, end: at + 'committee'.length, text: 'kommitee', expected: 'committee' });
    expect(result).toMatchObject({ annotations: 1, orphaned: 0, moved: 1 });

    const source = await wb.getSource({ id });
    const after = textOf(source);
    expect(after).toBe(text.slice(0, at) + 'kommitee' + text.slice(at + 'committee'.length));
    expect(source.image?.ocr.state).toBe('done');
    const words = await wb.getOcrWords({ id });
    expect(words).toHaveLength(before.length);
    const corrected = words.find((w) => w.start === at)!;
    expect(after.slice(corrected.start, corrected.end)).toBe('kommitee,');
    expect(box(corrected)).toEqual(box(old));
    expect(corrected).toMatchObject({ trusted: true, confidence: old.confidence });
    expect(words.filter((w) => w.trusted)).toHaveLength(1);
    // Every word after it keeps its box, one character earlier.
    const last = before[before.length - 1]!;
    expect(box(words[words.length - 1])).toEqual(box(last));
    expect(words[words.length - 1]!.start).toBe(last.start - 1);

    const found = await wb.search({ query: 'kommitee' });
    expect(found.hits.some((h) => h.sourceId === id)).toBe(true);
    const [moved] = await wb.listAnnotations({ sourceId: id });
    expect(moved).toMatchObject({ id: note.id, start: harvest - 1, exact: 'harvest' });
  });

  it('writes nothing when the text shown is no longer the text stored', async () => {
    const text = textOf(await wb.getSource({ id }));
    const at = text.indexOf('archive');
    await expect(wb.correctSourceText({ id, start: at, end: at + 7, text: 'archives', expected: 'archivo' })).rejects.toThrow(
      /changed since it was shown.*nothing was written/,
    );
    expect(textOf(await wb.getSource({ id }))).toBe(text);
  });

  it('refuses a source that is not a photograph or scan, naming it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plain.txt');
    fs.writeFileSync(file, 'A typed note.\n');
    const [outcome] = await wb.importAll([file]);
    const plain = outcome!.status === 'imported' ? outcome!.source.id : 0;
    await expect(wb.correctSourceText({ id: plain, start: 0, end: 1, text: 'a', expected: 'A' })).rejects.toThrow(/plain.*not a photograph or scan/);
  });
});

describe('a transcription typed by hand', () => {
  it('gives an image source that was not recognised its text, paragraphs on its page, found by search', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'handwritten.png');
    fs.writeFileSync(file, drawPage([HARVEST]).png);
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
    try {
      const [outcome] = await wb.importAll([file]);
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      const empty = await wb.getSource({ id });
      expect(empty).toMatchObject({ chars: 0, image: { ocr: { state: 'skipped' } } });
      const typed = 'Letter from the kolkhoz chairman.\r\n\r\nThe harvest was short.';
      await wb.correctSourceText({ id, start: 0, end: 0, text: typed, expected: '' });
      const source = await wb.getSource({ id });
      expect(source.passageList.map((p) => [p.text, p.page])).toEqual([
        ['Letter from the kolkhoz chairman.', 1],
        ['The harvest was short.', 1],
      ]);
      expect(source.image?.ocr.state).toBe('skipped');
      expect((await wb.search({ query: 'kolkhoz' })).hits.map((h) => h.sourceId)).toEqual([id]);
      await expect(wb.correctSourceText({ id, start: 0, end: source.chars, text: ' ', expected: textOf(source) })).rejects.toThrow(
        /cannot be left empty/,
      );
    } finally {
      await wb.shutdown();
    }
  });
});
