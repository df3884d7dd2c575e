// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { canvasTransform, orientTransform, turnsOf } from '../../../src/renderer/src/image/pageView';
import type { PageView } from '../../../src/renderer/src/image/regionGeometry';
import { rectToScreen, toImage } from '../../../src/renderer/src/image/regionGeometry';
import { uprightOf } from '../../../src/shared/orientation';

/** The DOM's own parser and matrix of a CSS transform (happy-dom's, as a browser's). */
const { DOMMatrix } = globalThis as unknown as {
  DOMMatrix: new (transform: string) => { transformPoint(p: { x: number; y: number }): { x: number; y: number } };
};

/**
 * A 60 × 30 stored image's 10 × 10 top-left corner, where the EXIF standard puts it once the
 * page is upright (the same table the recognition test checks tesseract.js's pixels against).
 */
const UPRIGHT_CORNER: Record<number, { left: number; top: number; width: number; height: number }> = {
  1: { left: 0, top: 0, width: 10, height: 10 },
  2: { left: 50, top: 0, width: 10, height: 10 },
  3: { left: 50, top: 20, width: 10, height: 10 },
  4: { left: 0, top: 20, width: 10, height: 10 },
  5: { left: 0, top: 0, width: 10, height: 10 },
  6: { left: 20, top: 0, width: 10, height: 10 },
  7: { left: 20, top: 50, width: 10, height: 10 },
  8: { left: 0, top: 50, width: 10, height: 10 },
};

const viewOf = (orientation: number): PageView => ({
  width: 60,
  height: 30,
  zoom: 1,
  turns: turnsOf(orientation),
  mirrored: uprightOf(orientation).mirrored,
});

describe('the reader shows a photograph as its EXIF orientation says, mirrored ones too', () => {
  it('shows the stored image upright: the CSS transform puts its corner where the standard does, for all 8', () => {
    for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const v = viewOf(orientation);
      const sideways = v.turns % 2 === 1;
      // The image is centred in its turned box, and turned and mirrored about its centre.
      const m = new DOMMatrix(orientTransform(v.turns, v.mirrored ?? false));
      const centre = m.transformPoint({ x: 5 - 30, y: 5 - 15 });
      const box = { w: sideways ? 30 : 60, h: sideways ? 60 : 30 };
      const shown = { x: Math.round(centre.x + box.w / 2), y: Math.round(centre.y + box.h / 2) };
      const want = UPRIGHT_CORNER[orientation]!;
      expect({ orientation, ...shown }).toEqual({ orientation, x: want.left + 5, y: want.top + 5 });
      expect(canvasTransform(v.turns, v.mirrored ?? false)).toContain(orientTransform(v.turns, v.mirrored ?? false));
    }
  });

  it('places regions and the pointer on the stored image as it is shown, for all 8', () => {
    for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const v = viewOf(orientation);
      expect({ orientation, ...rectToScreen({ x: 0, y: 0, w: 10, h: 10 }, v) }).toEqual({ orientation, ...UPRIGHT_CORNER[orientation] });
      const want = UPRIGHT_CORNER[orientation]!;
      // A point inside the corner as shown is inside the corner as stored.
      const p = toImage({ x: want.left + 2, y: want.top + 3 }, v);
      expect(p.x >= 0 && p.x <= 10 && p.y >= 0 && p.y <= 10).toBe(true);
    }
  });
});
