/**
 * However the app ends, the project file alone holds everything written, and nothing is
 * left running: `serve` told to stop by a signal, `npm start`'s launcher told to stop, or
 * the launcher killed outright.
 */
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './fixtures';

const CLI = path.join(ROOT, 'bin', 'sourcebench.mjs');
const TOKEN_HEADER = 'X-Sourcebench-Token';

function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-e2e-end-'));
}

/** Waits for the line that carries the address; returns it. */
function addressOf(child: ChildProcess): Promise<URL> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(new URL(m[1]!));
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before serving: ${out}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function importThroughApi(address: URL, file: string) {
  const res = await fetch(new URL('/api/importPath', address), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: address.searchParams.get('token')! },
    body: JSON.stringify({ path: file }),
  });
  expect(res.status).toBe(200);
}

/** Copies only the project file (no -wal, no -shm) elsewhere and counts the sources in the copy. */
function sourcesInCopyOf(project: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-e2e-copy-'));
  const copy = path.join(dir, 'copy.sourcebench');
  fs.copyFileSync(project, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // Before the log is folded in, the file alone may not even have the tables yet.
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'source'").pluck().get() as number;
    return tables ? (db.prepare('SELECT count(*) FROM source').pluck().get() as number) : 0;
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a process still runs (a zombie waiting to be reaped has ended). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The processes whose parent is `pid`, read from /proc (no `ps` needed). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function descendantsOf(pid: number): number[] {
  const out: number[] = [];
  for (const child of childrenOf(pid)) out.push(child, ...descendantsOf(child));
  return out;
}

function writeSource(home: string): string {
  const file = path.join(home, 'purge.txt');
  fs.writeFileSync(file, 'Between 1937 and 1938 the NKVD recorded 681,692 executions.\n\nOther estimates are higher.');
  return file;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  test(`serve stopped by ${signal} leaves one self-contained project file`, async () => {
    const home = tempHome();
    const project = path.join(home, 'p.sourcebench');
    const child = spawn(process.execPath, [CLI, '--project', project, 'serve', '--port', '0'], {
      env: { ...process.env, SOURCEBENCH_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const address = await addressOf(child);
    await importThroughApi(address, writeSource(home));
    // Before the stop the import sits in the write-ahead log: the file alone is empty.
    expect(sourcesInCopyOf(project)).toBe(0);
    child.kill(signal);
    expect(await exited(child)).toBe(0);
    expect(fs.existsSync(`${project}-wal`) ? fs.statSync(`${project}-wal`).size : 0).toBe(0);
    expect(sourcesInCopyOf(project)).toBe(1);
    fs.rmSync(home, { recursive: true, force: true });
  });
}

test('the launcher passes SIGTERM on and exits with the app; killed outright, the app ends too', async () => {
  for (const how of ['SIGTERM', 'SIGKILL'] as const) {
    const home = tempHome();
    const launcher = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--browser', '--no-build'], {
      env: { ...process.env, SOURCEBENCH_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const address = await addressOf(launcher);
    const [server] = childrenOf(launcher.pid!);
    expect(server).toBeDefined();
    await importThroughApi(address, writeSource(home));
    launcher.kill(how);
    await exited(launcher);
    await expect.poll(() => alive(server!), { timeout: 60_000 }).toBe(false);
    expect(sourcesInCopyOf(path.join(home, 'Default.sourcebench'))).toBe(1);
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('kill -TERM of `npm start` leaves nothing running', async () => {
  const home = tempHome();
  const npm = spawn('npm', ['start', '--silent', '--', '--browser', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, SOURCEBENCH_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await addressOf(npm);
  const tree = descendantsOf(npm.pid!);
  expect(tree.length).toBeGreaterThanOrEqual(2); // the launcher and the server, at least
  npm.kill('SIGTERM');
  await exited(npm);
  await expect.poll(() => tree.filter(alive), { timeout: 60_000 }).toEqual([]);
  fs.rmSync(home, { recursive: true, force: true });
});

test('a failed background backup is shown to the user, with where the log is', async ({ page }) => {
  const home = tempHome();
  const project = path.join(home, 'p.sourcebench');
  execFileSync(process.execPath, [CLI, '--project', project, 'import', writeSource(home)], { env: { ...process.env, SOURCEBENCH_HOME: home } });
  // Something that is not a folder where the backups go: the daily backup fails.
  fs.writeFileSync(`${project}-backups`, 'not a folder');
  const child = spawn(process.execPath, [CLI, '--project', project, 'serve', '--port', '0'], {
    env: { ...process.env, SOURCEBENCH_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const address = await addressOf(child);
  await page.goto(address.href);
  const banner = page.getByRole('alert').filter({ hasText: 'The daily backup of p.sourcebench failed' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(path.join(home, 'logs', 'sourcebench.log'));
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  child.kill('SIGTERM');
  await exited(child);
  fs.rmSync(home, { recursive: true, force: true });
});
