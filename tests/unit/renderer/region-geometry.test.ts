import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageView } from '../../../src/renderer/src/image/regionGeometry';
import { dragged, nudge, rectBetween, rectToScreen, startingRect, toImage, toScreen } from '../../../src/renderer/src/image/regionGeometry';

const view = (turns: number, zoom = 0.5, mirrored = false): PageView => ({ width: 800, height: 600, zoom, turns, mirrored });

/** Every way a page is shown: four turns, mirrored (a mirrored EXIF orientation) or not. */
const VIEWS = [false, true].flatMap((mirrored) => [0, 1, 2, 3].map((turns) => ({ turns, mirrored })));

describe('region geometry on a zoomed, turned page', () => {
  it('maps the corners of the image to the corners of the turned box', () => {
    // Unturned at 50%: the image's (800, 600) is the screen's (400, 300).
    expect(toScreen({ x: 800, y: 600 }, view(0))).toEqual({ x: 400, y: 300 });
    // A quarter turn clockwise: the image's top-left corner goes to the box's top-right (the box is 300 wide).
    expect(toScreen({ x: 0, y: 0 }, view(1))).toEqual({ x: 300, y: 0 });
    expect(toScreen({ x: 800, y: 0 }, view(1))).toEqual({ x: 300, y: 400 });
    // A half turn: the top-left corner is at the bottom right.
    expect(toScreen({ x: 0, y: 0 }, view(2))).toEqual({ x: 400, y: 300 });
    // Three quarters: the top-left corner is at the bottom left.
    expect(toScreen({ x: 0, y: 0 }, view(3))).toEqual({ x: 0, y: 400 });
    // Mirrored: the top-left corner is at the top right; mirrored, then a quarter turn: at the bottom right.
    expect(toScreen({ x: 0, y: 0 }, view(0, 0.5, true))).toEqual({ x: 400, y: 0 });
    expect(toScreen({ x: 0, y: 0 }, view(1, 0.5, true))).toEqual({ x: 300, y: 400 });
  });

  it('takes a screen point back to the same image point, for every turn and zoom, mirrored or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(0.25, 0.5, 1, 3),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 600 }),
        fc.boolean(),
        (turns, zoom, x, y, mirrored) => {
          const v = view(turns, zoom, mirrored);
          const back = toImage(toScreen({ x, y }, v), v);
          expect(back.x).toBeCloseTo(x, 6);
          expect(back.y).toBeCloseTo(y, 6);
        },
      ),
    );
  });

  it('makes a drag, in any direction and on any turn, the rectangle of image pixels it covers', () => {
    // A quarter turn at 50%: dragging from screen (100, 40) to (40, 140) covers image x 80–280, y 400–520.
    expect(dragged({ x: 100, y: 40 }, { x: 40, y: 140 }, view(1))).toEqual({ x: 80, y: 400, w: 200, h: 120 });
    for (const { turns, mirrored } of VIEWS) {
      const v = view(turns, 0.5, mirrored);
      const r = { x: 120, y: 80, w: 200, h: 100 };
      const s = rectToScreen(r, v);
      expect(dragged({ x: s.left + s.width, y: s.top }, { x: s.left, y: s.top + s.height }, v), `turns ${turns}, mirrored ${mirrored}`).toEqual(r);
    }
  });

  it('keeps a drag past the page on the page, and gives a click no size', () => {
    expect(dragged({ x: -50, y: -50 }, { x: 1000, y: 1000 }, view(0))).toEqual({ x: 0, y: 0, w: 800, h: 600 });
    expect(dragged({ x: 10, y: 10 }, { x: 10, y: 10 }, view(2))).toMatchObject({ w: 0, h: 0 });
    expect(rectBetween({ x: 3.4, y: 2.6 }, { x: 10.6, y: 9.4 }, { width: 800, height: 600 })).toEqual({ x: 3, y: 3, w: 8, h: 6 });
  });

  it('moves and resizes with the arrows in the screen’s directions, whatever the turn or mirror', () => {
    const r = startingRect({ width: 800, height: 600 });
    expect(r).toEqual({ x: 300, y: 225, w: 200, h: 150 });
    for (const { turns, mirrored } of VIEWS) {
      const v = view(turns, 0.5, mirrored);
      const before = rectToScreen(r, v);
      const right = rectToScreen(nudge(r, 'ArrowRight', false, v), v);
      expect([right.left - before.left, right.top - before.top, right.width, right.height], `turns ${turns}`).toEqual([
        10,
        0,
        before.width,
        before.height,
      ]);
      const down = rectToScreen(nudge(r, 'ArrowDown', false, v), v);
      expect(down.top - before.top, `turns ${turns}`).toBe(10);
      const wider = rectToScreen(nudge(r, 'ArrowRight', true, v), v);
      expect([wider.left, wider.top, wider.width - before.width, wider.height], `turns ${turns}`).toEqual([
        before.left,
        before.top,
        10,
        before.height,
      ]);
      const shorter = rectToScreen(nudge(r, 'ArrowUp', true, v), v);
      expect([shorter.top, before.height - shorter.height], `turns ${turns}`).toEqual([before.top, 10]);
    }
  });

  it('stops a move at the page’s edge and a shrink at one pixel', () => {
    const v = view(0, 1);
    expect(nudge({ x: 795, y: 0, w: 5, h: 5 }, 'ArrowRight', false, v)).toEqual({ x: 795, y: 0, w: 5, h: 5 });
    expect(nudge({ x: 3, y: 3, w: 5, h: 5 }, 'ArrowLeft', false, v)).toEqual({ x: 0, y: 3, w: 5, h: 5 });
    expect(nudge({ x: 3, y: 3, w: 5, h: 5 }, 'ArrowLeft', true, v)).toEqual({ x: 3, y: 3, w: 5, h: 5 });
    expect(nudge({ x: 700, y: 3, w: 95, h: 5 }, 'ArrowRight', true, v)).toEqual({ x: 700, y: 3, w: 100, h: 5 });
  });
});
