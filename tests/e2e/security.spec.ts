import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fixture, startApp, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

const HOSTILE = `Title: <b>Bold title</b> <img src=x onerror="window.pwned='title'">

A passage with <script>window.pwned = 'script'</script> inside it, and 1,000 people were executed.

Another with <img src=x onerror="window.pwned='img'"> and <a href="javascript:window.pwned='link'">a link</a>.
`;

test('imported text is shown as text everywhere, never run or rendered as markup', async ({ page, library, reader }) => {
  await library.importFiles([{ name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE) }]);
  // Markup in a title line is metadata from an imported file: it is taken out, leaving the words.
  await expect(library.rows.first()).toContainText('Bold title');
  await library.open('Bold title');
  await expect(reader.title).toHaveText('Bold title');
  // The Title: line is metadata; the passages follow it.
  await expect(reader.passage(1)).toContainText("<script>window.pwned = 'script'</script>");
  await expect(reader.passage(2)).toContainText('<img src=x onerror=');
  expect(await reader.region.locator('img, script, b, a[href^="javascript"]').count()).toBe(0);

  // A note about it, the claims panel and the search snippets: text too.
  await reader.select(1, "<script>window.pwned = 'script'</script>");
  await page.getByRole('button', { name: 'Annotate' }).click();
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('<script>');
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search everything' }).fill('onerror');
  await expect(page.getByRole('listbox', { name: 'Results' })).toContainText('<img src=x');
  expect(await page.locator('img, script:not([src])').count()).toBe(0);

  // The Markdown export escapes it, so no Markdown viewer renders it as HTML.
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown, one file' }).click();
  const md = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(md).toContain("\\<script>window.pwned \\= 'script'\\</script>");
  // (The YAML front matter holds the title as data, which viewers do not render as HTML.)
  const body = md.slice(md.indexOf('\n---\n', 4) + 5);
  expect(body).not.toMatch(/(^|[^\\])<(script|img|b)\b/);

  expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
});

test("the page's Content Security Policy blocks an injected inline script", async ({ page, library }) => {
  await expect(library.table.or(page.getByRole('heading', { name: 'This project has no sources yet' }))).toBeVisible();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  const ran = await page.evaluate(async () => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => void (window as unknown as { reportViolation(v: string): void }).reportViolation(e.violatedDirective),
    );
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations).toContainEqual(expect.stringMatching(/^script-src/));
});

/** The library, loaded: its table or the empty project's heading. */
async function libraryShown(page: Page) {
  const library = new LibraryPage(page);
  await expect(library.table.or(page.getByRole('heading', { name: 'This project has no sources yet' }))).toBeVisible();
  return library;
}

test('two servers on different ports, in one browser context, each keep their own access', async ({ browser }) => {
  const [a, b] = await Promise.all([startApp(), startApp()]);
  const context = await browser.newContext();
  try {
    const tabA = await context.newPage();
    await tabA.goto(a.url);
    const libraryA = await libraryShown(tabA);
    await libraryA.importFiles([fixture('notes.md')]);
    await expect(libraryA.rows).toHaveCount(1);

    // A second instance signs its own tab in: nothing it sets reaches the first.
    const tabB = await context.newPage();
    await tabB.goto(b.url);
    const libraryB = await libraryShown(tabB);
    await expect(tabB.getByRole('heading', { name: 'This project has no sources yet' })).toBeVisible();

    // The first tab keeps working, after a reload too, and still talks to its own server.
    await tabA.reload();
    await libraryShown(tabA);
    await expect(libraryA.rows).toHaveCount(1);
    await libraryA.importFiles([{ name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from('Title: Second\n\nA second source.') }]);
    await expect(libraryA.rows).toHaveCount(2);
    await tabB.reload();
    await libraryShown(tabB);
    await expect(libraryB.rows).toHaveCount(0);
    await expect(tabB.getByRole('heading', { name: 'This project has no sources yet' })).toBeVisible();
    expect(await context.cookies()).toEqual([]);
  } finally {
    await context.close();
    a.stop();
    b.stop();
  }
});

test('the page takes its token from the address once, drops it from the address bar, and tells a tab without one how to get in', async ({
  page,
  app,
}) => {
  const origin = new URL(app.url).origin;
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { name: 'Open Sourcebench from the address it printed' })).toBeVisible();
  const before = await page.evaluate(() => history.length);

  await page.goto(app.url);
  await libraryShown(page);
  expect(await page.evaluate(() => location.href)).toBe(`${origin}/`);
  // One entry for the navigation itself; removing the token added none.
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  expect(await page.evaluate(() => document.cookie)).toBe('');

  // The tab keeps its access without the token in the address.
  await page.reload();
  await libraryShown(page);
  // Another tab of the same browser, opened without the address, has none.
  const other = await page.context().newPage();
  await other.goto(`${origin}/`);
  await expect(other.getByRole('heading', { name: 'Open Sourcebench from the address it printed' })).toBeVisible();
  expect(await other.evaluate(() => fetch('/api/listSources', { method: 'POST', body: '{}' }).then((r) => r.status))).toBe(401);

  // A token from an earlier run (the server restarted on the same port): the tab says how to get in.
  await page.evaluate(() => sessionStorage.setItem('sourcebench-token', 'from-an-earlier-run'));
  await page.reload();
  await expect(page.getByRole('alert').first()).toContainText('open the address Sourcebench printed when it started');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Open Sourcebench from the address it printed' })).toBeVisible();
});

test('the browser receives 413 { too_large } for a body over its cap, JSON or file bytes', async ({ page, library }) => {
  await libraryShown(library.page);
  const answers = await page.evaluate(async () => {
    const token = sessionStorage.getItem('sourcebench-token') ?? '';
    const out: string[] = [];
    for (const [target, size, type] of [
      ['/api/listSources', 2 * 1024 * 1024, 'application/json'],
      ['/api/importFile?name=big.txt', 50 * 1024 * 1024 + 1, 'application/octet-stream'],
    ] as const) {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'X-Sourcebench-Token': token, 'Content-Type': type },
        body: new Uint8Array(size).fill(97),
      });
      const body = (await res.json()) as { error?: { code?: string } };
      out.push(`${res.status} ${body.error?.code}`);
    }
    return out;
  });
  expect(answers).toEqual(['413 too_large', '413 too_large']);
  // The tab goes on working.
  await page.reload();
  await libraryShown(page);
});
