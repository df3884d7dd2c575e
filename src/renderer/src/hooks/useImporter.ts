/**
 * Runs imports and follows their progress. Paths (the desktop's file and folder dialogs)
 * go to main as one import job, read in worker threads and written in batches, followed
 * with `importProgress`; files the browser hands over (pickers, drops) are sent one by one.
 * Either can be cancelled: what was imported stays, nothing is half-imported.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../shared/types';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../../shared/limits';
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
  importFiles(files: File[]): Promise<void>;
  importPaths(paths: string[]): Promise<void>;
  loadSamples(): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

function fileJob(file: File): ImportJob {
  const name = file.webkitRelativePath || file.name;
  return {
    name,
    async run() {
      if (file.size > MAX_FILE_BYTES) {
        return [{ fileName: name, status: 'failed', error: { code: 'too_large', message: tooLargeMessage(name, file.size) } }];
      }
      return [await api.importFile({ name, bytes: new Uint8Array(await file.arrayBuffer()) })];
    },
  };
}

const IDLE = { running: false, cancelling: false, done: 0, total: 0, passages: 0, current: null as string | null, outcomes: [] as ImportOutcome[] };

const passagesOf = (results: ImportOutcome[]) => results.reduce((n, r) => n + (r.status === 'imported' ? r.source.passages : 0), 0);

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

  /** Files sent one by one (each its own call); cancelling stops before the next. */
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
            results = [{ fileName: job.name, status: 'failed', error: { code: 'internal', message: `${job.name}: ${messageOf(err)}` } }];
          }
          changed += results.filter((r) => r.status === 'imported').length;
          setState((s) => ({ ...s, done: i + 1, passages: s.passages + passagesOf(results), outcomes: [...s.outcomes, ...results] }));
          if (changed && i % 20 === 19) onChange();
        }
      }),
    [enqueue, onChange],
  );

  /** Paths as one import job in main, followed until it ends. */
  const runPaths = useCallback(
    (paths: string[]) =>
      enqueue(async () => {
        setState({ ...IDLE, running: true, current: paths[0]?.replace(/^.*[\\/]/, '') ?? null });
        let progress;
        try {
          progress = await api.importPaths({ paths });
        } catch (err) {
          setState((s) => ({
            ...s,
            outcomes: [{ fileName: paths.join(', '), status: 'failed', error: { code: 'internal', message: messageOf(err) } }],
          }));
          return;
        }
        const job = progress.job;
        stop.current = () => {
          setState((s) => ({ ...s, cancelling: true }));
          void api.cancelImport({ job }).catch(() => undefined);
        };
        let batches = 0;
        for (;;) {
          const p = progress;
          setState((s) => ({
            ...s,
            done: p.done,
            total: p.total,
            passages: p.passages,
            current: p.current,
            outcomes: p.results.length ? [...s.outcomes, ...p.results] : s.outcomes,
          }));
          // The library shows what each written batch added, as it comes.
          if (p.batches > batches) {
            batches = p.batches;
            onChange();
          }
          if (p.state !== 'running') break;
          try {
            progress = await api.importProgress({ job, after: p.next });
          } catch (err) {
            setState((s) => ({
              ...s,
              outcomes: [...s.outcomes, { fileName: paths.join(', '), status: 'failed', error: { code: 'internal', message: messageOf(err) } }],
            }));
            break;
          }
        }
      }),
    [enqueue, onChange],
  );

  const actions = useMemo(
    () => ({
      importFiles: (files: File[]) => runJobs(files.map(fileJob)),
      importPaths: (paths: string[]) => runPaths(paths),
      loadSamples: () => runJobs([{ name: 'sample sources', run: () => api.loadSamples({}) }]),
      cancel: () => stop.current?.(),
      dismiss: () => setState((s) => ({ ...s, outcomes: [] })),
    }),
    [runJobs, runPaths],
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
