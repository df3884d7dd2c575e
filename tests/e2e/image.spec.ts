import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { typedPage } from './typedPage';

test('imports a photographed page, recognises it, and shows the image beside the text', async ({ page, library, reader }) => {
  const file = typedPage();
  try {
    const pane = await library.importRecognised(file, 'letter-1936');
    await expect(pane.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
    // The header says what the file is: page images, not "text · binary".
    await expect(reader.region.locator('.meta')).toContainText('1 page image');
    await expect(reader.region.locator('.meta')).not.toContainText('binary');
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
