/** The `sourcebench` command run as a process, as a shell runs it. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../src/main/workbench';
import { tempDir } from './helpers';

const BIN = path.join(__dirname, '..', '..', 'bin', 'sourcebench.mjs');

/** A project with one source of 3,000 passages: far more output than a pipe holds. */
function bigProject(): { home: string; project: string } {
  const home = tempDir();
  const file = path.join(home, 'census.txt');
  fs.writeFileSync(file, Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}: the census of 1937 counted the people of district ${i}, and more words to fill the line.`).join('\n\n'));
  const project = path.join(home, 'big.sourcebench');
  const wb = Workbench.open({ home, project, createMissing: true, remember: false });
  expect(wb.importPaths([file])[0]!.status).toBe('imported');
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
  for (const args of [['show', '1'], ['search', 'census', '--limit', '500']]) {
    it(`ends quietly, the project closed: ${args.join(' ')}`, async () => {
      const { home, project } = bigProject();
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
