import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { LibraryPage } from './pages/LibraryPage';
import { photographs } from './photographs';

/** Imports images chosen together, grouped into one source, and opens it once its text is recognised. */
async function importGrouped(page: Page, library: LibraryPage, files: string[], title: string) {
  await library.importFiles(files);
  const ask = page.getByRole('dialog', { name: `Import ${files.length} files` });
  await expect(ask.getByRole('checkbox', { name: /Group the images into one source/ })).toBeChecked();
  await ask.getByRole('button', { name: 'Import' }).click();
  await expect(library.results).toContainText('1 imported');
  await library.open(title);
  await expect(page.getByRole('region', { name: 'Page image' }).getByRole('status')).toContainText('Text recognised', { timeout: 60_000 });
}

test('puts the pages of a photographed source in another order, and merges two sources', async ({ page, library, reader }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-pages-'));
  try {
    const files = photographs(dir, {
      'diary-1': 'Monday the river froze.',
      'diary-2': 'Tuesday the mill stopped.',
      'diary-3': 'Wednesday snow fell.',
    });
    await importGrouped(page, library, files, 'diary-1 (3 pages)');
    await expect(reader.passage(1)).toContainText('Monday');

    await page.getByText('Pages (3): order and merging').click();
    const list = page.getByRole('list', { name: 'Page order' });
    await expect(list.getByRole('listitem')).toHaveText([/1\. diary-1\.png/, /2\. diary-2\.png/, /3\. diary-3\.png/]);
    await page.getByRole('button', { name: 'Move page 2 earlier' }).click();
    await expect(list.getByRole('listitem')).toHaveText([/1\. diary-2\.png/, /2\. diary-1\.png/, /3\. diary-3\.png/]);
    // The transcription follows its pages; the focus stays on the page moved.
    await expect(reader.passage(1)).toContainText('Tuesday');
    await expect(reader.passage(2)).toContainText('Monday');
    await expect(page.getByRole('button', { name: 'Move page 1 later' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(list.getByRole('listitem')).toHaveText([/1\. diary-1\.png/, /2\. diary-2\.png/, /3\. diary-3\.png/]);
    await expect(reader.passage(1)).toContainText('Monday');

    // A second day's photographs, merged into the first: its pages follow, and it leaves the library.
    await page.getByRole('button', { name: /^← / }).click();
    const later = photographs(dir, { 'later-1': 'Thursday the ice broke.', 'later-2': 'Friday boats came.' });
    await importGrouped(page, library, later, 'later-1 (2 pages)');
    await page.getByText('Pages (2): order and merging').click();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge into another source' });
    await dialog.getByLabel('Merge into').selectOption({ label: 'diary-1 (3 pages)' });
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`merge-dialog-${width}.png`) });
    }
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect(reader.title).toHaveText('diary-1 (3 pages)');
    await expect(reader.passage(4)).toContainText('Thursday');
    await page.getByText('Pages (5): order and merging').click();
    await expect(page.getByRole('list', { name: 'Page order' }).getByRole('listitem')).toHaveCount(5);
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`page-order-${width}.png`) });
    }
    await page.getByRole('button', { name: /^← / }).click();
    await expect(library.row('later-1 (2 pages)')).toHaveCount(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('merges photographed sources marked in the library, in the order chosen', async ({ page, library, reader }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-merge-'));
  try {
    // Two pages of one letter imported on different days, each as its own source.
    for (const [name, line] of Object.entries({ 'letter-b': 'and so we left the camp.', 'letter-a': 'Dear Anna, in March' })) {
      await library.importFiles(photographs(dir, { [name]: line }));
      await expect(library.row(name)).toHaveCount(1);
    }
    // The rows follow the recognition of their text without a reload: marked while it runs, then their passages.
    for (const name of ['letter-a', 'letter-b']) {
      await expect(library.row(name).locator('.col-passages')).toHaveText('1', { timeout: 60_000 });
      await expect(library.row(name).locator('.no-text-mark')).toHaveCount(0);
    }
    const region = page.getByRole('region', { name: 'Library' });
    // One text source marked with them: merging is refused, saying why.
    await library.importFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('A note typed later.\n') }]);
    await expect(library.row('notes')).toHaveCount(1);
    await library.sortBy('Title');
    await page.getByRole('rowgroup', { name: 'Source rows' }).focus();
    for (const key of ['Home', 'x', 'j', 'x', 'j', 'x']) await page.keyboard.press(key);
    await expect(region.getByText('3 sources, 3 marked')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Merge 3…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Merge 3…' })).toHaveAttribute('title', /“notes” is not photographed or scanned/);
    await page.keyboard.press('x');
    await expect(region.getByText('3 sources, 2 marked')).toBeVisible();

    await page.keyboard.press('g');
    const dialog = page.getByRole('dialog', { name: 'Merge into one source' });
    const order = dialog.getByRole('list', { name: 'Order of the sources’ pages' });
    await expect(order.getByRole('listitem')).toHaveText([/1\. letter-a/, /2\. letter-b/]);
    await dialog.getByRole('button', { name: 'Move “letter-b” earlier' }).click();
    await expect(order.getByRole('listitem')).toHaveText([/1\. letter-b/, /2\. letter-a/]);
    await dialog.getByRole('button', { name: 'Move “letter-b” later' }).click();
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`merge-marked-${width}.png`) });
    }
    await dialog.getByRole('button', { name: 'Merge 2 sources' }).click();
    await expect(dialog).toBeHidden();
    await expect(region.getByRole('status').filter({ hasText: '“letter-a” now holds the pages of the 2 sources' })).toBeVisible();
    await expect(library.row('letter-b')).toHaveCount(0);
    await expect(region.getByText('2 sources', { exact: true })).toBeVisible();

    await library.open('letter-a');
    await expect(page.getByRole('region', { name: 'Page image' }).getByRole('status')).toContainText('Text recognised', { timeout: 60_000 });
    await expect(reader.passage(1)).toContainText('Dear Anna');
    await expect(reader.passage(2)).toContainText('left the camp');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
