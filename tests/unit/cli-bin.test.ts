/** bin/sourcebench.mjs: the built CLI when it is up to date, the sources through tsx when not. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');

/** A checkout in miniature: the real bin script, a stand-in for the built CLI and for its sources. */
function checkout(options: { built?: 'older' | 'newer'; sources?: boolean; tsx: boolean }): string {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(path.join(ROOT, 'bin', 'sourcebench.mjs'), path.join(root, 'bin', 'sourcebench.mjs'));
  fs.writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }');
  const then = new Date(Date.now() - 3600_000);
  const now = new Date();
  if (options.sources !== false) {
    fs.mkdirSync(path.join(root, 'src', 'main'), { recursive: true });
    fs.mkdirSync(path.join(root, 'src', 'shared', 'deeper'), { recursive: true });
    // TypeScript only tsx can run.
    fs.writeFileSync(
      path.join(root, 'src', 'main', 'cli.ts'),
      "export async function runCli(argv: string[]): Promise<number> {\n  process.stdout.write(`sources ${argv.join(' ')}\\n`);\n  return 3;\n}\n",
    );
    fs.writeFileSync(path.join(root, 'src', 'shared', 'deeper', 'x.ts'), 'export const x: number = 1;\n');
    fs.utimesSync(path.join(root, 'src', 'main', 'cli.ts'), then, then);
    // The newest source is deep in src/shared.
    const edited = options.built === 'older' ? now : then;
    fs.utimesSync(path.join(root, 'src', 'shared', 'deeper', 'x.ts'), edited, edited);
  }
  if (options.built) {
    fs.mkdirSync(path.join(root, 'out', 'main'), { recursive: true });
    const file = path.join(root, 'out', 'main', 'cli.js');
    fs.writeFileSync(file, "export async function runCli(argv) {\n  process.stdout.write(`built ${argv.join(' ')}\\n`);\n  return 0;\n}\n");
    const at = options.built === 'newer' ? now : new Date(Date.now() - 1800_000);
    fs.utimesSync(file, at, at);
  }
  if (options.tsx) fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(root, 'node_modules'), 'dir');
  return root;
}

function run(root: string) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'sourcebench.mjs'), 'sources', '--json'], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('bin/sourcebench.mjs', () => {
  it('runs the built CLI, saying nothing, when it is newer than the sources', () => {
    expect(run(checkout({ built: 'newer', tsx: true }))).toEqual({ code: 0, out: 'built sources --json\n', err: '' });
    // An installed copy, with no sources beside it.
    expect(run(checkout({ built: 'newer', sources: false, tsx: false }))).toEqual({ code: 0, out: 'built sources --json\n', err: '' });
  });

  it('runs the sources through tsx, with a one-line note, when the build is older than them or missing', () => {
    expect(run(checkout({ built: 'older', tsx: true }))).toEqual({
      code: 3,
      out: 'sources sources --json\n',
      err: 'sourcebench: out/main/cli.js is older than the sources; running the sources through tsx, slower to start (npm run build makes it quick)\n',
    });
    expect(run(checkout({ tsx: true }))).toEqual({
      code: 3,
      out: 'sources sources --json\n',
      err: 'sourcebench: out/main/cli.js is not built; running the sources through tsx, slower to start (npm run build makes it quick)\n',
    });
  });

  it('says to run npm run build when tsx is not installed', () => {
    expect(run(checkout({ tsx: false }))).toEqual({ code: 1, out: '', err: 'sourcebench: out/main/cli.js is not built: run npm run build\n' });
    // An out-of-date build still runs, with the note.
    expect(run(checkout({ built: 'older', tsx: false }))).toEqual({
      code: 0,
      out: 'built sources --json\n',
      err: 'sourcebench: out/main/cli.js is older than the sources: run npm run build\n',
    });
  });
});

describe('the CLI build (vite.cli.config.ts)', () => {
  it('makes one ESM file with only Node built-ins, better-sqlite3 and tesseract.js outside, which runs from out/main', async () => {
    const root = tempDir();
    const outDir = path.join(root, 'out', 'main');
    const build = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'vite.cli.config.ts',
        '--outDir',
        outDir,
        '--logLevel',
        'warn',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(build.status, build.stderr).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(['cli.js']);
    const code = fs.readFileSync(path.join(outDir, 'cli.js'), 'utf8');
    const imported = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    // tesseract.js stays a package too: it starts its recogniser's worker from a file of its own folder.
    expect(imported.filter((m) => !m.startsWith('node:'))).toEqual(['better-sqlite3', 'tesseract.js']);
    // CommonJS dependencies bundled in may still require() Node's own modules, nothing else.
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!.replace(/^node:/, ''));
    expect(required.filter((m) => !builtinModules.includes(m))).toEqual([]);

    // Beside a package.json, as in a checkout: the version, and a command on a project.
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(root, 'node_modules'), 'dir');
    const home = tempDir();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(outDir, 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, SOURCEBENCH_HOME: home } });
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(cli('--version').stdout).toBe(`sourcebench ${version}\n`);
    const imported1 = cli('import', path.join(ROOT, 'tests', 'fixtures', 'notes.md'));
    expect(imported1.status, imported1.stderr).toBe(0);
    expect(JSON.parse(cli('sources', '--json').stdout)).toMatchObject([{ id: 1, title: 'Notes on the 1937 census' }]);
    expect(cli('search', 'census', '--json').status).toBe(0);
  }, 120_000);
});
