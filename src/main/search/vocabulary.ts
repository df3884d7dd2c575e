/**
 * Typo tolerance: MiniSearch's radix tree (SearchableMap) over the corpus vocabulary — the
 * distinct terms of the FTS5 index, read from fts5vocab — so that a misspelled query word
 * can be expanded into the spellings the corpus really has, within one or two edits.
 * The tree holds terms, not passages: about 120k at 100k passages, 410k at 1M.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Db } from '../store/project';
import { tokenize, typoDistance } from './query';

const CHUNK = 20_000;
/** The most alternatives one query word expands into (closest and most frequent first). */
export const MAX_ALTERNATIVES = 12;

export class Vocabulary {
  private readonly terms = new SearchableMap<number>();
  private building: Promise<void> | null = null;
  private complete = false;

  constructor(private readonly db: Db) {}

  get ready(): boolean {
    return this.complete;
  }

  get size(): number {
    return this.terms.size;
  }

  /**
   * Reads the vocabulary in chunks, yielding between them so that the app stays responsive
   * while a large project opens. Keyset pagination, not an open iterator: other queries may
   * run on the connection between chunks.
   */
  build(): Promise<void> {
    this.building ??= (async () => {
      const page = this.db.prepare<[string], { term: string; doc: number }>(
        'SELECT term, doc FROM passage_vocab WHERE term > ? ORDER BY term LIMIT ' + CHUNK,
      );
      let after = '';
      for (;;) {
        const rows = page.all(after);
        for (const r of rows) this.terms.set(r.term, r.doc);
        if (rows.length < CHUNK) break;
        after = rows[rows.length - 1]!.term;
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.complete = true;
    })();
    return this.building;
  }

  /** Adds the terms of newly imported text (counts are approximate until the next open). */
  add(texts: Iterable<string>): void {
    for (const text of texts) {
      for (const token of tokenize(text)) this.terms.set(token, (this.terms.get(token) ?? 0) + 1);
    }
  }

  /** Corpus spellings within the typo distance of a folded word, closest and most frequent first. */
  alternatives(token: string): string[] {
    const distance = typoDistance(token);
    if (!distance || !this.complete) return [];
    const found: [string, number, number][] = [];
    for (const [term, [docs, edits]] of this.terms.fuzzyGet(token, distance)) {
      if (term !== token && !/\d/.test(term)) found.push([term, edits, docs]);
    }
    found.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0].localeCompare(b[0]));
    return found.slice(0, MAX_ALTERNATIVES).map(([term]) => term);
  }
}
