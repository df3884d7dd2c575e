import type { Page } from '@playwright/test';
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
/** The README pictures show the project's name: a plausible one there, a plain one in tests. */
const PROJECT = process.env.SOURCEBENCH_DOCS_DIR ? 'Great Purge.sourcebench' : 'e2e.sourcebench';

export interface AppServer {
  url: string;
  home: string;
  project: string;
}

/** Runs the real CLI against a test's own project (for seeding before the server starts). */
export function cli(home: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, '--project', path.join(home, PROJECT), ...args], {
    env: { ...process.env, SOURCEBENCH_HOME: home },
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`sourcebench ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

/** Starts `sourcebench serve` on its own temporary home and project; stops it after the test. */
export async function startApp(home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-e2e-'))): Promise<AppServer & { stop(): void }> {
  const project = path.join(home, PROJECT);
  const child: ChildProcess = spawn(process.execPath, [CLI, '--project', project, 'serve', '--port', '0'], {
    env: { ...process.env, SOURCEBENCH_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
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
    const app = await startApp(docsHome());
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

/**
 * README pictures. `npm run screenshots` sets SOURCEBENCH_DOCS_DIR and they go to docs/;
 * in the test suite they go to the test's own output folder, so tests never change
 * tracked files.
 */
export async function docShot(page: Page, name: string): Promise<void> {
  const dir = process.env.SOURCEBENCH_DOCS_DIR && path.resolve(process.env.SOURCEBENCH_DOCS_DIR);
  await page.screenshot({ path: dir ? path.join(dir, `${name}.png`) : test.info().outputPath(`${name}.png`) });
}

/** For the README pictures, the app lives at a stable, short path (shown in the window), made afresh for each test (one worker). */
function docsHome(): string | undefined {
  if (!process.env.SOURCEBENCH_DOCS_DIR) return undefined;
  const home = path.join(os.tmpdir(), 'Research');
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(home, { recursive: true });
  return home;
}

export { expect };

export function fixture(name: string): string {
  return path.join(ROOT, 'tests', 'fixtures', name);
}
