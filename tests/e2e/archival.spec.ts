import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const text = (name: string, body: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });

async function shot(page: Page, name: string, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.screenshot({ path: test.info().outputPath(`${name}-${viewport.width}x${viewport.height}.png`) });
}

test('archival fields on a source, saved as a template, applied to two others, cited with the archive', async ({ page, library }) => {
  await library.importFiles([
    text('photo-1.txt', 'Title: Photograph 1\nDate: 1933-02-11\n\nReport on the harvest in the district.'),
    text('photo-2.txt', 'Title: Photograph 2\nDate: 1933-02-12\n\nList of households without grain.'),
    text('photo-3.txt', 'Title: Photograph 3\nDate: 1933-02-13\n\nLetter of the district committee.'),
  ]);
  await expect(library.rows).toHaveCount(3);

  // The archive and the place in it, given by its parts: the citation shows them as they are typed.
  const dialog = await library.edit('Photograph 1');
  await dialog.getByLabel('Type').selectOption('manuscript');
  await dialog.getByLabel('Archive (repository)').fill('Hoover Institution Archives');
  await dialog.getByLabel('Archive place').fill('Stanford, CA');
  await dialog.getByLabel('Collection or fonds').fill('Boris Nicolaevsky Collection');
  await dialog.getByLabel('Series', { exact: true }).fill('2');
  await dialog.getByLabel('Box', { exact: true }).fill('14');
  await dialog.getByLabel('Folder', { exact: true }).fill('3');
  await dialog.getByLabel('Item', { exact: true }).fill('7');
  await expect(dialog.getByText('Left empty, citations print “Series 2, Box 14, Folder 3, item 7”')).toBeVisible();
  const preview = dialog.getByRole('region', { name: 'Citation preview' });
  // Shown from the start; the style's engine may still be building in the service's citation worker (seconds for Chicago on a busy machine).
  await expect(preview.getByRole('button', { name: /^As cited/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(preview.getByTestId('citation-note')).toHaveText(
    '“Photograph 1,” February 11, 1933, Series 2, Box 14, Folder 3, item 7, Boris Nicolaevsky Collection, Hoover Institution Archives, Stanford, CA.',
    { timeout: 120_000 },
  );
  await expect(preview.getByTestId('citation-bibliography')).toContainText(
    'Boris Nicolaevsky Collection. Hoover Institution Archives, Stanford, CA.',
  );
  await preview.scrollIntoViewIfNeeded();
  await shot(page, 'metadata-archive', { width: 1440, height: 900 });
  await shot(page, 'metadata-archive', { width: 1024, height: 700 });

  // Saved as a template, without the item (each photograph has its own).
  await dialog.getByRole('button', { name: 'Make a template…' }).click();
  const save = page.getByRole('dialog', { name: 'Make a template' });
  await expect(save.getByLabel('Template name')).toHaveValue('Boris Nicolaevsky Collection / Series 2, Box 14, Folder 3');
  await save.getByLabel('Set Item').uncheck();
  await save.getByRole('combobox', { name: 'Type' }).selectOption('manuscript');
  await expect(save.getByLabel('Set Type')).toBeChecked();
  await save.getByLabel('Template name').fill('Fonds 17 / Box 14');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(save).toBeHidden();
  await expect(dialog.getByLabel('Fill from template')).toHaveValue(/\d+/);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(library.row('Photograph 1')).toContainText('Hoover Institution Archives, Boris Nicolaevsky Collection, Series 2, Box 14');

  // The two others marked from the keyboard, then the template applied to both at once.
  await library.sortBy('Title');
  await page.getByRole('rowgroup', { name: 'Source rows' }).focus();
  for (const key of ['Home', 'j', 'x', 'j', 'x']) await page.keyboard.press(key);
  await expect(page.getByRole('region', { name: 'Library' }).getByText('3 sources, 2 marked')).toBeVisible();
  await page.keyboard.press('a');
  const apply = page.getByRole('dialog', { name: 'Apply to 2 sources' });
  await expect(apply.getByRole('list', { name: 'Sources to change' })).toHaveText(/Photograph 2\s*Photograph 3/);
  await apply.getByLabel('Template').selectOption({ label: 'Fonds 17 / Box 14' });
  await expect(apply.getByLabel('Box', { exact: true })).toHaveValue('14');
  await expect(apply.getByLabel('Set Box')).toBeChecked();
  await expect(apply.getByLabel('Set Item')).not.toBeChecked();
  await shot(page, 'apply-dialog', { width: 1440, height: 900 });
  await shot(page, 'apply-dialog', { width: 1024, height: 700 });
  await apply.getByRole('button', { name: 'Apply to 2 sources' }).click();
  await expect(apply).toBeHidden();
  for (const title of ['Photograph 2', 'Photograph 3'])
    await expect(library.row(title)).toContainText('Hoover Institution Archives, Boris Nicolaevsky Collection, Series 2, Box 14, Folder 3');

  // Each keeps its own title and date, and is cited with the archive.
  const third = await library.edit('Photograph 3');
  await expect(third.getByLabel('Type')).toHaveValue('manuscript');
  await expect(third.getByRole('region', { name: 'Citation preview' }).getByTestId('citation-note')).toHaveText(
    '“Photograph 3,” February 13, 1933, Series 2, Box 14, Folder 3, Boris Nicolaevsky Collection, Hoover Institution Archives, Stanford, CA.',
  );
  // It folds away when asked.
  await third.getByRole('button', { name: /^As cited/ }).click();
  await expect(third.getByRole('button', { name: 'As cited' })).toHaveAttribute('aria-expanded', 'false');
  await expect(third.getByTestId('citation-shown')).toBeHidden();
  await third.getByRole('button', { name: 'Cancel' }).click();
});

test('applying to sources is refused as a whole, by name, and a nested dialog closes on its own', async ({ page, library }) => {
  await library.importFiles([text('a.txt', 'Title: Letter A\n\nText A.'), text('b.txt', 'Title: Letter B\n\nText B.')]);
  await expect(library.rows).toHaveCount(2);
  await library.row('Letter A').click();
  await library.row('Letter B').click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Apply to 2 sources…' }).click();
  const apply = page.getByRole('dialog', { name: 'Apply to 2 sources' });
  // Nothing chosen: said before anything is sent.
  await apply.getByRole('button', { name: 'Apply to 2 sources' }).click();
  await expect(apply.getByRole('alert')).toHaveText('Choose at least one field to set (tick it, or type in it).');
  // Esc in the template dialog closes it alone.
  await apply.getByLabel('Box', { exact: true }).fill('9');
  await apply.getByRole('button', { name: 'Make a template…' }).click();
  const save = page.getByRole('dialog', { name: 'Make a template' });
  await expect(save.getByLabel('Template name')).toHaveValue('Box 9');
  await save.getByLabel('Template name').press('Escape');
  await expect(save).toBeHidden();
  await expect(apply).toBeVisible();
  await apply.getByRole('button', { name: 'Cancel' }).click();
  await expect(apply).toBeHidden();
});
