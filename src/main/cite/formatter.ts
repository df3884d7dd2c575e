/**
 * Citations formatted off the service's thread: one worker thread (worker.ts) keeps the
 * citeproc engines, so that building a style's engine (seconds for Chicago) never holds other
 * requests. The built app and CLI load out/main/cite-worker.js; the sources (tests, the
 * benchmark) load worker.ts through tsx. Where neither can start, citations are formatted in
 * this thread, as before.
 */
import { Worker } from 'node:worker_threads';
import { workerSource } from '../threads';
import type { Bibliography, FormatOptions, Formatted, MissingDate } from './format';
import { formatBibliography, formatCitation } from './format';
import { CslStyleError, type CslStyle } from './styles';
import type { CiteInput } from './types';

/** What the worker is asked: the options as format.ts takes them, less `escape` (a function does not cross threads). */
export type CiteTask =
  | { op: 'citation'; item: CiteInput; options: Omit<FormatOptions, 'escape' | 'style'> & { style: CslStyle } }
  | { op: 'bibliography'; items: readonly CiteInput[]; style: CslStyle; options: { missingDate?: MissingDate } }
  | { op: 'warm'; style: CslStyle };

export type CiteReply = { id: number; result: Formatted | Bibliography | null } | { id: number; error: { name: string; message: string } };

interface Pending {
  resolve: (value: Formatted | Bibliography | null) => void;
  reject: (err: Error) => void;
}

export class CitationFormatter {
  private worker: Worker | null = null;
  /** No worker could start here (no built entry, no tsx): format in this thread. */
  private inThread = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** Whether citations are formatted in a worker thread (before the first, whether one will be tried). */
  get threaded(): boolean {
    return !this.inThread;
  }

  /** A citation of one item, as formatCitation gives it. */
  citation(item: CiteInput, options: Omit<FormatOptions, 'escape' | 'style'> & { style: CslStyle }): Promise<Formatted> {
    return this.run({ op: 'citation', item, options }, () => formatCitation(item, options)) as Promise<Formatted>;
  }

  /** A bibliography, as formatBibliography gives it. */
  bibliography(items: readonly CiteInput[], style: CslStyle, options: { missingDate?: MissingDate } = {}): Promise<Bibliography> {
    return this.run({ op: 'bibliography', items, style, options }, () => formatBibliography(items, style, options)) as Promise<Bibliography>;
  }

  /**
   * Builds `style`'s engine in the worker ahead of the first citation (a project's style once
   * it opens). Nothing is done where there is no worker: building it here would hold the thread.
   */
  async warm(style: CslStyle): Promise<void> {
    if (!this.start()) return;
    await this.run({ op: 'warm', style }, () => null);
  }

  /** Stops the worker; work still under way rejects. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    if (this.inThread) return null;
    const source = workerSource(import.meta.url, 'cite-worker.js', 'worker.ts', 'SOURCEBENCH_CITE_WORKER');
    if (!source) {
      this.inThread = true;
      return null;
    }
    const worker = new Worker(source.file, { eval: source.eval ?? false });
    // An idle formatter does not keep the process alive (the CLI ends when its command does).
    worker.unref();
    worker.on('message', (reply: CiteReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) {
        const err = reply.error.name === 'CslStyleError' ? new CslStyleError(reply.error.message) : new Error(reply.error.message);
        p.reject(err);
      } else p.resolve(reply.result);
    });
    const fail = (message: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(new Error(`Citations could not be formatted: ${message}`));
      }
    };
    worker.on('error', (err) => fail(`the citation worker stopped (${err.message})`));
    worker.on('exit', (code) => fail(`the citation worker exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  private run(task: CiteTask, here: () => Formatted | Bibliography | null): Promise<Formatted | Bibliography | null> {
    const worker = this.start();
    if (!worker) {
      try {
        return Promise.resolve(here());
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, task });
    });
  }
}
