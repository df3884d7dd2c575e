/**
 * How a project ends and waits: closing leaves one self-contained file, one-shot commands
 * leave no half-made backups, a failed backup is logged and reported, and a write that
 * finds another program writing says so and gives up after a bounded wait.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir } from '../../../src/main/store/backup';
import { Workbench } from '../../../src/main/workbench';
import { bytes, tempDir } from '../helpers';

function seeded(home: string, options: Partial<Parameters<typeof Workbench.open>[0]> = {}) {
  return Workbench.open({ home, project: path.join(home, 'p.sourcebench'), createMissing: true, remember: false, ...options });
}

describe('closing a project', () => {
  it('folds the write-ahead log into the file: the file alone, copied, is the whole project', async () => {
    const home = tempDir();
    const wb = seeded(home, { dailyBackup: false });
    await wb.importFile({ name: 'a.txt', bytes: bytes('In 1937 the census counted 162 million people.') });
    // Before closing, the import lives in the -wal file beside the project.
    expect(fs.statSync(`${wb.projectPath}-wal`).size).toBeGreaterThan(0);
    await wb.shutdown();
    expect(fs.existsSync(`${wb.projectPath}-wal`) ? fs.statSync(`${wb.projectPath}-wal`).size : 0).toBe(0);
    const elsewhere = tempDir();
    const copy = path.join(elsewhere, 'copy.sourcebench');
    fs.copyFileSync(wb.projectPath, copy);
    const reopened = Workbench.open({ home: elsewhere, project: copy, remember: false, dailyBackup: false });
    expect((await reopened.listSources()).map((s) => s.title)).toEqual(['a']);
    reopened.close();
  });

  it('is safe to do twice, and a backup cut short by closing leaves no file and no folder', async () => {
    const home = tempDir();
    const first = seeded(home, { dailyBackup: false });
    await first.importFile({ name: 'a.txt', bytes: bytes('Some text about 1937.') });
    first.close();
    first.close();
    const wb = seeded(home); // a daily backup is due and starts in the background
    wb.close();
    await wb.settled();
    const dir = backupDir(wb.projectPath);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    expect(wb.backupStatus.lastFailure).toBeNull();
  });
});

describe('backups', () => {
  it('are not started by one-shot commands: no backup, no empty folder', async () => {
    const home = tempDir();
    const wb = seeded(home, { dailyBackup: false });
    await wb.importFile({ name: 'a.txt', bytes: bytes('Some text about 1937.') });
    wb.close();
    const again = seeded(home, { dailyBackup: false });
    await again.settled();
    again.close();
    expect(fs.existsSync(backupDir(again.projectPath))).toBe(false);
  });

  it('that fail are written to the log and reported with the project, not swallowed', async () => {
    const home = tempDir();
    const wb = seeded(home, { dailyBackup: false });
    await wb.importFile({ name: 'a.txt', bytes: bytes('Some text about 1937.') });
    wb.close();
    // A file where the backup folder should be: the backup cannot be made.
    fs.writeFileSync(backupDir(wb.projectPath), 'not a folder');
    const again = seeded(home);
    await again.settled();
    const info = await again.getProject();
    expect(info.backupFailure).toMatchObject({ message: expect.stringMatching(/^The daily backup of p\.sourcebench failed: /) });
    expect(info.log).toBe(path.join(home, 'logs', 'sourcebench.log'));
    expect(fs.readFileSync(info.log, 'utf8')).toMatch(/ERROR The daily backup of p\.sourcebench failed/);
    again.close();
  });
});

describe('another program writing to the project', () => {
  function holdWriteLock(file: string) {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare('UPDATE source SET title = title WHERE id = 0').run();
    return other;
  }

  it('makes a write say it is waiting, then give up with project_busy: never silent, never forever', async () => {
    const home = tempDir();
    const messages: string[] = [];
    const wb = seeded(home, { dailyBackup: false, lockWaitMs: 1500, onWaiting: (m) => messages.push(m) });
    const other = holdWriteLock(wb.projectPath);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'one.txt'), 'One text about 1937.');
    fs.writeFileSync(path.join(dir, 'two.txt'), 'Another text about 1938.');
    const outcomes = await wb.importAll([dir]);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(outcomes[0]).toMatchObject({
      error: { code: 'project_busy', message: expect.stringMatching(/p\.sourcebench is being written by another program.*nothing was changed/) },
    });
    expect(messages).toEqual([`waiting for ${wb.projectPath}: another program is writing to it`]);
    other.exec('ROLLBACK');
    other.close();
    expect(await wb.listSources()).toEqual([]);
    wb.close();
  });

  it('goes ahead once the other program has finished', async () => {
    const home = tempDir();
    // Assigned after the workbench exists, read by its callback: not a constant.
    // eslint-disable-next-line prefer-const
    let other: Database.Database | undefined;
    const wb = seeded(home, {
      dailyBackup: false,
      onWaiting: () => {
        // The other program commits while this one waits.
        other!.exec('COMMIT');
      },
    });
    other = holdWriteLock(wb.projectPath);
    const outcome = await wb.importFile({ name: 'a.txt', bytes: bytes('Some text about 1937.') });
    expect(outcome.status).toBe('imported');
    other.close();
    wb.close();
  });

  it('does not stop a file from being read and refused while the lock is held: bad files fail on their own', async () => {
    const home = tempDir();
    const wb = seeded(home, { dailyBackup: false, lockWaitMs: 500, onWaiting: () => {} });
    const other = holdWriteLock(wb.projectPath);
    const outcome = await wb.importFile({ name: 'empty.txt', bytes: bytes('   ') });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'empty_file' } });
    other.exec('ROLLBACK');
    other.close();
    wb.close();
  });
});
