/** A narrow window: the reader's panel over the text closes with Esc or a press on the text; the library sorts by the columns it hides. */
import { expect, fixture, test } from './fixtures';

test.use({ viewport: { width: 800, height: 600 } });

test('the notes and claims panel over the text closes with Esc and with a press on the text', async ({ page, library, reader }) => {
  await library.importFiles([fixture('article.html')]);
  await library.open('Counting the Victims of 1937');
  await expect(reader.passage(2)).toBeVisible();
  const toggle = reader.region.getByRole('button', { name: 'Notes and claims', exact: true });
  const tabs = reader.region.getByRole('tablist', { name: 'Sidebar' });

  // Esc in the claims tab (nothing there takes it first): closed, the text has the focus.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await tabs.getByRole('tab', { name: /Claims/ }).click();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(tabs).toBeHidden();
  await expect(reader.text).toBeFocused();

  // A press on the text beside it.
  await toggle.click();
  await expect(tabs).toBeVisible();
  await reader.passage(2).click({ position: { x: 10, y: 10 } });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(tabs).toBeHidden();
});

test('the library sorts by the columns a narrow window hides, from a list', async ({ library }) => {
  await library.importFiles([fixture('align-base.txt'), fixture('article.html'), fixture('align-edited.txt')]);
  await expect(library.rows).toHaveCount(3);
  await expect(library.table.getByRole('columnheader', { name: 'Size' })).toBeHidden();
  const sort = library.page.getByRole('combobox', { name: 'Sort sources' });
  await sort.selectOption({ label: 'Size, largest first' });
  await expect(library.rows.first()).toContainText('Counting the Victims of 1937');
  await sort.selectOption({ label: 'Size, smallest first' });
  await expect(library.rows.last()).toContainText('Counting the Victims of 1937');
  await sort.selectOption({ label: 'Title, A–Z' });
  await expect(library.rows.first()).toContainText('align-base');
  await expect(library.table.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
});
