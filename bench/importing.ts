/**
 * Import rows, each beside its baseline measured in the same run:
 *   - import with indexing (search index, claims, typo vocabulary) in passages/s over the
 *     corpus: the pipeline (worker threads, batches) beside the same pipeline with the
 *     files read in the main thread, as the CLI's batched import did before;
 *   - N small files in files/s: the pipeline over the folder beside one call per file, as
 *     the app's folder import did before (one transaction and one sync to disk each).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workbench } from '../src/main/workbench';
import { defaultWorkers } from '../src/main/import/pool';
import type { CorpusFile } from './corpus';

type Row = [string, string, string];

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-'));
}

const peakRss = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB peak RSS`;

/** Runs `work` on a fresh workbench with this many import workers (0: read in the main thread). */
async function withWorkbench<T>(workers: number, work: (wb: Workbench) => Promise<T>): Promise<[T, number]> {
  const saved = process.env.SOURCEBENCH_IMPORT_WORKERS;
  process.env.SOURCEBENCH_IMPORT_WORKERS = String(workers);
  const home = scratch();
  const wb = Workbench.open({ home, dailyBackup: false });
  try {
    const started = performance.now();
    const result = await work(wb);
    return [result, performance.now() - started];
  } finally {
    wb.close();
    fs.rmSync(home, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SOURCEBENCH_IMPORT_WORKERS;
    else process.env.SOURCEBENCH_IMPORT_WORKERS = saved;
  }
}

function tally(outcomes: Awaited<ReturnType<Workbench['importAll']>>) {
  let passages = 0;
  let imported = 0;
  let failed = 0;
  for (const o of outcomes) {
    if (o.status === 'imported') {
      imported++;
      passages += o.source.passages;
    } else if (o.status === 'failed') failed++;
  }
  return { passages, imported, failed };
}

/** Passages/s of an import of the files, with the pipeline and with the files read in the main thread. */
export async function benchImportPassages(files: CorpusFile[]): Promise<Row[]> {
  const rows: Row[] = [];
  const paths = files.map((f) => f.path);
  const mb = files.reduce((n, f) => n + f.bytes, 0) / 1048576;
  // Warm the page cache for both.
  for (const f of paths) fs.readFileSync(f);
  const workers = Math.max(1, defaultWorkers());
  const runs: [string, number][] = [
    ["baseline: read in the main thread, batched (the CLI's import before)", 0],
    [`pipeline: ${workers} worker thread${workers === 1 ? '' : 's'}, batched`, workers],
  ];
  for (const [what, n] of runs) {
    const [r, ms] = await withWorkbench(n, async (wb) => tally(await wb.importAll(paths)));
    const rate = r.passages / (ms / 1000);
    rows.push([
      `Import with indexing, ${r.passages.toLocaleString()} passages — ${what}`,
      `${Math.round(rate).toLocaleString()} passages/s`,
      `${(ms / 1000).toFixed(1)} s, ${mb.toFixed(0)} MB, ${r.imported.toLocaleString()} files, ${r.failed} failed; ${peakRss()}`,
    ]);
    console.error(`  ${rows[rows.length - 1]!.join(' ')}`);
  }
  return rows;
}

/** Writes `count` small distinct files (paragraphs of the corpus, a few to a file) into a folder. */
function smallFiles(files: CorpusFile[], count: number): string {
  const dir = path.join(scratch(), 'small');
  fs.mkdirSync(dir);
  let made = 0;
  outer: for (const f of files) {
    const paragraphs = fs
      .readFileSync(f.path, 'utf8')
      .split(/\n\s*\n/)
      .filter((p) => p.trim().length > 40);
    for (let i = 0; i + 3 <= paragraphs.length; i += 3) {
      const name = `${String(made).padStart(6, '0')}.txt`;
      fs.writeFileSync(path.join(dir, name), `Note ${made}\n\n${paragraphs.slice(i, i + 3).join('\n\n')}\n`);
      if (++made >= count) break outer;
    }
  }
  return dir;
}

/** Files/s importing `count` small files: the pipeline over the folder, one call per file as the app did, and read in the main thread. */
export async function benchImportSmallFiles(files: CorpusFile[], count: number): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = smallFiles(files, count);
  const list = fs.readdirSync(dir).map((f) => path.join(dir, f));
  for (const f of list) fs.readFileSync(f);
  const workers = Math.max(1, defaultWorkers());
  const runs: [string, number, (wb: Workbench) => Promise<ReturnType<typeof tally>>][] = [
    [
      "baseline: one call per file (the app's folder import before)",
      workers,
      async (wb) => {
        const all = [];
        for (const f of list) all.push(...(await wb.importPath({ path: f })));
        return tally(all);
      },
    ],
    ['pipeline: the folder, read in the main thread', 0, async (wb) => tally(await wb.importAll([dir]))],
    [`pipeline: the folder, ${workers} worker thread${workers === 1 ? '' : 's'}`, workers, async (wb) => tally(await wb.importAll([dir]))],
  ];
  for (const [what, n, work] of runs) {
    const [r, ms] = await withWorkbench(n, work);
    rows.push([
      `Import ${list.length.toLocaleString()} small files — ${what}`,
      `${Math.round(r.imported / (ms / 1000)).toLocaleString()} files/s`,
      `${(ms / 1000).toFixed(1)} s, ${r.passages.toLocaleString()} passages, ${r.failed} failed`,
    ]);
    console.error(`  ${rows[rows.length - 1]!.join(' ')}`);
  }
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  return rows;
}
