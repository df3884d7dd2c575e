import { expect, fixture, test, docShot } from './fixtures';

test('finds a misspelled name, highlights it, and opens the reader at that passage', { tag: '@docs' }, async ({ page, library, reader }) => {
  await page.getByRole('button', { name: 'Load sample sources' }).click();
  await expect(library.rows).toHaveCount(4);
  await library.importFiles([fixture('article.html')]);
  await expect(library.rows).toHaveCount(5);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();

  await page.keyboard.press('Control+k');
  const box = page.getByRole('searchbox', { name: 'Search everything' });
  await expect(box).toBeFocused();
  // "Rittersporm" is one letter off the name the sample text spells "Rittersporn".
  await box.fill('Rittersporm archives');
  const results = page.getByRole('listbox', { name: 'Results' });
  const first = results.getByRole('option').first();
  await expect(first).toContainText('Rittersporn');
  await expect(first.locator('mark').first()).toHaveText(/Rittersporn|archives/);
  // The spelling matched is said once, above the results, not on each of them.
  await expect(page.locator('.search-status')).toContainText('matched Rittersporn for Rittersporm');
  await expect(results).not.toContainText('matched');
  await expect(page.getByText(/also searched: rittersporm → rittersporn/)).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Facets' })).toContainText('Sample: How many were executed in the Great Purge?');
  await docShot(page, 'search');

  await box.press('Enter');
  await expect(reader.title).toHaveText('Sample: How many were executed in the Great Purge?');
  const hit = reader.region.locator('mark.search-hit');
  await expect(hit).toBeVisible();
  await expect(hit).toHaveText(/Rittersporn|archives/);
  await expect(reader.current()).toContainText('Rittersporn');

  // Back to the results, then a phrase and a filter from the facets.
  await reader.text.press('Escape');
  await expect(box).toHaveValue('Rittersporm archives');
  await box.fill('"at least" OR executions');
  await expect(results.getByRole('option').first()).toBeVisible();
  await page.getByRole('complementary', { name: 'Facets' }).getByRole('button', { name: 'Counting the Victims of 1937' }).click();
  await expect(box).toHaveValue('"at least" OR executions source:"Counting the Victims of 1937" ');
  await expect(results.getByRole('group')).toHaveCount(1);
  await expect(results.getByRole('group')).toHaveAttribute('aria-label', 'Counting the Victims of 1937');

  await page.getByRole('button', { name: 'Query help' }).click();
  await expect(page.getByRole('region', { name: 'Query help' })).toContainText('date:1936..1938');
});

test('shows Markdown snippets as the reader does, says the spelling matched once, tells apart sources of one title, and an empty result with its time', async ({
  page,
  library,
}) => {
  const report = (author: string, text: string) => Buffer.from(`---\ntitle: Regional report\nauthor: ${author}\n---\n\n${text}`);
  await library.importFiles([
    {
      name: 'report-a.md',
      mimeType: 'text/markdown',
      buffer: report('Anna Ivanova', '**Arrests** in the *Smolensk* district, as Tukhachevsky was tried.'),
    },
    { name: 'report-b.md', mimeType: 'text/markdown', buffer: report('Boris Petrov', 'Arrests in the Kursk district after Tukhachevsky fell.') },
  ]);
  await expect(library.rows).toHaveCount(2);

  await page.keyboard.press('Control+k');
  const box = page.getByRole('searchbox', { name: 'Search everything' });
  const status = page.locator('.search-status');
  const results = page.getByRole('listbox', { name: 'Results' });
  await box.fill('Tukhachevskiy arrests');
  await expect(results.getByRole('option')).toHaveCount(2);
  await expect(status).toHaveText(/^2 passages in 2 sources \((<1|\d+) ms\) · matched Tukhachevsky for Tukhachevskiy/);
  await expect(page.getByText('matched Tukhachevsky for Tukhachevskiy')).toHaveCount(1);
  await expect(results).not.toContainText('matched');
  // No Markdown markers: bold and italic as the reader sets them, the matches marked on the words.
  const a = results.getByRole('group', { name: 'Regional report (report-a.md)' }).getByRole('option');
  await expect(a.locator('.snippet')).toHaveText('Arrests in the Smolensk district, as Tukhachevsky was tried.');
  await expect(a.locator('strong')).toHaveText('Arrests');
  await expect(a.locator('em')).toHaveText('Smolensk');
  await expect(a.locator('mark')).toHaveText(['Arrests', 'Tukhachevsky']);

  // The facets tell the two reports apart, and one of them filters to that report alone.
  const facets = page.getByRole('complementary', { name: 'Facets' });
  await expect(facets.getByRole('button', { name: /^Regional report/ })).toHaveText([
    'Regional report (report-a.md)',
    'Regional report (report-b.md)',
  ]);
  await facets.getByRole('button', { name: 'Regional report (report-b.md)' }).click();
  await expect(box).toHaveValue(/^Tukhachevskiy arrests source:#\d+ $/);
  await expect(results.getByRole('group')).toHaveCount(1);
  await expect(results.getByRole('group')).toHaveAttribute('aria-label', 'Regional report (report-b.md)');

  await box.fill('kolyma');
  await expect(page.getByTestId('empty-state').getByRole('heading')).toHaveText('Nothing matches “kolyma”');
  await expect(status).toHaveText(/^No passages or notes found \((<1|\d+) ms\)$/);
});
