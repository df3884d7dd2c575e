/**
 * The reuse index: each passage's winnowed fingerprints (fingerprint.ts) as the tokens of one
 * row of a contentless FTS5 table (rowid = the passage's id), so that a fingerprint finds
 * every passage that has it, and the report reads every fingerprint with its passages in
 * order (fts5vocab). Written by the source store with the passages, in the same
 * transaction, as their full-text rows are; removed by a trigger when they are deleted.
 *
 * FTS5 rather than a table keyed by hash, as measured on this project's 2-core machine
 * (bench/reuse.ts, under heavy load): a WITHOUT ROWID table (hash, passage_id) took import from 2,666 to
 * 1,057 passages/s, each commit rewriting index pages scattered over the whole table;
 * FTS5 writes new segments and merges them, as it does for the passages' words.
 */
import type Database from 'better-sqlite3';
import { fingerprints } from './fingerprint';

/** A fingerprint as an index token: its hash as 8 hex digits, so tokens sort as the hashes do (unsigned). */
export function token(hash: number): string {
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A passage's fingerprints as the index stores them: tokens separated by spaces ('' for none). */
export function printTokens(text: string): string {
  return fingerprints(text)
    .map((p) => token(p.hash))
    .join(' ');
}

/** The fingerprint tokens of each of a source's passages: what an import's workers make, off the thread that writes. */
export function passagePrints(text: string, passages: readonly { start: number; end: number }[]): string[] {
  return passages.map((p) => printTokens(text.slice(p.start, p.end)));
}

export class ReusePrints {
  private readonly insert: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO reuse_fts (rowid, prints) VALUES (?, ?)');
  }

  /**
   * Indexes one passage (inside the caller's transaction); a passage too short for a shingle
   * has no row. `tokens`, when given, are its fingerprints already made (printTokens).
   */
  add(passageId: number, text: string, tokens = printTokens(text)): void {
    if (tokens) this.insert.run(passageId, tokens);
  }
}

/**
 * Migration: the index, its vocabulary (every fingerprint with its passages, in token order),
 * the trigger that removes a passage's row with it, and the passages already stored indexed.
 * `detail=none`: only which passages have a fingerprint is kept; where it stands in them is
 * found again when the two passages are compared word by word.
 */
export const REUSE_TABLE = `
  CREATE VIRTUAL TABLE reuse_fts USING fts5(prints, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
  CREATE VIRTUAL TABLE reuse_vocab USING fts5vocab(reuse_fts, 'instance');
  CREATE TRIGGER reuse_fts_delete AFTER DELETE ON passage BEGIN
    DELETE FROM reuse_fts WHERE rowid = old.id;
  END;
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
