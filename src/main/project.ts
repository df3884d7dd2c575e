/**
 * An open project: the unit of work over its database and its stores. Every write goes
 * through `write()`, one transaction; the stores report what they change (store/changes.ts)
 * and, once the transaction has committed, the changes are published to the subscribers
 * (the search index, the typo vocabulary). A write that rolls back publishes nothing, and a
 * store written outside `write()` refuses, so nothing that must follow a write can be
 * forgotten.
 */
import path from 'node:path';
import { ApiError } from '../shared/errors';
import { AnnotationStore } from './annotate/store';
import { ClaimStore } from './claims/store';
import type { Change, ChangeSink } from './store/changes';
import type { Db, OpenOptions } from './store/project';
import { openProjectDb } from './store/project';
import { PRAGMAS } from './store/pragmas';
import { SourceStore } from './store/sources';
import { TemplateStore } from './store/templates';

export type { Change, ChangeType } from './store/changes';

/** Told once per committed write, with everything it changed, in order. */
export type Subscriber = (changes: readonly Change[]) => void;

/** A write waits this long for another program holding the project before giving up. */
export const LOCK_WAIT_MS = 30_000;
/** Each attempt at the write lock waits this long, so a wait is reported within a second. */
const LOCK_ATTEMPT_MS = 750;

export interface ProjectOptions {
  /** How long a write waits for another program before giving up, in ms (read at each write). */
  lockWaitMs?: () => number;
  /** Told once when a write has to wait for another program that is writing to the project. */
  onWaiting?: (message: string) => void;
  /** A subscriber that failed: the write stays committed; the failure is reported here. */
  onSubscriberError?: (err: Error) => void;
}

export class Project implements ChangeSink {
  readonly sources: SourceStore;
  readonly annotations: AnnotationStore;
  readonly claims: ClaimStore;
  readonly templates: TemplateStore;
  private readonly subscribers = new Set<Subscriber>();
  /** Changes of the write under way; null when no write is. */
  private pending: Change[] | null = null;

  constructor(
    readonly path: string,
    readonly db: Db,
    private readonly options: ProjectOptions = {},
  ) {
    this.sources = new SourceStore(db, this);
    this.annotations = new AnnotationStore(db, this);
    this.claims = new ClaimStore(db, this);
    this.templates = new TemplateStore(db, this);
  }

  /** Opens (or creates) a project file: see openProjectDb. */
  static open(file: string, open: OpenOptions, options?: ProjectOptions): Project {
    return new Project(file, openProjectDb(file, open), options);
  }

  /** Follows every committed write from now on; returns the unsubscribe. */
  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Whether a write is under way (the stores may be written). */
  get writing(): boolean {
    return this.pending !== null;
  }

  /** Called by the stores for each change they write; refused outside `write()`. */
  record(change: Change): void {
    if (!this.pending) throw new Error(`${change.type}: a project is written only inside Project.write(), so that what follows the data hears of it`);
    this.pending.push(change);
  }

  /**
   * Runs `work` as one transaction and, after it commits, publishes what it changed.
   * Inside another write it is a savepoint: when it fails, its changes are dropped with it
   * and the outer write goes on. While another program holds the project's write lock it
   * waits, saying so once through `onWaiting`, and gives up with `project_busy`: it never
   * waits silently, and never forever.
   */
  write<T>(work: () => T): T {
    if (this.pending) return this.savepoint(work);
    const wait = this.options.lockWaitMs?.() ?? LOCK_WAIT_MS;
    const deadline = Date.now() + wait;
    let told = false;
    this.db.pragma(`busy_timeout = ${LOCK_ATTEMPT_MS}`);
    try {
      for (;;) {
        this.pending = [];
        let result: T;
        try {
          result = this.db.transaction(work).immediate();
        } catch (err) {
          this.pending = null;
          if (!isBusy(err)) throw err;
          if (Date.now() >= deadline) {
            const waited = Math.round(wait / 1000);
            throw new ApiError(
              'project_busy',
              `${path.basename(this.path)} is being written by another program, and still was after ${waited} s; nothing was changed. Try again when it has finished`,
            );
          }
          if (!told) {
            told = true;
            this.options.onWaiting?.(`waiting for ${this.path}: another program is writing to it`);
          }
          continue;
        }
        const changes = this.pending;
        this.pending = null;
        this.publish(changes);
        return result;
      }
    } finally {
      this.pending = null;
      if (this.db.open) this.db.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
    }
  }

  private savepoint<T>(work: () => T): T {
    const pending = this.pending!;
    const mark = pending.length;
    try {
      return this.db.transaction(work)();
    } catch (err) {
      pending.length = mark;
      throw err;
    }
  }

  private publish(changes: readonly Change[]): void {
    if (!changes.length) return;
    for (const subscriber of this.subscribers) {
      try {
        subscriber(changes);
      } catch (err) {
        // The write has committed: a follower that failed must not make it look as if it had not.
        this.options.onSubscriberError?.(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }

  /**
   * Folds the write-ahead log into the project file, then closes it: the file alone is then
   * the whole project. `warn` hears when the log could not be folded in now.
   */
  close(warn: (message: string) => void): void {
    this.subscribers.clear();
    const db = this.db;
    if (!db.open) return;
    try {
      // Not worth a wait: when another program is writing, the last connection to close folds the log in.
      db.pragma('busy_timeout = 100');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (err) {
      // Another program reading the project can keep the log from being folded in now; SQLite does it later.
      warn(`${this.path}: the write-ahead log could not be folded in on closing: ${(err as Error).message}`);
    }
    db.close();
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
