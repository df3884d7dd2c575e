import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, fixture, test, docShot } from './fixtures';
import type { ReaderPage } from './pages/ReaderPage';
import { typedPage } from './typedPage';

/** The ordinal of the first passage that contains `words`, as the reader numbers it. */
async function passageWith(reader: ReaderPage, words: string): Promise<number> {
  const label = await reader.passages.filter({ hasText: words }).first().getAttribute('aria-label');
  return Number(/Passage (\d+)/.exec(label ?? '')![1]);
}

async function goToPage(page: Page, label: string) {
  const input = page.getByRole('textbox', { name: 'Go to page' });
  await input.fill(label);
  await input.press('Enter');
}

test('imports a PDF, goes to page 2, annotates a sentence there and exports it cited as p. 2', async ({ page, library, reader }) => {
  await library.importFiles([fixture('pdf/report.pdf')]);
  await expect(library.results).toContainText('1 imported');
  await library.open('Survey of a Regional Archive');
  await expect(reader.title).toHaveText('Survey of a Regional Archive');
  await expect(reader.region).toContainText('report.pdf · PDF · 3 pages');
  await expect(reader.region.getByRole('separator', { name: 'Page 1', exact: true })).toBeVisible();
  // The feet ("Page 1 of 3") are page furniture, not text.
  await expect(reader.region).not.toContainText('Page 1 of 3');

  await goToPage(page, '2');
  const onPage2 = await passageWith(reader, 'The party collection fills');
  await expect(reader.current()).toHaveAttribute('aria-label', `Passage ${onPage2 - 1}`);
  await expect(reader.region.getByRole('separator', { name: 'Page 2', exact: true })).toBeVisible();

  await reader.select(onPage2, 'The party collection fills four hundred metres of shelving.');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Annotate' }).click();
  await page.getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('Measure the party fonds again.');
  await expect(page.getByText('Saved')).toBeVisible();
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await expect(sidebar).toContainText('p. 2 “The party collection fills four hundred metres of shelving.”');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export notes' }).click();
  const md = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(md).toContain('## p. 2 — Holdings\n\n> The party collection fills four hundred metres of shelving.\n\nMeasure the party fonds again.');
  // Chicago notes give the printed page bare.
  expect(md).toMatch(/— Regional Archive Service, “Survey of a Regional Archive,” June 2, 2021, 2\. · \[open in Sourcebench\]/);

  // Search cites the page too.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search everything' }).fill('shelving');
  await expect(page.getByRole('option').filter({ hasText: 'four hundred metres' }).first()).toContainText('p. 2');
});

test('imports a scanned PDF as its page images, recognises them, and shows the text beside the page', async ({ page, library, reader }) => {
  const file = typedPage({ pdf: true });
  try {
    const pane = await library.importRecognised(file, 'letter-1936');
    await expect(pane.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
    await expect(reader.region.locator('.meta')).toContainText('1 page image');
    await expect(reader.region).toContainText('Second paragraph about the harvest.');
    await expect(reader.region.getByRole('status').filter({ hasText: 'No text layer' })).toHaveCount(0);
    await expect(pane.locator('rect.word-box').first()).toBeVisible();
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`scanned-pdf-${width}.png`) });
    }
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('marks pages without text in a PDF that has text elsewhere', async ({ library, reader }) => {
  await library.importFiles([fixture('pdf/mixed.pdf')]);
  await library.open('mixed');
  await expect(reader.region.getByRole('separator')).toHaveText(['p. 1', 'p. 2 · no text on this page', 'p. 3']);
});

test('reads a two-column article with its printed page labels and footnotes; pictures at two sizes', async ({ page, library, reader }) => {
  await library.importFiles([fixture('pdf/article.pdf')]);
  await library.open('Archives and the Historian: Counting the Terror after 1991');
  await expect(reader.region.getByRole('separator', { name: 'Page i', exact: true })).toBeVisible();
  await goToPage(page, '214');
  await expect(reader.region.getByRole('separator', { name: 'Page 214', exact: true })).toBeVisible();
  // The passage before page 215 is the last footnote of page 214.
  await goToPage(page, '215');
  await reader.text.press('k');
  await expect(reader.current()).toHaveClass(/footnote/);
  await expect(reader.current()).toContainText('2 The figures cited here are those of the central summaries');
  await expect(reader.region).not.toContainText('M. IVANOVA');
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await goToPage(page, '214');
    await expect(reader.region.getByRole('separator', { name: 'Page 214', exact: true })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`pdf-reader-${width}x${height}.png`) });
  }
});

test('the PDF reader, for the README', { tag: '@docs' }, async ({ page, library, reader }) => {
  await library.importFiles([fixture('pdf/article.pdf')]);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await library.open('Archives and the Historian: Counting the Terror after 1991');
  // The foot of page 214 (its footnotes) and the top of page 215, with a note on a sentence there.
  await goToPage(page, '215');
  const records = await passageWith(reader, 'The central statistical series');
  await reader.select(records, 'they were meant to be accurate for those who read them');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Annotate' }).click();
  await page.getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('The case for trusting the central series: compare the inspection reports (n. 3).');
  await expect(page.getByText('Saved')).toBeVisible();
  await reader.text.evaluate((el) => el.scrollBy(0, -260));
  await expect(reader.region.getByRole('separator', { name: 'Page 215', exact: true })).toBeVisible();
  await expect(reader.passages.filter({ hasText: '2 The figures cited here' })).toBeVisible();
  await docShot(page, 'pdf-reader');
});
