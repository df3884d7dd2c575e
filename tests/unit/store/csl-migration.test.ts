import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { APPLICATION_ID } from '../../../src/main/store/pragmas';
import { openProjectDb } from '../../../src/main/store/project';
import { SourceStore } from '../../../src/main/store/sources';
import { tempDir } from '../helpers';

/** A project file as version 8 wrote it: sources with title, author, date and origin columns, no CSL item. */
function versionEightProject(file: string) {
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS.filter((m) => m.version <= 8)) db.exec(m.sql);
  db.pragma('user_version = 8');
  const insert = db.prepare(
    `INSERT INTO source (title, author, date, origin, kind, format, language, file_name, encoding, hash, chars, bytes, passage_count, meta, imported_at)
     VALUES (?, ?, ?, ?, 'text', 'txt', ?, ?, 'utf-8', ?, 10, 10, 0, '{}', '2024-01-01T00:00:00Z')`,
  );
  insert.run('The Great Terror', 'Conquest, Robert', '1968~', 'https://en.wikipedia.org/wiki/The_Great_Terror', 'en', 'terror.txt', 'h1');
  insert.run('Report on the camps', 'Memorial Society; Anne Applebaum', '1937/1938', 'Archive ref. f. 1562, op. 329', null, 'report.txt', 'h2');
  insert.run('Notes', null, null, null, null, null, 'h3');
  db.close();
}

describe('migration 10: citation metadata', () => {
  it('gives each source of an old project a CSL item made from its columns, and leaves the columns as they were', () => {
    const file = path.join(tempDir(), 'old.sourcebench');
    versionEightProject(file);
    const db = openProjectDb(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10);
    const rows = db.prepare('SELECT title, author, date, origin, csl FROM source ORDER BY id').all() as {
      title: string;
      author: string | null;
      date: string | null;
      origin: string | null;
      csl: string;
    }[];
    expect(rows.map((r) => JSON.parse(r.csl))).toEqual([
      {
        type: 'webpage',
        title: 'The Great Terror',
        author: [{ family: 'Conquest', given: 'Robert' }],
        issued: '1968~',
        URL: 'https://en.wikipedia.org/wiki/The_Great_Terror',
        language: 'en',
      },
      {
        type: 'document',
        title: 'Report on the camps',
        author: [{ literal: 'Memorial Society' }, { family: 'Applebaum', given: 'Anne' }],
        issued: '1937/1938',
        archive_location: 'Archive ref. f. 1562, op. 329',
      },
      { type: 'document', title: 'Notes' },
    ]);
    // The columns are untouched by the migration (the next edit derives them from the item).
    expect(rows.map((r) => [r.title, r.author, r.date, r.origin])).toEqual([
      ['The Great Terror', 'Conquest, Robert', '1968~', 'https://en.wikipedia.org/wiki/The_Great_Terror'],
      ['Report on the camps', 'Memorial Society; Anne Applebaum', '1937/1938', 'Archive ref. f. 1562, op. 329'],
      ['Notes', null, null, null],
    ]);
    const store = new SourceStore(db);
    expect(store.detail(2).csl.archive_location).toBe('Archive ref. f. 1562, op. 329');
    // An edit writes the item and the columns from it.
    store.update(1, { csl: { ...store.csl(1), accessed: '2026-11-27' } });
    expect(store.summary(1).author).toBe('Robert Conquest');
    db.close();
    // Opening again changes nothing.
    const again = openProjectDb(file);
    expect(again.prepare('SELECT csl FROM source WHERE id = 1').pluck().get() as string).toContain('"accessed":"2026-11-27"');
    again.close();
  });

  it('reads a source stored without an item (a project migrated by SQL alone) from its columns', () => {
    const file = path.join(tempDir(), 'p.sourcebench');
    const db = openProjectDb(file, { create: true });
    const store = new SourceStore(db);
    const id = store.insert({
      title: 'T',
      author: 'Anne Applebaum',
      date: '2003',
      origin: null,
      kind: 'text',
      language: null,
      fileName: 't.txt',
      encoding: 'utf-8',
      hash: 'x',
      text: 'Text.',
      bytes: 5,
      tags: [],
      meta: {},
      passages: [{ start: 0, end: 5, kind: 'paragraph' }],
    });
    db.prepare('UPDATE source SET csl = NULL').run();
    expect(store.detail(id).csl).toEqual({ type: 'document', title: 'T', author: [{ family: 'Applebaum', given: 'Anne' }], issued: '2003' });
    db.close();
  });
});
