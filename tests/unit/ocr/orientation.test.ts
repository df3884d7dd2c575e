import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { quarterTurns, unturn, withOrientation } from '../../../src/main/ocr/recognise';
import { drawPage } from './pages';

describe('reading a turned photograph upright', () => {
  it('says the orientation exifr read the one way tesseract.js finds it, in a JPEG and in a PNG', async () => {
    const page = drawPage([['A line']], 400);
    for (const bytes of [page.jpeg, page.png]) {
      const marked = withOrientation(bytes, 3);
      // Big-endian, within the first 500 bytes: what tesseract.js's setImage looks for.
      expect(Buffer.from(marked.subarray(0, 500)).includes(Buffer.from([1, 18, 0, 3, 0, 0, 0, 1, 0, 8]))).toBe(true);
      expect(await exifr.parse(Buffer.from(marked), { pick: ['Orientation'], translateValues: false })).toMatchObject({ Orientation: 8 });
    }
  });

  it('gives a box on the upright page back on the image as stored', () => {
    // Stored 380 × 1800 with the page's top at its right (orientation 8: three quarter turns).
    expect(quarterTurns(8)).toBe(3);
    expect(unturn({ x0: 100, y0: 85, x1: 183, y1: 120 }, 3, 380, 1800)).toEqual({ x0: 260, y0: 100, x1: 295, y1: 183 });
    expect(unturn({ x0: 0, y0: 0, x1: 10, y1: 20 }, 2, 100, 50)).toEqual({ x0: 90, y0: 30, x1: 100, y1: 50 });
    expect(unturn({ x0: 0, y0: 0, x1: 10, y1: 20 }, 1, 100, 50)).toEqual({ x0: 0, y0: 40, x1: 20, y1: 50 });
  });
});
