import fs from 'node:fs';
import path from 'node:path';
import { cli, expect, fixture, startApp, test, docShot } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

test('imports files through the picker, reports each file, filters, sorts, edits and deletes', { tag: '@docs' }, async ({ page, library }) => {
  await expect(page.getByRole('heading', { name: 'This project has no sources yet' })).toBeVisible();

  await library.importFiles([fixture('article.html'), fixture('notes.md'), fixture('cp1252.txt')]);
  await expect(library.results).toContainText('3 imported');
  await library.importFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
    { name: 'notes-again.md', mimeType: 'text/markdown', buffer: fs.readFileSync(fixture('notes.md')) },
  ]);
  await expect(library.results).toContainText('0 imported, 1 already in the project, 2 failed');
  await expect(library.results).toContainText('empty.txt is empty');
  await expect(library.results).toContainText('photo.txt is a PNG image, not a text file');
  await expect(library.results).toContainText(/notes-again\.md: already in the project as “Notes on the 1937 census” \(#\d+\)/);
  await expect(library.rows).toHaveCount(3);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();

  // Filter by text (diacritics folded) and by tag.
  await library.filter.fill('cafe');
  await expect(library.rows).toHaveCount(1);
  await expect(library.rows.first()).toContainText('Café society in 1936');
  await library.filter.fill('');
  await library.tagFilter.selectOption('census');
  await expect(library.rows).toHaveCount(1);
  await expect(library.rows.first()).toContainText('Notes on the 1937 census');
  await library.tagFilter.selectOption('');

  await library.sortBy('Title');
  expect(await library.titles()).toEqual(['Café society in 1936', 'Counting the Victims of 1937', 'Notes on the 1937 census']);
  await library.sortBy('Title');
  expect(await library.titles()).toEqual(['Notes on the 1937 census', 'Counting the Victims of 1937', 'Café society in 1936']);

  // Edit metadata: a date that is not EDTF is refused with a clear message, then fixed.
  const dialog = await library.edit('Café society in 1936');
  await dialog.getByLabel('Date').fill('spring 1936');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not an EDTF date');
  await dialog.getByLabel('Date').fill('1936-04~');
  await dialog.getByLabel('Tags').fill('memoir, Moscow');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = library.row('Café society in 1936');
  await expect(row).toContainText('1936-04~');
  await expect(row).toContainText('memoir');
  await expect(library.tagFilter.locator('option')).toContainText(['All tags', 'census (1)', 'demography (1)', 'memoir (1)', 'Moscow (1)']);

  await docShot(page, 'library');

  // Delete after confirming; cancelling keeps the source.
  await page.getByRole('button', { name: 'Delete Counting the Victims of 1937' }).click();
  await page.getByRole('dialog', { name: 'Delete source' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(library.rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete Counting the Victims of 1937' }).click();
  await page.getByRole('dialog', { name: 'Delete source' }).getByRole('button', { name: 'Delete' }).click();
  await expect(library.rows).toHaveCount(2);
  await expect(page.getByText('2 sources')).toBeVisible();
});

test('loads the sample sources from the empty state', async ({ page, library }) => {
  await page.getByRole('button', { name: 'Load sample sources' }).click();
  await expect(library.rows).toHaveCount(4);
  await expect(library.rows.first()).toContainText('Sample:');
});

test('imports files dropped on the window as one import job', async ({ page, library }) => {
  const content = fs.readFileSync(fixture('notes.md'), 'utf8');
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/(\w+)/.exec(new URL(r.url()).pathname);
    if (m) calls.push(m[1]!);
  });
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
    for (let i = 1; i <= 5; i++)
      dt.items.add(new File([`Letter ${i}.\n\nA letter about the harvest of 193${i}.`], `letter-${i}.txt`, { type: 'text/plain' }));
    return dt;
  }, content);
  await page.locator('.app').dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop files or folders to import them')).toBeVisible();
  await page.locator('.app').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(library.results).toContainText('6 imported');
  await expect(library.rows).toHaveCount(6);
  await expect(library.row('Notes on the 1937 census')).toBeVisible();
  // One request, one job, followed to its end: not one request a file.
  expect(calls.filter((c) => c === 'importFiles')).toHaveLength(1);
  expect(calls).not.toContain('importFile');
  expect(calls).toContain('importProgress');
});

test('scrolls a library of many sources smoothly (virtualised)', async ({ page }) => {
  const app = await startApp();
  try {
    // Seed 600 sources through the CLI, then start the workbench on them.
    const dir = path.join(app.home, 'many');
    fs.mkdirSync(dir);
    for (let i = 0; i < 600; i++)
      fs.writeFileSync(path.join(dir, `source-${String(i).padStart(4, '0')}.txt`), `Source number ${i}.\n\nIt mentions 1937.`);
    cli(app.home, 'import', dir);
    await page.goto(app.url);
    const library = new LibraryPage(page);
    await expect(page.getByText('600 sources')).toBeVisible();
    const rendered = await library.rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await library.sortBy('Title');
    await page.getByLabel('Source rows').press('End');
    await expect(library.row('source-0599')).toBeVisible();
  } finally {
    app.stop();
  }
});

test('the import report sits below the table: it covers no row and not the toolbar', async ({ page, library }) => {
  const files = Array.from({ length: 24 }, (_, i) => ({
    name: `letter-${i}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Letter ${i} about the harvest.`),
  }));
  const failing = Array.from({ length: 6 }, (_, i) => ({ name: `empty-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.alloc(0) }));
  await library.importFiles([...files, ...failing]);
  await expect(library.results).toContainText('24 imported, 6 failed');
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  await coversNothing();
  // A clean import's report (said politely, in a live region) sits in the same place; the pointer on it keeps it shown.
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await library.importFiles(files.map((f, i) => ({ ...f, name: `note-${i}.txt`, buffer: Buffer.from(`Note ${i} about the census.`) })));
  await expect(library.results).toContainText('24 imported');
  await library.results.hover();
  await coversNothing();

  async function coversNothing() {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size);
      await expect(library.rows.first()).toBeVisible();
      const report = (await library.results.boundingBox())!;
      const toolbar = (await page.locator('.library .toolbar').boundingBox())!;
      const list = (await library.table.locator('.table-body').boundingBox())!;
      expect(overlaps(report, toolbar)).toBe(false);
      expect(overlaps(report, (await library.rows.first().boundingBox())!)).toBe(false);
      // No row the list shows (the part of it inside the scrolling list) lies under the report.
      for (const row of await library.rows.all()) {
        const r = (await row.boundingBox())!;
        const top = Math.max(r.y, list.y);
        const bottom = Math.min(r.y + r.height, list.y + list.height);
        if (bottom > top) expect(overlaps(report, { x: r.x, y: top, width: r.width, height: bottom - top })).toBe(false);
      }
    }
  }
});

test('says the same way in every view that there is nothing to show: a title, one sentence, an action where there is one', async ({
  page,
  library,
}) => {
  const empty = page.getByTestId('empty-state');
  const expectEmpty = async (title: string | RegExp, action?: string) => {
    await expect(empty.getByRole('heading')).toHaveText(title);
    await expect(empty.locator('p')).toHaveCount(1);
    if (action) await expect(empty.getByRole('button', { name: action })).toBeVisible();
  };
  await expectEmpty('This project has no sources yet', 'Load sample sources');
  for (const [view, title] of [
    ['Notes', 'No notes yet'],
    ['Evidence', 'No questions yet'],
    ['Compare', 'Two sources are needed'],
  ] as const) {
    await page.getByRole('button', { name: view, exact: true }).click();
    await expectEmpty(title);
  }
  await page.getByRole('button', { name: 'Reader', exact: true }).click();
  await expectEmpty('No source open', 'Go to the library');
  await empty.getByRole('button', { name: 'Go to the library' }).click();

  await page.getByRole('button', { name: 'Load sample sources' }).click();
  await expect(library.rows).toHaveCount(4);
  await library.filter.fill('kolyma');
  await expectEmpty('No source matches this filter', 'Show all sources');
  await empty.getByRole('button', { name: 'Show all sources' }).click();
  await expect(library.rows).toHaveCount(4);
  await expect(library.filter).toHaveValue('');

  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search everything' }).fill('kolyma');
  await expectEmpty('Nothing matches “kolyma”', 'Show the query language');

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await library.open('Sample: Deaths in the Gulag camps');
  await expectEmpty('No notes in this source');
});
