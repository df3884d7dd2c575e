/**
 * How to start one of the main process's worker threads here: the built entry beside the
 * bundle (out/main/<name>.js, for the app and the CLI), or its TypeScript source through tsx
 * (tests, the benchmark). Null where neither can start: the caller then does the work in
 * its own thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerSource {
  file: string | URL;
  eval?: boolean;
}

/**
 * `built`: the entry's file name in out/main; `source`: the TypeScript file, relative to
 * the caller (`from`: the caller's import.meta.url); `named`: an environment variable that
 * may name a built entry outright (the benchmark runs the sources but times the built worker).
 */
export function workerSource(from: string, built: string, source: string, named?: string): WorkerSource | null {
  const env = named ? process.env[named] : undefined;
  if (env && fs.existsSync(env)) return { file: env };
  const here = path.dirname(fileURLToPath(from));
  const builtFile = path.join(here, built);
  if (fs.existsSync(builtFile)) return { file: builtFile };
  const sourceFile = path.join(here, source);
  if (!fs.existsSync(sourceFile)) return null;
  let tsx: string;
  try {
    // tsx's ESM entry (its `import` export), found from its package folder.
    const pkg = createRequire(from).resolve('tsx/package.json');
    const exported = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!
      .import.default;
    tsx = path.join(path.dirname(pkg), exported);
  } catch {
    return null;
  }
  const boot = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((t) => { t.register(); return import(${JSON.stringify(pathToFileURL(sourceFile).href)}); });`;
  return { file: boot, eval: true };
}
