/**
 * Runs imports one file at a time so that progress is real and each file reports its own
 * result; the reader and library stay usable meanwhile.
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
  outcomes: ImportOutcome[];
  importFiles(files: File[]): Promise<void>;
  importPaths(paths: string[]): Promise<void>;
  loadSamples(): Promise<void>;
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

export function useImporter(onChange: () => void): ImportState {
  const [state, setState] = useState({ running: false, done: 0, total: 0, current: null as string | null, outcomes: [] as ImportOutcome[] });
  const queue = useRef<Promise<void>>(Promise.resolve());

  const runJobs = useCallback(
    (jobs: ImportJob[]) => {
      // Imports queue behind each other; the project is written by one file at a time anyway.
      queue.current = queue.current.then(async () => {
        setState({ running: true, done: 0, total: jobs.length, current: jobs[0]?.name ?? null, outcomes: [] });
        let changed = 0;
        for (const [i, job] of jobs.entries()) {
          setState((s) => ({ ...s, current: job.name, done: i }));
          let results: ImportOutcome[];
          try {
            results = await job.run();
          } catch (err) {
            results = [{ fileName: job.name, status: 'failed', error: { code: 'internal', message: `${job.name}: ${messageOf(err)}` } }];
          }
          changed += results.filter((r) => r.status === 'imported').length;
          setState((s) => ({ ...s, done: i + 1, outcomes: [...s.outcomes, ...results] }));
          if (changed && i % 20 === 19) onChange();
        }
        setState((s) => ({ ...s, running: false, current: null }));
        onChange();
      });
      return queue.current;
    },
    [onChange],
  );

  const actions = useMemo(
    () => ({
      importFiles: (files: File[]) => runJobs(files.map(fileJob)),
      importPaths: (paths: string[]) =>
        runJobs(paths.map((p) => ({ name: p.replace(/^.*[\\/]/, ''), run: () => api.importPath({ path: p }) }))),
      loadSamples: () => runJobs([{ name: 'sample sources', run: () => api.loadSamples({}) }]),
      dismiss: () => setState((s) => ({ ...s, outcomes: [] })),
    }),
    [runJobs],
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
