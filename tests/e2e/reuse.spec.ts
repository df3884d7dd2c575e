import { expect, fixture, test } from './fixtures';

const SHARED =
  'in the winter of 1937 the prisoners were marched north through the snow for eleven days without bread, and those who fell behind the column were left where they lay';

test('where else a passage appears, opened there; the reuse report lists the pair and opens it in Compare', async ({ page, library, reader }) => {
  await library.importFiles([fixture('reuse-chronicle.md'), fixture('reuse-memoir.md'), fixture('reuse-harvest.md')]);
  await expect(library.rows).toHaveCount(3);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await library.open('Chronicle of the Northern Camps (test text)');

  // The second passage (the quoted one) made current with the keys, then W.
  await expect(reader.passage(1)).toBeVisible();
  await reader.text.focus();
  await page.keyboard.press('j');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 2');
  await expect(reader.region.getByRole('button', { name: 'Where else?' })).toHaveAttribute('aria-keyshortcuts', 'W');
  await page.keyboard.press('w');
  const dialog = page.getByRole('dialog', { name: 'Where else does passage 2 appear?' });
  await expect(dialog.getByRole('status')).toContainText('1 passage in another source shares runs of 12 words or more');
  const hits = dialog.getByRole('list', { name: 'Passages sharing text' }).getByRole('listitem');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText('Memoir of a Survivor (test text)');
  await expect(hits.first()).toContainText('30 words shared');
  // The shared words marked in the hit and in the chosen passage; the harvest report's "in the year of" is not.
  await expect(hits.first().locator('mark')).toHaveText([SHARED]);
  await expect(dialog.getByRole('region', { name: 'The chosen passage' }).locator('mark')).toHaveText([`I${SHARED.slice(1)}`]);

  await dialog.getByRole('button', { name: 'Open Memoir of a Survivor (test text) at passage 2' }).click();
  await expect(dialog).toBeHidden();
  await expect(reader.title).toHaveText('Memoir of a Survivor (test text)');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 2');

  // The report: the one pair, the chronicle first by its date; Compare opens on the two.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Reuse', exact: true }).click();
  const view = page.getByRole('region', { name: 'Text reuse' });
  await view.getByRole('button', { name: 'Find shared text' }).click();
  await expect(view.getByRole('status').filter({ hasText: 'pair' })).toContainText('1 pair of sources shares runs of 12 words or more');
  const rows = view.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Chronicle of the Northern Camps (test text)');
  await expect(rows.nth(1)).toContainText('Memoir of a Survivor (test text)');
  await expect(rows.nth(1).getByRole('cell').nth(7)).toHaveText('A');
  await rows
    .nth(1)
    .getByRole('button', { name: /^Compare / })
    .click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare.getByRole('combobox', { name: 'Source A' }).locator('option:checked')).toHaveText(
    'Chronicle of the Northern Camps (test text)',
  );
  await expect(compare.getByRole('combobox', { name: 'Source B' }).locator('option:checked')).toHaveText('Memoir of a Survivor (test text)');
});
