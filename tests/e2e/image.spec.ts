import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { expect, test } from './fixtures';

/** A photographed page of typed text (about 300 dpi), written to a temporary folder. */
function typedPage(): string {
  const canvas = createCanvas(1800, 500);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 1800, 500);
  g.fillStyle = '#000000';
  g.font = '46px "DejaVu Sans"';
  g.fillText('The archive holds letters from the', 100, 120);
  g.fillText('district committee, dated 1936.', 100, 190);
  g.fillText('Second paragraph about the harvest.', 100, 330);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-image-'));
  const file = path.join(dir, 'letter-1936.png');
  fs.writeFileSync(file, canvas.toBuffer('image/png'));
  return file;
}

test('imports a photographed page, recognises it, and shows the image beside the text', async ({ page, library, reader }) => {
  const file = typedPage();
  try {
    await library.importFiles([file]);
    await expect(library.results).toContainText('1 imported');
    await library.open('letter-1936');
    const pane = page.getByRole('region', { name: 'Page image' });
    await expect(pane.getByRole('status')).toContainText('Text recognised', { timeout: 60_000 });
    await expect(pane.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
    await expect(reader.region).toContainText('Second paragraph about the harvest.');

    // Hovering a word on the image outlines it.
    const box = pane.locator('rect.word-box').first();
    await box.hover();
    await expect(box).toHaveClass(/hovered/);

    await pane.getByRole('button', { name: 'Zoom in' }).click();
    await expect(pane.getByText('67%')).toBeVisible();
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`image-reader-${width}.png`) });
    }
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
