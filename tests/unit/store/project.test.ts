import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectDb } from '../../../src/main/store/project';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/store/migrations';
import { APPLICATION_ID, PRAGMAS } from '../../../src/main/store/pragmas';
import { tempDir } from '../helpers';

describe('project file', () => {
  it('applies the pragma constant on every connection', () => {
    const file = path.join(tempDir(), 'p.sourcebench');
    const db = openProjectDb(file, { create: true });
    expect(PRAGMAS).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 });
    expect(db.pragma('journal_mode', { simple: true })).toBe(PRAGMAS.journal_mode);
    expect(db.pragma('synchronous', { simple: true })).toBe(PRAGMAS.synchronous);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(PRAGMAS.foreign_keys);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(PRAGMAS.busy_timeout);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('runs numbered migrations up to the latest user_version, and is idempotent', () => {
    const file = path.join(tempDir(), 'p.sourcebench');
    openProjectDb(file, { create: true }).close();
    const db = openProjectDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // Numbered in order, each once (a number may stand free while the change that takes it is made apart).
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.every((v, i) => (i === 0 ? v === 1 : v > versions[i - 1]!))).toBe(true);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['passage', 'source', 'source_tag', 'source_text', 'tag']));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('refuses a project from a newer version without touching it', () => {
    const file = path.join(tempDir(), 'new.sourcebench');
    openProjectDb(file, { create: true }).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openProjectDb(file)).toThrow(/newer version of Sourcebench/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a Sourcebench project and never overwrites it', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.sourcebench');
    fs.writeFileSync(text, 'my precious notes');
    expect(() => openProjectDb(text, { create: true })).toThrow(expect.objectContaining({ code: 'not_a_project' }));
    expect(fs.readFileSync(text, 'utf8')).toBe('my precious notes');

    const other = path.join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
    db.close();
    const before = fs.readFileSync(other);
    expect(() => openProjectDb(other, { create: true })).toThrow(/not a Sourcebench project/);
    expect(fs.readFileSync(other).equals(before)).toBe(true);

    const empty = path.join(dir, 'empty.sourcebench');
    fs.writeFileSync(empty, '');
    expect(() => openProjectDb(empty, { create: true })).toThrow(/not a Sourcebench project/);
    expect(fs.statSync(empty).size).toBe(0);
  });

  it('does not create a missing file unless asked', () => {
    const file = path.join(tempDir(), 'missing.sourcebench');
    expect(() => openProjectDb(file)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reports a damaged project instead of replacing it', () => {
    const file = path.join(tempDir(), 'broken.sourcebench');
    openProjectDb(file, { create: true }).close();
    const buf = fs.readFileSync(file);
    // Keep the header, scramble the schema page.
    for (let i = 100; i < buf.length; i++) buf[i] = (i * 31) & 0xff;
    fs.writeFileSync(file, buf);
    const before = fs.readFileSync(file);
    expect(() => openProjectDb(file)).toThrow(expect.objectContaining({ code: expect.stringMatching(/damaged_project|not_a_project/) }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
