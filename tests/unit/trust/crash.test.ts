/**
 * Crash safety: a child process imports large files (and, separately, saves notes) and is
 * killed with SIGKILL at a random moment, 20 rounds each. After every kill the project
 * opens, integrity_check is ok, the full-text indexes are sound, and every import is all
 * or nothing: each source has all its passages and its text, or is not there at all.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openProjectDb } from '../../../src/main/store/project';
import { tempDir } from '../helpers';

const ROUNDS = 20;
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');

/**
 * Runs the child and kills it `afterMs` after it is ready, or, with `afterWrite`, after its
 * first completed write: the kill falls where the work is, however slow the machine.
 */
function runAndKill(home: string, project: string, mode: string, afterMs: number, afterWrite: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, home, project, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    let armed = false;
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!armed && out.includes(afterWrite ? 'done\n' : 'ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended by itself (${code}): ${err}`))));
  });
}

function check(project: string) {
  const db = openProjectDb(project);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  for (const table of ['passage_fts', 'annotation_fts', 'claim_fts']) db.prepare(`INSERT INTO ${table}(${table}) VALUES ('integrity-check')`).run();
  const torn = db
    .prepare(
      `SELECT s.id FROM source s
       WHERE s.passage_count != (SELECT count(*) FROM passage p WHERE p.source_id = s.id)
          OR NOT EXISTS (SELECT 1 FROM source_text t WHERE t.source_id = s.id)`,
    )
    .all();
  expect(torn).toEqual([]);
  const sources = db.prepare('SELECT count(*) FROM source').pluck().get() as number;
  const annotations = db.prepare('SELECT count(*) FROM annotation').pluck().get() as number;
  db.close();
  return { sources, annotations };
}

describe('crash safety', () => {
  for (const mode of ['import', 'notes']) {
    it(`${mode}: ${ROUNDS} rounds killed with SIGKILL leave a sound project`, async () => {
      const home = tempDir();
      const project = path.join(home, `${mode}.sourcebench`);
      let last = { sources: 0, annotations: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        // Kill times spread from mid-import to after a few imports.
        // Every third round after a completed write, so that some always are, on any machine.
        await runAndKill(home, project, mode, 30 + ((round * 337) % 1500), round % 3 === 2);
        const now = check(project);
        // Nothing already written is lost.
        expect(now.sources).toBeGreaterThanOrEqual(last.sources);
        expect(now.annotations).toBeGreaterThanOrEqual(last.annotations);
        last = now;
      }
      expect(mode === 'import' ? last.sources : last.annotations).toBeGreaterThan(0);
      const db = new Database(project, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    }, 900_000); // a guard against hangs: twenty child processes on a busy machine take a while
  }
});
