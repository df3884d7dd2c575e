import fs from 'node:fs';
import { expect, fixture, test } from './fixtures';

const decrees = ['decree-a.txt', 'decree-b.txt', 'decree-c.txt'].map((f) => fixture(`collate/${f}`));

test('collates three copies of a decree: variants highlighted, the changed figure marked, TEI and Markdown saved', async ({ page, library }) => {
  await library.importFiles(decrees);
  await expect(library.rows).toHaveCount(3);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  // Rows marked with Ctrl- (⌘-) click become the witnesses, in the order marked.
  for (const title of ['decree-a', 'decree-b', 'decree-c']) {
    await library.rows
      .filter({ hasText: title })
      .getByRole('cell')
      .nth(2)
      .click({ modifiers: ['ControlOrMeta'] });
  }
  await expect(library.rows.and(page.locator('[aria-selected="true"]'))).toHaveCount(3);
  await page.getByRole('button', { name: 'Collate 3' }).click();

  const view = page.getByRole('region', { name: 'Collate' });
  const table = view.getByRole('table', { name: 'Collation' });
  await expect(view.getByText('6 places where the witnesses differ')).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['#', 'w1 decree-a', 'w2 decree-b', 'w3 decree-c']);
  // The changed figure: its row says so, and without a base text each reading in it is marked "figure", its letter telling which agree.
  const figureRow = table.getByRole('row').filter({ hasText: '72,950' });
  await expect(figureRow.getByRole('rowheader')).toContainText('Figure differs');
  await expect(figureRow.getByRole('cell')).toHaveText(['a75,950figure', 'a75 950figure', 'b72,950figure']);
  await expect(figureRow.locator('[data-state="figure"]')).toHaveCount(3);
  // A substitution: with w1 as the base, only w2's reading is a variant.
  await view.getByRole('combobox', { name: 'Base text' }).selectOption({ label: 'w1: decree-a' });
  await expect(table.getByRole('columnheader', { name: 'w1 decree-a (base)' })).toBeVisible();
  const shot = table.getByRole('row').filter({ hasText: 'executed;' });
  await expect(shot.locator('td').nth(0)).toHaveAttribute('data-state', 'base');
  await expect(shot.locator('td').nth(1)).toHaveAttribute('data-state', 'variant');
  await expect(shot.locator('td').nth(2)).toHaveAttribute('data-state', 'agrees');
  await expect(figureRow.locator('td').nth(2)).toHaveAttribute('data-state', 'figure');
  // Only the differences.
  await view.getByRole('checkbox', { name: 'Only differences' }).check();
  await expect(table.getByRole('row').filter({ hasText: 'regional troikas' })).toHaveCount(0);

  let downloading = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Save TEI…' }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toBe('collation-decree-a--decree-b--decree-c.xml');
  const tei = fs.readFileSync(await download.path(), 'utf8');
  expect(tei).toContain('<listWit>');
  expect(tei).toContain('<app type="figure"><lem wit="#w1">75,950</lem><rdg wit="#w2">75 950</rdg><rdg wit="#w3">72,950</rdg></app>');

  downloading = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Save Markdown…' }).click();
  download = await downloading;
  const md = fs.readFileSync(await download.path(), 'utf8');
  expect(md).toContain('| # | Kind | w1 (base) | w2 | w3 |');
  expect(md).toContain('| figure | 75,950 | **75 950** | **72,950** |'.replace('**75 950**', '75 950'));
});

test('asks for two to ten witnesses, chosen in the view', async ({ page, library }) => {
  await library.importFiles(decrees.slice(0, 2));
  await expect(library.rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Collate', exact: true }).click();
  const view = page.getByRole('region', { name: 'Collate' });
  await expect(view.getByText('Choose the witnesses')).toBeVisible();
  await view.getByRole('checkbox', { name: 'decree-b' }).check();
  await expect(view.getByText('Choose the witnesses')).toBeVisible();
  await view.getByRole('checkbox', { name: 'decree-a' }).check();
  await expect(view.getByRole('table', { name: 'Collation' }).getByRole('columnheader')).toHaveText(['#', 'w1 decree-b', 'w2 decree-a']);
});
