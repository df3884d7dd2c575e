/**
 * Read-only folders and a really full disk. A project whose file or folder cannot be
 * written is refused with a clear message and left byte for byte as it was; on a tiny
 * tmpfs that fills up, an import fails with "the disk is full" and the project stays
 * whole. Permissions do not bind root, so as root the project is opened by a child
 * process running as `nobody`; the tmpfs test runs where a tmpfs can be mounted.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openProjectDb } from '../../../src/main/store/project';
import { Workbench } from '../../../src/main/workbench';
import { bytes, tempDir } from '../helpers';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'readonly-child.ts');
const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * Whether a process running as `nobody` can load the child (the checkout may sit in a folder
 * only root can enter); where it cannot, the permission tests are skipped, not faked.
 */
const nobodyCanRun =
  !ROOT ||
  spawnSync(process.execPath, ['--import', 'tsx', '-e', `require('node:fs').accessSync(${JSON.stringify(CHILD)}, 4)`], {
    stdio: 'ignore',
    uid: NOBODY,
    gid: NOBODY,
    timeout: 30_000,
  }).status === 0;

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Runs the child (as `nobody` when we are root) and returns what it printed. */
function child(home: string, project: string, name: string, size: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, home, project, name, String(size)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SOURCEBENCH_DAILY_BACKUP: '0' },
      ...(ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('exit', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>);
      } catch {
        reject(new Error(`the child printed no result: ${out} ${err}`));
      }
    });
  });
}

/** A project with one source, written as the current user. */
async function project(dir: string): Promise<string> {
  const file = path.join(dir, 'p.sourcebench');
  const wb = Workbench.open({ home: path.join(dir, 'home'), project: file, createMissing: true, remember: false });
  await wb.importFile({ name: 'first.txt', bytes: bytes('The first source.\n\nIts second paragraph: 1,000 people were arrested.') });
  wb.close();
  return file;
}

function intact(file: string, sources: number) {
  const db = openProjectDb(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare('SELECT count(*) FROM source').pluck().get()).toBe(sources);
  db.close();
}

/** A home the child can write its settings to, whoever it runs as. */
function childHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-child-'));
  fs.chmodSync(home, 0o777);
  return home;
}

describe.skipIf(!nobodyCanRun)('a project that cannot be written', () => {
  it('is refused with a clear message when its folder and file are read-only, and left byte for byte as it was', async () => {
    const dir = tempDir();
    const file = await project(dir);
    const before = digest(file);
    // As root the child is `nobody`, for whom the root-owned file is read-only; as anyone
    // else the folder is what cannot be written.
    fs.chmodSync(dir, 0o555);
    try {
      const result = await child(childHome(), file, 'second.txt', 20_000);
      expect(result.opened).toBeUndefined();
      expect(result.error).toMatchObject({
        code: 'read_only',
        message: expect.stringMatching(/^p\.sourcebench cannot be written \((the file|its folder) is read-only\); it was left as it was/),
      });
    } finally {
      fs.chmodSync(dir, 0o755);
    }
    expect(digest(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('p.sourcebench-'))).toEqual([]);
    intact(file, 1);
  });

  it('is refused when only the file is read-only', async () => {
    const dir = tempDir();
    const file = await project(dir);
    const before = digest(file);
    fs.chmodSync(file, 0o444);
    if (ROOT) fs.chmodSync(dir, 0o777);
    try {
      const result = await child(childHome(), file, 'second.txt', 20_000);
      expect(result.error).toMatchObject({ code: 'read_only', message: expect.stringContaining('(the file is read-only)') });
    } finally {
      fs.chmodSync(file, 0o644);
      fs.chmodSync(dir, 0o755);
    }
    expect(digest(file)).toBe(before);
    intact(file, 1);
  }, 60_000);
});

/** A 2 MB tmpfs, where the system allows mounting one (root in most containers and CI). */
function mountTinyDisk(): string | null {
  if (!ROOT || process.platform !== 'linux') return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-tiny-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
  if (!mounted) fs.rmSync(dir, { recursive: true, force: true });
  return mounted ? dir : null;
}
const tiny = mountTinyDisk();
afterAll(() => {
  if (tiny) spawnSync('umount', [tiny], { stdio: 'ignore' });
});

describe('a disk that fills up', () => {
  it.skipIf(!tiny)(
    'fails the import with "the disk is full" and keeps the project whole',
    async () => {
      const file = await project(tiny!);
      const wb = Workbench.open({ home: path.join(tiny!, 'home'), project: file, remember: false });
      // Three megabytes of prose with no figures in it: filling the disk is the point, not extracting claims.
      const text = Array.from(
        { length: 30_000 },
        (_, i) => `Paragraph ${i.toString(36)}: the district report lists the arrests village by village, with care.`,
      ).join('\n\n');
      const out = await wb.importFile({ name: 'big.txt', bytes: bytes(text) });
      expect(out).toMatchObject({
        status: 'failed',
        error: {
          code: 'disk_full',
          message: expect.stringContaining('big.txt could not be imported: the disk is full; the project was left as it was'),
        },
      });
      expect(await wb.listSources()).toHaveLength(1);
      wb.close();
      intact(file, 1);
    },
    60_000,
  );
});
