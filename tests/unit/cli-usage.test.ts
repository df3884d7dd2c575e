import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, GLOBAL_FLAGS } from '../../src/main/cli-help';
import { cli } from './cli-run';
import { Workbench } from '../../src/main/workbench';
import { ApiError } from '../../src/shared/errors';
import { fixture, useTempHome } from './helpers';

const home = useTempHome();
afterEach(() => {
  vi.restoreAllMocks();
});

const version = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('sourcebench help and version', () => {
  it('lists the commands and the exit codes in the top-level help', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await cli(flag);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toMatch(/^sourcebench \S+: /);
      expect(r.out).toContain('usage: sourcebench [--project FILE] <command> [options]');
      for (const name of ['import', 'sources', 'show', 'search', 'export', 'compare', 'claims', 'pages', 'merge', 'languages', 'metadata', 'serve'])
        expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
      expect(r.out).toMatch(/^exit codes:\n {2}0 +success\n {2}1 +the command ran but failed for some inputs/m);
      expect(r.out).toMatch(/^ {2}2 +usage error/m);
      expect(r.out).toMatch(/^ {2}75 +the project is in use by another program[^]*EX_TEMPFAIL/m);
    }
    // Without a command: the help on stderr, and a usage error.
    const bare = await cli();
    expect(bare.code).toBe(2);
    expect(bare.out).toBe('');
    expect(bare.err).toContain('usage: sourcebench');
  });

  it('gives each command its usage, what it does, its options and an example', async () => {
    for (const spec of COMMANDS) {
      const byHelp = await cli('help', spec.name);
      expect(byHelp.code).toBe(0);
      expect(byHelp.out).toMatch(new RegExp(`^usage: sourcebench (\\[--project FILE\\] )?${spec.name}`));
      expect(byHelp.out).toMatch(/\n\noptions:\n {2}/);
      expect(byHelp.out).toMatch(new RegExp(`\\n\\nexamples:\\n {2}sourcebench [^\\n]*${spec.name}`));
      expect((await cli(spec.name, '--help')).out).toBe(byHelp.out);
      expect((await cli(spec.name, '-h')).out).toBe(byHelp.out);
      // Every flag the command takes is described.
      const flags = Array.isArray(spec.flags) ? spec.flags : Object.values(spec.flags).flat();
      for (const flag of flags) expect(byHelp.out).toContain(`  ${flag}`);
      // Prose fits 80 columns (usage lines and examples may not).
      for (const line of byHelp.out.split('\n')) if (!/^(usage:|\s+sourcebench )/.test(line)) expect(line.length).toBeLessThanOrEqual(80);
    }
    const search = (await cli('help', 'search')).out;
    expect(search).toContain('--limit N');
    expect(search).toContain('date:1936..1938');
    // Help does not open (or create) a project.
    expect(fs.existsSync(path.join(home(), 'Default.sourcebench'))).toBe(false);
  });

  it('describes every command and flag the CLI reads, and no other', () => {
    const code = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'main', 'cli.ts'), 'utf8');
    const read = new Set([...code.matchAll(/flags\.(?:get|has)\('(--[a-z-]+)'\)/g)].map((m) => m[1]!));
    const declared = new Set([...GLOBAL_FLAGS, ...COMMANDS.flatMap((c) => (Array.isArray(c.flags) ? c.flags : Object.values(c.flags).flat()))]);
    expect([...read].sort()).toEqual([...declared].sort());
    const cases = [...code.matchAll(/^ {6}case '([a-z]+)':/gm)].map((m) => m[1]!);
    expect([...cases, 'help'].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  it('prints the version in package.json for --version and -V', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await cli(flag);
      expect(r).toEqual({ code: 0, out: `sourcebench ${version}`, err: '' });
    }
  });
});

describe('sourcebench usage errors', () => {
  it('rejects an unknown flag with exit code 2, naming it and the nearest flag the command takes', async () => {
    await cli('import', fixture('notes.md'));
    const r = await cli('sources', '--jsn');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('sourcebench: unknown option --jsn for sources; did you mean --json? (see sourcebench help sources)');
    expect((await cli('search', 'census', '--limt', '5')).err).toMatch(/unknown option --limt for search; did you mean --limit\?/);
    expect((await cli('--frobnicate')).code).toBe(2);
    expect((await cli('show', '1', '-x')).err).toMatch(/unknown option -x for show/);
  });

  it('accepts only the flags each command takes', async () => {
    await cli('import', fixture('notes.md'));
    // --limit belongs to search, --port to serve, --format to export annotations.
    for (const argv of [
      ['sources', '--limit', '5'],
      ['show', '1', '--port', '80'],
      ['import', fixture('notes.md'), '--out', 'x'],
      ['export', 'markdown', '--format', 'jsonld'],
      ['export', 'annotations', '--tag', 'census'],
      ['compare', '1', '1', '--source', '1'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(/^sourcebench: unknown option --\w+ for /);
    }
    expect((await cli('show', '1', '--json=yes')).err).toBe('sourcebench: --json takes no value');
    expect((await cli('sources', 'extra')).err).toMatch(/unexpected argument "extra" for sources/);
    // The global flags go anywhere; a value may follow = or come next.
    expect((await cli('sources', '--json', `--project=${path.join(home(), 'Default.sourcebench')}`)).code).toBe(0);
  });

  it('suggests the nearest command for a misspelt one', async () => {
    for (const [typed, meant] of [
      ['serach', 'search'],
      ['improt', 'import'],
      ['sources2', 'sources'],
      ['exprot', 'export'],
      ['shwo', 'show'],
    ]) {
      const r = await cli(typed!, 'x');
      expect(r.code).toBe(2);
      expect(r.err).toBe(`sourcebench: unknown command "${typed}"; did you mean ${meant}?`);
    }
    expect((await cli('help', 'serach')).err).toBe('sourcebench: unknown command "serach"; did you mean search?');
    expect((await cli('frobnicate')).err).toBe('sourcebench: unknown command "frobnicate"; see sourcebench --help');
  });

  it('keeps -word in a search query (it excludes the word), and takes anything after -- as arguments', async () => {
    await cli('import', fixture('notes.md'));
    const all = await cli('search', 'census', '--json');
    const without = await cli('search', 'census', '-january', '--json');
    expect(without.code).toBe(0);
    expect(JSON.parse(without.out).length).toBeLessThan(JSON.parse(all.out).length);
    expect((await cli('search', '--json', '--', 'census', '-january')).out).toBe(without.out);
  });
});

describe('sourcebench exit codes', () => {
  it('is 1 for a command that ran and failed, 2 for a malformed request', async () => {
    expect((await cli('show', '7')).code).toBe(1);
    expect((await cli('claims', path.join(home(), 'missing.txt'))).code).toBe(1);
    expect((await cli('show', 'abc')).code).toBe(2);
    expect((await cli('search', 'x'.repeat(5000))).code).toBe(2);
  });

  it('is 75 (EX_TEMPFAIL) when the project stays locked or busy', async () => {
    for (const code of ['project_locked', 'project_busy']) {
      vi.spyOn(Workbench, 'open').mockImplementation(() => {
        throw new ApiError(code as 'project_locked', 'Default.sourcebench is in use by another program; close it there and try again');
      });
      const r = await cli('sources');
      expect(r.code).toBe(75);
      expect(r.err).toBe('sourcebench: Default.sourcebench is in use by another program; close it there and try again');
      vi.restoreAllMocks();
    }
  });
});
