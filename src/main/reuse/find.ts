/**
 * "Where else does this appear?": the passages of other sources that share runs of words
 * with one passage. Its fingerprints are looked up in the reuse index (a few index seeks);
 * the passages found are then compared word by word, so that what is reported, and
 * highlighted, is exactly the shared text.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/errors';
import type { ReuseFound, ReuseHit } from '../../shared/types';
import type { Run, Words } from './fingerprint';
import { charSpans, covered, fingerprints, MIN_WORDS, sharedRuns, wordsOf } from './fingerprint';
import { token } from './prints';

/**
 * A fingerprint in more passages than this is a formula ("in the year of our Lord…", a
 * licence, a running head), not a quotation: it finds nothing.
 */
export const COMMON_PRINT = 500;
/** Passages compared word by word, the most fingerprints shared first. */
const CANDIDATES = 200;
/** Hits returned. */
const MAX_HITS = 100;

/** What two passages share: the runs, the words of each covered by them, and their spans. */
export interface Shared {
  runs: Run[];
  a: { ranges: [number, number][]; words: number };
  b: { ranges: [number, number][]; words: number };
}

export function shared(a: Words, b: Words): Shared | null {
  const runs = sharedRuns(a.words, b.words);
  if (!runs.length) return null;
  return {
    runs,
    a: covered(runs.map((r) => [r.a, r.a + r.words])),
    b: covered(runs.map((r) => [r.b, r.b + r.words])),
  };
}

interface PassageRow {
  id: number;
  source_id: number;
  ordinal: number;
  text: string;
}

export function findReuse(db: Database.Database, passageId: number): ReuseFound {
  const passage = db.prepare('SELECT id, source_id, ordinal, text FROM passage WHERE id = ?').get(passageId) as PassageRow | undefined;
  if (!passage) throw new ApiError('not_found', `There is no passage with id ${passageId} in this project`);
  const postings = db.prepare('SELECT rowid FROM reuse_fts WHERE reuse_fts MATCH ? LIMIT ?').pluck();
  const counts = new Map<number, number>();
  for (const p of new Set(fingerprints(passage.text).map((f) => `"${token(f.hash)}"`))) {
    const ids = postings.all(p, COMMON_PRINT + 1) as number[];
    if (ids.length > COMMON_PRINT) continue;
    for (const id of ids) if (id !== passageId) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ranked = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, CANDIDATES);
  const rows = ranked.length
    ? (db
        .prepare(
          `SELECT p.id, p.source_id, p.ordinal, p.start, p.text, s.title, s.date FROM passage p JOIN source s ON s.id = p.source_id
           WHERE p.id IN (SELECT value FROM json_each(?)) AND p.source_id <> ?`,
        )
        .all(JSON.stringify(ranked.map(([id]) => id)), passage.source_id) as (PassageRow & { start: number; title: string; date: string | null })[])
    : [];
  const mine = wordsOf(passage.text);
  const hits: ReuseHit[] = [];
  for (const row of rows) {
    const theirs = wordsOf(row.text);
    const s = shared(mine, theirs);
    if (!s) continue;
    hits.push({
      sourceId: row.source_id,
      sourceTitle: row.title,
      sourceDate: row.date,
      passageId: row.id,
      ordinal: row.ordinal,
      start: row.start,
      text: row.text,
      words: s.a.words,
      longest: s.runs[0]!.words,
      share: theirs.words.length ? s.b.words / theirs.words.length : 0,
      spans: charSpans(theirs, s.b.ranges),
      querySpans: charSpans(mine, s.a.ranges),
    });
  }
  hits.sort(byAmount);
  return { passageId, sourceId: passage.source_id, text: passage.text, minWords: MIN_WORDS, hits: hits.slice(0, MAX_HITS) };
}

/** Ranked by the chosen passage's words shared, then the longest run, then the share of the hit. */
export function byAmount(x: ReuseHit, y: ReuseHit): number {
  return y.words - x.words || y.longest - x.longest || y.share - x.share || x.sourceId - y.sourceId || x.ordinal - y.ordinal;
}
