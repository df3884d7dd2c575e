import fs from 'node:fs';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { expect, fixture, test, docShot } from './fixtures';

test(
  'annotates a passage with a rich note that survives a reload, a corrected text and an export',
  { tag: '@docs' },
  async ({ page, library, reader }) => {
    await library.importFiles([fixture('article.html')]);
    await library.results.getByRole('button', { name: 'Dismiss' }).click();
    await library.open('Counting the Victims of 1937');

    // Select words, annotate, write a note with bold text and a list.
    await reader.select(3, '681,692 executions');
    const toolbar = page.getByRole('toolbar', { name: 'Selection' });
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole('button', { name: 'Annotate' }).click();
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.click();
    await page.keyboard.type('Compare the ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('NKVD tallies');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' with memoirs.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- regional reports');
    await page.keyboard.press('Enter');
    await page.keyboard.type('the 1993 article');
    await expect(page.getByText('Saved')).toBeVisible();
    await page.getByRole('textbox', { name: 'Annotation tags' }).fill('figures, nkvd');
    await page.getByRole('textbox', { name: 'Annotation tags' }).press('Enter');
    await expect(reader.highlights()).toHaveText(['681,692 executions']);

    // A plain highlight in another colour.
    await reader.select(4, 'about one million');
    await page.getByRole('button', { name: 'Highlight green' }).click();
    await expect(reader.highlights()).toHaveCount(2);
    await docShot(page, 'annotate');

    // Reload: the note is still there, with its formatting.
    await page.reload();
    await library.open('Counting the Victims of 1937');
    const sidebar = page.getByRole('complementary', { name: 'Annotations' });
    await expect(sidebar).toContainText('“681,692 executions”');
    await expect(sidebar).toContainText('Compare the NKVD tallies with memoirs.');
    await sidebar.getByRole('button', { name: /681,692 executions/ }).click();
    await expect(note.locator('strong, .note-bold').first()).toHaveText('NKVD tallies');
    await expect(note.locator('li')).toHaveText(['regional reports', 'the 1993 article']);

    // Replace the text with a corrected version: the highlight stays on the same words.
    const corrected = fs
      .readFileSync(fixture('article.html'), 'utf8')
      .replace('<h1>Counting', '<p>A new opening paragraph, added in the second edition of this test page.</p><h1>Counting')
      .replace('<li>First estimate: about one million.</li>', '');
    await page
      .getByLabel('Choose the corrected text')
      .setInputFiles({ name: 'article-v2.html', mimeType: 'text/html', buffer: Buffer.from(corrected) });
    await expect(page.getByRole('status').filter({ hasText: 'Text replaced' })).toContainText('2 annotations: 1 placed (1 moved), 1 not placed');
    await expect(reader.highlights()).toHaveText(['681,692 executions']);
    await expect(reader.passage(4)).toContainText('681,692 executions');
    await expect(sidebar).toContainText('Not placed after the text was corrected (1)');

    // Re-attach the orphan to the corrected words.
    await sidebar.getByRole('button', { name: /about one million/ }).click();
    await reader.select(5, 'at least 750,000');
    await sidebar.getByRole('button', { name: 'Re-attach to selection' }).click();
    await expect(sidebar.getByRole('alert')).toHaveCount(0);
    await expect(reader.highlights()).toHaveText(['681,692 executions', 'at least 750,000']);

    // Export: Markdown with the quote, the note's formatting and the citation.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export notes' }).click();
    const file = await (await downloading).path();
    const md = fs.readFileSync(file, 'utf8');
    expect(md).toMatch(/^---\ntitle: "Counting the Victims of 1937"\n/);
    expect(md).toContain('## ¶ 4 — Counting the Victims of 1937\n\n> 681,692 executions\n\nCompare');
    expect(md).toContain('Compare the **NKVD tallies** with memoirs.');
    expect(md).toContain('- regional reports\n- the 1993 article');
    // The citation in the project's style (Chicago notes by default), the paragraph as locator.
    expect(md).toMatch(
      /— Anna Ivanova and John Smith, “Counting the Victims of 1937,” March 14, 2019, para\. 4, <https:\/\/journal\.example\.org\/articles\/1937>\. · \[open in Sourcebench\]\(sourcebench:\/\/open\?project=/,
    );
    expect(md).toContain('tags: #figures #nkvd');
    expect(md).not.toMatch(/<(strong|em|ul|li|p)[ >]/);

    // The export as a reader sees it: rendered as CommonMark with GFM (front matter aside).
    const html = micromark(md.slice(md.indexOf('\n---\n', 4) + 5), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain('<blockquote>\n<p>681,692 executions</p>\n</blockquote>');
    expect(html).toContain('<a href="https://journal.example.org/articles/1937">');
    const viewer = await page.context().newPage();
    await viewer.setViewportSize({ width: 900, height: 560 });
    await viewer.setContent(
      `<!doctype html><meta charset="utf-8"><style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:24px auto;color:#222}blockquote{border-left:3px solid #bbb;margin:0;padding:0 14px;color:#444}a{color:#2f5d8a}h1{font-size:24px}h2{font-size:17px;color:#555}</style>${html}`,
    );
    await docShot(viewer, 'exported-note');
    await viewer.close();
  },
);

test('deleting an annotation can be undone', async ({ page, library, reader }) => {
  await library.importFiles([fixture('notes.md')]);
  await library.open('Notes on the 1937 census');
  await reader.select(2, 'results were suppressed');
  await page.getByRole('button', { name: 'Highlight pink' }).click();
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await sidebar.getByRole('button', { name: /results were suppressed/ }).click();
  await sidebar.getByRole('button', { name: 'Delete' }).click();
  await expect(reader.highlights()).toHaveCount(0);
  await sidebar.getByRole('button', { name: 'Undo' }).click();
  await expect(reader.highlights()).toHaveText(['results were suppressed']);
});

test(
  'lists every note in the Notes view, filters them, finds them in search and exports them',
  { tag: '@docs' },
  async ({ page, library, reader }) => {
    await library.importFiles([fixture('article.html'), fixture('notes.md')]);
    await library.results.getByRole('button', { name: 'Dismiss' }).click();
    await library.open('Counting the Victims of 1937');
    await reader.select(3, '681,692 executions');
    await page.getByRole('button', { name: 'Annotate' }).click();
    await page.getByRole('textbox', { name: 'Note' }).click();
    await page.keyboard.type('Kolyma is not mentioned here.');
    await expect(page.getByText('Saved')).toBeVisible();
    await page.getByRole('textbox', { name: 'Annotation tags' }).fill('follow-up');
    await page.getByRole('textbox', { name: 'Annotation tags' }).press('Enter');
    await page.getByRole('button', { name: '← Library' }).click();
    await library.open('Notes on the 1937 census');
    await reader.select(2, 'results were suppressed');
    await page.getByRole('button', { name: 'Highlight blue' }).click();

    await page.getByRole('button', { name: 'Notes', exact: true }).click();
    const notes = page.getByRole('list', { name: 'All annotations' });
    await expect(notes.getByRole('listitem')).toHaveCount(2);
    await page.getByRole('combobox', { name: 'Filter notes by colour' }).selectOption('blue');
    await expect(notes.getByRole('listitem')).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Filter notes by colour' }).selectOption('');
    await page.getByRole('searchbox', { name: 'Filter notes' }).fill('kolyma');
    await expect(notes.getByRole('listitem')).toHaveCount(1);
    await docShot(page, 'notes');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Web Annotation JSON-LD' }).click();
    const doc = JSON.parse(fs.readFileSync(await (await downloading).path(), 'utf8'));
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 2 });

    // Another citation style, kept by the project; then Pandoc citations with their bibliography.
    await page.getByRole('combobox', { name: 'Citation style' }).selectOption({ label: 'APA 7th edition' });
    await page.getByRole('combobox', { name: 'Filter notes by source' }).selectOption({ label: 'Counting the Victims of 1937' });
    const apa = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Markdown, one file' }).click();
    expect(fs.readFileSync(await (await apa).path(), 'utf8')).toMatch(/\n— \(Ivanova & Smith, 2019, para\. 3\) · \[open in Sourcebench\]/);
    await page.getByRole('combobox', { name: 'Citation style' }).selectOption({ label: 'Pandoc citations [@key] with a bibliography file' });
    const names: string[] = [];
    page.on('download', (d) => names.push(d.suggestedFilename()));
    const pandoc = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Markdown, one file' }).click();
    expect(fs.readFileSync(await (await pandoc).path(), 'utf8')).toMatch(/\n— \[@ivanova2019, para\. 3\] · \[open in Sourcebench\]/);
    await expect.poll(() => names).toContain('references.json');
    await page.getByRole('combobox', { name: 'Filter notes by source' }).selectOption('');

    await notes.getByRole('button', { name: /681,692 executions/ }).click();
    await expect(reader.title).toHaveText('Counting the Victims of 1937');
    await expect(page.getByRole('textbox', { name: 'Note' })).toContainText('Kolyma is not mentioned here.');

    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox', { name: 'Search everything' }).fill('kolyma in:notes');
    const first = page.getByRole('listbox', { name: 'Results' }).getByRole('option').first();
    await expect(first).toContainText('Note');
    await expect(first.locator('mark')).toHaveText('Kolyma');
    await page.getByRole('searchbox', { name: 'Search everything' }).press('Enter');
    await expect(page.getByRole('textbox', { name: 'Note' })).toContainText('Kolyma is not mentioned here.');
  },
);
