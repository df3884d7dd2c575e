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

test('shows the newest rows before the whole list has come, and filters only once it has', async ({ page, app, library }) => {
  await library.importFiles([fixture('article.html'), fixture('claims-a.md')]);
  await expect(page.getByText('2 sources', { exact: true })).toBeVisible();
  // The whole list is held back: the rows shown come from the small first reply.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/listSources', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(app.url);
  await expect(library.table.getByRole('row').filter({ hasText: 'Counting the Victims of 1937' })).toBeVisible();
  await expect(page.getByText('2 sources', { exact: true })).toBeVisible();
  await expect(library.table).toHaveAttribute('aria-busy', 'true');
  // A filter typed now would see only the first rows: it says it is waiting, not that nothing matches.
  await page.getByRole('searchbox', { name: 'Filter sources' }).fill('victims');
  await expect(page.getByRole('status').filter({ hasText: 'Reading the list of all 2 sources' })).toBeVisible();
  await expect(page.getByText('No source matches this filter')).toHaveCount(0);
  release();
  await expect(library.table.getByRole('row').filter({ hasText: 'Counting the Victims of 1937' })).toBeVisible();
  await expect(page.getByText('1 of 2 sources')).toBeVisible();
  await expect(library.table).toHaveAttribute('aria-busy', 'false');
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
  await expect(page.getByRole('status').filter({ hasText: 'Reading the other 300 passages' })).toBeVisible();
  // The header counts the source's passages, not those come so far.
  await expect(reader.region.locator('.meta')).toContainText('Passages400');
  // End pressed before the rest has come goes to the last passage once it has: not to the last one shown.
  await reader.text.press('End');
  shown();
  await expect(reader.passage(400)).toContainText('Paragraph 400.');
  await expect(reader.passage(400)).toHaveAttribute('aria-current', 'true');
});
