/** The page's own files: its icon and fonts come from the app, and nothing it asks for is missing. */
import { expect, fixture, test } from './fixtures';

test('loads every file it asks for: no 404, the icon and the fonts served by the app itself', async ({ page, app, library }) => {
  const responses: { url: string; status: number }[] = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  const origin = new URL(app.url).origin;

  // The icon the page names, or /favicon.ico where it names none, as a browser asks for it.
  const icon = (await page.locator('link[rel="icon"]').getAttribute('href')) ?? '/favicon.ico';
  const served = await page.request.get(new URL(icon, page.url()).href);
  expect(served.status(), `the icon, ${icon}`).toBe(200);
  expect(served.headers()['content-type']).toBe('image/svg+xml');

  // The reading and interface fonts, loaded from the app.
  await library.importFiles([fixture('article.html')]);
  await library.open('Counting the Victims of 1937');
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('article', { name: 'Passage 2', exact: true })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.style} ${f.weight}`));
  expect(loaded).toEqual(expect.arrayContaining(['Source Serif 4 normal 400', 'Source Serif 4 normal 600', 'Inter Variable normal 100 900']));
  expect(responses.filter((r) => /\.woff2$/.test(r.url)).length, 'font files fetched').toBeGreaterThan(0);

  // A fresh load: every request answered, none to another origin.
  await page.reload();
  await expect(library.table).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  expect(
    responses.filter((r) => r.status >= 400),
    'failed requests',
  ).toEqual([]);
  expect(
    responses.filter((r) => !r.url.startsWith(origin)),
    'requests elsewhere',
  ).toEqual([]);
});
