import { test as base, expect } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'sourcebench.mjs');

export interface AppServer {
  url: string;
  home: string;
  project: string;
}

/** Runs the real CLI against a test's own project (for seeding before the server starts). */
export function cli(home: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, '--project', path.join(home, 'e2e.sourcebench'), ...args], {
    env: { ...process.env, SOURCEBENCH_HOME: home },
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`sourcebench ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

/** Starts `sourcebench serve` on its own temporary home and project; stops it after the test. */
export async function startApp(home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-e2e-'))): Promise<AppServer & { stop(): void }> {
  const project = path.join(home, 'e2e.sourcebench');
  const child: ChildProcess = spawn(process.execPath, [CLI, '--project', project, 'serve', '--port', '0'], {
    env: { ...process.env, SOURCEBENCH_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    home,
    project,
    stop() {
      child.kill('SIGTERM');
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ app: AppServer; library: LibraryPage; reader: ReaderPage }>({
  app: async ({}, use) => {
    const app = await startApp();
    await use(app);
    app.stop();
  },
  library: async ({ page, app }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    await use(new LibraryPage(page));
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
  reader: async ({ page }, use) => {
    await use(new ReaderPage(page));
  },
});

export { expect };

export function fixture(name: string): string {
  return path.join(ROOT, 'tests', 'fixtures', name);
}
