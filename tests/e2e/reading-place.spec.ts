/** The reader names its source and place above the text, and opens a source again where it was left. */
import { expect, test } from './fixtures';

const paragraph = (i: number) =>
  `Paragraph ${i}. The district committee's minutes for that winter record the arrests street by street, and a later hand has corrected the totals in the margin, twice.`;
const text = Array.from({ length: 120 }, (_, i) => paragraph(i + 1)).join('\n\n');

test('names the source and the passage above the text, and keeps its place across views', async ({ page, library, reader }) => {
  await library.importFiles([{ name: 'district-minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }]);
  await expect(library.rows).toHaveCount(1);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await library.open('district-minutes');
  const bar = reader.region.getByRole('group', { name: 'Where you are' });
  // The place is read as "At ¶12" (its hidden word, then the place shown).
  const at = bar.locator('.reader-bar-place');
  await expect(bar).toContainText('district-minutes');
  await expect(at).toHaveText('At ¶1');

  // Scrolled by hand: the line follows the passage at the top of the view.
  await reader.text.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(at).not.toHaveText('At ¶1');
  const place = (await at.textContent())!;
  const n = Number(place.replace('At ¶', ''));
  expect(n).toBeGreaterThan(30);
  await expect(reader.passage(n)).toBeInViewport();

  // Another view and back by the rail, then the library and the source again: still there.
  const rail = page.getByRole('navigation', { name: 'Views' });
  await rail.getByRole('button', { name: 'Notes', exact: true }).click();
  await rail.getByRole('button', { name: 'Reader', exact: true }).click();
  await expect(at).toHaveText(place);
  await expect(reader.passage(n)).toBeInViewport();
  await rail.getByRole('button', { name: 'Library', exact: true }).click();
  await library.open('district-minutes');
  await expect(at).toHaveText(place);
  await expect(reader.passage(n)).toBeInViewport();
  // The keys go on from there.
  await reader.text.press('j');
  await expect(reader.current()).toBeInViewport();

  // Opened from a search hit: at the hit, named above it; left and opened again, back at the hit.
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search everything' }).fill('"Paragraph 97"');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Paragraph 97.');
  await page.getByRole('searchbox', { name: 'Search everything' }).press('Enter');
  await expect(bar).toContainText('district-minutes');
  await expect(at).toHaveText('At ¶97');
  await rail.getByRole('button', { name: 'Library', exact: true }).click();
  await library.open('district-minutes');
  await expect(at).toHaveText('At ¶97');
  await expect(reader.passage(97)).toBeInViewport();
});
