import exifr from 'exifr';
import { PNG } from 'pngjs';
import Tesseract from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../src/main/ingest/image';
import { defaultLangPath, recognise, withOrientation } from '../../../src/main/ocr/recognise';
import { boxToStored, uprightOf } from '../../../src/shared/orientation';
import { cer, drawPage } from './pages';

/** A 60 × 30 white image, black in its 10 × 10 top-left corner only: no turn or mirror leaves it the same. */
const W = 60;
const H = 30;
function corner(): Uint8Array {
  const png = new PNG({ width: W, height: H });
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const v = x < 10 && y < 10 ? 0 : 255;
      png.data.set([v, v, v, 255], (y * W + x) * 4);
    }
  return new Uint8Array(PNG.sync.write(png));
}

/** The black pixels' box in a PNG (x1, y1 exclusive), and the image's size. */
function darkBox(png: Buffer): { width: number; height: number; box: { x0: number; y0: number; x1: number; y1: number } } {
  const img = PNG.sync.read(png);
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4]! >= 128) continue;
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x + 1);
      box.y1 = Math.max(box.y1, y + 1);
    }
  return { width: img.width, height: img.height, box };
}

/**
 * Where the stored image's top-left corner is once the page is upright, by the EXIF standard's
 * own words for each value (the stored 0th row and 0th column are the upright page's …).
 */
const UPRIGHT_CORNER: Record<number, { width: number; height: number; box: { x0: number; y0: number; x1: number; y1: number } }> = {
  1: { width: 60, height: 30, box: { x0: 0, y0: 0, x1: 10, y1: 10 } }, // top, left
  2: { width: 60, height: 30, box: { x0: 50, y0: 0, x1: 60, y1: 10 } }, // top, right (mirrored)
  3: { width: 60, height: 30, box: { x0: 50, y0: 20, x1: 60, y1: 30 } }, // bottom, right
  4: { width: 60, height: 30, box: { x0: 0, y0: 20, x1: 10, y1: 30 } }, // bottom, left (mirrored)
  5: { width: 30, height: 60, box: { x0: 0, y0: 0, x1: 10, y1: 10 } }, // left side, top (transposed)
  6: { width: 30, height: 60, box: { x0: 20, y0: 0, x1: 30, y1: 10 } }, // right side, top
  7: { width: 30, height: 60, box: { x0: 20, y0: 50, x1: 30, y1: 60 } }, // right side, bottom (transverse)
  8: { width: 30, height: 60, box: { x0: 0, y0: 50, x1: 10, y1: 60 } }, // left side, bottom
};

describe('reading a turned or mirrored photograph upright', () => {
  it('says the orientation exifr read the one way tesseract.js finds it, in a JPEG and in a PNG', async () => {
    const page = drawPage([['A line']], 400);
    for (const bytes of [page.jpeg, page.png]) {
      const marked = withOrientation(bytes, 8);
      // Big-endian, within the first 500 bytes: what tesseract.js's setImage looks for.
      expect(Buffer.from(marked.subarray(0, 500)).includes(Buffer.from([1, 18, 0, 3, 0, 0, 0, 1, 0, 8]))).toBe(true);
      expect(await exifr.parse(Buffer.from(marked), { pick: ['Orientation'], translateValues: false })).toMatchObject({ Orientation: 8 });
    }
  });

  it('reads each of the 8 orientations upright, mirrored ones mirrored back, and gives boxes back on the image as stored', async () => {
    const stored = corner();
    const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, { langPath: defaultLangPath(), gzip: true, cacheMethod: 'none' });
    try {
      for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const bytes = orientation === 1 ? stored : withOrientation(stored, orientation);
        // The pixels the recogniser reads (its own copy of the page, after making it upright).
        const seen = await worker.recognize(Buffer.from(bytes), {}, { imageColor: true, text: false });
        const upright = darkBox(Buffer.from(String(seen.data.imageColor).replace(/^data:image\/png;base64,/, ''), 'base64'));
        expect({ orientation, ...upright }).toEqual({ orientation, ...UPRIGHT_CORNER[orientation] });
        // A box found there is the corner of the image as stored.
        expect({ orientation, box: boxToStored(upright.box, orientation, W, H) }).toEqual({ orientation, box: { x0: 0, y0: 0, x1: 10, y1: 10 } });
      }
    } finally {
      await worker.terminate();
    }
  });

  it('recognises a photograph stored mirrored (2) or mirrored and turned (7), each word on its box as stored', async () => {
    const page = drawPage([['The committee met in the spring.']], 900);
    const { width: w, height: h, rgba } = page;
    const at = (x: number, y: number) => rgba.subarray((y * w + x) * 4, (y * w + x) * 4 + 4);
    // The image as the camera stored it: each stored pixel is the upright page's pixel the EXIF value names.
    const store = (sw: number, sh: number, from: (x: number, y: number) => Uint8Array) => {
      const out = new Uint8Array(sw * sh * 4);
      for (let y = 0; y < sh; y++) for (let x = 0; x < sw; x++) out.set(from(x, y), (y * sw + x) * 4);
      return encodePng(out, sw, sh);
    };
    const cases = [
      { orientation: 2, width: w, height: h, bytes: store(w, h, (x, y) => at(w - 1 - x, y)) },
      { orientation: 7, width: h, height: w, bytes: store(h, w, (x, y) => at(w - 1 - y, h - 1 - x)) },
    ];
    // Where "committee" is on the upright page, read from it directly.
    const plain = await recognise(page.png);
    const upright = plain.words.find((x) => x.text === 'committee')!.box;
    for (const c of cases) {
      const out = await recognise(c.bytes, { stored: [{ width: c.width, height: c.height, orientation: c.orientation }] });
      expect(cer('The committee met in the spring.', out.text)).toBeLessThan(0.05);
      const box = out.words.find((x) => x.text === 'committee')!.box;
      // The same word, on the stored image where the upright page's word went.
      const expected = boxToStored(upright, c.orientation, c.width, c.height);
      for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(box[k] - expected[k])).toBeLessThanOrEqual(3);
      if (c.orientation === 2) expect(box.x0).toBeCloseTo(w - upright.x1, -1);
      else expect(box.y0).toBeCloseTo(w - upright.x1, -1);
    }
  });

  it('names four of the eight mirrored', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].filter((o) => uprightOf(o).mirrored)).toEqual([2, 4, 5, 7]);
    expect(uprightOf(null)).toEqual({ turns: 0, mirrored: false });
    expect(uprightOf(9)).toEqual({ turns: 0, mirrored: false });
  });
});
