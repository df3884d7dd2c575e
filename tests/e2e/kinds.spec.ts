import { expect, fixture, test, docShot } from './fixtures';

test(
  'reads a saved web article: chrome muted, a table as rows of cells, notes as superscripts that lead to their footnote',
  { tag: '@docs' },
  async ({ page, library, reader }) => {
    await library.importFiles([fixture('web-article.md')]);
    await library.open('The Case of the Red Army Marshals');
    await expect(reader.title).toHaveText('The Case of the Red Army Marshals');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // Page chrome is kept, set apart as apparatus; a lone "#" and the rule "---" are no passages.
    await expect(reader.passage(1)).toHaveClass(/apparatus/);
    await expect(reader.region.locator('.passage-text', { hasText: /^#$|^---$/ })).toHaveCount(0);
    // A GFM table: each body row a row of cells under the header row.
    const row = reader.region.locator('.passage.table_row', { hasText: 'Corps commanders' });
    await expect(row.getByRole('cell')).toHaveText(['Corps commanders', '57', '50']);
    await expect(reader.region.locator('.table-head').first()).toContainText('Shot or died in custody');
    // Bold labels read as a fact sheet, markers hidden.
    await expect(reader.region.locator('.passage.table_row', { hasText: 'Born' }).getByRole('cell')).toHaveText([
      'Born',
      '16 February 1893, Alexandrovskoye',
    ]);
    // Note references are superscripts, brackets hidden, linked to the note they name.
    const first = reader.region.locator('.passage.paragraph').first();
    await expect(first.locator('sup.note-ref')).toHaveText(['1', '2', '3', 'army']);
    await expect(first).not.toContainText('[1]');

    await docShot(page, 'web-article');
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: test.info().outputPath('web-article-1024.png') });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('web-article-table.png') });

    await first.locator('sup.note-ref a', { hasText: 'army' }).click();
    await expect(reader.current()).toHaveClass(/footnote/);
    await expect(reader.current()).toContainText('The purge of the army is dated here');
    await page.screenshot({ path: test.info().outputPath('web-article-notes.png') });
  },
);
