/** In a narrow window the reader's notes and claims show over the text: Esc in them, or a press on the text, closes them. */
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
