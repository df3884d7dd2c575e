/**
 * Backups of a project, made with SQLite's online backup API (consistent while writes go
 * on), kept in a folder beside the project: `<name>.sourcebench-backups/`. A rolling set:
 * the oldest beyond the number kept are removed.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/types';
import type { Db } from './project';

export const DEFAULT_BACKUPS_KEPT = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupDir(project: string): string {
  return `${project}-backups`;
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Backups of a project, newest first. */
export function listBackups(project: string, nativeBinding?: string): BackupInfo[] {
  const dir = backupDir(project);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sourcebench'))
    .sort()
    .reverse()
    .map((f) => {
      const file = path.join(dir, f);
      const m = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(.+)\.sourcebench$/.exec(f);
      let sources: number | null = null;
      try {
        const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
        sources = db.prepare('SELECT count(*) FROM source').pluck().get() as number;
        db.close();
      } catch {
        sources = null;
      }
      const iso = m ? m[1]!.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z') : fs.statSync(file).mtime.toISOString();
      return { file, createdAt: iso, reason: m?.[2] ?? 'backup', sources, bytes: fs.statSync(file).size };
    });
}

function prune(project: string, keep: number): void {
  const all = fs
    .readdirSync(backupDir(project))
    .filter((f) => f.endsWith('.sourcebench'))
    .sort()
    .reverse();
  for (const f of all.slice(Math.max(1, keep))) fs.rmSync(path.join(backupDir(project), f), { force: true });
}

/**
 * A backup with the online backup API; resolves to its path. It is written under a
 * temporary name and renamed when complete, so a backup cut short (the app closed, the
 * disk full) is never listed as one; a failed one leaves nothing behind, not even the
 * folder it created.
 */
export async function backup(db: Db, project: string, reason: string, keep = DEFAULT_BACKUPS_KEPT): Promise<string> {
  const dir = backupDir(project);
  const created = !fs.existsSync(dir);
  fs.mkdirSync(dir, { recursive: true });
  const dest = path.join(dir, `${stamp()}-${reason}.sourcebench`);
  const partial = `${dest}.partial`;
  try {
    await db.backup(partial);
    fs.renameSync(partial, dest);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (created) fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  prune(project, keep);
  return dest;
}

/**
 * A backup before a migration changes the file. The online backup API is asynchronous
 * and opening a project is not, so this one is `VACUUM INTO`: SQLite's own consistent
 * copy, made in one statement before anything is written.
 */
export function backupBeforeMigration(db: Db, project: string, fromVersion: number, keep = DEFAULT_BACKUPS_KEPT): string {
  fs.mkdirSync(backupDir(project), { recursive: true });
  const dest = path.join(backupDir(project), `${stamp()}-before-migration-from-v${fromVersion}.sourcebench`);
  db.prepare('VACUUM INTO ?').run(dest);
  prune(project, keep);
  return dest;
}

/** Whether the newest backup is more than a day old (or there is none). */
export function backupDue(project: string): boolean {
  const dir = backupDir(project);
  // No folder, or something else in its place (the backup will fail and say so).
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return true;
  const newest = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sourcebench'))
    .map((f) => fs.statSync(path.join(dir, f)).mtimeMs)
    .sort((a, b) => b - a)[0];
  return newest === undefined || Date.now() - newest > DAY_MS;
}
