/**
 * Reuse reports as jobs: started at once, followed by long polls (as import jobs are),
 * cancelled between two steps. The last few finished reports are kept, for export.
 */
import { nextChange } from '../longPoll';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/errors';
import type { ReuseProgress } from '../../shared/types';
import { Cancelled, reuseReport } from './report';

const KEEP = 4;

interface Job {
  progress: ReuseProgress;
  controller: AbortController;
  finished: Promise<void>;
  listeners: Set<() => void>;
}

export class ReuseJobs {
  private readonly jobs = new Map<number, Job>();
  private next = 1;

  start(db: Database.Database, onError: (err: Error) => void): ReuseProgress {
    const id = this.next++;
    const job: Job = {
      progress: { job: id, state: 'running', phase: 'fingerprints', done: 0, total: 0, report: null, error: null },
      controller: new AbortController(),
      finished: Promise.resolve(),
      listeners: new Set(),
    };
    const changed = () => {
      for (const tell of [...job.listeners]) tell();
    };
    job.finished = reuseReport(
      db,
      (p) => {
        Object.assign(job.progress, p);
        changed();
      },
      job.controller.signal,
    ).then(
      (report) => {
        Object.assign(job.progress, { state: 'done', phase: 'done', report });
        changed();
      },
      (err: Error) => {
        if (err instanceof Cancelled || job.controller.signal.aborted) job.progress.state = 'cancelled';
        else {
          Object.assign(job.progress, { state: 'failed', error: err.message });
          onError(err);
        }
        changed();
      },
    );
    this.jobs.set(id, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= KEEP) break;
      if (this.jobs.get(old)!.progress.state !== 'running') this.jobs.delete(old);
    }
    return { ...job.progress };
  }

  private job(id: number): Job {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError('not_found', `There is no reuse report ${id} (it was made long ago, or Sourcebench was restarted)`);
    return job;
  }

  /** The job's progress; with `wait`, answers at its next change or after a second. */
  async progress(id: number, wait = false): Promise<ReuseProgress> {
    const job = this.job(id);
    if (wait && job.progress.state === 'running') {
      await nextChange(job.listeners);
    }
    return { ...job.progress };
  }

  /** Stops the job at its next step and resolves once it has stopped. */
  async cancel(id: number): Promise<ReuseProgress> {
    const job = this.job(id);
    job.controller.abort();
    await job.finished;
    return { ...job.progress };
  }

  /** A finished report, for export. */
  report(id: number) {
    const { report, state } = this.job(id).progress;
    if (!report)
      throw new ApiError('invalid_request', `Reuse report ${id} is ${state === 'running' ? 'still being made' : state}: there is nothing to export`);
    return report;
  }

  /** Stops every job (the project is closing or changing). */
  stopAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
    this.jobs.clear();
  }
}
