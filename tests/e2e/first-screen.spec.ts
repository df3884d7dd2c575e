/**
 * The first screen answers at once: the library's list is asked for beside the project's
 * details (not after them), and the reading face is loaded while the window is idle, before
 * the first source is opened.
 */
import { expect, fixture, test } from './fixtures';

test("asks for the library's list without waiting for the project's details", async ({ page, app, library }) => {
  await library.importFiles([fixture('article.html')]);
  // The project's details are held back until the list has been asked for: a window that
  // waited for them first would never show its rows.
  let listed!: () => void;
  const listAsked = new Promise<void>((resolve) => (listed = resolve));
  await page.route('**/api/listSources', (route) => {
    listed();
    return route.continue();
  });
  await page.route('**/api/getProject', async (route) => {
    await listAsked;
    await route.continue();
  });
  await page.goto(app.url);
  await expect(library.table.getByRole('row').filter({ hasText: 'Counting the Victims of 1937' })).toBeVisible();
});

test('loads the reading face while the library is shown, before a source is opened', async ({ page, library }) => {
  await library.importFiles([fixture('article.html')]);
  await expect(library.table).toBeVisible();
  await page.waitForFunction(() => [...document.fonts].some((f) => f.family === 'Source Serif 4' && f.weight === '400' && f.status === 'loaded'));
  await expect(page.getByRole('region', { name: 'Reader' })).toHaveCount(0);
});

test('shows the first passages of a long source before the rest of it has come', async ({ page, library, reader }) => {
  const parts = Array.from({ length: 400 }, (_, i) => `Paragraph ${i + 1}. The regional NKVD reports for 1937 list arrests by category.`);
  await library.importFiles([{ name: 'long-report.txt', mimeType: 'text/plain', buffer: Buffer.from(parts.join('\n\n')) }]);
  await expect(library.results).toContainText('1 imported');
  // The whole source is held back until the first passage is shown.
  let shown!: () => void;
  const firstShown = new Promise<void>((resolve) => (shown = resolve));
  await page.route('**/api/getSource', async (route) => {
    if (!('first' in (route.request().postDataJSON() as object))) await firstShown;
    await route.continue();
  });
  await library.open('long-report');
  await expect(reader.passage(1)).toContainText('Paragraph 1.');
  shown();
  // Then the whole of it: its last passage can be reached.
  await reader.text.press('End');
  await expect(reader.passage(400)).toContainText('Paragraph 400.');
});
