/**
 * `npm run bench [-- --corpus DIR] [--mb N] [--sources N] [--no-browser]
 *                   [--passages 100000,1000000] [--search-only] [--no-minisearch] [--verbose]
 *                   [--views-only [--library DIR]] [--claims [DIR [--answers FILE]]] [--claims-corpus ROOT] [--all] [--html N [--html-only]] [--pdf FILE] [--pdf-only]
 *                   [--ocr | --ocr-only [--ocr-texts DIR] [--ocr-pages N] [--no-ocr-preprocessing]] [--ocr-real [DIR] | --ocr-real-only [DIR]] [--cite | --cite-only] [--ocr-ui [--ocr-ui-pages N]] [--crop | --crop-only]
 *                   [--pdf-scan | --pdf-scan-only [--pdf-scan-pages N]]
 *                   [--image-only] [--image-pages N]`
 *
 * Prints a table of:
 *   - import throughput (MB/s of plain text) beside the raw floor measured in the same run:
 *     reading the same files and a bare better-sqlite3 insert of the same paragraphs;
 *   - time to open a project of 10,000 sources and show the library (API, and in Chromium);
 *   - time to open a 2 MB source in the reader (API, and in Chromium);
 *   - search at each --passages size (bench/search.ts), beside plain FTS5 and plain MiniSearch;
 *   - with --claims, claim extraction scored on a labelled corpus (bench/claims.ts) instead of
 *     the rest (with --all, besides it): a folder of texts (--claims DIR, its answers.json or
 *     --answers FILE), or each part of a corpus, dev, dev2 and test apart (--claims-corpus ROOT, or
 *     SOURCEBENCH_CLAIMS_CORPUS, with dev/ and test/ inside, each with its answers.json);
 *   - passage alignment of two sources of 150,000 characters and of 1,000 passages, and sentence
 *     alignment of two different accounts of 150,000 characters (bench/align.ts; --align-only
 *     runs these rows alone);
 *   - a collation of 5 witnesses of 20,000 words each (bench/collate.ts);
 *   - with --html N, reading and importing N generated web pages (bench/html.ts).
 *   - PDF import in pages/s beside PDF.js's bare text extraction of the same large PDF
 *     (--pdf FILE, else /usr/share/doc/octave/octave.pdf when installed; bench/pdf.ts).
 *   - with --ocr (or --ocr-only alone), OCR of generated typed pages, clean and degraded:
 *     character error rate and pages/minute, beside preprocessing variants (bench/ocr.ts);
 *   - with --cite (--cite-only alone), the first citation in a style through the service and in
 *     its thread, with the longest event-loop gap meanwhile (bench/cite.ts);
 *   - with --ocr-real [DIR] (--ocr-real-only alone), OCR of real scans with their transcriptions
 *     (DIR, else /tmp/sb-ocr-real: page images each with a .txt beside it), the product's
 *     preprocessing beside none (bench/ocr-real.ts);
 *   - with --ocr-ui alone, the window and the service while pages are recognised (bench/ocr-ui.ts);
 *   - opening a photographed source of --image-pages N page images (200) to its first page through
 *     the API, and listing its pages from a newly opened project with the image bytes last
 *     (migration 17) and before the pages' facts (migrations 13–16), A/B in one run
 *     (bench/image-source.ts); --image-only runs these rows alone.
 *   - import with indexing in passages/s over the first --mb megabytes, and --small-files N
 *     (10,000) small files in files/s, each beside the old way measured in the same run
 *     (bench/importing.ts); --import-only runs these rows alone.
 *   - with --crop (or --crop-only alone), regions cut out of a 12-megapixel page image, PNG and
 *     JPEG, for the Markdown export (bench/crop.ts).
 *   - with --pdf-scan (or --pdf-scan-only alone), a scanned PDF of 2 × --pdf-scan-pages N (2) typed
 *     pages: its pages drawn for recognition, and imported and recognised (bench/pdf-scan.ts).
 *   - text reuse (bench/reuse.ts): import with and without the reuse index (in the import
 *     rows), "Where else does this appear?" p95 and the project-wide report at each
 *     --reuse-passages size (default 100000; 1000000 is the target scale); --reuse-only
 *     runs these rows alone.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer } from '../src/main/server';
import { rendererDir } from '../src/main/paths';
import { benchBrowser } from './browser';
import { median } from './stats';
import { PRAGMAS } from '../src/main/store/pragmas';
import { Workbench } from '../src/main/workbench';
import type { CorpusFile } from './corpus';
import { listCorpus, writeCorpus } from './corpus';
import { benchSearch } from './search';
import { benchClaims, benchClaimsCorpus } from './claims';
import { benchAlign } from './align';
import { benchCollate } from './collate';
import { benchHtml } from './html';
import { benchPdf, DEFAULT_PDF } from './pdf';
import { benchOcr } from './ocr';
import { benchCitation } from './cite';
import { benchOcrReal } from './ocr-real';
import { benchOcrUi } from './ocr-ui';
import { benchCrop } from './crop';
import { benchPdfScan } from './pdf-scan';
import { benchImageSource } from './image-source';
import { benchImportPassages, benchImportSmallFiles } from './importing';
import { benchReuse, benchReuseImport } from './reuse';

const args = process.argv.slice(2);
// Daily backups of the benchmark's projects would only add disk work to the timings.
process.env.SOURCEBENCH_DAILY_BACKUP = '0';
// Imports are timed with the built worker (npm run bench builds it), as the app and the CLI run it.
{
  const built = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'out', 'main', 'import-worker.js');
  if (fs.existsSync(built)) process.env.SOURCEBENCH_IMPORT_WORKER ??= built;
}
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const targetMb = Number(opt('--mb') ?? 100);
const librarySize = Number(opt('--sources') ?? 10_000);
const useBrowser = !args.includes('--no-browser');
// Search at these passage counts (1,000,000 needs a corpus of about 450 MB and several minutes).
const searchSizes = (opt('--passages') ?? '100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const onlySearch = args.includes('--search-only');
const reuseSizes = (opt('--reuse-passages') ?? '100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const onlyReuse = args.includes('--reuse-only');

const rows: [string, string, string][] = [];
const row = (what: string, value: string, note = '') => {
  rows.push([what, value, note]);
  console.error(`  ${what}: ${value} ${note}`);
};
const mb = (bytes: number) => bytes / 1048576;
const peakRss = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB peak RSS`;

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-'));
}

/** The floor: read each file and insert its paragraphs into a bare table, committing once a second as the importer does. */
function floor(files: CorpusFile[], withFts = false): { ms: number; passages: number } {
  const dir = scratch();
  const db = new Database(path.join(dir, 'floor.db'));
  db.pragma(`journal_mode = ${PRAGMAS.journal_mode}`);
  db.pragma(`synchronous = ${PRAGMAS.synchronous}`);
  db.exec('CREATE TABLE p (doc INTEGER, ord INTEGER, text TEXT)');
  if (withFts) {
    db.exec(`CREATE VIRTUAL TABLE p_fts USING fts5(text, content = 'p', tokenize = 'unicode61 remove_diacritics 2');
             CREATE TRIGGER p_ai AFTER INSERT ON p BEGIN INSERT INTO p_fts(rowid, text) VALUES (new.rowid, new.text); END;`);
  }
  const insert = db.prepare('INSERT INTO p VALUES (?, ?, ?)');
  let passages = 0;
  const [, ms] = timed(() => {
    let doc = 0;
    while (doc < files.length) {
      const started = performance.now();
      db.transaction(() => {
        while (doc < files.length && performance.now() - started < 1000) {
          const paras = fs.readFileSync(files[doc]!.path, 'utf8').split(/\n\s*\n/);
          paras.forEach((p, i) => insert.run(doc, i, p));
          passages += paras.length;
          doc++;
        }
      })();
    }
  });
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, passages };
}

/** Imports the files as one batched run, as importing a folder does. */
async function importAll(wb: Workbench, files: CorpusFile[]): Promise<{ passages: number; failed: number }> {
  let passages = 0;
  let failed = 0;
  for (const o of await wb.importAll(files.map((f) => f.path))) {
    if (o.status === 'imported') passages += o.source.passages;
    else if (o.status === 'failed') failed++;
  }
  return { passages, failed };
}

function chromiumPath(): string | undefined {
  return [process.env.SOURCEBENCH_CHROMIUM, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && fs.existsSync(p),
  );
}

/** Headless Chromium for the window's rows, or undefined when there is none (or --no-browser). */
async function launchChromium(): Promise<import('playwright-core').Browser | undefined> {
  const browserPath = args.includes('--no-browser') ? undefined : chromiumPath();
  if (!browserPath) return undefined;
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu'] });
}

async function main() {
  // `--claims` may stand alone (the corpus then comes from --claims-corpus or the environment).
  const claimsAt = args.indexOf('--claims');
  const claimsDir = claimsAt >= 0 && args[claimsAt + 1] && !args[claimsAt + 1]!.startsWith('--') ? args[claimsAt + 1] : undefined;
  const claimsRoot = opt('--claims-corpus') ?? (claimsAt >= 0 && !claimsDir ? process.env.SOURCEBENCH_CLAIMS_CORPUS : undefined);
  if (claimsAt >= 0 || claimsRoot) {
    if (!claimsDir && !claimsRoot)
      throw new Error(
        '--claims needs a folder of texts (--claims DIR), or a corpus with dev/ and test/ in it (--claims-corpus ROOT or SOURCEBENCH_CLAIMS_CORPUS)',
      );
    if (claimsDir) rows.push(...benchClaims(path.resolve(claimsDir), path.resolve(opt('--answers') ?? path.join(claimsDir, 'answers.json'))));
    if (claimsRoot) rows.push(...benchClaimsCorpus(path.resolve(claimsRoot)));
    if (!args.includes('--all')) return printTable();
  }
  if (opt('--html')) rows.push(...(await benchHtml(Number(opt('--html')))));
  if (args.includes('--html-only')) return printTable();
  if (args.includes('--ocr') || args.includes('--ocr-only'))
    rows.push(
      ...(await benchOcr({
        textDir: opt('--ocr-texts'),
        perGroup: opt('--ocr-pages') ? Number(opt('--ocr-pages')) : undefined,
        preprocessing: !args.includes('--no-ocr-preprocessing'),
        allVariants: args.includes('--ocr-all-variants'),
        verbose: args.includes('--verbose'),
      })),
    );
  // The first citation in a style (bench/cite.ts): --cite adds these rows, --cite-only runs them alone.
  if (args.includes('--cite') || args.includes('--cite-only')) rows.push(...(await benchCitation()));
  if (args.includes('--cite-only')) return printTable();
  // Real scans with transcriptions (bench/ocr-real.ts): --ocr-real [DIR] adds these rows, --ocr-real-only [DIR] runs them alone.
  for (const flag of ['--ocr-real', '--ocr-real-only']) {
    if (!args.includes(flag)) continue;
    const dir = opt(flag);
    rows.push(
      ...(await benchOcrReal({
        dir: dir && !dir.startsWith('--') ? path.resolve(dir) : undefined,
        variants: !args.includes('--no-ocr-preprocessing'),
      })),
    );
    if (flag === '--ocr-real-only') return printTable();
  }
  if (args.includes('--ocr-ui')) {
    const browser = await launchChromium();
    if (!browser) row('Window while pages are recognised', 'skipped', 'no Chromium found');
    else {
      rows.push(...(await benchOcrUi(browser, opt('--ocr-ui-pages') ? Number(opt('--ocr-ui-pages')) : undefined)));
      await browser.close();
    }
    return printTable();
  }
  if (args.includes('--ocr-only')) return printTable();
  // Regions cut out of page images (the Markdown export's crops): --crop adds these rows, --crop-only runs them alone.
  if (args.includes('--crop') || args.includes('--crop-only')) rows.push(...(await benchCrop()));
  if (args.includes('--crop-only')) return printTable();
  // Scanned PDFs drawn and recognised: --pdf-scan adds these rows, --pdf-scan-only runs them alone.
  if (args.includes('--pdf-scan') || args.includes('--pdf-scan-only'))
    rows.push(
      ...(await benchPdfScan({ perGroup: opt('--pdf-scan-pages') ? Number(opt('--pdf-scan-pages')) : undefined, textDir: opt('--ocr-texts') })),
    );
  if (args.includes('--pdf-scan-only')) return printTable();
  if (!onlySearch && !onlyReuse && !args.includes('--import-only') && !args.includes('--align-only')) {
    const browser = await launchChromium();
    try {
      rows.push(...(await benchImageSource(Number(opt('--image-pages') ?? 200), 20, browser)));
    } finally {
      await browser?.close();
    }
  }
  if (args.includes('--image-only')) return printTable();
  const alignOnly = args.includes('--align-only');
  if (!onlySearch && !alignOnly && !onlyReuse && !args.includes('--import-only')) rows.push(...(await benchPdf(opt('--pdf') ?? DEFAULT_PDF)));
  if (args.includes('--pdf-only')) return printTable();
  const corpusDir = opt('--corpus');
  const neededMb = Math.max(targetMb, Math.ceil((Math.max(0, ...searchSizes) * 450) / 1048576));
  const files = corpusDir ? listCorpus(path.resolve(corpusDir)) : writeCorpus(path.join(ROOT, '.bench'), neededMb * 1048576);
  if (!files.length) throw new Error(`no .txt files found in ${corpusDir}`);
  const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
  console.error(
    `Corpus: ${files.length} files, ${mb(totalBytes).toFixed(1)} MB (${corpusDir ? path.resolve(corpusDir) : 'built from npm packages'})`,
  );

  if (args.includes('--import-only')) {
    rows.push(...(await benchImportRows(files)));
    return printTable();
  }
  if (onlyReuse) {
    rows.push(...(await benchReuseImport(firstMb(files))));
    for (const size of reuseSizes) rows.push(...(await benchReuse(files, size, { report: size <= 100_000 || args.includes('--reuse-report') })));
    return printTable();
  }
  if (args.includes('--views-only')) {
    await benchImportAndViews(files, { viewsOnly: true });
    return printTable();
  }
  if (!onlySearch) {
    // Alignment on paragraphs of the same prose (the first files' paragraphs).
    const paragraphs: string[] = [];
    for (const f of files) {
      if (paragraphs.length >= 3000) break;
      paragraphs.push(
        ...fs
          .readFileSync(f.path, 'utf8')
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter((p) => p.length > 80),
      );
    }
    rows.push(...benchAlign(paragraphs));
    if (alignOnly) return printTable();
    rows.push(...benchCollate(paragraphs));
  }
  if (!onlySearch) rows.push(...(await benchImportRows(files)));
  if (!onlySearch) await benchImportAndViews(files);
  for (const size of searchSizes)
    rows.push(...(await benchSearch(files, size, { minisearch: !args.includes('--no-minisearch'), verbose: args.includes('--verbose') })));
  if (!onlySearch)
    for (const size of reuseSizes) rows.push(...(await benchReuse(files, size, { report: size <= 100_000 || args.includes('--reuse-report') })));
  printTable();
}

/** The pipeline's rows: passages/s over the first --mb megabytes, and small files in files/s. */
async function benchImportRows(allFiles: CorpusFile[]): Promise<[string, string, string][]> {
  const files: CorpusFile[] = [];
  let bytes = 0;
  for (const f of allFiles) {
    if (bytes >= targetMb * 1048576 && files.length) break;
    files.push(f);
    bytes += f.bytes;
  }
  return [
    ...(await benchImportPassages(files)),
    ...(await benchImportSmallFiles(allFiles, Number(opt('--small-files') ?? 10_000))),
    ...(await benchReuseImport(files)),
  ];
}

/** The first --mb megabytes of the corpus. */
function firstMb(allFiles: CorpusFile[]): CorpusFile[] {
  const files: CorpusFile[] = [];
  let bytes = 0;
  for (const f of allFiles) {
    if (bytes >= targetMb * 1048576 && files.length) break;
    files.push(f);
    bytes += f.bytes;
  }
  return files;
}

async function benchImportAndViews(allFiles: CorpusFile[], { viewsOnly = false } = {}) {
  // The import rows measure the first --mb megabytes of the corpus.
  const files: CorpusFile[] = [];
  let totalBytes = 0;
  for (const f of allFiles) {
    if (totalBytes >= targetMb * 1048576 && files.length) break;
    files.push(f);
    totalBytes += f.bytes;
  }
  // 1. Import throughput beside the floor. The floor runs first and warms the page cache for both.
  if (!viewsOnly) await importBesideFloor(files, totalBytes);
  await viewRows(files);
}

async function importBesideFloor(files: CorpusFile[], totalBytes: number) {
  const fl = floor(files);
  const floorRate = mb(totalBytes) / (fl.ms / 1000);
  row('Floor: read + bare insert', `${floorRate.toFixed(1)} MB/s`, `${(fl.ms / 1000).toFixed(1)} s, ${fl.passages.toLocaleString()} paragraphs`);
  const ff = floor(files, true);
  const ftsFloorRate = mb(totalBytes) / (ff.ms / 1000);
  row('Floor with an FTS5 index', `${ftsFloorRate.toFixed(1)} MB/s`, `${(ff.ms / 1000).toFixed(1)} s: the same insert, indexed as search needs`);
  {
    const home = scratch();
    const wb = Workbench.open({ home });
    const [r, ms] = await timedAsync(() => importAll(wb, files));
    const rate = mb(totalBytes) / (ms / 1000);
    row(
      'Sourcebench import',
      `${rate.toFixed(1)} MB/s`,
      `${(ms / 1000).toFixed(1)} s, ${r.passages.toLocaleString()} passages, ${r.failed} failed; ${((rate / floorRate) * 100).toFixed(0)}% of the bare floor, ${((rate / ftsFloorRate) * 100).toFixed(0)}% of the indexed floor; ${peakRss()}`,
    );
    row('Project file size', `${mb(fs.statSync(wb.projectPath).size).toFixed(0)} MB`, `for ${mb(totalBytes).toFixed(0)} MB of text`);
    wb.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** A project of N sources: opened and listed through the API, then shown in Chromium. */
async function viewRows(files: CorpusFile[]) {
  // 2. A project of N sources: open it and list the library.
  // --library DIR keeps the built project there and reuses it on the next run (for
  // measuring a change to the views without importing again).
  const kept = opt('--library');
  const home = kept ? path.resolve(kept) : scratch();
  const project = path.join(home, 'library.sourcebench');
  if (!kept || !fs.existsSync(project)) {
    fs.mkdirSync(home, { recursive: true });
    const wb = Workbench.open({ home, project, createMissing: true });
    const small = files.filter((f) => f.bytes < 64 * 1024).slice(0, librarySize);
    const [, ms] = await timedAsync(() => importAll(wb, small));
    row(`Import ${small.length.toLocaleString()} small files`, `${(small.length / (ms / 1000)).toFixed(0)} files/s`, `${(ms / 1000).toFixed(1)} s`);
    // A 2 MB source for the reader, from the same prose.
    let text = '';
    for (const f of files) {
      if (text.length >= 2_000_000) break;
      text += `${fs.readFileSync(f.path, 'utf8')}\n\n`;
    }
    await wb.importFile({ name: 'two-megabytes.txt', bytes: new TextEncoder().encode(text.slice(0, 2_000_000)) });
    wb.close();
  }
  const opens: number[] = [];
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const [n, ms] = await timedAsync(async () => {
      const wb = Workbench.open({ home, project });
      const list = await wb.listSources();
      await wb.listTags();
      wb.close();
      return list.length;
    });
    count = n;
    opens.push(ms);
  }
  row(`Open project of ${count.toLocaleString()} sources + list library (API)`, `${median(opens).toFixed(0)} ms`, 'median of 3');

  const wb = Workbench.open({ home, project });
  const big = (await wb.listSources()).find((s) => s.fileName === 'two-megabytes.txt')!;
  const gets: number[] = [];
  for (let i = 0; i < 3; i++) gets.push((await timedAsync(() => wb.getSource({ id: big.id })))[1]);
  row(
    `Load a ${mb(big.bytes).toFixed(1)} MB source, ${big.passages.toLocaleString()} passages (API)`,
    `${median(gets).toFixed(0)} ms`,
    'median of 3',
  );

  // 3. The same in the browser: what a historian waits for.
  const browserPath = chromiumPath();
  if (useBrowser && browserPath && fs.existsSync(path.join(rendererDir(), 'index.html'))) {
    const { chromium } = await import('playwright-core');
    const server = await startServer({ service: wb, staticDir: rendererDir() });
    const browser = await chromium.launch({
      executablePath: browserPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const bigTitle = big.title;
    for (const r of await benchBrowser(browser, server.url, count, bigTitle)) row(...r);
    await browser.close();
    await server.close();
  } else {
    row('Browser timings', 'skipped', useBrowser ? 'no Chromium found or renderer not built (npm run build)' : '--no-browser');
  }
  wb.close();
  if (!kept) fs.rmSync(home, { recursive: true, force: true });
}

function printTable() {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length), ['Measure', 'Result', 'Notes'][c]!.length));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  console.log(`\nSourcebench benchmark — ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(line(['Measure', 'Result', 'Notes']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
