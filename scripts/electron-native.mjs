#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron-<version>/, beside the Node
// build in node_modules that the tests and the CLI use, so one install serves both.
// Needs Electron's headers (downloaded by node-gyp); where that fails the app says so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const target = path.join(root, 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
if (fs.existsSync(target)) process.exit(0);

const moduleDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-native-'));
fs.cpSync(moduleDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
// better-sqlite3's own build script, with npm's node-gyp pointed at Electron's headers.
const result = spawnSync('npm', ['run', 'build-release'], {
  cwd: work,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_nodedir: '',
  },
});
if (result.status === 0) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
} else {
  console.error('Could not build better-sqlite3 for Electron; the desktop app cannot open projects until it is built (npm start retries).');
}
fs.rmSync(work, { recursive: true, force: true });
