/**
 * A photographed archival document from start to finish: imported, read by OCR, shown beside
 * its transcription, a misread word corrected in place, a stamp-like region of the page
 * annotated, a passage quoted, and the notes exported (Markdown with the region's crop, and
 * W3C Web Annotations), with the corrected text in what is exported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { docShot, expect, test } from './fixtures';
import { typedPage } from './typedPage';

// A desktop window: the page image, the text and its notes all shown at once.
test.use({ viewport: { width: 1600, height: 900 } });

test('import → OCR → image beside text → correct a word → annotate a region → export', { tag: '@docs' }, async ({ page, library, reader }) => {
  const file = typedPage({ smudged: true });
  try {
    // Read by OCR in the background; the page image and its transcription side by side.
    const pane = await library.importRecognised(file, 'letter-1936');
    const image = pane.getByRole('img', { name: 'Page 1 of 1' });
    await expect(image).toBeVisible();
    await expect(reader.passage(1)).toContainText('The archive holds letters from the');
    const imageBox = (await pane.boundingBox())!;
    const textBox = (await reader.text.boundingBox())!;
    expect(imageBox.x + imageBox.width <= textBox.x || textBox.x + textBox.width <= imageBox.x, 'image and text side by side').toBe(true);
    await page.screenshot({ path: test.info().outputPath('1-recognised.png') });

    // The misread word is marked for checking, and corrected in place.
    const checks = page.getByRole('toolbar', { name: 'Transcription checking' });
    await expect(checks).toContainText('1 word to check');
    await reader.text.focus();
    await page.keyboard.press('u');
    await page.keyboard.press('F2');
    const editor = page.getByRole('dialog', { name: 'Correct the transcription' });
    await editor.getByRole('textbox').fill('harvest.');
    await editor.getByRole('textbox').press('Enter');
    await expect(editor).toBeHidden();
    await expect(reader.passage(2)).toContainText('Second paragraph about the harvest.');
    await expect(checks).toContainText('No words to check');

    // The corrected passage quoted in a note.
    await reader.select(2, 'about the harvest');
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight yellow' }).click();
    await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('about the harvest');

    // A region of the page annotated: drawn with the mouse, its note typed.
    const mark = pane.getByRole('button', { name: 'Mark a region' });
    await mark.click();
    const box = (await image.boundingBox())!;
    await page.mouse.move(box.x + 50, box.y + 25);
    await page.mouse.down();
    await page.mouse.move(box.x + 250, box.y + 100, { steps: 5 });
    await page.mouse.up();
    const item = page.getByRole('listitem', { name: 'Annotation: page 1, region' });
    await expect(item.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await page.keyboard.type('The committee’s stamp over the date.');
    await item.getByRole('textbox', { name: 'Note' }).press('Escape');
    await expect(pane.getByRole('button', { name: /^Region 1, page 1/ })).toHaveAttribute('aria-label', /stamp over the date/);
    await docShot(page, 'archive-document');

    // Markdown: the quote from the corrected text, and the region's crop beside it.
    const files = await reader.exportNotes(2);
    const md = fs.readFileSync(files.get('letter-1936.md')!, 'utf8');
    expect(md).toContain('about the harvest');
    const crop = [...files.keys()].find((n) => n.endsWith('.png'))!;
    expect(md).toContain(`](${crop})`);
    expect(md).toContain('The committee’s stamp over the date.');

    // W3C Web Annotations: the text quote and the region as a media fragment of the page image.
    await page.getByRole('button', { name: 'Notes', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Web Annotation JSON-LD' }).click();
    const doc = JSON.parse(fs.readFileSync((await (await downloading).path())!, 'utf8')) as {
      first: { items: { target: { selector: unknown; source: unknown } }[] };
    };
    const selectors = doc.first.items.map((a) => JSON.stringify(a.target.selector));
    expect(selectors.some((s) => s.includes('"exact":"about the harvest"'))).toBe(true);
    expect(selectors.some((s) => /"value":"xywh=pixel:\d+,\d+,\d+,\d+"/.test(s))).toBe(true);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
