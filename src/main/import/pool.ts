/**
 * A small pool of worker threads that prepare files for import, so that parsing never
 * holds the main thread (the app's windows, the HTTP server, the write of the batch before).
 * The built app and CLI load out/main/import-worker.js; the sources (tests, the benchmark)
 * load worker.ts through tsx. Where neither can start, files are prepared in this thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerSource as threadSource } from '../threads';
import type { PrepareResult, PrepareTask } from './prepare';
import { cancelledResult, prepare } from './prepare';

/** How many workers by default: one per core beyond the one the main thread writes with, at most two. */
export function defaultWorkers(): number {
  const env = process.env.SOURCEBENCH_IMPORT_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(8, Number(env));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cores - 1));
}

/** The import workers' entry: out/main/import-worker.js, or worker.ts through tsx. */
const workerSource = () => threadSource(import.meta.url, 'import-worker.js', 'worker.ts', 'SOURCEBENCH_IMPORT_WORKER');

interface Slot {
  worker: Worker;
  busy: number;
}

interface Pending {
  resolve: (result: PrepareResult) => void;
  label: string;
  slot: Slot;
}

/** Runs at once that can be told apart when one is cancelled (a flag each, reused in turn). */
const RUN_FLAGS = 256;

export class PreparePool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private broken = false;
  /**
   * One flag per run, shared with the workers: a cancelled run's files still queued in a
   * worker are answered at once without being read, so a cancel never waits for the
   * read-ahead (up to a thousand files) to be prepared for nothing.
   */
  private readonly dropped = new Int32Array(new SharedArrayBuffer(4 * RUN_FLAGS));
  private nextRun = 0;

  constructor(readonly size: number = defaultWorkers()) {}

  /** Whether files go to worker threads (false: prepared in this thread). */
  get threaded(): boolean {
    return this.size > 0 && !this.broken;
  }

  private start(): Slot | null {
    const source = workerSource();
    if (!source) {
      this.broken = true;
      return null;
    }
    const worker = new Worker(source.file, { eval: source.eval ?? false, workerData: { dropped: this.dropped } });
    // An idle pool does not keep the process alive (the CLI ends when its command does).
    worker.unref();
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', ({ id, result }: { id: number; result: PrepareResult }) => {
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      slot.busy--;
      if (slot.busy === 0) worker.unref();
      p.resolve(result);
    });
    const fail = (message: string) => {
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      for (const [id, p] of this.pending) {
        if (p.slot !== slot) continue;
        this.pending.delete(id);
        p.resolve({ ok: false, error: { code: 'internal', message: `${p.label} could not be imported: ${message}` } });
      }
    };
    worker.on('error', (err) => fail(`the import worker stopped (${err.message})`));
    worker.on('exit', (code) => fail(`the import worker exited (code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  /** The least busy worker, starting one while fewer than `size` run. */
  private slot(): Slot | null {
    if (this.slots.length < this.size) {
      const idle = this.slots.find((s) => s.busy === 0);
      if (idle) return idle;
      return this.start();
    }
    return this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  /**
   * A run of files: its `prepare` sends each to a worker (or prepares it here); once
   * `signal` aborts, files not yet begun answer `cancelled` without being read.
   */
  session(signal?: AbortSignal): (task: PrepareTask, inThread?: boolean) => Promise<PrepareResult> {
    const flag = this.nextRun++ % RUN_FLAGS;
    Atomics.store(this.dropped, flag, 0);
    const drop = () => Atomics.store(this.dropped, flag, 1);
    if (signal?.aborted) drop();
    else signal?.addEventListener('abort', drop, { once: true });
    return (task, inThread = false) => {
      if (Atomics.load(this.dropped, flag)) return Promise.resolve(cancelledResult(task));
      return this.run(task, inThread, flag);
    };
  }

  /** Prepares one file, in a worker when there is one (`inThread` keeps it here: a small file alone is not worth the message). */
  run(task: PrepareTask, inThread = false, flag = -1): Promise<PrepareResult> {
    const slot = this.threaded && !inThread ? this.slot() : null;
    if (!slot) return prepare(task);
    const id = this.nextId++;
    return new Promise<PrepareResult>((resolve) => {
      this.pending.set(id, { resolve, label: task.label, slot });
      if (slot.busy++ === 0) slot.worker.ref();
      slot.worker.postMessage({ id, task, flag });
    });
  }

  /** Stops the workers; files still being prepared resolve as failed. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
