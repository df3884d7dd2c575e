/**
 * The reuse index: each passage's winnowed fingerprints (fingerprint.ts) in `reuse_print`,
 * keyed by hash so that a passage's fingerprints find every other passage that has them.
 * Written by the source store with the passages, in the same transaction (as their FTS5
 * rows are), and removed before they are: a fingerprint's key is computed again from the
 * passage's text, so the table needs no second index by passage (which would double the
 * cost of every import).
 */
import type Database from 'better-sqlite3';
import { fingerprints } from './fingerprint';

export class ReusePrints {
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly passagesOf: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO reuse_print (hash, passage_id, pos) VALUES (?, ?, ?)');
    this.remove = db.prepare('DELETE FROM reuse_print WHERE hash = ? AND passage_id = ?');
    this.passagesOf = db.prepare('SELECT id, text FROM passage WHERE source_id = ?').raw();
  }

  /** Indexes one passage (inside the caller's transaction). */
  add(passageId: number, text: string): void {
    for (const p of fingerprints(text)) this.insert.run(p.hash, passageId, p.pos);
  }

  /** Removes a source's passages from the index (inside the caller's transaction, before they are deleted). */
  removeSource(sourceId: number): void {
    for (const [id, text] of this.passagesOf.all(sourceId) as [number, string][]) {
      for (const p of fingerprints(text)) this.remove.run(p.hash, id);
    }
  }
}

/** Migration: the table, filled from the passages already stored. */
export const REUSE_TABLE = `
  CREATE TABLE reuse_print (
    hash       INTEGER NOT NULL,
    passage_id INTEGER NOT NULL,
    pos        INTEGER NOT NULL,
    PRIMARY KEY (hash, passage_id)
  ) WITHOUT ROWID;
`;

export function fillReuse(db: Database.Database): void {
  const prints = new ReusePrints(db);
  // In chunks: better-sqlite3 runs no write while a read is being iterated.
  const chunk = db.prepare('SELECT id, text FROM passage WHERE id > ? ORDER BY id LIMIT 5000').raw();
  for (let after = 0; ;) {
    const rows = chunk.all(after) as [number, string][];
    if (!rows.length) break;
    for (const [id, text] of rows) prints.add(id, text);
    after = rows[rows.length - 1]![0];
  }
}
