/**
 * PDF import speed on a large real PDF, beside PDF.js's bare text extraction of the same file
 * (getTextContent on every page) in the same run: pages a second, by the clock and by CPU
 * time (the machine may be busy with other work; CPU time is steadier). Each is run `runs`
 * times, alternating, and the best run counts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pdfjs, readPdfSource } from '../src/main/ingest/pdf';
import { Workbench } from '../src/main/workbench';
import type { Row } from './search';

/** Where a large PDF is found when none is named: Debian's octave-doc manual (1,158 pages). */
export const DEFAULT_PDF = '/usr/share/doc/octave/octave.pdf';

interface Timing {
  ms: number;
  cpuMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, Timing]> {
  global.gc?.();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await work();
  const used = process.cpuUsage(cpu);
  return [r, { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 }];
}

/** PDF.js alone: open the file and take every page's text content, nothing else. */
async function bare(bytes: Uint8Array): Promise<number> {
  const lib = await pdfjs();
  const task = lib.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  let items = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await task.destroy();
  return items;
}

const best = (xs: Timing[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
const rate = (pages: number, ms: number) => `${(pages / (ms / 1000)).toFixed(1)} pages/s`;

export async function benchPdf(file: string | undefined, runs = 2): Promise<Row[]> {
  if (!file || !fs.existsSync(file)) {
    return [
      ['PDF import', 'skipped', `no PDF at ${file ?? DEFAULT_PDF}: pass --pdf FILE (apt-get install octave-doc gives ${DEFAULT_PDF}, 1,158 pages)`],
    ];
  }
  const bytes = new Uint8Array(fs.readFileSync(file));
  const name = path.basename(file);
  await pdfjs();
  const bareRuns: Timing[] = [];
  const readRuns: Timing[] = [];
  const importRuns: Timing[] = [];
  let pages = 0;
  let passages = 0;
  for (let r = 0; r < runs; r++) {
    bareRuns.push((await timed(() => bare(bytes)))[1]);
    const [read, readTime] = await timed(() => readPdfSource(name, bytes));
    readRuns.push(readTime);
    pages = (read.source.meta as { pdf: { pages: number } }).pdf.pages;
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-pdf-'));
    const wb = Workbench.open({ home });
    const [outcome, importTime] = await timed(() => wb.importFile({ name, bytes }));
    importRuns.push(importTime);
    if (outcome.status !== 'imported') throw new Error(`${name} was not imported: ${JSON.stringify(outcome)}`);
    passages = outcome.source.passages;
    wb.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
  const b = best(bareRuns);
  const rd = best(readRuns);
  const im = best(importRuns);
  const share = (t: Timing) =>
    `${((b.ms / t.ms) * 100).toFixed(0)}% of bare extraction by the clock, ${((b.cpuMs / t.cpuMs) * 100).toFixed(0)}% by CPU time`;
  const mb = (bytes.length / 1048576).toFixed(1);
  return [
    [
      `PDF.js bare text extraction, ${pages.toLocaleString('en')} pages`,
      rate(pages, b.ms),
      `${name} (${mb} MB), getTextContent on every page: ${(b.ms / 1000).toFixed(1)} s (${rate(pages, b.cpuMs)} of CPU), best of ${runs}`,
    ],
    [`PDF reading (layout, furniture, footnotes)`, rate(pages, rd.ms), `readSource alone: ${(rd.ms / 1000).toFixed(1)} s; ${share(rd)}`],
    [
      `PDF import`,
      rate(pages, im.ms),
      `read, claims, write and index: ${(im.ms / 1000).toFixed(1)} s, ${passages.toLocaleString('en')} passages; ${share(im)}`,
    ],
  ];
}
