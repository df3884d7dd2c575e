import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openProjectDb } from '../../../src/main/store/project';
import { Vocabulary } from '../../../src/main/search/vocabulary';
import { Workbench } from '../../../src/main/workbench';
import { bytes, tempDir } from '../helpers';

/** A project file with a few hundred distinct words, made through the workbench as imports make it. */
async function project(): Promise<string> {
  const home = tempDir();
  const file = path.join(home, 'p.sourcebench');
  const wb = Workbench.open({ home, project: file, createMissing: true, dailyBackup: false });
  const words = Array.from({ length: 400 }, (_, i) => `word${i.toString(36)}x`);
  for (let s = 0; s < 4; s++) {
    const paragraphs = Array.from({ length: 50 }, (_, p) => `Tukhachevsky ${words.slice((s * 50 + p) % 350, ((s * 50 + p) % 350) + 8).join(' ')}.`);
    await wb.importFile({ name: `s${s}.txt`, bytes: bytes(paragraphs.join('\n\n')) });
  }
  await wb.whenSearchReady();
  wb.close();
  return file;
}

describe('the typo vocabulary', () => {
  it("reads a project file's vocabulary in a worker thread: the main connection never reads fts5vocab, and the terms are those read in this thread", async () => {
    const file = await project();
    const db = openProjectDb(file);
    try {
      const prepare = vi.spyOn(db, 'prepare');
      const threaded = new Vocabulary(db);
      // Read in a worker whatever its size (by default, from 10,000 passages).
      await threaded.build({ threadFrom: 0 });
      expect(prepare.mock.calls.filter(([sql]) => String(sql).includes('passage_vocab'))).toEqual([]);
      prepare.mockRestore();

      const here = new Vocabulary(db);
      await here.build({ inThread: true });
      expect(threaded.size).toBe(here.size);
      expect(threaded.size).toBeGreaterThan(200);
      expect(threaded.alternatives('tukhachevskiy')).toEqual(here.alternatives('tukhachevskiy'));
      expect(threaded.alternatives('tukhachevskiy').map((a) => a.term)).toContain('tukhachevsky');
    } finally {
      db.close();
    }
  });

  it('an in-memory database is read in this thread, in chunks', async () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE passage_fts USING fts5(text); CREATE VIRTUAL TABLE passage_vocab USING fts5vocab(passage_fts, 'row');`);
    db.prepare('INSERT INTO passage_fts (text) VALUES (?)').run('Yezhov signed the order');
    const v = new Vocabulary(db as never);
    await v.build();
    expect(v.has('yezhov')).toBe(true);
    db.close();
  });

  it('a project closed while its vocabulary is read stops the read without an error', async () => {
    const file = await project();
    const db = openProjectDb(file);
    const v = new Vocabulary(db);
    const built = v.build({ threadFrom: 0 });
    v.stop();
    await expect(built).resolves.toBeUndefined();
    expect(v.ready).toBe(false);
    db.close();
  });
});
