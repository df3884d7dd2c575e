import fs from 'node:fs';
import { expect, test } from './fixtures';

const HOSTILE = `Title: <b>Bold title</b> <img src=x onerror="window.pwned='title'">

A passage with <script>window.pwned = 'script'</script> inside it, and 1,000 people were executed.

Another with <img src=x onerror="window.pwned='img'"> and <a href="javascript:window.pwned='link'">a link</a>.
`;

test('imported text is shown as text everywhere, never run or rendered as markup', async ({ page, library, reader }) => {
  await library.importFiles([{ name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE) }]);
  await expect(library.rows.first()).toContainText('<b>Bold title</b>');
  await library.open('<b>Bold title</b> <img src=x onerror="window.pwned=\'title\'">');
  await expect(reader.title).toHaveText(`<b>Bold title</b> <img src=x onerror="window.pwned='title'">`);
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
  expect(md).toContain("\\<script>window.pwned = 'script'\\</script>");
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
    document.addEventListener('securitypolicyviolation', (e) => void (window as unknown as { reportViolation(v: string): void }).reportViolation(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations).toContainEqual(expect.stringMatching(/^script-src/));
});
