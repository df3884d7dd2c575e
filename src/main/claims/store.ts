/** Stored claims: extracted on import (as suggestions), kept with their source. */
import type { Db } from '../store/project';
import type { Claim } from './extract';
import { extractClaims } from './extract';

export interface StoredClaim extends Claim {
  id: number;
  sourceId: number;
  status: 'suggested' | 'confirmed' | 'rejected';
  origin: 'extracted' | 'manual';
  orphaned: boolean;
}

interface Row {
  id: number;
  source_id: number;
  start: number;
  end: number;
  quote: string;
  measure: Claim['measure'];
  low: number | null;
  high: number | null;
  unit: Claim['unit'];
  approx: number;
  event: string;
  status: StoredClaim['status'];
  origin: StoredClaim['origin'];
  orphaned: number;
}

function toClaim(r: Row): StoredClaim {
  return {
    id: r.id,
    sourceId: r.source_id,
    quote: r.quote,
    start: r.start,
    end: r.end,
    measure: r.measure,
    low: r.low,
    high: r.high,
    unit: r.unit,
    approx: r.approx === 1,
    event: r.event,
    status: r.status,
    origin: r.origin,
    orphaned: r.orphaned === 1,
  };
}

export class ClaimStore {
  private failure: string | null = null;

  constructor(private readonly db: Db) {}

  /** Why the last extraction failed, once; a source is imported even when its claims cannot be read. */
  takeFailure(): string | null {
    const f = this.failure;
    this.failure = null;
    return f;
  }

  /** Extracts and stores the claims of a source's text as suggestions (inside the caller's transaction). */
  suggest(sourceId: number, text: string): number {
    let claims: Claim[];
    try {
      claims = extractClaims(text);
    } catch (err) {
      this.failure = `its numeric claims could not be read (${(err as Error).message}); the text was imported without them`;
      return 0;
    }
    const now = new Date().toISOString();
    const insert = this.db.prepare(
      `INSERT INTO claim (source_id, start, "end", quote, measure, low, high, unit, approx, event, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of claims) insert.run(sourceId, c.start, c.end, c.quote, c.measure, c.low, c.high, c.unit, c.approx ? 1 : 0, c.event, now, now);
    return claims.length;
  }

  /**
   * After a text was replaced: suggestions are extracted again; claims the historian has
   * confirmed, rejected or written keep their values and are found again by their quote
   * (the occurrence nearest the old position), or marked as not placed.
   */
  refresh(sourceId: number, text: string): void {
    this.db.prepare("DELETE FROM claim WHERE source_id = ? AND status = 'suggested' AND origin = 'extracted'").run(sourceId);
    const kept = this.db.prepare('SELECT id, start, quote FROM claim WHERE source_id = ?').all(sourceId) as { id: number; start: number; quote: string }[];
    const move = this.db.prepare('UPDATE claim SET start = ?, "end" = ?, orphaned = ? WHERE id = ?');
    for (const k of kept) {
      let best = -1;
      for (let i = text.indexOf(k.quote); i >= 0; i = text.indexOf(k.quote, i + 1)) {
        if (best < 0 || Math.abs(i - k.start) < Math.abs(best - k.start)) best = i;
      }
      if (best >= 0) move.run(best, best + k.quote.length, 0, k.id);
      else move.run(Math.min(k.start, text.length), Math.min(k.start, text.length), 1, k.id);
    }
    const taken = kept.map((k) => k.quote);
    const now = new Date().toISOString();
    const insert = this.db.prepare(
      `INSERT INTO claim (source_id, start, "end", quote, measure, low, high, unit, approx, event, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of extractClaims(text)) {
      if (taken.includes(c.quote)) continue;
      insert.run(sourceId, c.start, c.end, c.quote, c.measure, c.low, c.high, c.unit, c.approx ? 1 : 0, c.event, now, now);
    }
  }

  list(sourceId: number): StoredClaim[] {
    return (this.db.prepare('SELECT * FROM claim WHERE source_id = ? ORDER BY orphaned, start, id').all(sourceId) as Row[]).map(toClaim);
  }
}
