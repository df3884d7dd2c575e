import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { typedPage } from './typedPage';

/** Moves the pointer onto `word` in a passage's text, as a mouse would. */
async function hoverWord(page: Page, text: Locator, word: string) {
  const box = await text.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`"${w}" is not in the text`);
  }, word);
  await page.mouse.move(box.x, box.y);
}

test('links the transcription and the page image both ways, and corrects an uncertain word in place', async ({ page, library, reader }) => {
  const file = typedPage({ smudged: true });
  try {
    const pane = await library.importRecognised(file, 'letter-1936');
    const checks = page.getByRole('toolbar', { name: 'Transcription checking' });
    await expect(checks).toContainText('1 word to check');

    // Text → image: the word under the pointer is outlined on the page.
    const first = reader.passage(1).locator('.passage-text');
    const start = Number(await first.getAttribute('data-start')) + (await first.textContent())!.indexOf('archive');
    await hoverWord(page, first, 'archive');
    await expect(pane.locator('rect.word-box.linked')).toHaveCount(1);
    await expect(pane.locator('rect.word-box.linked')).toHaveAttribute('data-start', String(start));

    // Image → text: the word under the pointer on the page is marked in the text.
    const committee = Number(await first.getAttribute('data-start')) + (await first.textContent())!.indexOf('committee');
    await pane.locator(`rect.word-box[data-start="${committee}"]`).hover();
    await expect(first.locator(`[data-w="${committee}"]`)).toHaveClass(/ocr-lit/);
    await expect(first.locator(`[data-w="${committee}"]`)).toHaveText('committee,');

    // The uncertain word is marked (underlined, described); U goes to it, F2 corrects it in place.
    const uncertain = reader.region.locator('.ocr-check');
    await expect(uncertain).toHaveCount(1);
    const misread = (await uncertain.textContent())!;
    expect(misread).not.toBe('harvest.');
    await expect(uncertain).toHaveAttribute('title', /Uncertain reading/);
    await reader.text.focus();
    await page.keyboard.press('u');
    await expect(checks.getByRole('status')).toHaveText(`Word 1 of 1 to check: “${misread}”`);
    await expect(uncertain).toHaveClass(/ocr-lit/);
    await expect(pane.locator('rect.word-box.linked')).toHaveCount(1);
    await page.keyboard.press('F2');
    const editor = page.getByRole('dialog', { name: 'Correct the transcription' });
    const field = editor.getByRole('textbox');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(misread);
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`ocr-text-correcting-${width}.png`) });
    }
    // Esc leaves it as it was; Enter saves.
    await field.press('Escape');
    await expect(editor).toBeHidden();
    await expect(reader.passage(2)).toContainText(misread);
    await page.keyboard.press('F2');
    await field.fill('harvest.');
    await field.press('Enter');
    await expect(editor).toBeHidden();
    await expect(reader.passage(2)).toContainText('Second paragraph about the harvest.');
    await expect(checks).toContainText('No words to check');
    await expect(reader.region.locator('.ocr-check')).toHaveCount(0);
    // The corrected word keeps its box on the page.
    const harvest = Number(await reader.passage(2).locator('.passage-text').getAttribute('data-start')) + 'Second paragraph about the '.length;
    await expect(pane.locator(`rect.word-box[data-start="${harvest}"]`)).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('ocr-text-corrected-1024.png') });

    // Search finds the corrected word.
    await page.keyboard.press('Control+k');
    const box = page.getByRole('searchbox', { name: 'Search everything' });
    await box.fill('harvest');
    const results = page.getByRole('listbox', { name: 'Results' });
    await expect(results.getByRole('option').first()).toContainText('harvest');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('stops recognising a page, and takes the transcription typed instead', async ({ page, library, reader }) => {
  const file = typedPage({ tall: true });
  try {
    await library.importFiles([file]);
    await expect(library.results).toContainText('1 imported');
    await library.open('letter-1936');
    const pane = page.getByRole('region', { name: 'Page image' });
    // Handwriting the recogniser cannot read: the historian stops it while it runs.
    await reader.region.getByRole('button', { name: 'Stop recognition and type the transcription' }).click();
    await expect(pane.getByRole('status')).toContainText('Not recognised');
    const typed = reader.region.getByRole('textbox', { name: 'Type the transcription' });
    await typed.fill('Letter from the kolkhoz chairman.\n\nThe harvest was short.');
    await reader.region.getByRole('button', { name: 'Save the transcription' }).click();
    await expect(reader.passage(1)).toContainText('Letter from the kolkhoz chairman.');
    await expect(reader.passage(2)).toContainText('The harvest was short.');
    await expect(typed).toBeHidden();
    // Typed by hand: nothing to check, but still corrected in place.
    await expect(page.getByRole('toolbar', { name: 'Transcription checking' }).getByRole('button', { name: 'Correct…' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('ocr-text-typed.png') });

    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox', { name: 'Search everything' }).fill('kolkhoz');
    await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('kolkhoz');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
