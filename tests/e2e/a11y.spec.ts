/**
 * Accessibility: axe-core over every view and dialog, in the light and the dark theme, against
 * WCAG 2.2 AA (the wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa rules). A serious or
 * critical violation fails the test, naming each violation's rule, where it is and what is
 * wrong. One server and one page for each theme, on a project seeded before it starts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppServer } from './fixtures';
import { cli, expect, fixture, startApp, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';
import { typedPage } from './typedPage';
import { photographs } from './photographs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** An open dialog: a native modal <dialog>, or the review's role=dialog. */
const DIALOG = 'dialog[open], [role="dialog"]';

/**
 * Runs axe on the page, or on the part of it a state adds (a dialog, a menu, a toast), and
 * fails on what is serious or critical, with every such violation in the message.
 */
async function audit(page: Page, state: string, within?: string) {
  let axe = new AxeBuilder({ page }).withTags(TAGS);
  if (within) axe = axe.include(within);
  const { violations } = await axe.analyze();
  const found = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
      return `${v.id} (${v.impact}): ${v.help}\n${where}`;
    });
  expect.soft(found, `${state}: serious or critical WCAG 2.2 AA violations:\n${found.join('\n')}`).toEqual([]);
}

/** Calls the running workbench's API as the page does, to seed what the CLI cannot. */
async function apiCall<T>(request: APIRequestContext, app: AppServer, method: string, input: unknown = {}): Promise<T> {
  const url = new URL(app.url);
  const res = await request.post(`${url.origin}/api/${method}`, {
    headers: { 'X-Sourcebench-Token': url.searchParams.get('token')!, 'Content-Type': 'application/json' },
    data: JSON.stringify(input),
  });
  const reply = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.value;
}

interface Claim {
  id: number;
  measure: string;
  low: number | null;
}

/** Sources for every view; claims confirmed in two of them and one left suggested, in one question; an annotation. */
async function seededApp(request: APIRequestContext): Promise<AppServer & { stop(): void }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-a11y-'));
  const files = ['claims-a.md', 'claims-b.md', 'claims-c.md', 'article.html', 'align-base.txt', 'align-edited.txt'];
  cli(home, 'import', ...files.map(fixture));
  const app = await startApp(home);
  const sources = await apiCall<{ id: number; title: string }[]>(request, app, 'listSources');
  const id = (title: string) => sources.find((s) => s.title === title)!.id;
  const claims = (title: string) => apiCall<Claim[]>(request, app, 'listClaims', { sourceId: id(title) });
  const [a] = await claims('Archival figures (test text)');
  const [b] = await claims('An earlier estimate (test text)');
  const c = (await claims('A survey of the Terror (test text)')).find((x) => x.measure === 'executed' && x.low === 680000)!;
  await apiCall(request, app, 'updateClaim', { id: a!.id, status: 'confirmed' });
  await apiCall(request, app, 'updateClaim', { id: b!.id, status: 'confirmed', high: 1_200_000 });
  await apiCall(request, app, 'createQuestion', { label: 'How many were executed in the Great Purge?', claimIds: [a!.id, b!.id, c.id] });
  const articleId = id('Counting the Victims of 1937');
  const article = await apiCall<{ passageList: { start: number; text: string }[] }>(request, app, 'getSource', { id: articleId });
  const quote = '681,692 executions';
  const passage = article.passageList.find((p) => p.text.includes(quote))!;
  const start = passage.start + passage.text.indexOf(quote);
  await apiCall(request, app, 'createAnnotation', { sourceId: articleId, start, end: start + quote.length, colour: 'yellow', tags: ['figures'] });
  return app;
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`WCAG 2.2 AA, ${theme} theme`, () => {
    let app: AppServer & { stop(): void };
    let context: BrowserContext;
    let page: Page;
    let errors: string[];

    test.beforeAll(async ({ browser, playwright }) => {
      const request = await playwright.request.newContext();
      app = await seededApp(request);
      await request.dispose();
      // A context of its own (axe opens a page in it to put its results together).
      context = await browser.newContext({ colorScheme: theme, reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
    });
    test.afterAll(async () => {
      await context?.close();
      app?.stop();
    });
    test.beforeEach(async () => {
      await page.goto(app.url);
      await expect(new LibraryPage(page).rows.first()).toBeVisible();
    });
    test.afterEach(() => {
      expect(errors, 'uncaught errors in the page').toEqual([]);
    });

    test('library and its dialogs', async () => {
      const library = new LibraryPage(page);
      await library.rows.first().click();
      await audit(page, 'library');
      const edit = await library.edit('Counting the Victims of 1937');
      await expect(edit.getByLabel('Title')).toHaveValue('Counting the Victims of 1937');
      // The citation preview stays closed: its first citation builds the style's formatter, which the layout and archival specs wait for.
      await audit(page, 'metadata dialog', DIALOG);
      await edit.getByLabel('Box', { exact: true }).fill('14');
      await edit.getByRole('button', { name: 'Make a template…' }).click();
      const template = page.getByRole('dialog', { name: 'Make a template' });
      await expect(template.getByLabel('Template name')).toHaveValue('Box 14');
      await audit(page, 'make a template dialog', DIALOG);
      await template.press('Escape');
      await expect(template).toBeHidden();
      await edit.press('Escape');
      await expect(edit).toBeHidden();
      // Two sources marked, and fields to apply to both.
      await library.rows
        .nth(1)
        .locator('.col-date')
        .click({ modifiers: ['Control'] });
      await page.getByRole('button', { name: 'Apply to 2 sources…' }).click();
      const apply = page.getByRole('dialog', { name: 'Apply to 2 sources' });
      await apply.getByLabel('Box', { exact: true }).fill('14');
      await audit(page, 'apply dialog', DIALOG);
      await apply.press('Escape');
      await expect(apply).toBeHidden();
      await library.rows.first().locator('.col-date').click();
      await page.getByRole('button', { name: 'Delete Counting the Victims of 1937' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete source' });
      await expect(confirm).toBeVisible();
      await audit(page, 'delete dialog', DIALOG);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'References…' }).click();
      const references = page.getByRole('dialog', { name: 'References' });
      await references.getByLabel('Choose a reference file').setInputFiles(fixture('references/matching.bib'));
      await expect(references.getByRole('table', { name: 'References' }).getByRole('row').nth(1)).toBeVisible();
      await audit(page, 'references dialog', DIALOG);
      await references.press('Escape');
      await expect(references).toBeHidden();
      await page.getByRole('button', { name: 'Project' }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await audit(page, 'project menu', '[role="menu"]');
      await page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
      const backups = page.getByRole('dialog', { name: 'Restore from backup' });
      await expect(backups.locator('.dialog-text strong')).not.toHaveText('…');
      await audit(page, 'backups dialog', DIALOG);
      await backups.press('Escape');
      await expect(backups).toBeHidden();
      await page.getByRole('button', { name: 'Project' }).click();
      await page.getByRole('menuitem', { name: 'New project…' }).click();
      const newProject = page.getByRole('dialog', { name: 'New project' });
      await expect(newProject).toBeVisible();
      await audit(page, 'new project dialog', DIALOG);
      await newProject.press('Escape');
      await expect(newProject).toBeHidden();
    });

    test('an import: its progress, then its results with a failure', async () => {
      const library = new LibraryPage(page);
      // The import is held in flight until its progress has been checked.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/importFiles', async (route) => {
        await held;
        await route.continue();
      });
      await library.importFiles([
        { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') },
        { name: `short-${theme}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`A short text about 1937, read in the ${theme} theme.`) },
      ]);
      await expect(page.getByRole('status', { name: 'Import in progress' })).toBeVisible();
      await audit(page, 'import in progress', '.status');
      release();
      const results = page.getByRole('alert', { name: 'Import results' });
      await expect(results).toContainText('1 failed');
      await audit(page, 'import results', '.import-results');
      await results.getByRole('button', { name: 'Dismiss' }).click();
      await page.unroute('**/api/importFiles');
    });

    test('reader with its annotation sidebar open, the selection toolbar, the claims tab', async () => {
      const reader = new ReaderPage(page);
      await new LibraryPage(page).open('Counting the Victims of 1937');
      await page
        .getByRole('complementary', { name: 'Annotations' })
        .getByRole('button', { name: /681,692 executions/ })
        .click();
      await expect(page.getByRole('textbox', { name: 'Note' })).toBeVisible();
      await audit(page, 'reader, annotation open');
      await reader.select(2, 'Historians have argued');
      await audit(page, 'selection toolbar', '.selection-toolbar');
      await page.getByRole('tab', { name: /Claims/ }).click();
      await expect(page.getByRole('complementary', { name: 'Claims' }).getByRole('listitem').first()).toBeVisible();
      await audit(page, 'claims tab', '.reader-side');
    });

    test('search with results, and notes', async () => {
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search everything' }).fill('executed');
      await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
      await audit(page, 'search');
      await page.getByRole('button', { name: 'Notes', exact: true }).click();
      await expect(page.getByRole('list', { name: 'All annotations' }).getByRole('listitem')).toHaveCount(1);
      await audit(page, 'notes');
    });

    test('evidence with claims and the range chart, the review, a proposal', async () => {
      await page.getByRole('button', { name: 'Evidence', exact: true }).click();
      await page.getByRole('button', { name: /How many were executed in the Great Purge\?/ }).click();
      const chart = page.getByRole('img', { name: /Range chart of 3 claims/ });
      await expect(chart).toBeVisible();
      await audit(page, 'evidence');
      // Each mark is a button a screen reader names: source, value and measure, period.
      await expect(chart.getByRole('button')).toHaveCount(3);
      await expect(chart.getByRole('button', { name: 'Test Author A, 1993: 681,692 executed', exact: true })).toBeVisible();
      await expect(chart.getByRole('button', { name: 'Test Author B, 1990: about 1 million–1.2 million executed', exact: true })).toBeVisible();
      await expect(chart.getByRole('button', { name: /^Test Author C, 2005: (about )?680,000 executed, 1937–1938/ })).toBeVisible();
      await page.getByRole('button', { name: /^Review \d+ unconfirmed/ }).click();
      const review = page.getByRole('dialog', { name: /Review:/ });
      await expect(review.locator('mark')).toBeVisible();
      await audit(page, 'review dialog', DIALOG);
      await review.press('Escape');
      await expect(review).toBeHidden();
      await page
        .getByRole('region', { name: 'Proposed questions' })
        .getByRole('button', { name: /^Preview / })
        .first()
        .click();
      await expect(page.getByRole('region', { name: 'Proposal preview' })).toBeVisible();
      await audit(page, 'proposal preview', '.evidence-main');

      // A mark is reached by Tab and opened by Enter, as a click does: the reader at the claim.
      await page.getByRole('button', { name: /How many were executed in the Great Purge\?/ }).click();
      const mark = chart.getByRole('button', { name: 'Test Author A, 1993: 681,692 executed', exact: true });
      await mark.focus();
      await expect(mark).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(new ReaderPage(page).title).toHaveText('Archival figures (test text)');
    });

    test('where else a passage appears, and the reuse report', async () => {
      await new LibraryPage(page).open('align-base');
      const reader = new ReaderPage(page);
      await expect(reader.passage(1)).toBeVisible();
      await reader.region.getByRole('button', { name: 'Where else?' }).click();
      const dialog = page.getByRole('dialog', { name: 'Where else does passage 1 appear?' });
      await expect(dialog.getByRole('list', { name: 'Passages sharing text' }).getByRole('listitem').first()).toBeVisible();
      await audit(page, 'where else', DIALOG);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Reuse', exact: true }).click();
      const view = page.getByRole('region', { name: 'Text reuse' });
      await audit(page, 'reuse, before a report');
      await view.getByRole('button', { name: 'Find shared text' }).click();
      await expect(view.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await audit(page, 'reuse report');
    });

    test('compare with two sources', async () => {
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await page.getByRole('combobox', { name: 'Source A' }).selectOption({ label: 'align-base' });
      await page.getByRole('combobox', { name: 'Source B' }).selectOption({ label: 'align-edited' });
      await expect(page.getByRole('status', { name: 'Comparison summary' })).toContainText('10 pairs');
      await page.getByRole('button', { name: '↓ Next pair' }).click();
      await expect(page.getByRole('region', { name: 'Pair detail' })).toBeVisible();
      await audit(page, 'compare');
      // The gutter's connectors are the pairs in view, each named; the current one marked.
      await page
        .getByRole('region', { name: /^Source A/ })
        .getByRole('article', { name: 'A passage 5, pair 5' })
        .click();
      const pair = page
        .getByRole('list', { name: 'Pairs in view' })
        .getByRole('listitem', { name: 'Pair 5: A ¶5 with B ¶6, nearly identical', exact: true });
      await expect(pair).toHaveAttribute('aria-current', 'true');
    });

    test('collate with two witnesses, a base text and a changed figure', async () => {
      await page.getByRole('button', { name: 'Collate', exact: true }).click();
      const view = page.getByRole('region', { name: 'Collate' });
      await view.getByRole('checkbox', { name: 'align-base' }).check();
      await view.getByRole('checkbox', { name: 'align-edited' }).check();
      await expect(view.locator('[data-state="figure"]').first()).toBeVisible();
      await audit(page, 'collate');
      await view.getByRole('combobox', { name: 'Base text' }).selectOption({ index: 1 });
      await expect(view.getByRole('columnheader', { name: /\(base\)/ })).toBeVisible();
      await audit(page, 'collate with a base text');
    });
  });
}

test('import results: said politely when clean, and leave; an alert when a file failed, kept until dismissed', async ({ page, app }) => {
  await page.clock.install();
  await page.goto(app.url);
  const library = new LibraryPage(page);
  const text = (name: string, body: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });

  // A clean import: a status in a polite live region; it stays while hovered, then leaves by itself.
  await library.importFiles([text('clean.txt', 'A clean text about 1937.')]);
  const status = page.locator('[aria-live="polite"]').getByRole('status', { name: 'Import results' });
  await expect(status).toContainText('1 imported');
  await status.hover();
  await page.clock.fastForward(10_000);
  await expect(status).toBeVisible();
  await page.mouse.move(0, 0);
  await page.clock.fastForward(10_000);
  await expect(status).toBeHidden();

  // A failure: an alert (said at once), which stays until dismissed.
  await library.importFiles([text('empty.txt', ''), text('other.txt', 'Another text about 1938.')]);
  const alert = page.getByRole('alert', { name: 'Import results' });
  await expect(alert).toContainText('1 imported, 1 failed');
  await expect(alert).toContainText('empty.txt is empty');
  await page.clock.fastForward(60_000);
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});

test('Esc in the annotation sidebar closes the note and returns to its passage', async ({ page, library, reader }) => {
  await library.importFiles([fixture('article.html')]);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await library.open('Counting the Victims of 1937');
  await reader.select(3, '681,692 executions');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Annotate' }).click();
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.click();
  await page.keyboard.type('Check the regional reports.');
  // Elsewhere first, so the passage to return to is not the current one already.
  await reader.text.focus();
  await page.keyboard.press('Home');
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 1');

  // In the note editor: Esc closes it (the note kept) and the text has the focus, at the annotation's passage.
  await note.click();
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  await expect(reader.text).toBeFocused();
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 3');
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await expect(sidebar).toContainText('Check the regional reports.');

  // On a closed annotation in the list: Esc goes back to its passage too.
  await page.keyboard.press('Home');
  const head = sidebar.getByRole('button', { name: /681,692 executions/ });
  await head.focus();
  await page.keyboard.press('Escape');
  await expect(reader.text).toBeFocused();
  await expect(reader.current()).toHaveAttribute('aria-label', 'Passage 3');
  // And Esc in the text goes on to do what it does there: back to the library.
  await page.keyboard.press('Escape');
  await expect(library.table).toBeVisible();
});

test('the reader of a photographed page: its image beside its text, a region marked, a word to check, its correction in place', async ({
  page,
  library,
}) => {
  const file = typedPage({ smudged: true });
  try {
    await library.importFiles([file]);
    await library.open('letter-1936');
    const pane = page.getByRole('region', { name: 'Page image' });
    await expect(pane.getByRole('status')).toContainText('Text recognised', { timeout: 60_000 });
    await expect(pane.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
    await audit(page, 'image reader');

    // Marking a region (the rectangle placed from the keyboard), then the region drawn with its note open.
    await pane.getByRole('button', { name: 'Zoom in' }).focus();
    await page.keyboard.press('m');
    await expect(pane.getByRole('img', { name: /^New region/ })).toBeFocused();
    await audit(page, 'image reader, marking a region');
    await page.keyboard.press('Enter');
    await expect(pane.getByRole('button', { name: /^Region 1, page 1/ })).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Annotation: page 1, region' }).getByRole('textbox', { name: 'Note' })).toBeFocused();
    await audit(page, 'image reader with a region and its note');
    await page.keyboard.press('Escape');

    // The uncertain word: underlined, and described in words (generated text a screen reader reads).
    const uncertain = page.locator('.ocr-check');
    await expect(uncertain).toHaveCount(1);
    const said = await uncertain.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(said).toContain('uncertain reading');
    expect(await uncertain.evaluate((el) => getComputedStyle(el).textDecorationStyle)).toBe('dotted');
    await audit(page, 'image reader with a word to check');
    await page.getByRole('region', { name: 'Reader' }).getByLabel('Source text').focus();
    await page.keyboard.press('u');
    await page.keyboard.press('F2');
    await expect(page.getByRole('dialog', { name: 'Correct the transcription' })).toBeVisible();
    await audit(page, 'correcting a word in place', '.word-editor');
    await page.emulateMedia({ colorScheme: 'dark' });
    await audit(page, 'image reader, dark theme');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('photographs: the question whether images chosen together are one source, the page order, merging', async ({ page, library }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-a11y-pages-'));
  try {
    await library.importFiles(photographs(dir, { 'day-1': 'Monday the river froze.', 'day-2': 'Tuesday the mill stopped.' }));
    const ask = page.getByRole('dialog', { name: 'Import 2 files' });
    await expect(ask).toBeVisible();
    await audit(page, 'the question whether images are one source', DIALOG);
    await ask.getByRole('checkbox', { name: /Group the images into one source/ }).uncheck();
    await ask.getByRole('button', { name: 'Import' }).click();
    await expect(library.results).toContainText('2 imported');
    await library.open('day-1');
    await page.getByText('Pages (1): order and merging').click();
    await expect(page.getByRole('list', { name: 'Page order' })).toBeVisible();
    await page.getByText('Languages: eng').click();
    // A file that is not a language model is refused, naming it.
    await page
      .getByLabel('Add a language…')
      .setInputFiles({ name: 'rus.traineddata', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model') });
    await expect(page.getByRole('alert').filter({ hasText: 'rus.traineddata is not a Tesseract language file' })).toBeVisible();
    await audit(page, 'image reader with its page order and languages');
    await page.getByRole('button', { name: 'Merge into…' }).click();
    await expect(page.getByRole('dialog', { name: 'Merge into another source' }).getByLabel('Merge into')).toHaveValue(/\d+/);
    await audit(page, 'merge into another source', DIALOG);
    await page.keyboard.press('Escape');
    // The two marked in the library, and merged from there.
    await page.getByRole('button', { name: /^← / }).click();
    await library.sortBy('Title');
    await page.getByRole('rowgroup', { name: 'Source rows' }).focus();
    for (const key of ['Home', 'x', 'j', 'x']) await page.keyboard.press(key);
    await page.getByRole('button', { name: 'Merge 2…' }).click();
    await expect(page.getByRole('dialog', { name: 'Merge into one source' }).getByRole('listitem')).toHaveCount(2);
    await audit(page, 'merge the marked sources into one', DIALOG);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
