import fs from 'node:fs';
import path from 'node:path';
import { expect, fixture, test } from './fixtures';

test('restores a backup as a copy, and offers backups of a damaged project', async ({ page, app, library }) => {
  await library.importFiles([fixture('notes.md')]);
  await expect(library.rows).toHaveCount(1);
  // Reopening the project makes its daily backup.
  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'New project…' }).click();
  await page.getByRole('dialog', { name: 'New project' }).getByRole('textbox').fill(path.join(app.home, 'other.sourcebench'));
  await page.getByRole('dialog', { name: 'New project' }).getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'e2e.sourcebench' }).click();
  await expect(library.rows).toHaveCount(1);

  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  const backups = dialog.getByRole('table', { name: 'Backups' });
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups).toContainText('daily');
  await dialog.getByRole('button', { name: 'Restore as a copy' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('(restored ');
  await expect(library.rows).toHaveCount(1);

  // A damaged copy of the project: a clear message, and its backups on offer.
  const damaged = path.join(app.home, 'e2e-damaged.sourcebench');
  const buf = fs.readFileSync(app.project);
  for (let i = 100; i < buf.length; i += 7) buf[i] = 0xff;
  fs.writeFileSync(damaged, buf);
  fs.cpSync(`${app.project}-backups`, `${damaged}-backups`, { recursive: true });
  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'Open project…' }).click();
  const open = page.getByRole('dialog', { name: 'Open project' });
  await open.getByRole('textbox').fill(damaged);
  await open.getByRole('button', { name: 'Open' }).click();
  await expect(open.getByRole('alert')).toContainText(/e2e-damaged\.sourcebench is (damaged|not a Sourcebench project)/);
  await open.getByRole('button', { name: 'Cancel' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'e2e-damaged.sourcebench' });
  await banner.getByRole('button', { name: 'Open a backup of it…' }).click();
  await expect(page.getByRole('dialog', { name: 'Restore from backup' }).getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
  expect(fs.readFileSync(damaged).equals(buf)).toBe(true);
});
