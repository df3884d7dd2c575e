import { expect, fixture, test } from './fixtures';

const hypothesis = {
  total: 1,
  rows: [
    {
      id: 'Ab3cD4eF5gH6iJ7kL8mN9o',
      created: '2024-03-05T10:12:44.123456+00:00',
      updated: '2024-03-05T10:12:44.123456+00:00',
      uri: 'https://example.org/census',
      text: 'Suppressed, then **repeated** in 1939.',
      tags: ['census'],
      target: [
        {
          source: 'https://example.org/census',
          selector: [{ type: 'TextQuoteSelector', exact: 'results were suppressed', prefix: 'January 1937 and its ', suffix: '.' }],
        },
      ],
    },
  ],
};
const file = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });

test('imports annotations in the Notes view, reports what it did, and refuses a file that holds none', async ({ page, library }) => {
  await library.importFiles([fixture('notes.md')]);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  const chooser = page.getByLabel('Choose a file of annotations');
  await chooser.setInputFiles(file('hypothesis.json', JSON.stringify(hypothesis)));
  await expect(page.getByRole('status')).toHaveText('hypothesis.json: 1 imported: 1 placed, 0 not placed.');
  const notes = page.getByRole('list', { name: 'All annotations' });
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  await expect(notes).toContainText('results were suppressed');
  await expect(notes).toContainText('Suppressed, then repeated in 1939.');

  await chooser.setInputFiles(file('hypothesis.json', JSON.stringify(hypothesis)));
  await expect(page.getByRole('status')).toHaveText('hypothesis.json: 0 imported; 1 already here.');
  await chooser.setInputFiles(file('settings.json', '{"theme":"dark"}'));
  await expect(page.getByRole('alert')).toContainText('settings.json holds no annotations');
  await expect(notes.getByRole('listitem')).toHaveCount(1);
});
