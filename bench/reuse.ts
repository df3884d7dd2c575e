/**
 * Text reuse rows:
 *   - import in passages/s with the reuse index and without it (its writes skipped), the
 *     same files in the same run: what the index adds to every import;
 *   - "Where else does this appear?" for single passages (seeded, of at least 20 words) in
 *     a project of N passages, p50/p95, beside the alternative it was chosen over: FTS5
 *     phrase queries of the passage's 12-word windows;
 *   - the project-wide reuse report on a project of N passages.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workbench } from '../src/main/workbench';
import { printTokens, ReusePrints } from '../src/main/reuse/prints';
import { MIN_WORDS, wordsOf } from '../src/main/reuse/fingerprint';
import type { CorpusFile } from './corpus';
import { buildProject } from './search';
import { pct } from './stats';

type Row = [string, string, string];
const QUERIES = 200;

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-'));
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

/** Passages/s importing the files with the reuse index, and with its writes skipped, alternately twice each. */
export async function benchReuseImport(files: CorpusFile[]): Promise<Row[]> {
  const paths = files.map((f) => f.path);
  for (const f of paths) fs.readFileSync(f);
  const add = ReusePrints.prototype.add;
  const rates: Record<'with' | 'without', number[]> = { with: [], without: [] };
  let passages = 0;
  for (const run of ['without', 'with', 'without', 'with'] as const) {
    if (run === 'without') ReusePrints.prototype.add = () => {};
    const home = scratch();
    const wb = Workbench.open({ home, dailyBackup: false });
    try {
      const t = performance.now();
      passages = 0;
      for (const o of await wb.importAll(paths)) if (o.status === 'imported') passages += o.source.passages;
      rates[run].push(passages / ((performance.now() - t) / 1000));
    } finally {
      ReusePrints.prototype.add = add;
      wb.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  }
  const best = (xs: number[]) => Math.max(...xs);
  const cost = 1 - best(rates.with) / best(rates.without);
  const label = `Import ${passages.toLocaleString()} passages`;
  const rows: Row[] = [
    [`${label} — without the reuse index`, `${Math.round(best(rates.without)).toLocaleString()} passages/s`, 'best of 2, same run'],
    [
      `${label} — with the reuse index`,
      `${Math.round(best(rates.with)).toLocaleString()} passages/s`,
      `best of 2; the index costs ${(cost * 100).toFixed(0)}% of import speed`,
    ],
  ];
  // The "without" runs skip the index's writes; its fingerprints are still made, in the
  // import's workers: their CPU time, measured apart on the same paragraphs in one thread.
  const paragraphs = paths.flatMap((f) => fs.readFileSync(f, 'utf8').split(/\n\s*\n/));
  const t = performance.now();
  for (const p of paragraphs) printTokens(p);
  const cpu = (performance.now() - t) / 1000;
  rows.push([
    'Reuse fingerprints of the same text, one thread',
    `${Math.round(paragraphs.length / cpu).toLocaleString()} paragraphs/s`,
    `${cpu.toFixed(1)} s of CPU for ${paragraphs.length.toLocaleString()} paragraphs, spent in the import's workers`,
  ]);
  for (const r of rows) console.error(`  ${r.join(' ')}`);
  return rows;
}

/** A seeded pick of passages of at least 20 words. */
function pickPassages(db: Database.Database, count: number): { id: number; text: string }[] {
  let s = 1937;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const max = db.prepare('SELECT max(id) FROM passage').pluck().get() as number;
  const get = db.prepare('SELECT id, text FROM passage WHERE id >= ? LIMIT 1');
  const out: { id: number; text: string }[] = [];
  for (let guard = 0; out.length < count && guard < count * 50; guard++) {
    const row = get.get(1 + Math.floor(rand() * max)) as { id: number; text: string } | undefined;
    if (row && wordsOf(row.text).words.length >= 20) out.push(row);
  }
  return out;
}

/** The alternative: each 12-word window of the passage (every 6th) as an FTS5 phrase query. */
function ftsPhrases(db: Database.Database, text: string): number {
  const words = wordsOf(text).words;
  const query = db.prepare('SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? LIMIT 200').pluck();
  const found = new Set<number>();
  for (let i = 0; i + MIN_WORDS <= words.length; i += MIN_WORDS / 2) {
    for (const id of query.all(`"${words.slice(i, i + MIN_WORDS).join(' ')}"`) as number[]) found.add(id);
  }
  return found.size;
}

/** "Where else?" and the report on a project of `size` passages built from the corpus. */
export async function benchReuse(files: CorpusFile[], size: number, { report = true } = {}): Promise<Row[]> {
  const rows: Row[] = [];
  const label = size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
  const row = (what: string, value: string, note = '') => {
    rows.push([`[${label}] ${what}`, value, note]);
    console.error(`  [${label}] ${what}: ${value} ${note}`);
  };
  const dir = scratch();
  try {
    const built = await buildProject(files, size, dir);
    row('Build project for reuse', `${built.passages.toLocaleString()} passages`, `${built.seconds.toFixed(1)} s to import`);
    const wb = Workbench.open({ home: built.home, project: built.project, remember: false, dailyBackup: false });
    const db = new Database(built.project, { readonly: true });
    try {
      const rowsInIndex = db.prepare('SELECT count(*) FROM reuse_vocab').pluck().get() as number;
      row('Reuse index size', `${rowsInIndex.toLocaleString()} fingerprints`, `${(rowsInIndex / built.passages).toFixed(1)} per passage`);
      const picks = pickPassages(db, QUERIES);
      const times: number[] = [];
      let hits = 0;
      for (const p of picks) {
        const t = performance.now();
        hits += (await wb.findReuse({ passageId: p.id })).hits.length;
        times.push(performance.now() - t);
      }
      row(
        '"Where else?" for one passage',
        `p95 ${ms(pct(times, 95))} ms`,
        `p50 ${ms(pct(times, 50))} ms, max ${ms(Math.max(...times))} ms; ${picks.length} passages, ${hits} hits`,
      );
      const fts: number[] = [];
      for (const p of picks.slice(0, 50)) {
        const t = performance.now();
        ftsPhrases(db, p.text);
        fts.push(performance.now() - t);
      }
      row(
        'Alternative: FTS5 phrase queries of 12-word windows',
        `p95 ${ms(pct(fts, 95))} ms`,
        `p50 ${ms(pct(fts, 50))} ms; ${fts.length} passages, candidates only (before comparing words)`,
      );
      if (report) {
        const t = performance.now();
        const start = await wb.reuseReport();
        let p = start;
        while (p.state === 'running') p = await wb.reuseReportProgress({ job: start.job, wait: true });
        const seconds = (performance.now() - t) / 1000;
        const r = p.report;
        row(
          'Reuse report, whole project',
          `${seconds.toFixed(1)} s`,
          r
            ? `${r.pairs.length.toLocaleString()} pairs of sources share text (${r.sources.toLocaleString()} sources)`
            : `state ${p.state}: ${p.error}`,
        );
      }
    } finally {
      db.close();
      wb.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
