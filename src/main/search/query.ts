/**
 * The search query language:
 *   words            all must match (ranked by relevance)
 *   a OR b           either
 *   "exact phrase"   the words in this order
 *   -word, -"a b"    must not match
 *   word*            prefix (3+ letters)
 *   source:"title words"  tag:name  in:sources|notes|claims  date:1936..1938
 * Case and diacritics are folded as the index folds them (unicode61, remove_diacritics 2).
 */

import { tokenize } from '../text/tokens';

/** Words as the index folds and splits them (text/tokens.ts), part of the query language's vocabulary. */
export { editDistance, fold, tokenize } from '../text/tokens';

export type TermKind = 'word' | 'prefix' | 'phrase';

export interface Term {
  kind: TermKind;
  /** As typed, for messages and hints. */
  raw: string;
  /** Folded tokens, as the index stores them. */
  tokens: string[];
}

export type SearchKind = 'sources' | 'notes' | 'claims';

export interface ParsedQuery {
  /** All groups must match; within a group, any term. */
  groups: Term[][];
  excluded: Term[];
  sources: string[];
  tags: string[];
  kinds: SearchKind[];
  dates: { from: number; to: number } | null;
  problems: string[];
}

const TOKEN = /\s*(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S+))/giy;
const FIELDS = new Set(['source', 'tag', 'in', 'date']);

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { groups: [], excluded: [], sources: [], tags: [], kinds: [], dates: null, problems: [] };
  let joinNext = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(input); m; m = TOKEN.exec(input)) {
    if (m[0].trim() === '') break;
    const [, minus, fieldRaw, quoted, bare] = m;
    const field = fieldRaw?.toLowerCase();
    if (field && FIELDS.has(field)) {
      const value = (quoted ?? bare ?? '').trim();
      if (!value) {
        q.problems.push(`${field}: needs a value`);
        continue;
      }
      if (field === 'source') q.sources.push(value);
      else if (field === 'tag') q.tags.push(value);
      else if (field === 'in') {
        const kind = value.toLowerCase();
        if (kind === 'sources' || kind === 'notes' || kind === 'claims') q.kinds.push(kind);
        else q.problems.push(`in:${value} is not a kind of result (in:sources, in:notes or in:claims)`);
      } else {
        const d = /^(-?\d{1,4})(?:\.\.(-?\d{1,4})?)?$/.exec(value) ?? /^\.\.(-?\d{1,4})$/.exec(value);
        if (!d) q.problems.push(`date:${value} is not a year or a range of years (date:1937 or date:1936..1938)`);
        else if (value.startsWith('..')) q.dates = { from: -9999, to: Number(d[1]) };
        else q.dates = { from: Number(d[1]), to: value.includes('..') ? (d[2] ? Number(d[2]) : 9999) : Number(d[1]) };
      }
      continue;
    }
    const text = quoted !== undefined ? quoted : `${fieldRaw ? `${fieldRaw}:` : ''}${bare}`;
    if (quoted === undefined && !minus && text === 'OR') {
      joinNext = q.groups.length > 0;
      continue;
    }
    let term: Term | null;
    if (quoted !== undefined) {
      const tokens = tokenize(text);
      term = tokens.length ? { kind: 'phrase', raw: `"${text}"`, tokens } : null;
    } else if (text.endsWith('*')) {
      const tokens = tokenize(text.slice(0, -1));
      const last = tokens[tokens.length - 1] ?? '';
      if (tokens.length === 1 && last.length >= 3) term = { kind: 'prefix', raw: text, tokens };
      else {
        q.problems.push(`${text}: a prefix search needs at least 3 letters before the *`);
        term = null;
      }
    } else {
      const tokens = tokenize(text);
      // "NKVD's" is two tokens in the index: search it as a phrase.
      term = tokens.length === 0 ? null : { kind: tokens.length === 1 ? 'word' : 'phrase', raw: text, tokens };
    }
    if (!term) {
      joinNext = false;
      continue;
    }
    if (minus) q.excluded.push(term);
    else if (joinNext) q.groups[q.groups.length - 1]!.push(term);
    else q.groups.push([term]);
    joinNext = false;
  }
  return q;
}

/** How many edits a word's alternatives may be away (src/shared/words.ts). */
export { typoDistance } from '../../shared/words';

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/** One term as FTS5 syntax, with typo alternatives for plain words. */
export function termToFts(term: Term, alternatives: ReadonlyMap<string, string[]> = new Map()): string {
  if (term.kind === 'phrase') return quote(term.tokens.join(' '));
  const token = term.tokens[0]!;
  const own = term.kind === 'prefix' ? `${quote(token)}*` : quote(token);
  const alts = alternatives.get(token) ?? [];
  return alts.length ? `(${[own, ...alts.map(quote)].join(' OR ')})` : own;
}

/** The FTS5 MATCH expression for a parsed query; null when nothing positive is asked for. */
export function toFts(q: ParsedQuery, alternatives?: ReadonlyMap<string, string[]>): string | null {
  if (!q.groups.length) return null;
  const groups = q.groups.map((g) =>
    g.length === 1 ? termToFts(g[0]!, alternatives) : `(${g.map((t) => termToFts(t, alternatives)).join(' OR ')})`,
  );
  let expr = groups.join(' AND ');
  if (q.excluded.length) expr = `(${expr}) NOT (${q.excluded.map((t) => termToFts(t)).join(' OR ')})`;
  return expr;
}
