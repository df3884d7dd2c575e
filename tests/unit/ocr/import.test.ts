import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/main/workbench';
import { tempDir } from '../helpers';
import { cer, drawPage, jpegWithExif, tiffOf } from './pages';

const LETTER = ['The archive holds letters from the', 'district committee, dated 1936.'];
const HARVEST = ['Second paragraph about the harvest.'];
const THIRD = ['Third page names the village school.'];

function bench(options: { ocr?: boolean } = {}): Workbench {
  const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ...options });
  return wb;
}

/** A source's text as its passages place it (recognised paragraphs are separated by blank lines). */
function textOf(source: { passageList: { start: number; text: string }[] }): string {
  let out = '';
  for (const p of source.passageList) out = out.padEnd(p.start, '\n') + p.text;
  return out;
}

describe('image sources', () => {
  it('imports a PNG, recognises its text in the background, and stores each word with its box', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'letter.png');
    fs.writeFileSync(file, drawPage([LETTER, HARVEST]).png);
    const wb = bench();
    try {
      const [outcome] = await wb.importAll([file]);
      expect(outcome?.status).toBe('imported');
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      await wb.ocrIdle();
      const source = await wb.getSource({ id });
      expect(source.format).toBe('image');
      expect(source.image?.ocr.state).toBe('done');
      expect(source.image?.pages.map((p) => [p.page, p.mime, p.width])).toEqual([[1, 'image/png', 1800]]);
      const text = textOf(await wb.getSource({ id }));
      expect(cer(`${LETTER.join('\n')}\n\n${HARVEST.join('\n')}`, text)).toBeLessThan(0.03);
      expect(source.passageList.map((p) => [p.page, p.text.split('\n')[0]])).toEqual([
        [1, LETTER[0]],
        [1, HARVEST[0]],
      ]);
      const words = await wb.getOcrWords({ id });
      expect(words.length).toBeGreaterThan(10);
      const seen = words.map((w) => text.slice(w.start, w.end));
      expect(seen).toContain('archive');
      expect(words.every((w) => w.x1 > w.x0 && w.y1 > w.y0 && w.page === 1)).toBe(true);
      // Search and claims follow the recognised text, with the page as locator.
      const found = await wb.search({ query: 'harvest' });
      expect(found.hits[0]).toMatchObject({ sourceId: id, pageLabel: '1' });
      const claims = wb.claimsOf(id);
      expect(Array.isArray(claims)).toBe(true);
      const start = text.indexOf('harvest');
      await wb.createAnnotation({ sourceId: id, start, end: start + 'harvest'.length, colour: 'yellow' });
      const [exported] = await wb.exportMarkdown({ sourceId: id });
      expect(exported?.content).toContain('harvest');
      expect(exported?.content).toMatch(/p\. ?1\b/);
    } finally {
      await wb.shutdown();
    }
  });

  it('imports a two-page TIFF as one source of two pages, each passage on its page', async () => {
    const dir = tempDir();
    const one = drawPage([LETTER]);
    const two = drawPage([THIRD]);
    fs.writeFileSync(path.join(dir, 'scan.tif'), tiffOf([one, two]));
    const wb = bench();
    try {
      const [outcome] = await wb.importAll([path.join(dir, 'scan.tif')]);
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      await wb.ocrIdle();
      const source = await wb.getSource({ id });
      expect(source.image?.pages.map((p) => [p.page, p.mime, p.height])).toEqual([
        [1, 'image/png', one.height],
        [2, 'image/png', two.height],
      ]);
      const page = await wb.getPageImage({ id, page: 2 });
      expect(Buffer.from(page.bytes.subarray(1, 4)).toString('latin1')).toBe('PNG');
      expect(source.passageList.map((p) => p.page)).toEqual([1, 2]);
      expect(source.passageList[1]?.text).toContain('village school');
    } finally {
      await wb.shutdown();
    }
  });

  it('reads the camera date and orientation of a JPEG; the date becomes the source date', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'photo.jpg');
    fs.writeFileSync(file, jpegWithExif(drawPage([LETTER]).jpeg, '1998:05:12 10:30:00', 6));
    const wb = bench({ ocr: false });
    try {
      const [outcome] = await wb.importAll([file]);
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      const source = await wb.getSource({ id });
      expect(source.date).toBe('1998-05-12');
      expect(source.image?.pages[0]).toMatchObject({ exifDate: '1998-05-12', orientation: 6, mime: 'image/jpeg' });
      expect(source.image?.ocr.state).toBe('skipped');
    } finally {
      await wb.shutdown();
    }
  });

  it('groups a folder of images as one source, its pages in file-name order', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'fonds 12');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'p10.png'), drawPage([THIRD]).png);
    fs.writeFileSync(path.join(folder, 'p2.png'), drawPage([LETTER]).png);
    const wb = bench({ ocr: false });
    try {
      const outcomes = await wb.importAll([folder]);
      expect(outcomes).toHaveLength(1);
      const id = outcomes[0]!.status === 'imported' ? outcomes[0]!.source.id : 0;
      const source = await wb.getSource({ id });
      expect(source.title).toBe('fonds 12');
      expect(source.image?.pages.map((p) => p.fileName)).toEqual(['p2.png', 'p10.png']);
    } finally {
      await wb.shutdown();
    }
  });

  it('reports recognition progress, and cancelling leaves the source untouched and skipped', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'long.tif');
    const page = drawPage([LETTER, HARVEST, LETTER, HARVEST]);
    fs.writeFileSync(file, tiffOf([page, page, page]));
    const progress: number[] = [];
    let seen: Awaited<ReturnType<Workbench['getSource']>> | null = null;
    const wb = Workbench.open({
      home: tempDir(),
      dailyBackup: false,
      onOcrProgress: (id, p, fraction) => {
        progress.push(fraction);
        // Part of the way through the second page: what the app shows, then the user cancels.
        if (p === 2 && !seen) {
          void wb.getSource({ id }).then((s) => {
            seen = s;
            return wb.cancelOcr({ id });
          });
        }
      },
    });
    try {
      const [outcome] = await wb.importAll([file]);
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      await wb.ocrIdle();
      expect(seen!.image?.ocr).toMatchObject({ state: 'running', page: 2 });
      expect(seen!.image?.ocr.progress).toBeGreaterThan(0.3);
      expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
      expect(Math.max(...progress)).toBeLessThan(1);
      const after = await wb.getSource({ id });
      expect(after.image?.ocr.state).toBe('skipped');
      expect(after.passageList).toEqual([]);
      expect(await wb.getOcrWords({ id })).toEqual([]);
    } finally {
      await wb.shutdown();
    }
  });

  it('refuses a damaged image, naming it, and writes nothing', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'broken.png'), 'this is not a picture at all');
    const wb = bench();
    try {
      const before = (await wb.listSources()).length;
      const [outcome] = await wb.importAll([path.join(dir, 'broken.png')]);
      expect(outcome?.status).toBe('failed');
      expect(outcome?.status === 'failed' && outcome.error.message).toMatch(/broken\.png is not a readable image/);
      expect((await wb.listSources()).length).toBe(before);
    } finally {
      await wb.shutdown();
    }
  });

  it('a corrected transcription keeps the boxes of the words it did not change', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'letter.png');
    fs.writeFileSync(file, drawPage([LETTER, HARVEST]).png);
    const wb = bench();
    try {
      const [outcome] = await wb.importAll([file]);
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      await wb.ocrIdle();
      const text = textOf(await wb.getSource({ id }));
      const words = await wb.getOcrWords({ id });
      const corrected = text.replace('harvest', 'harvests');
      await wb.replaceSourceText({ id, name: 'transcription.txt', bytes: new TextEncoder().encode(corrected) });
      const source = await wb.getSource({ id });
      expect(source.format).toBe('image');
      const after = await wb.getOcrWords({ id });
      const kept = after.map((w) => corrected.slice(w.start, w.end));
      expect(kept).toContain('archive');
      expect(kept).not.toContain('harvests');
      expect(after.length).toBe(words.length - 1);
      expect(after.find((w) => corrected.slice(w.start, w.end) === 'archive')).toMatchObject({
        x0: words.find((w) => text.slice(w.start, w.end) === 'archive')!.x0,
      });
      expect(source.passageList.map((p) => p.page)).toEqual([1, 1]);
      expect((await wb.search({ query: 'harvests' })).hits[0]?.sourceId).toBe(id);
    } finally {
      await wb.shutdown();
    }
  });
});
