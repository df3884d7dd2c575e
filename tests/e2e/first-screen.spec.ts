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
