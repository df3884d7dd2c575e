/**
 * Reads a project's typo vocabulary (the FTS5 index's distinct terms and how many passages
 * have each) in a worker thread, on its own read-only connection, and sends it in chunks.
 * fts5vocab counts a term's passages by walking its doclists, so reading the vocabulary of
 * a large project costs seconds of CPU (1.2 s for 10,000 sources): in the main thread it
 * held the window's first requests that long. Built as out/main/vocabulary-worker.js.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { MIN_TERM } from '../../shared/words';

export interface VocabularyTask {
  file: string;
  nativeBinding?: string;
  chunk: number;
}

export type VocabularyMessage = { terms: string[]; docs: number[] } | { done: true } | { error: string };

const port = parentPort;
if (!port) throw new Error('the vocabulary reader runs only as a worker thread');
const task = workerData as VocabularyTask;

try {
  const db = new Database(task.file, { readonly: true, fileMustExist: true, nativeBinding: task.nativeBinding });
  try {
    let terms: string[] = [];
    let docs: number[] = [];
    for (const [term, doc] of db.prepare('SELECT term, doc FROM passage_vocab').raw().iterate() as Iterable<[string, number]>) {
      if (term.length < MIN_TERM) continue;
      terms.push(term);
      docs.push(doc);
      if (terms.length === task.chunk) {
        port.postMessage({ terms, docs } satisfies VocabularyMessage);
        terms = [];
        docs = [];
      }
    }
    if (terms.length) port.postMessage({ terms, docs } satisfies VocabularyMessage);
    port.postMessage({ done: true } satisfies VocabularyMessage);
  } finally {
    db.close();
  }
} catch (err) {
  port.postMessage({ error: (err as Error)?.message ?? String(err) } satisfies VocabularyMessage);
}
