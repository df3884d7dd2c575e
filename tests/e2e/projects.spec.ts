import path from 'node:path';
import { expect, fixture, test } from './fixtures';

test('creates a new project, switches back through the recent list', async ({ page, app, library }) => {
  await library.importFiles([fixture('notes.md')]);
  await expect(library.rows).toHaveCount(1);

  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  const target = path.join(app.home, 'second.sourcebench');
  await dialog.getByRole('textbox').fill(target);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'This project has no sources yet' })).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(target);

  // Opening something that is not a project says so and keeps the current one.
  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'Open project…' }).click();
  const open = page.getByRole('dialog', { name: 'Open project' });
  await open.getByRole('textbox').fill(fixture('notes.md'));
  await open.getByRole('button', { name: 'Open' }).click();
  await expect(open.getByRole('alert')).toContainText('not a Sourcebench project');
  await open.getByRole('button', { name: app.project }).click();
  await expect(open).toBeHidden();
  await expect(library.rows).toHaveCount(1);
});
