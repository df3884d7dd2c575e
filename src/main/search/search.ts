/**
 * Search over the project: FTS5 is the index of record (fast, persistent, in the project
 * file); the vocabulary adds typo tolerance by widening query words into corpus spellings,
 * whose matches rank below exact ones.
 */
import { performance } from 'node:perf_hooks';
import type { SearchHit, SearchResponse } from '../../shared/types';
import { titleKey, titleTells } from '../../shared/titles';
import type { Db } from '../store/project';
import { lastAtOrBefore } from '../../shared/sorted';
import type { ParsedQuery, Term } from './query';
import { parseQuery, toFts } from './query';
import { fold } from '../text/tokens';
import { Vocabulary } from './vocabulary';
import { yearRange } from '../ingest/dates';
import type { Shown } from './snippet';
import { parseMarked, readable, snippetOf } from './snippet';

/** Snippets are made in snippet.ts: the reader's view of a passage, with its matches. */
export { parseMarked, readable };

/** First and last year a source's EDTF date can mean (for `date:` filters). */
export { yearRange };

export interface SearchOptions {
  query: string;
  limit?: number;
  /** While typing: the last word, not yet followed by a space, also matches as a prefix. */
  typing?: boolean;
}

/** Facets and totals count at most this many matches, so a very common word stays fast. */
export const TOTAL_CAP = 5_000;

interface Row {
  passageId: number;
  sourceId: number;
  ordinal: number;
  start: number;
  pageLabel: string | null;
  title: string;
  marked: string;
  rank: number;
  /** The passage's kind and its source's (Markdown passages are shown without their markup). */
  kind: string;
  sourceKind: string;
}

/**
 * A passage as search shows it: its text without what the reader hides (Markdown markers,
 * link targets, note references), the matches that remain visible, and its place in the
 * ranking: apparatus after every other kind, footnotes at half weight, and a passage whose
 * only matches are hidden (a name in an image's URL, "22" in "[22]") last of all.
 */
interface Ranked {
  row: Row;
  shown: Shown;
  /** The first match as stored, for the hit's offsets into the source. */
  best: [number, number];
  group: number;
  score: number;
}

/** How much a match in a passage of each kind counts, beside prose (1). */
const KIND_WEIGHT: Record<string, number> = { footnote: 0.5 };
/** More rows than the page are read, so that apparatus that bm25 alone ranks high can be set after the prose below it. */
const OVERFETCH = 50;

function rank(row: Row): Ranked {
  const { text, hits } = parseMarked(row.marked);
  const shown = readable(text, hits, row.sourceKind === 'markdown');
  const group = hits.length && !shown.hits.length ? 2 : row.kind === 'apparatus' ? 1 : 0;
  return {
    row,
    shown,
    best: shown.kept[0] ?? hits[0] ?? [0, 0],
    group,
    score: -row.rank * (KIND_WEIGHT[row.kind] ?? 1),
  };
}

/** Rows of one tier in the order shown: by group, then by weighted bm25. */
function ranked(rows: Row[]): Ranked[] {
  return rows.map(rank).sort((a, b) => a.group - b.group || b.score - a.score);
}

/** Milliseconds since `started`, to a tenth. */
function tookMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/**
 * The spellings the hits matched for words as typed, once each: the form found most often
 * (then first) for each word typed and corpus word.
 */
function matchedOnce(hits: readonly SearchHit[]): SearchResponse['matched'] {
  const forms = new Map<string, Map<string, { typed: string; found: string; n: number }>>();
  for (const hit of hits) {
    for (const m of hit.matched) {
      const key = `${fold(m.typed)}\u0000${fold(m.found)}`;
      let seen = forms.get(key);
      if (!seen) forms.set(key, (seen = new Map()));
      const form = seen.get(m.found);
      if (form) form.n++;
      else seen.set(m.found, { ...m, n: 1 });
    }
  }
  return [...forms.values()].map((seen) => {
    const best = [...seen.values()].reduce((a, b) => (b.n > a.n ? b : a));
    return { typed: best.typed, found: best.found };
  });
}

/** Where notes and claims are indexed, and which of them count (not deleted, not rejected). */
function sideTable(kind: 'note' | 'claim') {
  return kind === 'note'
    ? { fts: 'annotation_fts', table: 'annotation', live: 'x.deleted_at IS NULL' }
    : { fts: 'claim_fts', table: 'claim', live: "x.status != 'rejected'" };
}

/**
 * A claim's quote as the reader's sidebar shows it: read within its passage, so that
 * markers around it count (a quote that starts inside `**` loses them, and keeps the bold);
 * as stored when no passage holds it whole.
 */
function claimShown(
  r: { start: number; end: number; sourceKind: string; passageStart: number | null; passageEnd: number | null; passageText: string | null },
  quote: string,
  hits: [number, number][],
): Shown {
  const markdown = r.sourceKind === 'markdown';
  const { passageStart: ps, passageText: text } = r;
  if (ps === null || text === null || r.end > (r.passageEnd ?? -1) || text.slice(r.start - ps, r.end - ps) !== quote)
    return readable(quote, hits, markdown);
  const offset = r.start - ps;
  return readable(
    text,
    hits.map(([s, e]) => [s + offset, e + offset]),
    markdown,
    offset,
    offset + quote.length,
  );
}

interface SourceInfo {
  id: number;
  title: string;
  date: string | null;
  tags: string[];
  /** Passage ids of a source are consecutive (written in one transaction): [lo, hi]. */
  lo: number;
  hi: number;
}

/** More allowed ranges than this and the filter is applied by a join instead. */
/** Up to this many rowid ranges go to SQLite as BETWEENs; more are tested by sb_allowed(). */
const MAX_RANGES = 8;

/** Whether `id` lies in one of the sorted, disjoint `ranges`. */
export function inRanges(ranges: readonly (readonly [number, number])[], id: number): boolean {
  const at = lastAtOrBefore(ranges, id, (r) => r[0]);
  return at >= 0 && id <= ranges[at]![1];
}

export class SearchIndex {
  readonly vocabulary: Vocabulary;
  private info: SourceInfo[] | null = null;
  private byId: Map<number, SourceInfo> | null = null;
  /** What tells each source that shares its title from the others (titles.ts), made when first needed. */
  private tellsCache: Map<number, string> | null = null;
  /** Titles and tags folded as queries are: made on the first filter, kept until the next write. */
  private folded: { title: string; tags: string[] }[] | null = null;
  /** The passage-id ranges sb_allowed() admits during the current query. */
  private allowedRanges: [number, number][] = [];
  /** The source ids sb_source_allowed() admits during the current query. */
  private allowedIds = new Set<number>();
  /** Per filter result (cached itself until the next write): its source ids and its merged passage-id ranges. */
  private readonly idSets = new WeakMap<SourceInfo[], Set<number>>();
  private readonly rangeSets = new WeakMap<SourceInfo[], [number, number][]>();
  /** Sources allowed per filter, kept until the next write: a filter stays the same while the words are typed. */
  private filterCache = new Map<string, SourceInfo[] | null>();

  constructor(private readonly db: Db) {
    this.vocabulary = new Vocabulary(db);
    // A filter over many sources: one binary search per match, instead of a join that
    // reads every matching passage's row.
    db.function('sb_allowed', { directOnly: true }, (id: unknown) => (inRanges(this.allowedRanges, Number(id)) ? 1 : 0));
    db.function('sb_source_allowed', { directOnly: true }, (id: unknown) => (this.allowedIds.has(Number(id)) ? 1 : 0));
  }

  /** Forget cached source facts; call after any write to sources, passages or tags. */
  invalidate(): void {
    this.info = null;
    this.byId = null;
    this.tellsCache = null;
    this.folded = null;
    this.filterCache.clear();
  }

  /** Titles, dates, tags and passage-id ranges of every source, cached until the next write. */
  private sources(): SourceInfo[] {
    if (this.info) return this.info;
    const tags = new Map<number, string[]>();
    for (const [id, name] of this.db.prepare('SELECT st.source_id, t.name FROM source_tag st JOIN tag t ON t.id = st.tag_id').raw().all() as [
      number,
      string,
    ][]) {
      const own = tags.get(id);
      if (own) own.push(name);
      else tags.set(id, [name]);
    }
    // A plain scan of the (small) source rows, sorted here: faster than walking an index.
    // Raw rows and plain objects: this runs before the first result of a session.
    const rows = this.db
      .prepare('SELECT id, title, date, first_passage, first_passage + passage_count - 1 FROM source WHERE passage_count > 0')
      .raw()
      .all() as [number, string, string | null, number, number][];
    const none: string[] = [];
    const info: SourceInfo[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [id, title, date, lo, hi] = rows[i]!;
      info[i] = { id, title, date, lo, hi, tags: tags.get(id) ?? none };
    }
    info.sort((a, b) => a.lo - b.lo);
    this.info = info;
    return info;
  }

  private source(id: number): SourceInfo | undefined {
    this.byId ??= new Map(this.sources().map((s) => [s.id, s]));
    return this.byId.get(id);
  }

  /** For each source whose title another has too, what tells it apart (host, file name, date, author, else its number). */
  private tells(): Map<number, string> {
    if (this.tellsCache) return this.tellsCache;
    const info = this.sources();
    const perTitle = new Map<string, number>();
    for (const s of info) perTitle.set(titleKey(s.title), (perTitle.get(titleKey(s.title)) ?? 0) + 1);
    const shared = info.filter((s) => perTitle.get(titleKey(s.title))! > 1).map((s) => s.id);
    const rows = shared.length
      ? (this.db
          .prepare('SELECT id, title, author, date, origin, file_name AS fileName FROM source WHERE id IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify(shared)) as Parameters<typeof titleTells>[0])
      : [];
    this.tellsCache = titleTells(rows);
    return this.tellsCache;
  }

  /** Sources allowed by the filters, or null when no filter restricts sources. */
  private allowedSources(q: ParsedQuery): SourceInfo[] | null {
    if (!q.sources.length && !q.tags.length && !q.dates) return null;
    const key = JSON.stringify([q.sources, q.tags, q.dates]);
    if (!this.filterCache.has(key)) {
      if (this.filterCache.size >= 32) this.filterCache.clear();
      this.filterCache.set(key, this.filterSources(q));
    }
    return this.filterCache.get(key)!;
  }

  private filterSources(q: ParsedQuery): SourceInfo[] {
    // `source:#12` is the source numbered 12 (the facets name a source so when another shares its title).
    const ids = new Set(q.sources.filter((v) => /^#\d+$/.test(v)).map((v) => Number(v.slice(1))));
    const titleWords = q.sources.filter((v) => !/^#\d+$/.test(v)).map((v) => fold(v).split(/\s+/).filter(Boolean));
    const tags = q.tags.map((t) => t.toLowerCase());
    const dates = q.dates;
    const info = this.sources();
    const folded = (this.folded ??= info.map((r) => ({ title: fold(r.title), tags: r.tags.map((t) => t.toLowerCase()) })));
    return info.filter((r, i) => {
      const f = folded[i]!;
      if (q.sources.length && !ids.has(r.id) && !titleWords.some((words) => words.every((w) => f.title.includes(w)))) return false;
      if (tags.length && !tags.every((t) => f.tags.includes(t))) return false;
      if (dates) {
        const years = yearRange(r.date);
        if (!years || years[1] < dates.from || years[0] > dates.to) return false;
      }
      return true;
    });
  }

  /**
   * The filter as a constraint on passage_fts rowids: the allowed sources' passage-id ranges
   * (adjacent ones merged). A few ranges go to SQLite as BETWEENs (one range FTS5 seeks
   * to itself); more are tested by sb_allowed(), a binary search over the ranges.
   */
  private rowidFilter(allowed: SourceInfo[] | null): string {
    if (!allowed) return '';
    let ranges = this.rangeSets.get(allowed);
    if (!ranges) {
      ranges = [];
      for (const s of allowed) {
        const last = ranges[ranges.length - 1];
        if (last && s.lo === last[1] + 1) last[1] = s.hi;
        else ranges.push([s.lo, s.hi]);
      }
      this.rangeSets.set(allowed, ranges);
    }
    if (ranges.length > MAX_RANGES) {
      this.allowedRanges = ranges;
      return ' AND sb_allowed(rowid)';
    }
    return ` AND (${ranges.map(([a, b]) => `rowid BETWEEN ${a} AND ${b}`).join(' OR ')})`;
  }

  /** Typo alternatives of each word of the query (not of phrases), with their edit distance. */
  private alternativesFor(q: ParsedQuery): Map<string, { term: string; edits: number }[]> {
    const out = new Map<string, { term: string; edits: number }[]>();
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

  /**
   * The FTS5 queries to run in turn until the page is full, most likely meaning first: the
   * words as typed; then words the corpus lacks replaced by spellings one edit away, the
   * words it has kept as typed; then those lacking words by every alternative; then every
   * word widened (Ezhov also finds Yezhov). A rare alternative of a known word would
   * otherwise outrank the passage the historian meant.
   */
  private tiers(q: ParsedQuery, exact: string, alternatives: Map<string, { term: string; edits: number }[]>): string[] {
    const pick = (keep: (token: string, edits: number) => boolean) => {
      const chosen = new Map<string, string[]>();
      for (const [token, alts] of alternatives) {
        const terms = alts.filter((a) => keep(token, a.edits)).map((a) => a.term);
        if (terms.length) chosen.set(token, terms);
      }
      return chosen.size ? toFts(q, chosen)! : exact;
    };
    const unknown = (token: string) => !this.vocabulary.has(token);
    const list = [exact, pick((t, edits) => unknown(t) && edits === 1), pick((t) => unknown(t)), pick(() => true)];
    return list.filter((m, i) => list.indexOf(m) === i);
  }

  private run(match: string, allowed: SourceInfo[] | null, limit: number, exclude: number[] = []): Row[] {
    const ranges = this.rowidFilter(allowed);
    const excluded = exclude.length ? ` AND rowid NOT IN (${exclude.map((n) => Math.trunc(n)).join(',')})` : '';
    // Ranked inside FTS5 (its ORDER BY rank LIMIT is fast), highlighted only for the page.
    return this.db
      .prepare(
        `SELECT m.rowid AS passageId, p.source_id AS sourceId, p.ordinal, p.start, p.page_label AS pageLabel, s.title, m.marked, m.rank, p.kind, s.kind AS sourceKind
         FROM (SELECT rowid, rank, highlight(passage_fts, 0, char(1), char(2)) AS marked
               FROM passage_fts WHERE passage_fts MATCH @match${ranges}${excluded}
               ORDER BY rank LIMIT @limit) m
         JOIN passage p ON p.id = m.rowid JOIN source s ON s.id = p.source_id
         ORDER BY m.rank`,
      )
      .all({ match, limit }) as Row[];
  }

  /**
   * What was found of each kind searched, and matches per source (every kind) and per tag,
   * each kind counted over at most TOTAL_CAP matches.
   */
  private facets(match: string, allowed: SourceInfo[] | null, kinds: SearchHit['kind'][]) {
    const starts = this.sources();
    const perSource = new Map<SourceInfo, number>();
    const count = (s: SourceInfo | undefined) => s && perSource.set(s, (perSource.get(s) ?? 0) + 1);
    const found: SearchResponse['found'] = [];
    for (const kind of kinds) {
      if (kind === 'passage') {
        // Passage ids map to sources through the sorted ranges, no join.
        const ids = this.db
          .prepare(`SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?${this.rowidFilter(allowed)} LIMIT ${TOTAL_CAP}`)
          .pluck()
          .all(match) as number[];
        for (const id of ids) {
          const at = lastAtOrBefore(starts, id, (s) => s.lo);
          if (at >= 0 && id <= starts[at]!.hi) count(starts[at]);
        }
        found.push({ kind, count: ids.length, capped: ids.length >= TOTAL_CAP });
      } else {
        const t = sideTable(kind);
        this.allow(allowed);
        const sourceIds = this.db
          .prepare(
            `SELECT x.source_id FROM ${t.fts} f JOIN ${t.table} x ON x.id = f.rowid
             WHERE ${t.fts} MATCH ? AND ${t.live} ${allowed ? 'AND sb_source_allowed(x.source_id)' : ''} LIMIT ${TOTAL_CAP}`,
          )
          .pluck()
          .all(match) as number[];
        for (const id of sourceIds) count(this.source(id));
        found.push({ kind, count: sourceIds.length, capped: sourceIds.length >= TOTAL_CAP });
      }
    }
    const tells = perSource.size ? this.tells() : new Map<number, string>();
    const sources = [...perSource.entries()]
      .map(([source, count]) => {
        const tell = tells.get(source.id);
        return { id: source.id, title: source.title, count, ...(tell ? { tell } : {}) };
      })
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title) || a.id - b.id);
    const tags = new Map<string, number>();
    for (const [source, count] of perSource) for (const t of source.tags) tags.set(t, (tags.get(t) ?? 0) + count);
    return {
      found,
      sources,
      tags: [...tags.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    };
  }

  /** The source ids sb_source_allowed() admits in the next query. */
  private allow(allowed: SourceInfo[] | null): void {
    if (!allowed) return;
    let ids = this.idSets.get(allowed);
    if (!ids) this.idSets.set(allowed, (ids = new Set(allowed.map((a) => a.id))));
    this.allowedIds = ids;
  }

  /**
   * Notes (annotation bodies) or claims (quote and event) matching the query, each from its
   * own FTS5 table; deleted notes and rejected claims are left out.
   */
  private sideHits(kind: 'note' | 'claim', match: string, allowed: SourceInfo[] | null, limit: number): SearchHit[] {
    const t = sideTable(kind);
    this.allow(allowed);
    const rows = this.db
      .prepare(
        `SELECT x.id, x.source_id AS sourceId, x.start, x."end", s.title, s.kind AS sourceKind,
                highlight(${t.fts}, 0, char(1), char(2)) AS marked, f.rank AS rank,
                p.ordinal, p.start AS passageStart, p."end" AS passageEnd, p.text AS passageText
         FROM ${t.fts} f JOIN ${t.table} x ON x.id = f.rowid JOIN source s ON s.id = x.source_id
         LEFT JOIN passage p ON p.id = (SELECT id FROM passage WHERE source_id = x.source_id AND start <= x.start ORDER BY start DESC LIMIT 1)
         WHERE ${t.fts} MATCH @match AND ${t.live}
           ${allowed ? 'AND sb_source_allowed(x.source_id)' : ''}
         ORDER BY f.rank LIMIT @limit`,
      )
      .all({ match, limit }) as {
      id: number;
      sourceId: number;
      start: number;
      end: number;
      title: string;
      sourceKind: string;
      marked: string;
      rank: number;
      ordinal: number | null;
      passageStart: number | null;
      passageEnd: number | null;
      passageText: string | null;
    }[];
    return rows.map((r) => {
      const { text, hits } = parseMarked(r.marked);
      const { snippet, highlights, styles } = snippetOf(kind === 'note' ? { text, hits, styles: [] } : claimShown(r, text, hits));
      return {
        kind,
        ...(kind === 'note' ? { annotationId: r.id } : { claimId: r.id }),
        sourceId: r.sourceId,
        sourceTitle: r.title,
        passageId: 0,
        ordinal: r.ordinal ?? 0,
        start: r.start,
        end: r.end,
        snippet,
        highlights,
        styles,
        score: Math.round(-r.rank * 1000) / 1000,
        matched: [],
      };
    });
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
      found: searched.map((kind) => ({ kind, count: 0, capped: false })),
      facets: { sources: [], tags: [] },
      matched: [],
      expansions: [],
      problems,
      typoTolerance: this.vocabulary.ready ? 'ready' : 'building',
      tookMs: tookMs(started),
    });
    const wantSources = !q.kinds.length || q.kinds.includes('sources');
    const wantNotes = !q.kinds.length || q.kinds.includes('notes');
    const wantClaims = q.kinds.includes('claims');
    const searched: SearchHit['kind'][] = [
      ...(wantSources ? ['passage' as const] : []),
      ...(wantNotes ? ['note' as const] : []),
      ...(wantClaims ? ['claim' as const] : []),
    ];
    if (options.typing && !/\s$/.test(options.query)) {
      // The word being typed also matches as a prefix (3+ letters).
      const last = q.groups[q.groups.length - 1];
      const term = last?.[last.length - 1];
      if (term && term.kind === 'word' && term.tokens[0]!.length >= 3) (term as Term).kind = 'prefix';
    }
    const exact = toFts(q);
    if (!exact) return empty(q.problems.length ? q.problems : ['Type a word to search for']);
    const alternatives = this.alternativesFor(q);
    const tiers = this.tiers(q, exact, alternatives);
    const widened = tiers[tiers.length - 1]!;
    const allowed = this.allowedSources(q);
    if (allowed && allowed.length === 0) return empty([...q.problems, 'No source matches the filters']);

    // The historian's own notes first; then passages, exact matches before typo-tolerant ones.
    const noteHits = [
      ...(wantNotes ? this.sideHits('note', widened, allowed, Math.min(limit, 20)) : []),
      ...(wantClaims ? this.sideHits('claim', widened, allowed, limit) : []),
    ];
    const rows = wantSources ? ranked(this.run(exact, allowed, limit + OVERFETCH)).slice(0, limit) : [];
    const exactCount = rows.length;
    for (const tier of tiers.slice(1)) {
      if (!wantSources || rows.length >= limit) break;
      rows.push(
        ...ranked(
          this.run(
            tier,
            allowed,
            limit - rows.length + OVERFETCH,
            rows.map((r) => r.row.passageId),
          ),
        ).slice(0, limit - rows.length),
      );
    }
    const facets = this.facets(widened, allowed, searched);

    const altOf = new Map<string, string>();
    for (const group of q.groups) for (const t of group) for (const a of alternatives.get(t.tokens[0]!) ?? []) altOf.set(a.term, t.raw);
    const passageHits: SearchHit[] = rows.map((ranked, i) => {
      const { row: r, shown, best } = ranked;
      const { text, hits: marks } = shown;
      const { snippet, highlights, styles } = snippetOf(shown);
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
        ...(r.pageLabel !== null ? { pageLabel: r.pageLabel } : {}),
        start: r.start + best[0],
        end: r.start + best[1],
        snippet,
        highlights,
        styles,
        // bm25 rank is negative, lower is better; typo-tolerant matches score half, kinds weigh as ranked.
        score: Math.round(ranked.score * (ranked.group ? 0.1 ** ranked.group : 1) * (i < exactCount ? 1 : 0.5) * 1000) / 1000,
        matched: [...matched.values()],
      };
    });
    return {
      query: options.query,
      hits: [...noteHits, ...passageHits],
      total: facets.found.reduce((n, f) => n + f.count, 0),
      totalCapped: facets.found.some((f) => f.capped),
      found: facets.found,
      facets: { sources: facets.sources, tags: facets.tags },
      matched: matchedOnce(passageHits),
      expansions: [...alternatives.entries()].map(([word, alts]) => ({ word, alternatives: alts.map((a) => a.term) })),
      problems: q.problems,
      typoTolerance: this.vocabulary.ready ? 'ready' : 'building',
      tookMs: tookMs(started),
    };
  }
}
