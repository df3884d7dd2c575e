import { expect, fixture, test } from './fixtures';

const text = (name: string, s: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(s) });

test('brings metadata from a BibTeX file: a sure match, a confirmed similar title, an empty source given its text later', async ({
  page,
  library,
  reader,
}) => {
  await library.importFiles([
    text(
      'lists.txt',
      'Title: Execution lists\nURL: https://stalin.memo.ru/\n\nThe lists of people to be shot that Stalin and the Politburo signed.\n',
    ),
    text('harvest.txt', 'Title: The Harvest of Sorrow: Soviet Collectivization and the Terror-Famine\n\nThe famine of 1932 and 1933 in Ukraine.\n'),
  ]);
  await expect(library.results).toContainText('2 imported');
  await expect(library.rows).toHaveCount(2);

  await page.getByRole('button', { name: 'References…' }).click();
  const dialog = page.getByRole('dialog', { name: 'References' });
  await expect(dialog).toBeVisible();

  // A file that is no reference file is refused, naming it.
  await dialog.getByLabel('Choose a reference file').setInputFiles(fixture('references/broken.bib'));
  await expect(dialog.getByRole('alert')).toContainText('broken.bib: not valid BibTeX');

  await dialog.getByLabel('Choose a reference file').setInputFiles(fixture('references/matching.bib'));
  const table = dialog.getByRole('table', { name: 'References' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(dialog.getByRole('alert')).toBeHidden();
  const row = (title: string) => table.getByRole('row').filter({ hasText: title });

  // The address matches (written differently): ticked, the source shown.
  await expect(row("Stalin's Lists")).toContainText('Execution lists');
  await expect(row("Stalin's Lists")).toContainText('same address');
  await expect(row("Stalin's Lists").getByRole('checkbox')).toBeChecked();
  // A similar title is proposed, not ticked until confirmed.
  const harvest = row('Harvest of Sorrow: Soviet Collectivisation');
  await expect(harvest).toContainText('Perhaps: The Harvest of Sorrow: Soviet Collectivization');
  await expect(harvest.getByRole('checkbox', { name: /^Confirm/ })).not.toBeChecked();
  // The others have no source: nothing is done with them unless asked.
  await expect(row('The Diary of a Soviet Schoolgirl').getByRole('checkbox', { name: /^Create an empty source/ })).not.toBeChecked();
  await expect(dialog.getByRole('button', { name: /^Apply/ })).toHaveText('Apply (update 1)');

  await harvest.getByRole('checkbox', { name: /^Confirm/ }).check();
  await row('The Diary of a Soviet Schoolgirl')
    .getByRole('checkbox', { name: /^Create an empty source/ })
    .check();
  await expect(dialog.getByRole('button', { name: /^Apply/ })).toHaveText('Apply (update 2, create 1)');
  await page.screenshot({ path: '/tmp/sourcebench-references-dialog.png' });
  await dialog.getByRole('button', { name: /^Apply/ }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 sources updated, 1 created.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The library shows what the references say: authors, dates, titles; the new source has no text.
  await expect(library.rows).toHaveCount(3);
  await expect(library.row("Stalin's Lists")).toContainText('Memorial Society');
  await expect(library.row("Stalin's Lists")).toContainText('2002');
  const harvestRow = library.row('Harvest of Sorrow: Soviet Collectivisation and the Terror-Famine');
  await expect(harvestRow).toContainText('Robert Conquest');
  await expect(harvestRow).toContainText('1986');
  const diary = library.row('The Diary of a Soviet Schoolgirl');
  await expect(diary).toContainText('Nina Lugovskaya');
  await expect(diary).toContainText('1934');
  await expect(diary).toContainText('no text');
  await expect(library.row("Stalin's Lists")).not.toContainText('no text');
  await page.screenshot({ path: '/tmp/sourcebench-references-library.png' });

  // Opened, it says how to give it a text; a file attached keeps the reference's metadata.
  await library.open('The Diary of a Soviet Schoolgirl');
  await expect(reader.title).toHaveText('The Diary of a Soviet Schoolgirl');
  await expect(reader.region.getByRole('status')).toContainText('No text yet: attach a file (Replace text…)');
  await page.screenshot({ path: '/tmp/sourcebench-references-reader.png' });
  await page
    .getByLabel('Choose the corrected text')
    .setInputFiles(text('diary.txt', 'January 1933. Father was arrested again.\n\nWe wait for news.\n'));
  await expect(reader.passages).toHaveCount(2);
  await expect(reader.title).toHaveText('The Diary of a Soviet Schoolgirl');
  await expect(reader.region.locator('.byline')).toHaveText('Nina Lugovskaya · 1934');
  await expect(reader.region.getByText('No text yet')).toBeHidden();
});
