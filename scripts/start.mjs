#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run; browser mode where its binary is
// missing and cannot be downloaded (offline machines, CI, servers without a display).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  const existing = () => {
    if (!fs.existsSync(pathFile)) return undefined;
    const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'));
    return fs.existsSync(bin) ? bin : undefined;
  };
  if (existing()) return existing();
  // Electron fetches its binary on first use; try once, quietly, and fall back if it fails.
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  return existing();
}

/**
 * Runs the app as a child and lives exactly as long as it: signals are passed on (the
 * child closes its project and exits, and this process exits with it), and the child has
 * an IPC channel that closes when this process ends in any way, even SIGKILL.
 */
function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], cwd: root });
  child.on('exit', (code, signal) => process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  // `npm start` runs this under a shell that does not pass signals on: when whoever started
  // this process is gone (its parent changed), stop the app as if told to.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) child.kill('SIGTERM');
  }, 500).unref();
}

/** Builds the app first (what `npm start` used to do in its own shell, where signals were lost). */
function build() {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'],
    { stdio: 'inherit', cwd: root },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!args.includes('--no-build')) build();
const browserOnly = args.includes('--browser') || process.env.SOURCEBENCH_BROWSER === '1';
const electron = browserOnly ? undefined : electronBinary();
if (electron) {
  spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')], { stdio: 'inherit', cwd: root });
  run(electron, [root, ...args.filter((a) => a !== '--browser' && a !== '--no-build')]);
} else {
  if (!browserOnly)
    console.log('Electron is not available on this machine (its binary is missing and could not be downloaded); starting browser mode instead.');
  run(process.execPath, [path.join(root, 'bin', 'sourcebench.mjs'), 'serve', ...args.filter((a) => a !== '--browser' && a !== '--no-build')]);
}
