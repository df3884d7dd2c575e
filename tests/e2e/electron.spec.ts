import { _electron as electron } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';

const require = createRequire(import.meta.url);

/** The Electron binary if it is installed; never triggers its download. */
function electronBinary(): string | undefined {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(bin) ? bin : undefined;
}

const binary = electronBinary();

test('desktop app opens its window on a project (Electron smoke test)', async () => {
  test.skip(!binary, 'the Electron binary is not installed on this machine (it could not be downloaded)');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [ROOT], env: { ...process.env, SOURCEBENCH_HOME: home } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await expect(window.getByRole('contentinfo', { name: 'Status' })).toContainText('Desktop');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
});
