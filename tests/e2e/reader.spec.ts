import { expect, fixture, test, docShot } from './fixtures';

test('opens a source in the reader with its metadata and numbered passages', { tag: '@docs' }, async ({ page, library, reader }) => {
  await library.importFiles([fixture('article.html')]);
  await library.open('Counting the Victims of 1937');
  await expect(reader.title).toHaveText('Counting the Victims of 1937');
  await expect(reader.region).toContainText('Anna Ivanova; John Smith · 2019-03-14');
  await expect(reader.region).toContainText('https://journal.example.org/articles/1937');
  await expect(reader.passages).toHaveCount(6);
  await expect(reader.passage(3)).toContainText('681,692 executions');
  await expect(reader.region).not.toContainText('tracker');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await docShot(page, 'reader');

  // Keyboard: j/k and arrows move between passages.
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 1');
  await reader.text.press('j');
  await reader.text.press('ArrowDown');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 3');
  await reader.text.press('k');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 2');
  await reader.text.press('Escape');
  await expect(library.table).toBeVisible();
});

test('reads a 2 MB source smoothly: only visible passages are in the page', async ({ library, reader }) => {
  const paragraph = (i: number) =>
    `Paragraph ${i}. The regional NKVD reports for 1937 list arrests by category, and the historian must read each one with care, comparing the figures with the central tallies and with memoirs written decades later. `.repeat(
      4,
    );
  // Built in linear time: the length is counted as parts are added, not by joining them again each time.
  const parts: string[] = [];
  for (let i = 1, length = 0; length < 2_000_000; i++) {
    parts.push(paragraph(i));
    length += paragraph(i).length + 2;
  }
  const text = parts.join('\n\n');
  await library.importFiles([{ name: 'long-report.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }]);
  await expect(library.results).toContainText('1 imported', { timeout: 120_000 });
  const started = Date.now();
  await library.open('long-report');
  await expect(reader.passage(1)).toBeVisible();
  const opened = Date.now() - started;
  test.info().annotations.push({ type: 'open 2 MB source (ms)', description: String(opened) });
  expect(await reader.passages.count()).toBeLessThan(60);
  await reader.text.press('End');
  await expect(reader.passage(parts.length)).toBeVisible();
  await expect(reader.passage(parts.length)).toContainText(`Paragraph ${parts.length}.`);
});

test('shows Markdown inline markup styled, and maps a selection across hidden markers to the stored text', async ({ page, library, reader }) => {
  const md =
    '---\ntitle: Markup in a memoir\n---\n\nThe **NKVD** files give *681,692* executions for [1937–38](https://example.org/nkvd).\n\n```\nraw **code** stays\n```\n';
  await library.importFiles([{ name: 'markup.md', mimeType: 'text/markdown', buffer: Buffer.from(md) }]);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await library.open('Markup in a memoir');
  const first = reader.passage(1).locator('.passage-text');
  await expect(first).toHaveText('The NKVD files give 681,692 executions for 1937–38.');
  await expect(first.locator('strong')).toHaveText('NKVD');
  await expect(first.locator('em')).toHaveText('681,692');
  await expect(first.getByRole('link', { name: '1937–38' })).toHaveAttribute('href', 'https://example.org/nkvd');
  await expect(reader.passage(2)).toContainText('raw **code** stays');

  // A selection that starts inside the bold word and ends past the emphasis: the highlight covers exactly those words.
  await reader.select(1, 'NKVD files give 681,692 executions');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(reader.highlights().first()).toBeVisible();
  const highlighted = await reader.highlights().evaluateAll((els) => els.map((e) => e.textContent).join(''));
  expect(highlighted).toBe('NKVD files give 681,692 executions');
  // The sidebar quotes the words as shown, markers hidden.
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('“NKVD files give 681,692 executions”');
});
