/**
 * Runs imports and follows their progress. Paths (the desktop's file and folder dialogs)
 * go to main as one import job (`importPaths`); files the browser hands over (pickers,
 * drops) go as a few `importFiles` requests, each under the request limits and each one
 * job. Either way the files are read in worker threads and written in batches, and the
 * jobs are followed with `importProgress` into the same progress bar. Cancel stops the
 * job running (`cancelImport`) and sends no more: what was imported stays, nothing is
 * half-imported.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ImportOutcome, ImportProgress } from '../../../shared/types';
import { tooLargeMessage } from '../../../shared/limits';
import { splitForRequests } from '../../../shared/wire';
import { api, messageOf } from '../api';

export interface ImportJob {
  name: string;
  run(): Promise<ImportOutcome[]>;
}

export interface ImportState {
  running: boolean;
  done: number;
  total: number;
  current: string | null;
  /** Passages imported so far in this run. */
  passages: number;
  /** Cancel was asked for and the import is stopping. */
  cancelling: boolean;
  outcomes: ImportOutcome[];
  /** `groupImages`: the page images among the files are one source (importFiles, importPaths). */
  importFiles(files: File[], options?: { groupImages?: boolean }): Promise<void>;
  importPaths(paths: string[], options?: { groupImages?: boolean }): Promise<void>;
  loadSamples(): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

const IDLE = { running: false, cancelling: false, done: 0, total: 0, passages: 0, current: null as string | null, outcomes: [] as ImportOutcome[] };

const passagesOf = (results: ImportOutcome[]) => results.reduce((n, r) => n + (r.status === 'imported' ? r.source.passages : 0), 0);

/** The image sources a request imported (not duplicates), in order. */
const imageSourcesOf = (results: ImportOutcome[]) =>
  results.flatMap((r) => (r.status === 'imported' && r.source.format === 'image' ? [r.source.id] : []));

const failure = (fileName: string, message: string, code = 'internal'): ImportOutcome => ({ fileName, status: 'failed', error: { code, message } });

export function useImporter(onChange: () => void): ImportState {
  const [state, setState] = useState(IDLE);
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** How to stop the import running now. */
  const stop = useRef<(() => void) | null>(null);

  const enqueue = useCallback(
    (work: () => Promise<void>) => {
      // Imports queue behind each other; the project is written by one import at a time anyway.
      queue.current = queue.current.then(async () => {
        try {
          await work();
        } finally {
          stop.current = null;
          setState((s) => ({ ...s, running: false, cancelling: false, current: null }));
          onChange();
        }
      });
      return queue.current;
    },
    [onChange],
  );

  /** Calls made one by one (each its own request); cancelling stops before the next. */
  const runJobs = useCallback(
    (jobs: ImportJob[]) =>
      enqueue(async () => {
        let cancelled = false;
        stop.current = () => {
          cancelled = true;
          setState((s) => ({ ...s, cancelling: true }));
        };
        setState({ ...IDLE, running: true, total: jobs.length, current: jobs[0]?.name ?? null });
        let changed = 0;
        for (const [i, job] of jobs.entries()) {
          if (cancelled) break;
          setState((s) => ({ ...s, current: job.name, done: i }));
          let results: ImportOutcome[];
          try {
            results = await job.run();
          } catch (err) {
            results = [failure(job.name, `${job.name}: ${messageOf(err)}`)];
          }
          changed += results.filter((r) => r.status === 'imported').length;
          setState((s) => ({ ...s, done: i + 1, passages: s.passages + passagesOf(results), outcomes: [...s.outcomes, ...results] }));
          if (changed && i % 20 === 19) onChange();
        }
      }),
    [enqueue, onChange],
  );

  /**
   * Follows an import job until it ends: each progress shown (its counts added to those of
   * the jobs before it in this run), the library refreshed after each written batch.
   * Resolves with the last progress, or null when following failed (said as an outcome).
   */
  const follow = useCallback(
    async (first: ImportProgress, before: { done: number; total: number; passages: number }, what: string): Promise<ImportProgress | null> => {
      // Copied: the caller adds to its counts once this job has ended, maybe before React runs the updates below.
      const base = { ...before };
      let progress = first;
      let batches = 0;
      for (;;) {
        const p = progress;
        setState((s) => ({
          ...s,
          done: base.done + p.done,
          total: Math.max(s.total, base.total + p.total),
          passages: base.passages + p.passages,
          current: p.current,
          outcomes: p.results.length ? [...s.outcomes, ...p.results] : s.outcomes,
        }));
        // The library shows what each written batch added, as it comes.
        if (p.batches > batches) {
          batches = p.batches;
          onChange();
        }
        if (p.state !== 'running') return p;
        try {
          progress = await api.importProgress({ job: p.job, after: p.next });
        } catch (err) {
          setState((s) => ({ ...s, outcomes: [...s.outcomes, failure(what, messageOf(err))] }));
          return null;
        }
      }
    },
    [onChange],
  );

  /** Paths as one import job in main, followed until it ends. */
  const runPaths = useCallback(
    (paths: string[], groupImages = false) =>
      enqueue(async () => {
        setState({ ...IDLE, running: true, current: paths[0]?.replace(/^.*[\\/]/, '') ?? null });
        let progress;
        try {
          progress = await api.importPaths({ paths, ...(groupImages ? { groupImages } : {}) });
        } catch (err) {
          setState((s) => ({ ...s, outcomes: [failure(paths.join(', '), messageOf(err))] }));
          return;
        }
        const job = progress.job;
        stop.current = () => {
          setState((s) => ({ ...s, cancelling: true }));
          void api.cancelImport({ job }).catch(() => undefined);
        };
        await follow(progress, { done: 0, total: 0, passages: 0 }, paths.join(', '));
      }),
    [enqueue, follow],
  );

  /**
   * Files the browser holds, sent as a few importFiles requests (splitForRequests), one
   * after another: each is one job, followed until it ends before the next is read and
   * sent. Cancel stops the job running and sends no more.
   */
  const runFiles = useCallback(
    (files: File[], groupImages = false) =>
      enqueue(async () => {
        const named = files.map((file) => ({ file, name: file.webkitRelativePath || file.name, size: file.size }));
        setState({ ...IDLE, running: true, total: named.length, current: named[0]?.name ?? null });
        let cancelled = false;
        let job: number | null = null;
        stop.current = () => {
          cancelled = true;
          setState((s) => ({ ...s, cancelling: true }));
          if (job !== null) void api.cancelImport({ job }).catch(() => undefined);
        };
        // The image sources each request made, to be one when the images are grouped.
        const grouped: number[] = [];
        // The files of the requests before this one, and what they added.
        const before = { done: 0, total: 0, passages: 0 };
        const failed = (results: ImportOutcome[]) => {
          before.done += results.length;
          before.total += results.length;
          const done = before.done;
          setState((s) => ({ ...s, done, outcomes: [...s.outcomes, ...results] }));
        };
        for (const request of splitForRequests(named)) {
          if (cancelled) break;
          if ('tooLarge' in request) {
            const { name, size } = request.tooLarge;
            failed([failure(name, tooLargeMessage(name, size), 'too_large')]);
            continue;
          }
          setState((s) => ({ ...s, current: request.files[0]!.name }));
          // A file the browser can no longer read (moved, deleted) fails alone.
          const sent: { name: string; bytes: Uint8Array }[] = [];
          const unreadable: ImportOutcome[] = [];
          for (const [i, bytes] of (await Promise.allSettled(request.files.map((f) => f.file.arrayBuffer()))).entries()) {
            const { name } = request.files[i]!;
            if (bytes.status === 'fulfilled') sent.push({ name, bytes: new Uint8Array(bytes.value) });
            else unreadable.push(failure(name, `${name} could not be read: ${messageOf(bytes.reason)}`, 'read_failed'));
          }
          if (unreadable.length) failed(unreadable);
          if (cancelled || !sent.length) continue;
          let progress: ImportProgress;
          try {
            progress = await api.importFiles({ files: sent, ...(groupImages ? { groupImages } : {}) });
          } catch (err) {
            failed(sent.map((f) => failure(f.name, `${f.name}: ${messageOf(err)}`)));
            continue;
          }
          job = progress.job;
          // Cancel came while the request was on its way.
          if (cancelled) void api.cancelImport({ job }).catch(() => undefined);
          const last = await follow(progress, before, sent.map((f) => f.name).join(', '));
          job = null;
          if (!last || last.state === 'cancelled') break;
          before.done += last.done;
          before.total += last.total;
          before.passages += last.passages;
          grouped.push(...imageSourcesOf(last.results));
        }
        // Images too many for one request were grouped request by request: those groups become one source.
        if (groupImages && grouped.length > 1) {
          try {
            await api.mergeImageSources({ ids: grouped });
            const gone = new Set(grouped.slice(1));
            setState((s) => ({ ...s, outcomes: s.outcomes.filter((o) => o.status === 'failed' || !gone.has(o.source.id)) }));
          } catch (err) {
            setState((s) => ({
              ...s,
              outcomes: [...s.outcomes, failure('the grouped images', `The images were imported as ${grouped.length} sources: ${messageOf(err)}`)],
            }));
          }
        }
      }),
    [enqueue, follow],
  );

  const actions = useMemo(
    () => ({
      importFiles: (files: File[], options?: { groupImages?: boolean }) => runFiles(files, options?.groupImages),
      importPaths: (paths: string[], options?: { groupImages?: boolean }) => runPaths(paths, options?.groupImages),
      loadSamples: () => runJobs([{ name: 'sample sources', run: () => api.loadSamples({}) }]),
      cancel: () => stop.current?.(),
      dismiss: () => setState((s) => ({ ...s, outcomes: [] })),
    }),
    [runFiles, runJobs, runPaths],
  );
  return { ...state, ...actions };
}

/** Every file under the dropped items, folders included (the entries API gives folder contents). */
export async function filesFromDrop(transfer: DataTransfer): Promise<File[]> {
  // Items must be read before the first await: the browser empties them after the event.
  const items = [...transfer.items].filter((i) => i.kind === 'file');
  const entries = items.map((i) => i.webkitGetAsEntry?.() ?? null);
  const plain = items.map((i, n) => (entries[n] ? null : i.getAsFile())).filter((f): f is File => !!f);
  const out: File[] = [...plain];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.name.startsWith('.')) return;
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push(prefix ? new File([file], `${prefix}${file.name}`, { type: file.type }) : file);
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) if (e) await walk(e, '');
  return out;
}
