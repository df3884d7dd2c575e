/**
 * Search over the project: FTS5 is the index of record (fast, persistent, in the project
 * file); the vocabulary adds typo tolerance by widening query words into corpus spellings,
 * whose matches rank below exact ones.
 */
import { performance } from 'node:perf_hooks';
import type { SearchHit, SearchResponse } from '../../shared/types';
import type { Db } from '../store/project';
import type { ParsedQuery, Term } from './query';
import { fold, parseQuery, toFts } from './query';
import { Vocabulary } from './vocabulary';

export interface SearchOptions {
  query: string;
  limit?: number;
  /** While typing: the last word, not yet followed by a space, also matches as a prefix. */
  typing?: boolean;
}

/** Facets and totals count at most this many matches, so a very common word stays fast. */
export const TOTAL_CAP = 20_000;
const SNIPPET_BEFORE = 70;
const SNIPPET_LENGTH = 260;
const OPEN = '\u0001';
const CLOSE = '\u0002';

interface Row {
  passageId: number;
  sourceId: number;
  ordinal: number;
  start: number;
  title: string;
  marked: string;
  rank: number;
}

/** First and last year an EDTF date can mean: `1937`, `1936/1938`, `193X`, `1937-05~`. */
export function yearRange(date: string | null): [number, number] | null {
  if (!date) return null;
  const years = [...date.matchAll(/(-?)(\d{3}[\dX]|\d{2}XX)/g)].map((m) => {
    const y = m[2]!;
    const sign = m[1] ? -1 : 1;
    return [sign * Number(y.replace(/X/g, '0')), sign * Number(y.replace(/X/g, '9'))] as [number, number];
  });
  if (!years.length) return null;
  const lo = date.startsWith('..') ? -9999 : Math.min(...years.map((y) => y[0]));
  const hi = date.endsWith('..') ? 9999 : Math.max(...years.map((y) => y[1]));
  return [lo, hi];
}

/** Splits FTS5 highlight() output into text and [start, end) match ranges. */
export function parseMarked(marked: string): { text: string; hits: [number, number][] } {
  let text = '';
  const hits: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      if (open >= 0) hits.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, hits };
}

function window(text: string, hits: [number, number][]): { snippet: string; highlights: [number, number][] } {
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: hits };
  const first = hits[0]?.[0] ?? 0;
  let from = Math.max(0, first - SNIPPET_BEFORE);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < first) from = space + 1;
  }
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const prefix = from > 0 ? '…' : '';
  const snippet = `${prefix}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  const highlights = hits
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [s - from + prefix.length, e - from + prefix.length] as [number, number]);
  return { snippet, highlights };
}

export class SearchIndex {
  readonly vocabulary: Vocabulary;

  constructor(private readonly db: Db) {
    this.vocabulary = new Vocabulary(db);
  }

  /** Source ids allowed by the filters, or null when no filter restricts sources. */
  private allowedSources(q: ParsedQuery): number[] | null {
    if (!q.sources.length && !q.tags.length && !q.dates) return null;
    const rows = this.db
      .prepare(
        `SELECT s.id, s.title, s.date, (SELECT json_group_array(lower(t.name)) FROM source_tag st JOIN tag t ON t.id = st.tag_id WHERE st.source_id = s.id) AS tags FROM source s`,
      )
      .all() as { id: number; title: string; date: string | null; tags: string }[];
    const titleWords = q.sources.map((s) => fold(s).split(/\s+/).filter(Boolean));
    const tags = q.tags.map((t) => t.toLowerCase());
    return rows
      .filter((r) => {
        const title = fold(r.title);
        if (titleWords.length && !titleWords.some((words) => words.every((w) => title.includes(w)))) return false;
        if (tags.length) {
          const own = JSON.parse(r.tags) as string[];
          if (!tags.every((t) => own.includes(t))) return false;
        }
        if (q.dates) {
          const range = yearRange(r.date);
          if (!range || range[1] < q.dates.from || range[0] > q.dates.to) return false;
        }
        return true;
      })
      .map((r) => r.id);
  }

  private alternativesFor(q: ParsedQuery): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const group of q.groups) {
      for (const term of group) {
        if (term.kind === 'phrase') continue;
        const token = term.tokens[0]!;
        const alts = this.vocabulary.alternatives(token);
        if (alts.length) out.set(token, alts);
      }
    }
    return out;
  }

  private run(match: string, allowed: number[] | null, limit: number, exclude: number[] = []): Row[] {
    const where = [
      'passage_fts MATCH @match',
      allowed ? 'p.source_id IN (SELECT value FROM json_each(@allowed))' : '',
      exclude.length ? 'f.rowid NOT IN (SELECT value FROM json_each(@exclude))' : '',
    ].filter(Boolean);
    return this.db
      .prepare(
        `SELECT f.rowid AS passageId, p.source_id AS sourceId, p.ordinal, p.start, s.title,
                highlight(passage_fts, 0, char(1), char(2)) AS marked, f.rank AS rank
         FROM passage_fts f JOIN passage p ON p.id = f.rowid JOIN source s ON s.id = p.source_id
         WHERE ${where.join(' AND ')}
         ORDER BY f.rank LIMIT @limit`,
      )
      .all({ match, allowed: JSON.stringify(allowed ?? []), exclude: JSON.stringify(exclude), limit }) as Row[];
  }

  private facets(match: string, allowed: number[] | null) {
    const rows = this.db
      .prepare(
        `SELECT m.source_id AS id, s.title, count(*) AS count
         FROM (SELECT p.source_id FROM passage_fts f JOIN passage p ON p.id = f.rowid
               WHERE passage_fts MATCH @match
               ${allowed ? 'AND p.source_id IN (SELECT value FROM json_each(@allowed))' : ''}
               LIMIT ${TOTAL_CAP}) m
         JOIN source s ON s.id = m.source_id
         GROUP BY m.source_id ORDER BY count DESC, s.title`,
      )
      .all({ match, allowed: JSON.stringify(allowed ?? []) }) as { id: number; title: string; count: number }[];
    const total = rows.reduce((n, r) => n + r.count, 0);
    const tagRows = rows.length
      ? (this.db
          .prepare(
            `SELECT t.name, st.source_id AS id FROM source_tag st JOIN tag t ON t.id = st.tag_id
             WHERE st.source_id IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(rows.map((r) => r.id))) as { name: string; id: number }[])
      : [];
    const perSource = new Map(rows.map((r) => [r.id, r.count]));
    const tags = new Map<string, number>();
    for (const t of tagRows) tags.set(t.name, (tags.get(t.name) ?? 0) + (perSource.get(t.id) ?? 0));
    return {
      total,
      sources: rows,
      tags: [...tags.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    };
  }

  search(options: SearchOptions): SearchResponse {
    const started = performance.now();
    const limit = Math.max(1, Math.min(options.limit ?? 50, 500));
    const q = parseQuery(options.query);
    const empty = (problems: string[]): SearchResponse => ({
      query: options.query,
      hits: [],
      total: 0,
      totalCapped: false,
      facets: { sources: [], tags: [] },
      expansions: [],
      problems,
      typoTolerance: this.vocabulary.ready ? 'ready' : 'building',
      tookMs: performance.now() - started,
    });
    if (q.kinds.length && !q.kinds.includes('sources')) {
      return empty([...q.problems, `${q.kinds.map((k) => `in:${k}`).join(', ')}: this project has no ${q.kinds.join(' or ')} to search yet`]);
    }
    if (options.typing && !/\s$/.test(options.query)) {
      // The word being typed also matches as a prefix (3+ letters).
      const last = q.groups[q.groups.length - 1];
      const term = last?.[last.length - 1];
      if (term && term.kind === 'word' && term.tokens[0]!.length >= 3) (term as Term).kind = 'prefix';
    }
    const exact = toFts(q);
    if (!exact) return empty(q.problems.length ? q.problems : ['Type a word to search for']);
    const alternatives = this.alternativesFor(q);
    const widened = alternatives.size ? toFts(q, alternatives)! : exact;
    const allowed = this.allowedSources(q);
    if (allowed && allowed.length === 0) return empty([...q.problems, 'No source matches the filters']);

    // Exact matches first; typo-tolerant ones fill the rest of the page.
    const rows = this.run(exact, allowed, limit);
    const exactCount = rows.length;
    if (rows.length < limit && widened !== exact) {
      rows.push(...this.run(widened, allowed, limit - rows.length, rows.map((r) => r.passageId)));
    }
    const facets = this.facets(widened, allowed);

    const altOf = new Map<string, string>();
    for (const group of q.groups) for (const t of group) for (const a of alternatives.get(t.tokens[0]!) ?? []) altOf.set(a, t.raw);
    const hits: SearchHit[] = rows.map((r, i) => {
      const { text, hits: marks } = parseMarked(r.marked);
      const { snippet, highlights } = window(text, marks);
      const best = marks[0] ?? [0, 0];
      const matched = new Map<string, { typed: string; found: string }>();
      for (const [s, e] of marks) {
        const word = text.slice(s, e);
        const typed = altOf.get(fold(word));
        if (typed && !matched.has(word)) matched.set(word, { typed, found: word });
      }
      return {
        kind: 'passage',
        sourceId: r.sourceId,
        sourceTitle: r.title,
        passageId: r.passageId,
        ordinal: r.ordinal,
        start: r.start + best[0],
        end: r.start + best[1],
        snippet,
        highlights,
        // bm25 rank is negative, lower is better; typo-tolerant matches score half.
        score: Math.round(-r.rank * (i < exactCount ? 1 : 0.5) * 1000) / 1000,
        matched: [...matched.values()],
      };
    });
    return {
      query: options.query,
      hits,
      total: facets.total,
      totalCapped: facets.total >= TOTAL_CAP,
      facets: { sources: facets.sources, tags: facets.tags },
      expansions: [...alternatives.entries()].map(([word, alts]) => ({ word, alternatives: alts })),
      problems: q.problems,
      typoTolerance: this.vocabulary.ready ? 'ready' : 'building',
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}
