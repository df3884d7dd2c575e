/**
 * Every view at three window sizes: 1440×900, 1024×700, and 1440×900 at 200% zoom (a
 * 720×450 viewport drawn at twice the pixels). Each command of a view must be reachable:
 * shown inside the window and not cut off by a clipping ancestor, or in the view's More
 * menu, or in a side panel whose toggle is reachable. Screenshots go to the test's output
 * folder. One server, seeded once, for the whole file.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReaderPage } from './pages/ReaderPage';
import type { AppServer } from './fixtures';
import { cli, expect, fixture, startApp, test } from './fixtures';
import { typedPage } from './typedPage';
import { photographs } from './photographs';

const SIZES = [
  { name: '1440x900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: '1024x700', viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 },
  { name: 'zoom200', viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 },
];

type Role = Parameters<Page['getByRole']>[0];
/** A command: its role and name inline, and the role it has in a More menu. */
interface Command {
  role: Role;
  name: string | RegExp;
  menuRole?: Role;
}
const button = (name: string | RegExp): Command => ({ role: 'button', name, menuRole: 'menuitem' });
const field = (role: Role, name: string | RegExp): Command => ({ role, name });

let app: AppServer & { stop(): void };
/** A photographed page with a word read with low confidence (recognised when the server starts). */
let photo: string;

test.beforeAll(async ({ browser }) => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-layout-'));
  photo = typedPage({ smudged: true });
  cli(
    home,
    'import',
    fixture('article.html'),
    fixture('claims-a.md'),
    fixture('claims-b.md'),
    fixture('align-base.txt'),
    fixture('align-edited.txt'),
    photo,
  );
  app = await startApp(home);
  // A note to list, and a question with claims to chart.
  const page = await browser.newPage();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Counting the Victims of 1937', exact: true }).click();
  const reader = new ReaderPage(page);
  await reader.select(3, '681,692 executions');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(reader.highlights().first()).toBeVisible();
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await page.getByRole('region', { name: 'Proposed questions' }).getByRole('button', { name: 'Accept' }).first().click();
  await expect(page.getByRole('img', { name: /Range chart of \d+ claims/ })).toBeVisible();
  // The photographed page recognised before the views are checked (the server is then idle).
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'letter-1936', exact: true }).click();
  await expect(page.locator('.ocr-check')).toHaveCount(1, { timeout: 90_000 });
  await page.close();
});

test.afterAll(() => {
  app?.stop();
  if (photo) fs.rmSync(path.dirname(photo), { recursive: true, force: true });
});

async function openPage(browser: Browser, size: (typeof SIZES)[number]) {
  const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  return { page, context, errors };
}

/**
 * Shown inside the window, and not cut off by an ancestor that clips (overflow other than
 * visible). A modal dialog is in the top layer: only the ancestors up to it can clip what is in it.
 */
async function inView(locator: Locator): Promise<boolean> {
  if ((await locator.count()) === 0) return false;
  return locator.first().evaluate((el) => {
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const inside = (box: { left: number; top: number; right: number; bottom: number }) =>
      r.left >= box.left - 1 && r.top >= box.top - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
    if (!inside({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight })) return false;
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if ((s.overflowX !== 'visible' || s.overflowY !== 'visible') && !inside(a.getBoundingClientRect())) return false;
      if (a instanceof HTMLDialogElement && a.matches(':modal')) break;
    }
    return true;
  });
}

/** Opens the view's More menu, if it shows one, and says whether the command is in it; closes it with Esc. */
async function inMoreMenu(page: Page, view: Locator, command: Command): Promise<boolean> {
  const more = view.getByRole('button', { name: 'More', exact: true });
  if (!command.menuRole || !(await inView(more))) return false;
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await more.click();
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(menu).toBeVisible();
  await shot(page, `${await view.getAttribute('aria-label')} menu`);
  const found = await inView(menu.getByRole(command.menuRole, { name: command.name, exact: true }));
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  return found;
}

/** Compare's More menu by keyboard: ↓ opens it at its first item, the arrows wrap, a letter jumps, Enter chooses, Esc closes. */
async function moreByKeyboard(page: Page, more: Locator) {
  const menu = page.getByRole('menu', { name: 'More' });
  const keep = menu.getByRole('menuitemcheckbox', { name: 'Keep aligned' });
  const items = menu.locator('[role^="menuitem"]:visible');
  await more.focus();
  await page.keyboard.press('ArrowDown');
  await expect(keep).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await expect(items.last()).toHaveText('Export Markdown');
  await page.keyboard.press('ArrowDown');
  await expect(keep).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('k');
  await expect(keep).toBeFocused();
  await expect(keep).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(keep).toHaveAttribute('aria-checked', 'false');
  await keep.click();
  await expect(menu).toBeHidden();
  await more.click();
  await expect(keep).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
}

/** Each command shown, or in the More menu; the ones not reachable, by name. */
async function unreachable(page: Page, view: Locator, commands: Command[]): Promise<string[]> {
  const missing: string[] = [];
  for (const c of commands) {
    const inline = view.getByRole(c.role, { name: c.name, exact: true });
    if (!(await inView(inline)) && !(await inMoreMenu(page, view, c))) missing.push(String(c.name));
  }
  return missing;
}

/** A side panel's commands: shown, or shown once its toggle (itself reachable) opens it; closed again after. */
async function unreachableInPanel(page: Page, view: Locator, toggle: string, commands: Command[]): Promise<string[]> {
  if ((await unreachable(page, view, commands)).length === 0) return [];
  const button = view.getByRole('button', { name: toggle, exact: true });
  if (!(await inView(button))) return [`${toggle} (the panel's toggle)`];
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await shot(page, toggle);
  const missing = await unreachable(page, view, commands);
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  return missing;
}

/** A dialog's commands, each scrolled to within it (a dialog scrolls when the window is short): the ones still not shown whole, by name. */
async function unreachableInDialog(dialog: Locator, commands: Command[]): Promise<string[]> {
  const missing: string[] = [];
  for (const c of commands) {
    const target = dialog.getByRole(c.role, { name: c.name, exact: true });
    if ((await target.count()) === 1) await target.scrollIntoViewIfNeeded();
    if (!(await inView(target))) missing.push(String(c.name));
  }
  return missing;
}

/** A screenshot in the test's output folder, once for each name. */
async function shot(page: Page, name: string) {
  const file = test.info().outputPath(`${name.replace(/\W+/g, '-').toLowerCase()}.png`);
  if (!fs.existsSync(file)) await page.screenshot({ path: file });
}

for (const size of SIZES) {
  test(`every command of every view is reachable at ${size.name}`, async ({ browser }) => {
    const { page, context, errors } = await openPage(browser, size);
    const rail = page.getByRole('navigation', { name: 'Views' });
    const show = (view: string) => rail.getByRole('button', { name: view, exact: true }).click();

    // Library: its toolbar, and the Edit and Delete buttons of a row.
    const library = page.getByRole('region', { name: 'Library' });
    await expect(library.getByRole('row')).toHaveCount(7);
    await shot(page, 'library');
    expect
      .soft(
        await unreachable(page, library, [
          field('searchbox', 'Filter sources'),
          field('combobox', 'Filter by tag'),
          button('References…'),
          button(/^Apply to (\d+ sources…|selected…)$/),
          button(/^Collate( \d+|…)$/),
          button('Import files…'),
          button('More import options'),
          button('Edit Counting the Victims of 1937'),
          button('Delete Counting the Victims of 1937'),
        ]),
        'library',
      )
      .toEqual([]);

    // The metadata dialog's archive fields, and applying fields to two marked sources.
    await library.getByRole('button', { name: 'Edit Counting the Victims of 1937' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit source' });
    await expect(edit.getByRole('button', { name: /^As cited/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(edit.getByTestId('citation-shown')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 }); // the style's engine may still be building
    await shot(page, 'metadata dialog');
    expect
      .soft(
        await unreachableInDialog(edit, [
          field('combobox', /^Fill from template/),
          button('Make a template…'),
          field('textbox', 'Box'),
          field('region', 'Citation preview'),
          { role: 'button', name: /^As cited/ },
          button('Cancel'),
          button('Save'),
        ]),
        'metadata dialog',
      )
      .toEqual([]);
    await edit.press('Escape');
    await expect(edit).toBeHidden();
    const dateCell = (n: number) => library.getByRole('row').nth(n).locator('.col-date');
    await dateCell(1).click();
    await dateCell(2).click({ modifiers: ['Control'] });
    // Text sources marked: merging into one is offered only for page images, and says so.
    expect.soft(await unreachable(page, library, [button('Merge 2…'), button('Apply to 2 sources…')]), 'library with two marked').toEqual([]);
    await expect(library.getByRole('button', { name: 'Merge 2…' })).toBeDisabled();
    await library.getByRole('button', { name: 'Apply to 2 sources…' }).click();
    const apply = page.getByRole('dialog', { name: 'Apply to 2 sources' });
    await shot(page, 'apply dialog');
    expect
      .soft(
        await unreachableInDialog(apply, [
          field('combobox', /^Template/),
          button('Make a template…'),
          field('checkbox', 'Set Box'),
          field('textbox', 'Place in the archive, written out'),
          button('Cancel'),
          button('Apply to 2 sources'),
        ]),
        'apply dialog',
      )
      .toEqual([]);
    await apply.press('Escape');
    await expect(apply).toBeHidden();
    await dateCell(1).click();
    await expect(library.getByRole('button', { name: 'Apply to selected…' })).toBeDisabled();

    // Reader: the header's actions, the notes and claims beside (or behind their toggle), and a readable column.
    await library.getByRole('button', { name: 'Counting the Victims of 1937', exact: true }).click();
    const reader = page.getByRole('region', { name: 'Reader' });
    await expect(reader.getByRole('article', { name: 'Passage 1', exact: true })).toBeVisible();
    await shot(page, 'reader');
    expect
      .soft(
        await unreachable(page, reader, [
          button('← Library'),
          button('Edit metadata'),
          button('Replace text…'),
          button('Export notes'),
          button('Compare with…'),
          button('Where else?'),
        ]),
        'reader',
      )
      .toEqual([]);
    expect
      .soft(await unreachableInPanel(page, reader, 'Notes and claims', [field('tab', 'Notes (1)'), field('tab', 'Claims (1)')]), 'reader side')
      .toEqual([]);
    const column = await reader
      .getByRole('article', { name: 'Passage 2', exact: true })
      .locator('.passage-text')
      .evaluate((el) => {
        const probe = document.createElement('span');
        probe.style.cssText = 'display:inline-block;width:45ch';
        el.append(probe);
        const wanted = probe.getBoundingClientRect().width;
        probe.remove();
        return { width: el.getBoundingClientRect().width, wanted };
      });
    expect.soft(column.width, 'the reading column holds 45 characters').toBeGreaterThanOrEqual(column.wanted);

    // Search: the box and its help, the facets beside (or behind their toggle).
    await show('Search');
    const search = page.getByRole('region', { name: 'Search' });
    await search.getByRole('searchbox', { name: 'Search everything' }).fill('executed');
    await expect(search.getByRole('option').first()).toBeVisible();
    await shot(page, 'search');
    expect.soft(await unreachable(page, search, [field('searchbox', 'Search everything'), button('Query help')]), 'search').toEqual([]);
    expect.soft(await unreachableInPanel(page, search, 'Filters', [button('Archival figures (test text)')]), 'search facets').toEqual([]);

    // Notes: filters, exports, imports.
    await show('Notes');
    const notes = page.getByRole('region', { name: 'Notes' });
    await expect(notes.getByRole('list', { name: 'All annotations' }).getByRole('listitem')).toHaveCount(1);
    await shot(page, 'notes');
    expect
      .soft(
        await unreachable(page, notes, [
          field('searchbox', 'Filter notes'),
          field('combobox', 'Filter notes by source'),
          field('combobox', 'Filter notes by tag'),
          field('combobox', 'Filter notes by colour'),
          button('Markdown, one file'),
          button('Markdown, a file per source'),
          button('Web Annotation JSON-LD'),
          button('Import annotations…'),
        ]),
        'notes',
      )
      .toEqual([]);

    // Evidence: the question's exports, the questions beside (or behind their toggle), a chart drawn at its size.
    await show('Evidence');
    const evidence = page.getByRole('region', { name: 'Evidence' });
    await expect(evidence.getByRole('img', { name: /Range chart/ })).toBeVisible();
    await shot(page, 'evidence');
    expect
      .soft(
        await unreachable(page, evidence, [
          button(/^Review \d+ unconfirmed$/),
          button('CSV'),
          button('Markdown'),
          button('All questions as CSV'),
          button('Delete question'),
        ]),
        'evidence',
      )
      .toEqual([]);
    expect
      .soft(await unreachableInPanel(page, evidence, 'Questions', [field('textbox', 'New question'), button('Add')]), 'evidence questions')
      .toEqual([]);
    const scale = await evidence.getByRole('img', { name: /Range chart/ }).evaluate((svg) => {
      const box = (svg as SVGSVGElement).viewBox.baseVal;
      return svg.getBoundingClientRect().width / box.width;
    });
    expect.soft(scale, 'the chart is drawn at the size it is shown, its text not shrunk').toBeGreaterThan(0.97);

    // Compare: both sources, alignment, moving between pairs, export.
    await show('Compare');
    const compare = page.getByRole('region', { name: 'Compare' });
    await compare.getByRole('combobox', { name: 'Source A' }).selectOption({ label: 'align-base' });
    await compare.getByRole('combobox', { name: 'Source B' }).selectOption({ label: 'align-edited' });
    await expect(compare.getByRole('status', { name: 'Comparison summary' })).toContainText('10 pairs');
    await shot(page, 'compare');
    expect
      .soft(
        await unreachable(page, compare, [
          field('combobox', 'Source A'),
          field('combobox', 'Source B'),
          { role: 'checkbox', name: 'Keep aligned', menuRole: 'menuitemcheckbox' },
          button('↑ Previous pair'),
          button('↓ Next pair'),
          button('Export Markdown'),
        ]),
        'compare',
      )
      .toEqual([]);
    // Where the toolbar has folded: the More menu by keyboard.
    const more = compare.getByRole('button', { name: 'More', exact: true });
    if (await inView(more)) await moreByKeyboard(page, more);

    // Reuse: the report's commands, a pair's Compare; Where else? in the reader, its hits and their Open.
    await show('Reuse');
    const reuse = page.getByRole('region', { name: 'Text reuse' });
    await reuse.getByRole('button', { name: 'Find shared text' }).click();
    await expect(reuse.getByRole('table').getByRole('row')).toHaveCount(2);
    await shot(page, 'reuse');
    expect
      .soft(
        await unreachable(page, reuse, [
          button('Find again'),
          button('Export CSV'),
          button('Export Markdown'),
          button('Compare align-base with align-edited'),
        ]),
        'reuse',
      )
      .toEqual([]);
    await show('Library');
    await library.getByRole('button', { name: 'align-base', exact: true }).click();
    await expect(reader.getByRole('article', { name: 'Passage 1', exact: true })).toBeVisible();
    await reader.getByRole('button', { name: 'Where else?', exact: true }).click();
    const whereElse = page.getByRole('dialog', { name: 'Where else does passage 1 appear?' });
    await expect(whereElse.getByRole('list', { name: 'Passages sharing text' }).getByRole('listitem').first()).toBeVisible();
    await shot(page, 'where else');
    expect.soft(await unreachable(page, whereElse, [button('Close')]), 'where else').toEqual([]);
    const open = whereElse.getByRole('button', { name: /^Open align-edited at passage/ }).first();
    // In the top layer, over the views: their clipping does not apply to it.
    await open.scrollIntoViewIfNeeded();
    await expect.soft(open, 'where else: a hit’s Open').toBeInViewport({ ratio: 1 });
    await whereElse.getByRole('button', { name: 'Close' }).click();
    // Collate: the witnesses, the base text, only the differences, the two exports.
    await show('Collate');
    const collate = page.getByRole('region', { name: 'Collate' });
    await collate.getByRole('checkbox', { name: 'align-base' }).check();
    await collate.getByRole('checkbox', { name: 'align-edited' }).check();
    await expect(collate.getByRole('table', { name: 'Collation' })).toBeVisible();
    await shot(page, 'collate');
    expect
      .soft(
        await unreachable(page, collate, [
          field('combobox', 'Base text'),
          field('checkbox', 'Only differences'),
          button('Save TEI…'),
          button('Save Markdown…'),
          button(/^. Witnesses: 2 chosen/),
          { role: 'checkbox', name: /align-base$/ },
        ]),
        'collate',
      )
      .toEqual([]);

    // The reader of a photographed page: the page tools, the words to check, the reader's actions.
    await show('Library');
    await library.getByRole('button', { name: 'letter-1936', exact: true }).click();
    // Recognised in the background since the server started: its word to check shows.
    await expect(reader.locator('.ocr-check')).toHaveCount(1, { timeout: 90_000 });
    await shot(page, 'image reader');
    // The page tools: beside the text, or above it once its toggle shows the page (a narrow window).
    const pageTools = [
      button('Previous page'),
      button('Next page'),
      button('Zoom out'),
      button('Zoom in'),
      button('Rotate a quarter turn'),
      button('Mark a region'),
    ];
    expect.soft(await unreachableInPanel(page, page.locator('.image-reader'), 'Page image', pageTools), 'page image').toEqual([]);
    expect
      .soft(
        await unreachable(page, reader, [
          button('Next word to check'),
          button('Correct…'),
          button('← Library'),
          button('Edit metadata'),
          button('Replace text…'),
          button('Export notes'),
          button('Compare with…'),
          button('Where else?'),
        ]),
        'image reader',
      )
      .toEqual([]);
    expect
      .soft(await unreachableInPanel(page, reader, 'Notes and claims', [field('tab', 'Notes (0)'), field('tab', 'Claims (0)')]), 'image reader side')
      .toEqual([]);
    // Next word to check brings it into view, under the bars that stay above the text.
    await reader.getByRole('button', { name: 'Next word to check' }).click();
    await expect.soft(reader.locator('.ocr-check'), 'image reader: the word to check').toBeInViewport({ ratio: 1 });
    await reader.getByRole('button', { name: 'Correct…' }).click();
    const editor = page.getByRole('dialog', { name: 'Correct the transcription' });
    await shot(page, 'image reader correcting');
    expect.soft(await unreachable(page, editor, [button('Save'), button('Cancel')]), 'word editor').toEqual([]);
    await editor.getByRole('button', { name: 'Cancel' }).click();

    expect(errors, 'uncaught errors in the page').toEqual([]);
    await context.close();
  });
}

// Runs after the views above: it adds a photographed source (two pages) to the shared project.
for (const size of SIZES) {
  test(`the page order of a photographed source and its merging are reachable at ${size.name}`, async ({ browser }) => {
    const { page, context, errors } = await openPage(browser, size);
    const library = page.getByRole('region', { name: 'Library' });
    const title = 'leaf-1 (2 pages)';
    if ((await library.getByRole('button', { name: title, exact: true }).count()) === 0) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-layout-pages-'));
      await page
        .getByLabel('Choose files to import')
        .first()
        .setInputFiles(photographs(dir, { 'leaf-1': 'The first leaf.', 'leaf-2': 'The second leaf.' }));
      await page.getByRole('dialog', { name: 'Import 2 files' }).getByRole('button', { name: 'Import' }).click();
      await expect(library.getByRole('button', { name: title, exact: true })).toBeVisible();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await library.getByRole('button', { name: title, exact: true }).click();
    const reader = page.locator('.image-reader');
    // In a narrow window the page (with its order below it) is shown over the text by its toggle.
    await expect(reader.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    const toggle = reader.getByRole('button', { name: 'Page image' });
    if (await toggle.isVisible()) {
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    }
    const summary = reader.getByText('Pages (2): order and merging');
    await summary.scrollIntoViewIfNeeded();
    expect.soft(await inView(summary), 'the summary of the page order').toBe(true);
    await summary.click();
    await shot(page, 'page order');
    expect
      .soft(await unreachable(page, reader, [button('Move page 1 later'), button('Move page 2 earlier'), button('Merge into…')]), 'page order')
      .toEqual([]);
    expect(errors, 'uncaught errors in the page').toEqual([]);
    await context.close();
  });
}
