/**
 * Typo tolerance: MiniSearch's radix tree (SearchableMap) over the corpus vocabulary — the
 * distinct terms of the FTS5 index, read from fts5vocab — so that a misspelled query word
 * can be expanded into the spellings the corpus really has, within one or two edits.
 * The tree holds terms, not passages: about 120k at 100k passages, 410k at 1M.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Db } from '../store/project';
import { editDistance, tokenize } from '../text/tokens';
import { MIN_TERM, typoEdits } from '../../shared/words';
import { Worker } from 'node:worker_threads';
import { workerSource } from '../threads';
import type { VocabularyMessage, VocabularyTask } from './vocabulary-worker';

const CHUNK = 20_000;
/**
 * From this many passages the vocabulary is read in a worker thread. Reading it costs about
 * 7 µs a passage (1.2 s for 170,000); below this, about 70 ms in chunks here is cheaper than
 * starting a thread (and every small test project would start one).
 */
const THREAD_FROM = 10_000;
/** Terms a worker's message carries, added in one turn of this thread's event loop. */
const SLICE = 500;
/** The most alternatives one query word expands into (closest and most frequent first). */
export const MAX_ALTERNATIVES = 12;
const CACHE_SIZE = 500;
/** Shorter terms are never an alternative (src/shared/words.ts); leaving out the short words (most of a text's tokens) makes imports and the tree cheaper. */
export { MIN_TERM };

export class Vocabulary {
  private readonly terms = new SearchableMap<number>();
  /** Membership test for imports: a Set answers it far faster than the radix tree. */
  private readonly known = new Set<string>();
  private building: Promise<void> | null = null;
  /** Recent lookups: while a query is typed, the same words are looked up at every keystroke. */
  private readonly cache = new Map<string, { term: string; edits: number }[]>();
  private complete = false;

  constructor(private readonly db: Db) {}

  get ready(): boolean {
    return this.complete;
  }

  get size(): number {
    return this.terms.size;
  }

  /**
   * Loads the vocabulary in the background. From a large project file it is read in a worker
   * thread (vocabulary-worker.ts), so the main thread only adds the terms it is sent; a small
   * project, an in-memory database, or a build where no worker can start, is read here in
   * chunks, yielding between them.
   */
  build(options: { nativeBinding?: string; inThread?: boolean; threadFrom?: number } = {}): Promise<void> {
    this.building ??= (async () => {
      // Let the caller finish (opening a project, answering a first query) before reading.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopped) return;
      const source =
        this.db.memory || options.inThread || this.passages() < (options.threadFrom ?? THREAD_FROM)
          ? null
          : workerSource(import.meta.url, 'vocabulary-worker.js', 'vocabulary-worker.ts', 'SOURCEBENCH_VOCABULARY_WORKER');
      if (source) await this.readInWorker(source, options.nativeBinding);
      else await this.readHere();
      this.complete = !this.stopped;
    })();
    return this.building;
  }

  private stopReading: (() => void) | null = null;
  private stopped = false;

  /** Stops a read in progress or about to begin (the project is closing). */
  stop(): void {
    this.stopped = true;
    this.stopReading?.();
  }

  /** About how many passages the project has (the last rowid: no count of the table). */
  private passages(): number {
    return this.db.prepare<[], { n: number | null }>('SELECT max(rowid) AS n FROM passage').get()?.n ?? 0;
  }

  private take(term: string, doc: number): void {
    this.terms.set(term, doc);
    this.known.add(term);
  }

  private readInWorker(source: NonNullable<ReturnType<typeof workerSource>>, nativeBinding?: string): Promise<void> {
    const task: VocabularyTask = { file: this.db.name, nativeBinding, chunk: SLICE };
    return new Promise((resolve, reject) => {
      const worker = new Worker(source.file, { eval: source.eval ?? false, workerData: task });
      // Adding terms to the tree is this thread's part (about 0.9 s for 81,000 terms under
      // load, measured): the messages wait in a queue and are added one slice per turn of
      // the event loop, so that a request arriving meanwhile waits for one slice at most
      // (a port delivers the messages it holds in one go).
      const queue: { terms: string[]; docs: number[] }[] = [];
      let done = false;
      let draining = false;
      let settled = false;
      const end = (err?: Error) => {
        if (settled) return;
        settled = true;
        this.stopReading = null;
        void worker.terminate();
        if (err) reject(err);
        else resolve();
      };
      const drain = () => {
        if (settled) return;
        const m = queue.shift();
        if (m) {
          for (let i = 0; i < m.terms.length; i++) this.take(m.terms[i]!, m.docs[i]!);
          setImmediate(drain);
          return;
        }
        draining = false;
        if (done) end();
      };
      worker.on('message', (m: VocabularyMessage) => {
        if ('error' in m) return end(new Error(m.error));
        if ('done' in m) done = true;
        else queue.push(m);
        if (!draining) {
          draining = true;
          setImmediate(drain);
        }
      });
      // Closing the project stops the read: the vocabulary is left incomplete, as it is then unused.
      this.stopReading = () => end();
      worker.on('error', (err) => end(err));
      worker.on('exit', (code) => {
        if (!done) end(new Error(`the vocabulary reader exited (code ${code})`));
      });
    });
  }

  /** Keyset pagination, not an open iterator: other queries may run on the connection between chunks. */
  private async readHere(): Promise<void> {
    const page = this.db.prepare<[string], { term: string; doc: number }>(
      'SELECT term, doc FROM passage_vocab WHERE term > ? ORDER BY term LIMIT ' + CHUNK,
    );
    let after = '';
    while (!this.stopped) {
      const rows = page.all(after);
      for (const r of rows) if (r.term.length >= MIN_TERM) this.take(r.term, r.doc);
      if (rows.length < CHUNK) break;
      after = rows[rows.length - 1]!.term;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Adds the terms of newly imported text; a new term counts one passage until the next open. */
  add(texts: Iterable<string>): void {
    let added = false;
    // One Set lookup per token: most words of a new text are known already.
    for (const text of texts) {
      for (const token of tokenize(text)) {
        if (token.length < MIN_TERM || this.known.has(token)) continue;
        this.known.add(token);
        this.terms.set(token, 1);
        added = true;
      }
    }
    if (added) this.cache.clear();
  }

  /**
   * Adds words already tokenized and filtered by length (an import's workers do that part):
   * only a Set lookup each here.
   */
  addTerms(terms: Iterable<string>): void {
    let added = false;
    for (const token of terms) {
      if (this.known.has(token)) continue;
      this.known.add(token);
      this.terms.set(token, 1);
      added = true;
    }
    if (added) this.cache.clear();
  }

  /** Whether the corpus has this folded word. */
  has(token: string): boolean {
    return this.known.has(token);
  }

  /** Corpus spellings within the typo distance of a folded word, closest and most frequent first, with their edit distance (1 or 2). */
  alternatives(token: string): { term: string; edits: number }[] {
    // A word the corpus has is spelled right: its variants one edit away are enough
    // (Ezhov, Yezhov). Two edits, for swapped letters, are for words the corpus lacks.
    const distance = typoEdits(token, this.known.has(token));
    if (!distance || !this.complete) return [];
    const cached = this.cache.get(token);
    if (cached) return cached;
    const found: [string, number, number][] = [];
    for (const [term, [docs, edits]] of this.terms.fuzzyGet(token, distance)) {
      if (term === token || /\d/.test(term)) continue;
      // A swap of neighbouring letters is one slip of the keyboard, not two.
      found.push([term, edits < 2 ? edits : editDistance(token, term), docs]);
    }
    if (distance === 1) {
      for (let i = 0; i + 1 < token.length; i++) {
        if (token[i] === token[i + 1]) continue;
        const swapped = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
        const docs = this.terms.get(swapped);
        if (docs !== undefined && !/\d/.test(swapped)) found.push([swapped, 1, docs]);
      }
    }
    found.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0].localeCompare(b[0]));
    const result = found.slice(0, MAX_ALTERNATIVES).map(([term, edits]) => ({ term, edits }));
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(token, result);
    return result;
  }
}
