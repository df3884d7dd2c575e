/**
 * The part of an import that needs no lock and no database: read a file, parse it, find
 * its claims and the words it may add to the typo vocabulary. Runs in a worker thread
 * (worker.ts) or, where workers are off, in the calling thread: the same code either way.
 */
import { passagePrints } from '../reuse/prints';
import fs from 'node:fs';
import { ApiError } from '../../shared/errors';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../shared/limits';
import type { Claim } from '../claims/extract';
import { extractClaims } from '../claims/extract';
import type { ParsedSource } from '../ingest';
import { formatOf, readSource, unsupportedFormat } from '../ingest';
import { readImageSource } from '../ingest/image';
import { tokenize } from '../search/query';
import { MIN_TERM } from '../search/vocabulary';

/** A file read and parsed, with its claims, ready to be written. */
export interface Prepared extends ParsedSource {
  claims: Claim[];
  /** Each passage's reuse fingerprints (src/main/reuse/prints.ts), made here rather than in the thread that writes. */
  prints?: string[];
}

/** One file to import: read from disk (`file`) or given as bytes; `label` names it in outcomes. */
export type PrepareTask =
  | { label: string; file: string }
  | { label: string; bytes: Uint8Array }
  /** Page images read as one source (a folder of photographs of one document), in file-name order. */
  | { label: string; images: ({ name: string; file: string } | { name: string; bytes: Uint8Array })[] };

export type PrepareResult =
  | {
      ok: true;
      prepared: Prepared;
      /** The distinct words of its passages that the typo vocabulary may learn (long enough to count). */
      terms: string[];
      /** A problem for the log (the claims could not be read), when there was one. */
      logged?: string;
    }
  | { ok: false; error: { code: string; message: string } };

/** Reads the file's bytes, refusing a kind Sourcebench does not read or a file over the limit. */
function readBytes(file: string, label: string): Uint8Array {
  if (!formatOf(file)) throw unsupportedFormat(label);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    throw new ApiError('read_failed', `${label} could not be read: ${(err as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) throw new ApiError('too_large', tooLargeMessage(label, size));
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new ApiError('read_failed', `${label} could not be read: ${(err as Error).message}`);
  }
}

/** The distinct tokens of a source's passages long enough for the typo vocabulary. */
export function vocabularyTerms(prepared: ParsedSource): string[] {
  const { text, passages } = prepared.source;
  const seen = new Set<string>();
  for (const p of passages) for (const t of tokenize(text.slice(p.start, p.end))) if (t.length >= MIN_TERM) seen.add(t);
  return [...seen];
}

/** Reads, parses and extracts claims; a file's failure is data naming the file, never a throw. */
export async function prepare(task: PrepareTask): Promise<PrepareResult> {
  try {
    const parsed =
      'images' in task
        ? await readImageSource(
            task.label,
            task.images.map((i) => ({ name: i.name, bytes: 'file' in i ? readBytes(i.file, i.name) : i.bytes })),
          )
        : await readSource(task.label, 'file' in task ? readBytes(task.file, task.label) : task.bytes);
    let claims: Claim[] = [];
    let logged: string | undefined;
    try {
      claims = extractClaims(parsed.source.text);
    } catch (err) {
      // A source is imported even when its claims cannot be read.
      parsed.warnings.push(`its numeric claims could not be read (${(err as Error).message}); the text was imported without them`);
      logged = `${task.label}: claim extraction failed: ${(err as Error).message}`;
    }
    const prepared: Prepared = { ...parsed, claims, prints: passagePrints(parsed.source.text, parsed.source.passages) };
    return { ok: true, prepared, terms: vocabularyTerms(prepared), ...(logged ? { logged } : {}) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toJSON() };
    return { ok: false, error: { code: 'read_failed', message: `${task.label} could not be imported: ${(err as Error)?.message ?? String(err)}` } };
  }
}

/** The answer for a file of a cancelled run that no worker began (pool.ts). */
export function cancelledResult(task: PrepareTask): PrepareResult {
  return { ok: false, error: { code: 'cancelled', message: `${task.label} was not imported: the import was cancelled` } };
}
