import { expect, test } from './fixtures';

const text = (s: string) => ({ name: '', mimeType: 'text/plain', buffer: Buffer.from(s) });

test('edits citation metadata in the dialog and tells two sources titled "Gulag" apart in the library', async ({ page, library }) => {
  await library.importFiles([
    {
      ...text(
        'Title: Gulag\nSource: https://github.com/someone/corpus/blob/main/wiki/gulag.txt\nURL: https://en.wikipedia.org/wiki/Gulag\nRetrieved: 2026-11-27\n\nThe Gulag was the system of forced-labour camps in the Soviet Union.\n',
      ),
      name: 'gulag-wiki.txt',
    },
    {
      ...text(
        'Title: Gulag\nSource: https://github.com/someone/corpus/blob/main/brit/gulag.txt\nURL: https://www.britannica.com/topic/Gulag\n\nGulag, the system of Soviet labour camps and accompanying detention and transit camps.\n',
      ),
      name: 'gulag-brit.txt',
    },
  ]);
  await expect(library.results).toContainText('2 imported');
  await expect(library.rows).toHaveCount(2);

  // The origin is each page's own address, not the site the files were downloaded from; the
  // titles that collide carry the host that tells them apart.
  await expect(library.table).not.toContainText('github.com');
  const tells = library.rows.getByTestId('title-tell');
  await expect.poll(async () => (await tells.allTextContents()).sort()).toEqual(['britannica.com', 'en.wikipedia.org']);
  const wiki = library.rows.filter({ hasText: 'en.wikipedia.org' });
  // The Origin column shows the host and the path's end; the whole address is its tooltip.
  await expect(wiki).toContainText('en.wikipedia.org › …/Gulag');
  await expect(wiki.locator('[title="https://en.wikipedia.org/wiki/Gulag"]')).toHaveCount(1);

  // The dialog shows what the import found: the date the page was retrieved.
  const dialog = await library.edit('Gulag (en.wikipedia.org)');
  await expect(dialog.getByLabel('Accessed')).toHaveValue('2026-11-27');
  await expect(dialog.getByLabel('URL')).toHaveValue('https://en.wikipedia.org/wiki/Gulag');
  await dialog.getByLabel('Type').selectOption('entry-encyclopedia');
  await dialog.getByRole('button', { name: 'Add author' }).click();
  await dialog.getByLabel('Authors 1: person or organisation').selectOption('organisation');
  await dialog.getByLabel('Authors 1: organisation').fill('Wikipedia contributors');
  await dialog.getByRole('button', { name: 'Add author' }).click();
  await dialog.getByLabel('Authors 2: family name').fill('Applebaum');
  await dialog.getByLabel('Authors 2: given name').fill('Anne');
  await dialog.getByLabel('In (journal, book, newspaper, web site)').fill('Wikipedia');

  // What is not EDTF, not an http(s) address or not an ISBN is refused with the reason.
  await dialog.getByLabel('Date', { exact: true }).fill('1930s');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('"1930s" is not an EDTF date (for the 1930s write 193X)');
  await dialog.getByLabel('Date', { exact: true }).fill('2024-01-09');
  await dialog.getByLabel('URL').fill('ftp://en.wikipedia.org/wiki/Gulag');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('URL: a web address starting http:// or https://');
  await dialog.getByLabel('URL').fill('https://en.wikipedia.org/wiki/Gulag');
  await dialog.getByLabel('ISBN').fill('978-0-19-505580-8');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('ISBN');
  await dialog.getByLabel('ISBN').fill('');
  await page.screenshot({ path: '/tmp/sourcebench-metadata-dialog.png' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The library's columns follow the item.
  await expect(wiki).toContainText('Wikipedia contributors; Anne Applebaum');
  await expect(wiki).toContainText('2024-01-09');
  await expect.poll(async () => (await tells.allTextContents()).sort()).toEqual(['britannica.com', 'en.wikipedia.org']);
  await page.screenshot({ path: '/tmp/sourcebench-metadata-library.png' });

  // Saved: the dialog opens on what was stored.
  const again = await library.edit('Gulag (en.wikipedia.org)');
  await expect(again.getByLabel('Type')).toHaveValue('entry-encyclopedia');
  await expect(again.getByLabel('Authors 1: organisation')).toHaveValue('Wikipedia contributors');
  await expect(again.getByLabel('Authors 2: family name')).toHaveValue('Applebaum');
  await expect(again.getByLabel('Accessed')).toHaveValue('2026-11-27');
  await again.getByRole('button', { name: 'Cancel' }).click();
});

test('the dialog takes no typing until the source’s metadata has come, so nothing typed is replaced by it', async ({ page, library }) => {
  await library.importFiles([{ ...text('Title: Minutes of the district committee\n\nThe committee met in March 1936.\n'), name: 'minutes.txt' }]);
  await expect(library.row('Minutes of the district committee')).toBeVisible();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/getSource', async (route) => {
    await released;
    await route.continue();
  });
  const dialog = await library.edit('Minutes of the district committee');
  const date = dialog.getByLabel('Date', { exact: true });
  await expect(date).toHaveAttribute('readonly', '');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  release();
  await expect(date).not.toHaveAttribute('readonly');
  await date.fill('1936-03');
  await expect(date).toHaveValue('1936-03');
});
