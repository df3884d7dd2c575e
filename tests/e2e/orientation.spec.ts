import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { jpegOriented } from './photographs';

test.use({ viewport: { width: 1440, height: 900 } });

/** A 400 × 200 photograph, black in its 100 × 100 top-left corner only, whose EXIF says it is stored transverse (7: mirrored and turned). */
function transverse(): string {
  const canvas = createCanvas(400, 200);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 400, 200);
  g.fillStyle = '#000000';
  g.fillRect(0, 0, 100, 100);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-orientation-'));
  const file = path.join(dir, 'transverse.jpg');
  fs.writeFileSync(file, jpegOriented(canvas.toBuffer('image/jpeg', 95), 7));
  return file;
}

test('shows a photograph stored mirrored and turned (EXIF 7) upright: its stored top-left corner at the bottom right', async ({ page, library }) => {
  const file = transverse();
  try {
    await library.importFiles([file]);
    await library.open('transverse');
    const pane = page.getByRole('region', { name: 'Page image' });
    await expect(pane.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
    // Shown at 50%, sideways: 100 wide, 200 high.
    const shown = pane.locator('.page-turned');
    await expect(shown).toHaveCSS('width', '100px');
    await expect(shown).toHaveCSS('height', '200px');
    await expect(async () => {
      const png = PNG.sync.read(await shown.screenshot());
      const dark = (x: number, y: number) => png.data[(Math.round(y * png.height) * png.width + Math.round(x * png.width)) * 4]! < 100;
      // Transverse: the stored top-left corner is the upright page's bottom right; unmirrored, it would be top right.
      expect([dark(0.75, 0.875), dark(0.75, 0.125), dark(0.25, 0.125), dark(0.25, 0.875)]).toEqual([true, false, false, false]);
    }).toPass({ timeout: 30_000 });
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`orientation-${width}.png`) });
    }
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
