/** The `sourcebench` command run as a process, as a shell runs it. */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { Workbench } from '../../src/main/workbench';
import { tempDir } from './helpers';

const BIN = path.join(__dirname, '..', '..', 'bin', 'sourcebench.mjs');

/** A project with one source of 3,000 passages: far more output than a pipe holds. */
async function bigProject(): Promise<{ home: string; project: string }> {
  const home = tempDir();
  const file = path.join(home, 'census.txt');
  fs.writeFileSync(
    file,
    Array.from(
      { length: 3000 },
      (_, i) => `Paragraph ${i}: the census of 1937 counted the people of district ${i}, and more words to fill the line.`,
    ).join('\n\n'),
  );
  const project = path.join(home, 'big.sourcebench');
  const wb = Workbench.open({ home, project, createMissing: true, remember: false });
  expect((await wb.importAll([file]))[0]!.status).toBe('imported');
  wb.close();
  return { home, project };
}

/** Runs the CLI with its stdout read until the first chunk, then closed, as `| head -1` does. */
function runReadingOneChunk(home: string, args: string[]): Promise<{ code: number | null; signal: string | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SOURCEBENCH_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let first = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', (c: Buffer) => {
      first = c.toString();
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, first, stderr }));
  });
}

describe('sourcebench writing into a pipe closed early', () => {
  for (const args of [
    ['show', '1'],
    ['search', 'census', '--limit', '500'],
  ]) {
    it(`ends quietly, the project closed: ${args.join(' ')}`, async () => {
      const { home, project } = await bigProject();
      const r = await runReadingOneChunk(home, ['--project', project, ...args]);
      expect(r.first.length).toBeGreaterThan(0);
      // No stack trace, no "Unhandled 'error' event": nothing but an optional note about how it ran.
      expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
      // Closed properly: SQLite removes the write-ahead log when the last connection closes.
      expect(fs.existsSync(`${project}-wal`)).toBe(false);
      const wb = Workbench.open({ home, project, remember: false });
      expect((await wb.listSources()).map((s) => s.passages)).toEqual([3000]);
      wb.close();
    }, 60_000);
  }
});

describe('sourcebench import while another program writes to the project', () => {
  function busyProject() {
    const home = tempDir();
    const project = path.join(home, 'shared.sourcebench');
    Workbench.open({ home, project, createMissing: true, remember: false }).close();
    const file = path.join(home, 'report.txt');
    fs.writeFileSync(file, 'The regional report for 1937 lists the arrests village by village.');
    const other = new Database(project);
    other.exec('BEGIN IMMEDIATE');
    other.prepare('UPDATE source SET title = title WHERE id = 0').run();
    return { home, project, file, other };
  }

  /** Starts `sourcebench import` on the busy project; resolves once it says that it waits (its output keeps coming into `out`). */
  async function importWaiting(home: string, project: string, target: string) {
    const child = spawn(process.execPath, [BIN, '--project', project, 'import', target], {
      env: { ...process.env, SOURCEBENCH_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (c: Buffer) => {
        out.stderr += c.toString();
        if (out.stderr.includes('waiting for')) resolve();
      }),
    );
    return { child, out };
  }

  it('says it is waiting, then imports once the other program has finished', async () => {
    const { home, project, file, other } = busyProject();
    // The other program finishes only once the CLI has said that it waits.
    const { child, out } = await importWaiting(home, project, file);
    other.exec('COMMIT');
    other.close();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(out.stderr).toContain(`waiting for ${project}: another program is writing to it`);
    expect(out.stdout).toMatch(/report\.txt: imported as #1/);
    expect(code).toBe(0);
  });

  it('cancels the import on Ctrl-C (SIGINT): what was written stays, nothing else, and it exits with 130', async () => {
    const { home, project, other } = busyProject();
    const dir = path.join(home, 'letters');
    fs.mkdirSync(dir);
    for (let i = 1; i <= 40; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(2, '0')}.txt`), `Letter ${i}, about the harvest of 19${i}.`);
    // Ctrl-C comes while the import's first write waits for the other program; then that program finishes.
    const { child, out } = await importWaiting(home, project, dir);
    child.kill('SIGINT');
    other.exec('COMMIT');
    other.close();
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(signal, out.stderr).toBeNull();
    expect(code, out.stderr).toBe(130);
    expect(out.stderr).toContain('Cancelling: the files already imported stay in');
    expect(out.stderr).toMatch(/sourcebench: import (cancelled|interrupted as it finished): \d+ files? done/);
    // The project holds exactly the files reported, and was closed properly.
    const reported = out.stdout.split('\n').filter((l) => l.includes(': imported as #')).length;
    expect(fs.existsSync(`${project}-wal`)).toBe(false);
    const wb = Workbench.open({ home, project, remember: false, dailyBackup: false });
    expect(await wb.listSources()).toHaveLength(reported);
    wb.close();
  });

  it('gives up after the bounded wait with a clear message and exit code 75, importing nothing', async () => {
    const { home, project, file, other } = busyProject();
    const out: string[] = [];
    const err: string[] = [];
    process.env.SOURCEBENCH_LOCK_WAIT_MS = '1000';
    const saved = process.env.SOURCEBENCH_HOME;
    process.env.SOURCEBENCH_HOME = home;
    try {
      const code = await runCli(['--project', project, 'import', file], { out: (s) => out.push(s), err: (s) => err.push(s) });
      expect(code).toBe(75);
    } finally {
      delete process.env.SOURCEBENCH_LOCK_WAIT_MS;
      if (saved === undefined) delete process.env.SOURCEBENCH_HOME;
      else process.env.SOURCEBENCH_HOME = saved;
    }
    expect(err[0]).toBe(`waiting for ${project}: another program is writing to it`);
    expect(err[1]).toMatch(
      /^sourcebench: shared\.sourcebench is being written by another program, and still was after 1 s; nothing was changed.*\(1 file not imported\)$/,
    );
    other.exec('ROLLBACK');
    other.close();
    const wb = Workbench.open({ home, project, remember: false, dailyBackup: false });
    expect(await wb.listSources()).toEqual([]);
    wb.close();
  });
});
