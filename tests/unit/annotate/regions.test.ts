import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { Workbench } from '../../../src/main/workbench';
import { bytes, tempDir } from '../helpers';

/** A 400 × 300 white page with a red stamp at (40, 50), 100 × 60, as PNG or JPEG. */
function page(type: 'png' | 'jpeg' = 'png'): Uint8Array {
  const canvas = createCanvas(400, 300);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 400, 300);
  g.fillStyle = '#ff0000';
  g.fillRect(40, 50, 100, 60);
  return new Uint8Array(type === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 95));
}

/** The contract's answer, as a promise that rejects with the error crossing the boundary. */
async function call(wb: Workbench, method: string, input: Record<string, unknown>) {
  const reply = await dispatch(wb, method, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.value;
}

async function imageSource(type: 'png' | 'jpeg' = 'png') {
  const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
  const out = await wb.importFile({ name: `Letter with stamp.${type === 'png' ? 'png' : 'jpg'}`, bytes: page(type) });
  if (out.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(out)}`);
  return { wb, id: out.source.id };
}

const TRANSCRIPTION = 'To the district committee.\n\nThe harvest was poor in 1936.';

describe('region annotations', () => {
  it('stores a region with its page and rectangle, note, colour and tags, listed after the text annotations', async () => {
    const { wb, id } = await imageSource();
    try {
      await wb.replaceSourceText({ id, name: 'transcription.txt', bytes: bytes(TRANSCRIPTION) });
      const at = TRANSCRIPTION.indexOf('harvest');
      const text = await wb.createAnnotation({ sourceId: id, start: at, end: at + 7, colour: 'yellow' });
      const region = await wb.createRegionAnnotation({ sourceId: id, page: 1, x: 40, y: 50, w: 100, h: 60, colour: 'pink', tags: ['stamp'] });
      expect(region).toMatchObject({
        region: { page: 1, x: 40, y: 50, w: 100, h: 60 },
        colour: 'pink',
        tags: ['stamp'],
        passage: null,
        orphaned: false,
      });
      const noted = await wb.updateAnnotation({ id: region.id, body: null });
      expect(noted.region).toEqual(region.region);
      expect((await wb.listAnnotations({ sourceId: id })).map((a) => a.id)).toEqual([text.id, region.id]);
      expect(text.region).toBeUndefined();
      // Deleting and restoring are the annotations' own.
      await wb.deleteAnnotation({ id: region.id });
      expect((await wb.listAnnotations({ sourceId: id })).map((a) => a.id)).toEqual([text.id]);
      expect((await wb.restoreAnnotation({ id: region.id })).region).toEqual(region.region);
    } finally {
      await wb.shutdown();
    }
  });

  it('leaves regions where they are when the text is corrected, while text annotations are re-anchored', async () => {
    const { wb, id } = await imageSource();
    try {
      await wb.replaceSourceText({ id, name: 'transcription.txt', bytes: bytes(TRANSCRIPTION) });
      const at = TRANSCRIPTION.indexOf('harvest');
      const text = await wb.createAnnotation({ sourceId: id, start: at, end: at + 7, colour: 'yellow' });
      const region = await wb.createRegionAnnotation({ sourceId: id, page: 1, x: 40, y: 50, w: 100, h: 60, colour: 'blue' });
      const corrected = `Dear comrades.\n\n${TRANSCRIPTION}`;
      const result = await wb.replaceSourceText({ id, name: 'transcription.txt', bytes: bytes(corrected) });
      // Only the text annotation is counted and moved; the region is not orphaned.
      expect(result).toMatchObject({ annotations: 1, moved: 1, orphaned: 0 });
      const list = await wb.listAnnotations({ sourceId: id });
      expect(list.find((a) => a.id === text.id)).toMatchObject({ start: corrected.indexOf('harvest'), orphaned: false });
      expect(list.find((a) => a.id === region.id)).toMatchObject({ region: region.region, orphaned: false, start: 0, end: 0, exact: '' });
      // A text that loses every word still leaves the region as it was.
      await wb.replaceSourceText({ id, name: 'transcription.txt', bytes: bytes('Illegible.') });
      expect((await wb.listAnnotations({ sourceId: id })).find((a) => a.id === region.id)).toMatchObject({ region: region.region, orphaned: false });
      await expect(wb.reattachAnnotation({ id: region.id, start: 0, end: 4 })).rejects.toThrow(
        /region of page 1's image of Letter with stamp: it has no text/,
      );
    } finally {
      await wb.shutdown();
    }
  });

  it('refuses a rectangle of no size or off the page, naming the source and the page', async () => {
    const { wb, id } = await imageSource();
    try {
      const region = (input: Record<string, unknown>) => call(wb, 'createRegionAnnotation', { sourceId: id, page: 1, colour: 'yellow', ...input });
      await expect(region({ x: 10, y: 10, w: 0, h: 20 })).rejects.toThrow('The region on page 1 of Letter with stamp has no size (0 × 20 pixels)');
      await expect(region({ x: 10, y: 10, w: 20, h: 0 })).rejects.toThrow(/page 1 of Letter with stamp has no size/);
      await expect(region({ x: 350, y: 10, w: 51, h: 20 })).rejects.toThrow(
        'The region on page 1 of Letter with stamp (350, 10, 51 × 20 pixels) reaches outside the page image, which is 400 × 300 pixels',
      );
      await expect(region({ x: 0, y: 290, w: 10, h: 11 })).rejects.toThrow(/outside the page image/);
      await expect(region({ page: 2, x: 0, y: 0, w: 10, h: 10 })).rejects.toThrow('Letter with stamp has no page 2 (it has 1)');
      await expect(region({ x: -1, y: 0, w: 10, h: 10 })).rejects.toMatchObject({ code: 'invalid_request' });
      await expect(region({ x: 1.5, y: 0, w: 10, h: 10 })).rejects.toMatchObject({ code: 'invalid_request' });
      // The whole page is a region that fits.
      await expect(region({ x: 0, y: 0, w: 400, h: 300 })).resolves.toMatchObject({ region: { page: 1, w: 400, h: 300 } });
      const other = await wb.importFile({ name: 'typed.txt', bytes: bytes('A typed letter.') });
      const textId = other.status === 'imported' ? other.source.id : 0;
      await expect(call(wb, 'createRegionAnnotation', { sourceId: textId, page: 1, x: 0, y: 0, w: 1, h: 1, colour: 'yellow' })).rejects.toThrow(
        'typed has no page images: regions are marked on photographs and scans',
      );
      expect(await wb.listAnnotations({ sourceId: id })).toHaveLength(1);
    } finally {
      await wb.shutdown();
    }
  });

  it('keeps a rectangle whole in the project file: all five columns or none', async () => {
    const { wb, id } = await imageSource();
    try {
      const db = (wb as unknown as { current: { db: import('better-sqlite3').Database } }).current.db;
      const insert = (cols: string, values: string) =>
        db
          .prepare(
            `INSERT INTO annotation (source_id, start, "end", exact, prefix, suffix, colour, created_at, updated_at${cols}) VALUES (?, 0, 0, '', '', '', 'yellow', 'now', 'now'${values})`,
          )
          .run(id);
      expect(() => insert(', region_page, region_x', ', 1, 5')).toThrow(/CHECK constraint failed/);
      expect(() => insert(', region_page, region_x, region_y, region_w, region_h', ', 1, 5, 5, 0, 5')).toThrow(/CHECK constraint failed/);
      expect(() => insert(', region_page, region_x, region_y, region_w, region_h', ', 1, 5, 5, 5, 5')).not.toThrow();
    } finally {
      await wb.shutdown();
    }
  });

  it('exports a region to Markdown as its crop, a PNG beside the notes, for PNG and JPEG pages', async () => {
    for (const type of ['png', 'jpeg'] as const) {
      const { wb, id } = await imageSource(type);
      try {
        const region = await wb.createRegionAnnotation({ sourceId: id, page: 1, x: 30, y: 40, w: 120, h: 80, colour: 'green', tags: ['stamp'] });
        await wb.updateAnnotation({ id: region.id, body: null });
        const files = await wb.exportMarkdown({ sourceId: id });
        const md = files.find((f) => f.name.endsWith('.md'))!;
        const png = files.find((f) => f.bytes)!;
        expect(png.name).toBe(`letter-with-stamp-page-1-region-${region.uuid.slice(0, 8)}.png`);
        expect(md.content).toContain(`## Page 1, region\n\n![page 1, region (x 30, y 40, 120 × 80 pixels)](${png.name})`);
        expect(md.content).toContain('#stamp');
        const crop = PNG.sync.read(Buffer.from(png.bytes!));
        expect([crop.width, crop.height]).toEqual([120, 80]);
        const at = (x: number, y: number) => [...crop.data.subarray((y * crop.width + x) * 4, (y * crop.width + x) * 4 + 3)];
        const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]!) < 24);
        // The stamp starts 10 px right of and 10 px below the crop's corner.
        expect(near(at(5, 5), [255, 255, 255]), `${type} ${at(5, 5)}`).toBe(true);
        expect(near(at(15, 15), [255, 0, 0]), `${type} ${at(15, 15)}`).toBe(true);
        expect(near(at(105, 65), [255, 0, 0]), `${type} ${at(105, 65)}`).toBe(true);
        expect(near(at(115, 75), [255, 255, 255]), `${type} ${at(115, 75)}`).toBe(true);
      } finally {
        await wb.shutdown();
      }
    }
  });
});
