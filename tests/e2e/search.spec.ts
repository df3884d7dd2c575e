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
  await expect(first).toContainText('matched Rittersporn for Rittersporm');
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
