#!/usr/bin/env node
// The `sourcebench` command. It runs the CLI as `npm run build` makes it: out/main/cli.js, one
// file with its dependencies bundled in, quick to start. In a checkout where that file is
// missing or older than the sources, it runs the TypeScript sources through tsx instead (a
// development dependency, slower to start) and says so in one line on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'main', 'cli.js');
const sources = path.join(root, 'src');

function modified(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of the files in a folder and its subfolders (0 for none). */
function newest(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let time = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(full) : (modified(full) ?? 0));
  }
  return time;
}

async function loadCli() {
  const builtAt = modified(built);
  // The CLI is built from src/main and src/shared (an installed copy may have no sources).
  const stale = builtAt !== undefined && Math.max(newest(path.join(sources, 'main')), newest(path.join(sources, 'shared'))) > builtAt;
  if (builtAt !== undefined && !stale) return import(pathToFileURL(built).href);
  const why = builtAt === undefined ? 'out/main/cli.js is not built' : 'out/main/cli.js is older than the sources';
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    tsx = undefined;
  }
  if (tsx && fs.existsSync(path.join(sources, 'main', 'cli.ts'))) {
    process.stderr.write(`sourcebench: ${why}; running the sources through tsx, slower to start (npm run build makes it quick)\n`);
    tsx.register();
    return import(pathToFileURL(path.join(sources, 'main', 'cli.ts')).href);
  }
  process.stderr.write(`sourcebench: ${why}: run npm run build\n`);
  if (builtAt !== undefined) return import(pathToFileURL(built).href);
  process.exit(1);
}

const { runCli } = await loadCli();
const code = await runCli(process.argv.slice(2));
// An output error reported after the command finished may have set it already.
process.exitCode ||= code;
