import { expect, fixture, test } from './fixtures';

test('annotates, highlights and records a claim with the keyboard alone', async ({ page, library, reader }) => {
  await library.importFiles([fixture('article.html')]);
  await expect(library.rows).toHaveCount(1);

  // The library: the first source, opened.
  await page.keyboard.press('j');
  await expect(library.rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(reader.title).toHaveText('Counting the Victims of 1937');
  await expect(reader.text).toBeFocused();

  // To the third passage, the caret five words on, two words selected: shown as the window's selection.
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 3');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(reader.region.locator('.reader-caret')).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('681,692 executions');

  // Annotate: the note takes the focus; keys typed there are the note's; Esc goes back to the text, the note saved.
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await page.keyboard.type('Check the NKVD tally against the regional reports.');
  await expect(note).toHaveText('Check the NKVD tally against the regional reports.');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 3');
  await page.keyboard.press('Escape');
  await expect(reader.text).toBeFocused();
  // Esc closes the note (the sidebar's rule) and keeps it: the closed annotation shows what was written.
  await expect(note).toBeHidden();
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await expect(sidebar.locator('.annotation-preview')).toHaveText('Check the NKVD tally against the regional reports.');
  await expect(reader.highlights()).toHaveText(['681,692 executions']);
  await expect(sidebar.getByRole('listitem')).toHaveCount(1);
  await expect(sidebar.getByRole('listitem').first()).toHaveAccessibleName('Annotation: 681,692 executions');

  // A sentence highlighted: the second passage's first sentence.
  await page.keyboard.press('k');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 2');
  await page.keyboard.press('Shift+ArrowDown');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Historians have argued for decades about the scale of the terror.');
  await page.keyboard.press('h');
  await expect(reader.highlights()).toHaveText(['Historians have argued for decades about the scale of the terror.', '681,692 executions']);
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toHaveCount(0);

  // A claim recorded from a sentence: the fifth passage's.
  await page.keyboard.press('End');
  await page.keyboard.press('k');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 5');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('c');
  const claims = page.getByRole('complementary', { name: 'Claims' });
  const claim = claims.getByRole('listitem', { name: /at least 750,000/ });
  await expect(claim).toContainText('“Second estimate: at least 750,000.”');
  await expect(reader.text).toBeFocused();

  // Esc clears a selection first, then leaves the reader.
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toHaveCount(0);
  await expect(reader.title).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(library.table).toBeVisible();
});

test('? opens the shortcut sheet, generated from the table; Esc closes it and the focus goes back', async ({ page, library, reader }) => {
  await library.importFiles([fixture('article.html')]);
  await library.open('Counting the Victims of 1937');
  await expect(reader.text).toBeFocused();

  // The toolbars' buttons say their keys.
  await expect(page.getByRole('button', { name: 'Export notes' })).toHaveAttribute('aria-keyshortcuts', 'X');
  await expect(page.getByRole('button', { name: 'Export notes' })).toHaveAttribute('title', 'Export notes (X)');

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const readerKeys = sheet.getByRole('region', { name: 'Reader', exact: true });
  await expect(readerKeys).toContainText('Shift+→');
  await expect(readerKeys).toContainText('Annotate: highlight and write a note');
  for (const group of ['Anywhere', 'Library', 'Notes', 'Evidence', 'Compare'])
    await expect(sheet.getByRole('region', { name: group, exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sheet.png') });
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(reader.text).toBeFocused();

  // Keys typed in a field are the field's: ? in the filter is a question mark.
  await page.keyboard.press('Escape');
  await expect(library.table).toBeVisible();
  await page.keyboard.press('/');
  await expect(library.filter).toBeFocused();
  await page.keyboard.type('1937?');
  await expect(library.filter).toHaveValue('1937?');
  await expect(sheet).toHaveCount(0);

  // The toolbars' keys, view by view.
  await library.table.locator('.table-body').focus();
  await page.keyboard.press('r');
  const references = page.getByRole('dialog', { name: 'References' });
  await expect(references).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(references).toHaveCount(0);
  await page.keyboard.press('t');
  await expect(library.tagFilter).toBeFocused();
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter notes' })).toBeFocused();
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await page.keyboard.press('q');
  await expect(page.getByRole('textbox', { name: 'New question' })).toBeFocused();
});

test('a keyboard selection across hidden Markdown markers covers the words shown, as a mouse selection does', async ({ page, library, reader }) => {
  const md = '---\ntitle: Markup in a memoir\n---\n\nThe **NKVD** files give *681,692* executions for [1937–38](https://example.org/nkvd).\n';
  await library.importFiles([{ name: 'markup.md', mimeType: 'text/markdown', buffer: Buffer.from(md) }]);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await library.open('Markup in a memoir');
  await expect(reader.text).toBeFocused();
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('NKVD files give 681,692 executions');
  await page.keyboard.press('3');
  await expect(reader.highlights().first()).toBeVisible();
  const highlighted = await reader.highlights().evaluateAll((els) => els.map((e) => e.textContent).join(''));
  expect(highlighted).toBe('NKVD files give 681,692 executions');
  await expect(reader.highlights().first()).toHaveClass(/hl-blue/);
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('“NKVD files give 681,692 executions”');
});
