import { expect, test } from './fixtures';

const NOTES = `# Census notes

The census counted **162 million** people, [far fewer](https://example.org/1934) than announced.

- the first count
- the second count
`;

test('a Markdown .txt is read as Markdown; Read as switches it to plain text and back, and a note stays on its words', async ({
  page,
  library,
  reader,
}) => {
  await library.importFiles([{ name: 'census-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(NOTES) }]);
  await expect(library.results).toContainText('read as Markdown');
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await library.open('Census notes');

  const readAs = reader.region.getByRole('combobox', { name: 'Read as' });
  await expect(readAs).toHaveValue('markdown');
  await expect(reader.passages).toHaveCount(4);
  await expect(reader.passage(1)).toHaveClass(/heading/);
  await expect(reader.passage(2).locator('.passage-text')).toHaveText('The census counted 162 million people, far fewer than announced.');

  await reader.select(2, '162 million');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(reader.highlights()).toHaveText('162 million');

  await readAs.selectOption('text');
  // Plain text keeps the heading's and the emphasis's markers, and still knows list items (one passage each).
  await expect(reader.region.getByRole('status')).toContainText('Now read as plain text: 4 passages. 1 annotation: 1 placed, 0 not placed.');
  await expect(reader.passages).toHaveCount(4);
  await expect(reader.passage(1)).toContainText('# Census notes');
  await expect(reader.passage(2)).toContainText('The census counted **162 million** people, [far fewer](https://example.org/1934)');
  await expect(reader.highlights()).toHaveText('162 million');

  await reader.region.getByRole('combobox', { name: 'Read as' }).selectOption('markdown');
  await expect(reader.passages).toHaveCount(4);
  await expect(reader.passage(1)).toHaveText(/Census notes/);
  await expect(reader.passage(1)).not.toContainText('#');
  await expect(reader.highlights()).toHaveText('162 million');
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('162 million');
});
