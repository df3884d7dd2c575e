/**
 * The one import pipeline, whatever starts it (the app's file and folder imports, browser
 * mode, the CLI, the benchmark):
 *
 *   list → prepare (read, parse, claims: outside any transaction, in the worker pool)
 *        → write in batches (many files per transaction, one sync to disk per batch,
 *          the write lock held only while writing) → publish (search and vocabulary learn
 *          the new texts) → report progress.
 *
 * Files are prepared ahead of the writer, a bounded number at a time, and written in the
 * order they were listed. Progress is reported as events after every batch (and as the
 * file being read changes). Cancelling stops before the next write: every file already
 * reported is in the project, the ones after it (the one being read included) are not,
 * and nothing is ever half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../shared/types';
import { isImageFile } from '../../shared/formats';
import { formatOf } from '../ingest';
import type { Prepared, PrepareResult, PrepareTask } from './prepare';

/** A batch is written when it holds this much text, … */
export const BATCH_BYTES = 32 * 1024 * 1024;
/** … or when its first file was ready this long ago, … */
export const BATCH_MS = 1000;
/** … or when it holds this many files. */
export const BATCH_FILES = 5000;
/**
 * Files read ahead of the writer, at most, … (while a batch is written the workers go on
 * reading: with 32 ahead they stood idle for most of each write of small files)
 */
const AHEAD_FILES = 1024;
/** … and bytes of text read and not yet written, at most (what the read-ahead may hold in memory). */
const AHEAD_BYTES = 64 * 1024 * 1024;
/** The file being read is reported at most this often between batches. */
const CURRENT_EVERY_MS = 100;

/** A file ready to write: its outcome's name, what was prepared, the vocabulary words it brings. */
export interface Ready {
  fileName: string;
  prepared: Prepared;
  terms: string[];
}

/** Where a batch goes: the workbench writes it in one transaction and publishes it. */
export interface ImportSink {
  /**
   * Writes the files in one transaction, each in its own savepoint (a file that fails adds
   * nothing, the others are kept); returns their outcomes in order. Throws when the batch
   * could not be committed at all (nothing of it was kept).
   */
  commit(batch: Ready[]): ImportOutcome[];
  /** An outcome for every file of a batch that could not commit; `stop` when the files after it would fail the same way. */
  failed(err: unknown, fileName: string): { outcome: ImportOutcome; stop: boolean };
}

export interface ImportProgressEvent {
  total: number;
  /** Files with an outcome (in the project, already there, or failed). */
  done: number;
  imported: number;
  duplicates: number;
  failed: number;
  /** Bytes of the files read and done. */
  bytes: number;
  /** Passages of the files imported. */
  passages: number;
  /** Transactions committed. */
  batches: number;
  /** The file being read or waited for, when one is. */
  current: string | null;
  /** The outcomes since the previous event, in list order. */
  results: ImportOutcome[];
  /** Set on the last event. */
  finished?: 'done' | 'cancelled';
}

export interface ImportOptions {
  prepare: (task: PrepareTask) => Promise<PrepareResult>;
  sink: ImportSink;
  onProgress?: (event: ImportProgressEvent) => void;
  signal?: AbortSignal;
  /** Batch limits (tests make them small). */
  batchFiles?: number;
  batchBytes?: number;
  batchMs?: number;
  /** How many files may be prepared ahead of the writer, … */
  ahead?: number;
  /** … and how many bytes of prepared text they may hold. */
  aheadBytes?: number;
}

/** The bytes a task brings: its own, or its file's size (0 when it cannot be read: it fails alone). */
function sizeOfTask(task: PrepareTask): number {
  if ('images' in task) return task.images.reduce((n, i) => n + sizeOfTask({ label: i.name, ...i }), 0);
  if ('bytes' in task) return task.bytes.byteLength;
  try {
    return fs.statSync(task.file).size;
  } catch {
    return 0;
  }
}

/** Every file below a folder, hidden ones skipped, in name order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export interface Listed {
  tasks: PrepareTask[];
  /** Targets that do not exist, as outcomes. */
  missing: ImportOutcome[];
  /** Files inside folders that Sourcebench does not read, left out (only with `skipUnsupported`). */
  skipped: string[];
}

/**
 * The files of files and folders, in order. A folder's files are named relative to the
 * folder's parent (`letters/1901.txt`), or to the folder itself with `relativeToFolder`.
 */
export function listTargets(targets: readonly string[], options: { relativeToFolder?: boolean; skipUnsupported?: boolean } = {}): Listed {
  const listed: Listed = { tasks: [], missing: [], skipped: [] };
  for (const target of targets) {
    const resolved = path.resolve(target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(resolved);
    } catch {
      listed.missing.push({ fileName: target, status: 'failed', error: { code: 'not_found', message: `${target}: no such file or folder` } });
      continue;
    }
    if (!stat.isDirectory()) {
      listed.tasks.push({ file: resolved, label: path.basename(resolved) });
      continue;
    }
    const base = options.relativeToFolder ? resolved : path.dirname(resolved);
    // The page images of one folder are one source: its pages, in file-name order.
    const folders = new Map<string, Extract<PrepareTask, { images: unknown }>>();
    for (const file of listFiles(resolved)) {
      const label = path.relative(base, file);
      if (isImageFile(file)) {
        const folder = path.dirname(file);
        let task = folders.get(folder);
        if (!task) {
          task = { label: path.relative(base, folder) || path.basename(folder), images: [] };
          folders.set(folder, task);
          listed.tasks.push(task);
        }
        task.images.push({ name: path.basename(file), file });
      } else if (options.skipUnsupported && !formatOf(file)) listed.skipped.push(label);
      else listed.tasks.push({ file, label });
    }
  }
  return listed;
}

/**
 * Runs the pipeline over the tasks; resolves with every outcome reported (fewer than the
 * tasks when cancelled) once the last batch is written.
 */
export async function runImport(tasks: readonly PrepareTask[], options: ImportOptions): Promise<{ outcomes: ImportOutcome[]; cancelled: boolean }> {
  const batchFiles = options.batchFiles ?? BATCH_FILES;
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  const batchMs = options.batchMs ?? BATCH_MS;
  const ahead = Math.max(1, options.ahead ?? AHEAD_FILES);
  const aheadBytes = Math.max(1, options.aheadBytes ?? AHEAD_BYTES);
  const outcomes: ImportOutcome[] = [];
  const counts = { total: tasks.length, done: 0, imported: 0, duplicates: 0, failed: 0, bytes: 0, passages: 0, batches: 0 };
  let current: string | null = tasks[0]?.label ?? null;
  let lastCurrent = 0;
  const emit = (results: ImportOutcome[], finished?: 'done' | 'cancelled') =>
    options.onProgress?.({ ...counts, current: finished ? null : current, results, ...(finished ? { finished } : {}) });

  // Files are prepared ahead of the writer, in list order: a bounded number at a time, and
  // no more once the text read and not yet written reaches its bound.
  // A file's size stands for what it will hold once read (its text is seldom larger).
  const inFlight = new Map<number, Promise<PrepareResult>>();
  const estimate = new Map<number, number>();
  let dispatched = 0;
  let held = 0;
  const fill = () => {
    while (dispatched < tasks.length && inFlight.size < ahead && (held < aheadBytes || (inFlight.size === 0 && !pending.length))) {
      const size = sizeOfTask(tasks[dispatched]!);
      estimate.set(dispatched, size);
      held += size;
      inFlight.set(dispatched, options.prepare(tasks[dispatched]!));
      dispatched++;
    }
  };

  const aborted = () => options.signal?.aborted === true;
  let pending: { at: number; fileName: string; result: PrepareResult; size: number }[] = [];
  let pendingBytes = 0;
  let batchStarted = 0;
  let stopped: { outcome: (fileName: string) => ImportOutcome } | null = null;

  const count = (o: ImportOutcome, size: number) => {
    counts.done++;
    counts.bytes += size;
    if (o.status === 'imported') {
      counts.imported++;
      counts.passages += o.source.passages;
    } else if (o.status === 'duplicate') counts.duplicates++;
    else counts.failed++;
  };

  /** Writes the pending files (one transaction for those that were read) and reports them. */
  const flush = () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    for (const b of batch) {
      held -= estimate.get(b.at) ?? 0;
      estimate.delete(b.at);
    }
    const ready = batch.filter((b) => b.result.ok);
    const written = new Map<number, ImportOutcome>();
    if (ready.length) {
      const list: Ready[] = ready.map((b) => {
        const r = b.result as Extract<PrepareResult, { ok: true }>;
        return { fileName: b.fileName, prepared: r.prepared, terms: r.terms };
      });
      try {
        options.sink.commit(list).forEach((o, i) => written.set(ready[i]!.at, o));
        counts.batches++;
      } catch (err) {
        for (const b of ready) {
          const { outcome, stop } = options.sink.failed(err, b.fileName);
          written.set(b.at, outcome);
          if (stop && !stopped) {
            stopped = { outcome: (fileName) => options.sink.failed(err, fileName).outcome };
          }
        }
      }
    }
    const results = batch.map((b) => {
      const o = b.result.ok ? written.get(b.at)! : ({ fileName: b.fileName, status: 'failed', error: b.result.error } as ImportOutcome);
      count(o, b.size);
      return o;
    });
    outcomes.push(...results);
    emit(results);
  };

  let cancelled = false;
  for (let i = 0; i < tasks.length; i++) {
    if (aborted()) {
      cancelled = true;
      break;
    }
    if (stopped) {
      // The project stayed busy: the files left would wait as long again.
      const rest = tasks.slice(i).map((t) => {
        const o = stopped!.outcome(t.label);
        count(o, 0);
        return o;
      });
      outcomes.push(...rest);
      emit(rest);
      break;
    }
    fill();
    if (!inFlight.has(i)) {
      // What was read and not yet written reached its bound: written now, the reading goes on.
      flush();
      fill();
    }
    const task = tasks[i]!;
    if (current !== task.label) {
      current = task.label;
      if (Date.now() - lastCurrent >= CURRENT_EVERY_MS) {
        lastCurrent = Date.now();
        emit([]);
      }
    }
    const result = await inFlight.get(i)!;
    inFlight.delete(i);
    if (aborted()) {
      cancelled = true;
      break;
    }
    if (!pending.length) batchStarted = Date.now();
    const size = result.ok ? result.prepared.source.bytes : 0;
    pending.push({ at: i, fileName: task.label, result, size });
    // A batch holds its page images too (a scanned PDF's drawn pages can be many times its file).
    pendingBytes += size + (result.ok ? (result.prepared.images?.reduce((n, i) => n + i.bytes.length, 0) ?? 0) : 0);
    if (pending.length >= batchFiles || pendingBytes >= batchBytes || Date.now() - batchStarted >= batchMs) {
      // Being read now, as the batch is written: the next file.
      current = tasks[i + 1]?.label ?? null;
      flush();
    }
  }
  if (!cancelled && aborted()) cancelled = true;
  if (!cancelled) flush();
  // Files still being read are let go: their results are not written.
  if (cancelled) await Promise.allSettled(inFlight.values());
  current = null;
  emit([], cancelled ? 'cancelled' : 'done');
  return { outcomes, cancelled };
}
