/**
 * Scanned PDFs: the OCR benchmark's typed pages (bench/ocr-pages.ts, clean and degraded,
 * Letter at 200 dpi) stored as JPEG in a PDF without a text layer, as a scanner writes it.
 * Measured: drawing its pages for recognition (readPdfSource: PDF.js onto @napi-rs/canvas at
 * 300 dpi, JPEG) in pages/min, the size a page and the process's peak memory; then the
 * whole way through the service (import in a worker, pages stored, recognition in the
 * background queue) in pages/min, with the character error rate of the text it gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { makePdf } from '../scripts/minipdf.mjs';
import { readPdfSource } from '../src/main/ingest/pdf';
import { Workbench } from '../src/main/workbench';
import { cer, DEFAULT_OCR_TEXTS, normaliseWhitespace } from './ocr';
import { makePages, PAGE_HEIGHT, PAGE_WIDTH, readTexts } from './ocr-pages';
import type { Row } from './search';

const perMinute = (pages: number, ms: number) => `${((pages * 60000) / ms).toFixed(1)} pages/min`;

/** The pages as a scanned PDF: each one a JPEG (quality 90) filling a Letter page. */
async function scannedPdf(pngs: Buffer[]): Promise<Uint8Array> {
  const pages = [];
  for (const png of pngs) {
    const image = await loadImage(png);
    const canvas = createCanvas(PAGE_WIDTH, PAGE_HEIGHT);
    canvas.getContext('2d').drawImage(image, 0, 0);
    const jpeg = new Uint8Array(await canvas.encode('jpeg', 90));
    pages.push({ width: (PAGE_WIDTH * 72) / 200, height: (PAGE_HEIGHT * 72) / 200, jpeg: { bytes: jpeg, width: PAGE_WIDTH, height: PAGE_HEIGHT } });
  }
  return makePdf({ pages });
}

export async function benchPdfScan(options: { perGroup?: number; textDir?: string } = {}): Promise<Row[]> {
  const perGroup = options.perGroup ?? 2;
  if (!Number.isInteger(perGroup) || perGroup < 1)
    throw new Error(`--pdf-scan-pages: expected a whole number of pages a group (1 or more), got ${perGroup}`);
  const textDir = options.textDir ?? DEFAULT_OCR_TEXTS.find((d) => fs.existsSync(d));
  if (!textDir) throw new Error(`scanned PDF bench: no texts to type (looked in ${DEFAULT_OCR_TEXTS.join(', ')})`);
  const typed = makePages(readTexts(textDir), perGroup);
  const bytes = await scannedPdf(typed.map((p) => p.png));
  const n = typed.length;
  const rows: Row[] = [];

  // Drawing alone, in this thread, after PDF.js and the canvas are loaded by a first run.
  await readPdfSource('warm-up.pdf', await scannedPdf([typed[0]!.png]));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const t = performance.now();
  const drawn = await readPdfSource('scan.pdf', bytes);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const peak = process.resourceUsage().maxRSS * 1024;
  const images = drawn.images ?? [];
  if (images.length !== n) throw new Error(`scanned PDF bench: ${images.length} pages drawn of ${n}`);
  const keptKb = images.reduce((s, i) => s + i.bytes.length, 0) / n / 1024;
  rows.push([
    'Scanned PDF, pages drawn for recognition',
    perMinute(n, ms),
    `${n} Letter pages (${(bytes.length / n / 1024).toFixed(0)} KB of JPEG a page) drawn at 300 dpi, ${images[0]!.width}x${images[0]!.height} px, JPEG ${keptKb.toFixed(0)} KB a page; by CPU time ${perMinute(n, (used.user + used.system) / 1000)}; peak RSS ${(peak / 1048576).toFixed(0)} MB (${(rssBefore / 1048576).toFixed(0)} MB before)`,
  ]);

  // The whole way: import (drawn in a worker), stored, recognised in the background.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-pdfscan-'));
  const file = path.join(home, 'scan.pdf');
  fs.writeFileSync(file, bytes);
  const wb = Workbench.open({ home, dailyBackup: false });
  try {
    const t0 = performance.now();
    const [outcome] = await wb.importAll([file]);
    if (outcome?.status !== 'imported') throw new Error(`scanned PDF bench: not imported (${JSON.stringify(outcome)})`);
    const imported = performance.now() - t0;
    await wb.ocrIdle();
    const total = performance.now() - t0;
    const source = await wb.getSource({ id: outcome.source.id });
    if (source.image?.ocr.state !== 'done') throw new Error(`scanned PDF bench: recognition ${source.image?.ocr.state}: ${source.image?.ocr.error}`);
    const text = source.passageList.map((p) => p.text).join('\n\n');
    const truth = typed.map((p) => p.truth).join('\n\n');
    rows.push([
      'Scanned PDF, import + recognition',
      perMinute(n, total),
      `${n} pages (${perGroup} clean + ${perGroup} degraded) through the service: imported in ${(imported / 1000).toFixed(1)} s, recognised ${((total - imported) / 1000).toFixed(1)} s later; CER ${(cer(text, truth) * 100).toFixed(2)}% over ${normaliseWhitespace(truth).length} characters`,
    ]);
  } finally {
    await wb.shutdown();
    fs.rmSync(home, { recursive: true, force: true });
  }
  return rows;
}
