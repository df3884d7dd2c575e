import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, backupDir, listBackups } from '../../../src/main/store/backup';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { openProjectDb } from '../../../src/main/store/project';
import { APPLICATION_ID } from '../../../src/main/store/pragmas';
import { Workbench } from '../../../src/main/workbench';
import { bytes, tempDir, tempWorkbench } from '../helpers';

describe('backups', () => {
  it('are made at most once a day on open, with the online backup API, and can be listed', async () => {
    const { wb, home } = tempWorkbench();
    await wb.importFile({ name: 'a.txt', bytes: bytes('Some text about 1937.') });
    const project = wb.projectPath;
    wb.close();
    const again = Workbench.open({ home });
    await again.settled();
    const first = (await again.listBackups({})).backups;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ reason: 'daily', sources: 1 });
    again.close();
    const third = Workbench.open({ home });
    await third.settled();
    expect((await third.listBackups({})).backups).toHaveLength(1);
    const copy = new Database(first[0]!.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(fs.existsSync(backupDir(project))).toBe(true);
    third.close();
  });

  it('keep a rolling number, set by the user', async () => {
    const { wb } = tempWorkbench();
    await wb.importFile({ name: 'a.txt', bytes: bytes('Text.') });
    const db = (wb as unknown as { current: { db: Database.Database } }).current.db;
    for (let i = 0; i < 5; i++) {
      await backup(db, wb.projectPath, `manual-${i}`, 3);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(listBackups(wb.projectPath).map((b) => b.reason)).toEqual(['manual-4', 'manual-3', 'manual-2']);
    expect(await wb.setBackupsKept({ keep: 4 })).toEqual({ keep: 4 });
    expect((await wb.listBackups({})).keep).toBe(4);
  });

  it('taken while writes go on, opens and passes integrity_check', async () => {
    const { wb } = tempWorkbench();
    await wb.importFile({ name: 'a.txt', bytes: bytes('Start.') });
    const writer = new Database(wb.projectPath);
    writer.pragma('busy_timeout = 5000');
    let writing = true;
    let n = 0;
    const loop = () => {
      if (!writing) return;
      writer.prepare('UPDATE source SET title = ? WHERE id = 1').run(`title ${n++}`);
      setImmediate(loop);
    };
    loop();
    const reader = new Database(wb.projectPath);
    const dest = await backup(reader, wb.projectPath, 'under-load');
    writing = false;
    reader.close();
    writer.close();
    expect(n).toBeGreaterThan(0);
    const copy = new Database(dest, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('are made before a migration, of the project as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sourcebench');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    db.close();
    openProjectDb(file).close();
    const [b] = listBackups(file);
    expect(b!.reason).toBe('before-migration-from-v1');
    const copy = new Database(b!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('are restored as a copy beside the project, which stays as it was', async () => {
    const { wb } = tempWorkbench();
    await wb.importFile({ name: 'a.txt', bytes: bytes('Before.') });
    const db = (wb as unknown as { current: { db: Database.Database } }).current.db;
    const dest = await backup(db, wb.projectPath, 'manual');
    const original = wb.projectPath;
    await wb.importFile({ name: 'b.txt', bytes: bytes('After.') });
    const info = await wb.restoreBackup({ file: dest });
    expect(info.path).not.toBe(original);
    expect(info.path).toMatch(/ \(restored \d{4}-\d{2}-\d{2} \d{2}-\d{2}\)\.sourcebench$/);
    expect(info.sources).toBe(1);
    expect(fs.existsSync(original)).toBe(true);
    await expect(wb.restoreBackup({ file: '/etc/passwd', project: original })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('failing writes', () => {
  it('a full disk fails the import with a clear message and leaves the project as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'full.sourcebench');
    openProjectDb(file, { create: true }).close();
    const db = openProjectDb(file, { maxPageCount: 80 });
    const wb = Workbench.open({ home: dir, project: file, remember: false });
    (wb as unknown as { current: { db: Database.Database } }).current.db.pragma('max_page_count = 80');
    await wb.importFile({ name: 'small.txt', bytes: bytes('Fits.') });
    const big = 'A long paragraph about the archives and the figures they hold. '.repeat(3000);
    const out = await wb.importFile({ name: 'big.txt', bytes: bytes(big) });
    expect(out).toMatchObject({
      status: 'failed',
      error: {
        code: 'disk_full',
        message: expect.stringMatching(/big\.txt could not be imported: the disk is full; the project was left as it was/),
      },
    });
    expect((await wb.listSources()).map((s) => s.title)).toEqual(['small']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    wb.close();
  });

  it('a project another process holds exclusively gets a clear message', () => {
    const dir = tempDir();
    const file = path.join(dir, 'held.sourcebench');
    openProjectDb(file, { create: true }).close();
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('CREATE TABLE IF NOT EXISTS hold(x); INSERT INTO hold VALUES (1)');
    const started = performance.now();
    expect(() => openProjectDb(file)).toThrow(
      expect.objectContaining({ code: 'project_locked', message: expect.stringMatching(/held\.sourcebench is in use by another program/) }),
    );
    // Said at once: it used to wait out the five-second lock timeout first.
    expect(performance.now() - started).toBeLessThan(4000);
    other.close();
  }, 20_000);
});
