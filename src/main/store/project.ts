/** Opening, creating and migrating a project file. Only main opens SQLite. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { APPLICATION_ID, PRAGMAS } from './pragmas';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { backupBeforeMigration } from './backup';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';
/** How long opening waits for a lock: long enough for another program's commit, short enough to answer at once. */
const OPEN_WAIT_MS = 250;

export interface OpenOptions {
  /** Create the file when it does not exist (never when it does). */
  create?: boolean;
  /** better-sqlite3 `nativeBinding`, for the Electron build of the module. */
  nativeBinding?: string;
  /** How many backups to keep (the one before a migration counts). */
  backupsKept?: number;
  /** Caps the file's size in pages: lets tests run out of disk on purpose. */
  maxPageCount?: number;
}

function readHeader(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

function applyPragmas(db: Db): void {
  db.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
  db.pragma(`journal_mode = ${PRAGMAS.journal_mode}`);
  db.pragma(`synchronous = ${PRAGMAS.synchronous}`);
  db.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`);
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      const problems = db.pragma('foreign_key_check') as unknown[];
      if (problems.length > 0) throw new Error(`migration ${m.version} broke foreign keys`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

function sqliteCode(err: unknown): string {
  return typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/** What a failed statement says about the storage: the disk is full, the project cannot be written, or neither. */
export function storageProblem(err: unknown): 'disk_full' | 'read_only' | null {
  const code = sqliteCode(err);
  if (code === 'SQLITE_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  return null;
}

function readOnly(name: string, what: string): ApiError {
  return new ApiError(
    'read_only',
    `${name} cannot be written (${what} is read-only); it was left as it was. Copy it to a folder you can write to, or get write access, and open it again`,
  );
}

/**
 * Opens a project file, refusing anything that is not a Sourcebench project of this or an
 * older version. A file that exists is never overwritten or re-initialised.
 */
export function openProjectDb(file: string, options: OpenOptions = {}): Db {
  const name = path.basename(file);
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new ApiError('not_found', `${name}: no such project file (${file})`);
  }
  if (exists) {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new ApiError('not_a_project', `${name} is a folder, not a Sourcebench project`);
    if (readHeader(file) !== SQLITE_HEADER) {
      throw new ApiError('not_a_project', `${name} is not a Sourcebench project (it is not an SQLite database); it was left untouched`);
    }
    // The journal files live beside the project: both the file and its folder must be writable.
    for (const target of [file, path.dirname(file)]) {
      try {
        fs.accessSync(target, fs.constants.W_OK);
      } catch {
        throw readOnly(name, target === file ? 'the file' : 'its folder');
      }
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  let db: Db;
  try {
    // A project another program holds exclusively is refused at once, not after the
    // five-second wait writes get (the pragmas set it once the checks have passed).
    db = new Database(file, { fileMustExist: exists, nativeBinding: options.nativeBinding, timeout: OPEN_WAIT_MS });
  } catch (err) {
    throw new ApiError('write_failed', `${name} could not be opened: ${(err as Error).message}`);
  }
  try {
    if (exists) {
      const appId = db.pragma('application_id', { simple: true }) as number;
      if (appId !== APPLICATION_ID) {
        throw new ApiError('not_a_project', `${name} is an SQLite database but not a Sourcebench project; it was left untouched`);
      }
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_VERSION) {
        throw new ApiError(
          'newer_version',
          `${name} was written by a newer version of Sourcebench (project version ${version}, this app reads up to ${LATEST_VERSION}); update Sourcebench to open it`,
        );
      }
    } else {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    applyPragmas(db);
    if (options.maxPageCount) db.pragma(`max_page_count = ${Math.trunc(options.maxPageCount)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (exists && version > 0 && version < LATEST_VERSION) backupBeforeMigration(db, file, version, options.backupsKept);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof ApiError) throw err;
    const code = sqliteCode(err);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new ApiError('damaged_project', `${name} is damaged (${(err as Error).message}); it was left untouched`);
    }
    const problem = storageProblem(err);
    if (problem === 'disk_full') throw new ApiError('disk_full', `${name} could not be opened: the disk is full; the file was left as it was`);
    if (problem === 'read_only') throw readOnly(name, 'the file or its folder');
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new ApiError('project_locked', `${name} is in use by another program; close it there and try again`);
    }
    throw new ApiError('write_failed', `${name} could not be opened: ${(err as Error).message}`);
  }
}
