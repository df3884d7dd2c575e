import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { typedPage } from './typedPage';

// A desktop window: the page image, the text and its notes all shown at once.
test.use({ viewport: { width: 1600, height: 900 } });

test('marks a region of a page image with the mouse, writes its note, lists it and exports it', async ({ page, library, reader }) => {
  const file = typedPage();
  try {
    await library.importFiles([file]);
    await expect(library.results).toContainText('1 imported');
    await library.open('letter-1936');
    const pane = page.getByRole('region', { name: 'Page image' });
    const image = pane.getByRole('img', { name: 'Page 1 of 1' });
    await expect(image).toBeVisible();

    // The mode's button shows its key; dragging on the page (shown at 50%) draws the region.
    const mark = pane.getByRole('button', { name: 'Mark a region' });
    await expect(mark).toHaveAttribute('title', /\(M\)$/);
    await mark.click();
    await expect(mark).toHaveAttribute('aria-pressed', 'true');
    const box = (await image.boundingBox())!;
    await page.mouse.move(box.x + 50, box.y + 25);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 80, { steps: 5 });
    await expect(pane.locator('rect.region-draft')).toBeVisible();
    await page.mouse.move(box.x + 250, box.y + 100, { steps: 5 });
    await page.mouse.up();

    // Releasing creates it and opens its note, focused, as a new text annotation's is.
    const sidebar = page.getByRole('complementary', { name: 'Annotations' });
    const item = page.getByRole('listitem', { name: 'Annotation: page 1, region' });
    await expect(item).toBeVisible();
    await expect(item.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await page.keyboard.type('The district seal, stamped over the date.');
    await expect(mark).toHaveAttribute('aria-pressed', 'false');

    // It is drawn over the page, named for screen readers, in its colour.
    const region = pane.getByRole('button', { name: /^Region 1, page 1/ });
    await expect(region).toHaveClass(/hl-yellow/);
    await expect(region).toHaveAttribute('x', '100');
    await expect(region).toHaveAttribute('width', '400');
    // Leaving the note saves it; picking the region shows it again.
    await item.getByRole('textbox', { name: 'Note' }).press('Escape');
    await expect(sidebar).toContainText('page 1, region');
    await expect(region).toHaveAttribute('aria-label', /The district seal/);
    await region.click();
    await expect(item.getByRole('textbox', { name: 'Note' })).toContainText('The district seal');

    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`region-${width}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // Markdown: the crop beside the notes, linked by its name.
    const files = await reader.exportNotes(2);
    const md = fs.readFileSync(files.get('letter-1936.md')!, 'utf8');
    const crop = [...files.keys()].find((n) => n.endsWith('.png'))!;
    expect(crop).toMatch(/^letter-1936-page-1-region-[0-9a-f]{8}\.png$/);
    expect(md).toContain(`## Page 1, region\n\n![page 1, region (x 100, y 50, 400 × 150 pixels)](${crop})\n\nThe district seal`);
    const png = PNG.sync.read(fs.readFileSync(files.get(crop)!));
    expect([png.width, png.height]).toEqual([400, 150]);

    // W3C Web Annotation: the page image, and the rectangle as a Media Fragment.
    await page.getByRole('button', { name: 'Notes', exact: true }).click();
    await expect(page.getByRole('list', { name: 'All annotations' })).toContainText('letter-1936 · page 1, region');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Web Annotation JSON-LD' }).click();
    const doc = JSON.parse(fs.readFileSync((await (await downloading).path())!, 'utf8'));
    const target = doc.first.items[0].target;
    expect(target.selector).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://www.w3.org/TR/media-frags/',
      value: 'xywh=pixel:100,50,400,150',
    });
    expect(target.source).toMatchObject({
      type: 'Image',
      format: 'image/png',
      id: expect.stringMatching(/^sourcebench:\/\/open\?project=.+&source=.+&page=1$/),
    });

    // Imported back (Import annotations…), a region goes on its page: one in percent of the page, one outside it refused.
    const exportedItem = doc.first.items[0];
    const again = {
      type: 'AnnotationPage',
      items: [
        {
          ...exportedItem,
          id: 'urn:uuid:6f1c7a52-3d0e-4a8b-9c1f-2b7e5d4a9c10',
          target: { ...target, selector: { type: 'FragmentSelector', value: 'xywh=percent:50,20,25,40' } },
        },
        { ...exportedItem, id: 'urn:x:outside', target: { ...target, selector: { type: 'FragmentSelector', value: 'xywh=pixel:1700,400,200,200' } } },
      ],
    };
    await page.getByLabel('Choose a file of annotations').setInputFiles({
      name: 'regions.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(JSON.stringify(again)),
    });
    await expect(page.getByRole('status').filter({ hasText: 'regions.jsonld' })).toHaveText(
      /^regions\.jsonld: 1 imported: 1 placed, 0 not placed; 1 skipped: item 2 \(urn:x:outside\), the region on page 1 of letter-1936 \(1700, 400, 200 × 200 pixels\) reaches outside the page image, which is 1800 × 500 pixels\.$/,
    );
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await library.open('letter-1936');
    const imported = page.getByRole('region', { name: 'Page image' }).getByRole('button', { name: /^Region 2, page 1: The district seal/ });
    await expect(imported).toHaveAttribute('x', '900');
    await expect(imported).toHaveAttribute('y', '100');
    await expect(imported).toHaveAttribute('width', '450');
    await expect(imported).toHaveAttribute('height', '200');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('marks a region without a mouse: M, arrows to move, Shift+arrows to resize, Enter', async ({ page, library }) => {
  const file = typedPage();
  try {
    await library.importFiles([file]);
    await library.open('letter-1936');
    const pane = page.getByRole('region', { name: 'Page image' });
    await pane.getByRole('button', { name: 'Zoom in' }).focus();
    await page.keyboard.press('m');
    // A rectangle a quarter of the page each way, in its middle, takes the focus.
    const draft = pane.getByRole('img', { name: /^New region: x 675, y 188, 450 × 125 pixels/ });
    await expect(draft).toBeFocused();
    // At 50%, a step of 10 screen pixels is 20 of the image's.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(pane.locator('.region-status')).toHaveText('Region 695, 208, 430 × 125 px: Enter marks it');
    await page.keyboard.press('Enter');
    const item = page.getByRole('listitem', { name: 'Annotation: page 1, region' });
    await expect(item.getByRole('textbox', { name: 'Note' })).toBeFocused();
    const region = pane.getByRole('button', { name: /^Region 1, page 1/ });
    await expect(region).toHaveAttribute('x', '695');
    await expect(region).toHaveAttribute('y', '208');
    await expect(region).toHaveAttribute('width', '430');
    await expect(region).toHaveAttribute('height', '125');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('M places a region from anywhere in the reader, not only from the page image, but never while typing', async ({ page, library, reader }) => {
  const file = typedPage();
  try {
    await library.importFiles([file]);
    await library.open('letter-1936');
    const pane = page.getByRole('region', { name: 'Page image' });
    await expect(pane.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
    const draft = pane.getByRole('img', { name: /^New region: x 675, y 188, 450 × 125 pixels/ });

    // Focus in the transcription: M places the rectangle, which takes the focus for the arrows and Enter.
    await reader.text.focus();
    await expect(reader.text).toBeFocused();
    await page.keyboard.press('m');
    await expect(draft).toBeFocused();
    await expect(pane.getByRole('button', { name: 'Mark a region' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(pane.locator('.region-status')).toHaveText('Region 695, 188, 450 × 125 px: Enter marks it');
    await page.keyboard.press('Enter');
    const item = page.getByRole('listitem', { name: 'Annotation: page 1, region' });
    const note = item.getByRole('textbox', { name: 'Note' });
    await expect(note).toBeFocused();
    await expect(pane.getByRole('button', { name: /^Region 1, page 1/ })).toHaveAttribute('x', '695');

    // Typed into a note, M is a letter.
    await page.keyboard.type('Mm');
    await expect(note).toContainText('Mm');
    await expect(draft).toHaveCount(0);
    await expect(pane.getByRole('button', { name: 'Mark a region' })).toHaveAttribute('aria-pressed', 'false');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
