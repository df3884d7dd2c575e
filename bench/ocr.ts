/**
 * OCR of typed documents: throughput (pages a minute) and character error rate (CER) on
 * generated pages (bench/ocr-pages.ts), 10 clean and 10 degraded, with the engine's start
 * timed apart. On the degraded pages the same run also measures standard preprocessing:
 * Tesseract's own deskew (rotateAuto), Sauvola binarisation (binariseForOcr) and a flattened
 * background that keeps grey levels (flattenForOcr).
 *
 * CER = Levenshtein distance between the recognised text and the truth, divided by the
 * truth's length, after collapsing every run of whitespace (spaces, newlines) to one space
 * and trimming both ends; nothing else is normalised (case, punctuation and quotes count).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { OcrPage } from './ocr-pages';
import { makePages, readTexts } from './ocr-pages';
import type { Row } from './search';
import { OcrEngine as ProductOcr, PREPROCESSING } from '../src/main/ocr/recognise';

/** Where the page texts come from: State of the Union messages when the bench corpus is unpacked, else the test fixtures. */
export const DEFAULT_OCR_TEXTS = ['/tmp/sb-corpus/sotu', path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'tests', 'fixtures')];

export const CER_TARGET = { clean: 0.02, degraded: 0.08 };

export function normaliseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Levenshtein distance in O(|a|·|b|) time and O(|b|) memory. Written here because no edit
 * distance package is a dependency: `diff` (installed) gives LCS edit scripts, in which a
 * substitution costs two, so it would not give Levenshtein's count.
 */
export function levenshtein(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  const row = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + cost);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** Character error rate of `recognised` against `truth` (whitespace runs collapsed in both). */
export function cer(recognised: string, truth: string): number {
  const t = normaliseWhitespace(truth);
  if (!t) throw new Error('CER: the truth text is empty');
  return levenshtein(normaliseWhitespace(recognised), t) / t.length;
}

export interface RecogniseOptions {
  /** Let Tesseract find and undo the page's skew before reading it. */
  rotateAuto?: boolean;
  /** Tesseract's own Sauvola binarisation (`thresholding_method` 2), as the product does by default. */
  binarise?: boolean;
  /** How the layout is read: found when a gutter shows (auto, the product default), always found (true), one block of text (false). */
  columns?: boolean | 'auto';
}

/** One engine: started once, then asked for the text of page images (PNG, JPEG, TIFF bytes). */
export interface OcrEngine {
  start(): Promise<void>;
  recognise(bytes: Uint8Array, options?: RecogniseOptions): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The adapter: the product's own recogniser (src/main/ocr/recognise.ts: Tesseract.js, LSTM
 * only, the `best_int` English model shipped in @tesseract.js-data/eng, never downloaded or
 * cached). The only place the benchmark calls OCR.
 */
export function tesseractEngine(): OcrEngine {
  let engine: ProductOcr | undefined;
  return {
    async start() {
      engine = await ProductOcr.start();
    },
    async recognise(bytes, options = {}) {
      if (!engine) throw new Error('OCR engine not started');
      return (
        await engine.recognise([bytes], {
          rotateAuto: options.rotateAuto ?? false,
          binarise: options.binarise ?? false,
          columns: options.columns,
        })
      ).text;
    },
    async stop() {
      await engine?.close();
      engine = undefined;
    },
  };
}

/** Sums of a one-byte-a-pixel image over any rectangle in constant time (summed-area table); with `squares`, of the squares too. */
function integralImage(grey: Uint8Array, width: number, height: number, squares: boolean): [Float64Array, Float64Array | undefined] {
  const w1 = width + 1;
  const sum = new Float64Array(w1 * (height + 1));
  const sq = squares ? new Float64Array(w1 * (height + 1)) : undefined;
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    let rowSq = 0;
    for (let x = 0; x < width; x++) {
      const v = grey[y * width + x]!;
      rowSum += v;
      sum[(y + 1) * w1 + x + 1] = sum[y * w1 + x + 1]! + rowSum;
      if (sq) {
        rowSq += v * v;
        sq[(y + 1) * w1 + x + 1] = sq[y * w1 + x + 1]! + rowSq;
      }
    }
  }
  return [sum, sq];
}

/** Calls `each(i, mean, sd)` for every pixel with the mean (and deviation, when `sd`) of the `window`-pixel square around it. */
function localStats(
  grey: Uint8Array,
  width: number,
  height: number,
  window: number,
  sd: boolean,
  each: (i: number, mean: number, sd: number) => void,
): void {
  const [sum, sq] = integralImage(grey, width, height, sd);
  const w1 = width + 1;
  const half = window >> 1;
  const box = (t: Float64Array, x0: number, y0: number, x1: number, y1: number) =>
    t[y1 * w1 + x1]! - t[y0 * w1 + x1]! - t[y1 * w1 + x0]! + t[y0 * w1 + x0]!;
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(height, y + half + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - half);
      const x1 = Math.min(width, x + half + 1);
      const n = (y1 - y0) * (x1 - x0);
      const mean = box(sum, x0, y0, x1, y1) / n;
      each(y * width + x, mean, sq ? Math.sqrt(Math.max(0, box(sq, x0, y0, x1, y1) / n - mean * mean)) : 0);
    }
  }
}

/**
 * Sauvola's adaptive threshold (2000): a pixel is ink when darker than m·(1 + k·(s/128 − 1)),
 * m and s the mean and deviation of the `window`-pixel square around it. Where the square is
 * all paper (s small) the threshold drops well below the mean, so noise does not become ink;
 * shadows and stains move m and so do not either. Linear time. One byte a pixel in; 0 (ink)
 * or 255 (paper) out.
 */
export function sauvolaThreshold(grey: Uint8Array, width: number, height: number, window = 51, k = 0.3): Uint8Array {
  const out = new Uint8Array(width * height);
  localStats(grey, width, height, window, true, (i, m, s) => {
    out[i] = grey[i]! < m * (1 + k * (s / 128 - 1)) ? 0 : 255;
  });
  return out;
}

/**
 * Flattens the background and stretches contrast, keeping grey levels (Tesseract's LSTM reads
 * grey lines): each pixel is divided by the mean of the `window`-pixel square around it
 * (the paper's local brightness, text being a small part of it) and the result is stretched
 * so that the paper is white and the ink dark. Linear time. One byte a pixel in and out.
 */
export function flattenBackground(grey: Uint8Array, width: number, height: number, window = 101): Uint8Array {
  const out = new Uint8Array(width * height);
  localStats(grey, width, height, window, false, (i, m) => {
    // Paper is about 1.0 of the local mean, ink well under it; map 0.55 -> 0 and 0.95 -> 255.
    const r = grey[i]! / Math.max(1, m);
    out[i] = Math.max(0, Math.min(255, ((r - 0.55) / 0.4) * 255));
  });
  return out;
}

/** Decodes a page image, passes its grey levels through `filter` and encodes it again as PNG. */
async function filterImage(bytes: Uint8Array, filter: (grey: Uint8Array, width: number, height: number) => Uint8Array): Promise<Buffer> {
  const img = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  const d = data.data;
  const grey = new Uint8Array(img.width * img.height);
  for (let i = 0; i < grey.length; i++) grey[i] = (d[i * 4]! * 299 + d[i * 4 + 1]! * 587 + d[i * 4 + 2]! * 114) / 1000;
  const out = filter(grey, img.width, img.height);
  for (let i = 0; i < out.length; i++) {
    d[i * 4] = d[i * 4 + 1] = d[i * 4 + 2] = out[i]!;
    d[i * 4 + 3] = 255;
  }
  ctx.putImageData(data, 0, 0);
  return canvas.toBuffer('image/png');
}

/**
 * Preprocessing for OCR: Sauvola binarisation of the page (sauvolaThreshold). The best of the
 * preprocessing measured on the degraded pages, with Tesseract's rotateAuto on as well
 * (bench --ocr-only); it takes PNG, JPEG or any image @napi-rs/canvas decodes.
 */
export const binariseForOcr = (bytes: Uint8Array) => filterImage(bytes, sauvolaThreshold);
/** Preprocessing for OCR: flat background, stretched contrast, grey kept (flattenBackground). */
export const flattenForOcr = (bytes: Uint8Array) => filterImage(bytes, flattenBackground);

interface Variant {
  name: string;
  prepare?: (png: Buffer) => Promise<Buffer>;
  options?: RecogniseOptions;
}

interface Measured {
  page: OcrPage;
  cer: number;
  ms: number;
  /** CPU time of the whole process (Tesseract's worker thread included): steadier than the clock on a busy machine. */
  cpuMs: number;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const perMinute = (pages: number, ms: number) => `${((pages * 60000) / ms).toFixed(1)} pages/min`;

async function measure(engine: OcrEngine, pages: OcrPage[], variant: Variant): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const page of pages) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const bytes = variant.prepare ? await variant.prepare(page.png) : page.png;
    const text = await engine.recognise(bytes, variant.options);
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    out.push({ page, cer: cer(text, page.truth), ms, cpuMs: (used.user + used.system) / 1000 });
    console.error(`    ${variant.name}, ${page.name}: CER ${pct(out.at(-1)!.cer)} in ${(out.at(-1)!.ms / 1000).toFixed(1)} s`);
  }
  return out;
}

function summary(label: string, results: Measured[], target: number): Row[] {
  const mean = results.reduce((n, r) => n + r.cer, 0) / results.length;
  const worst = results.reduce((a, b) => (b.cer > a.cer ? b : a));
  const ms = results.reduce((n, r) => n + r.ms, 0);
  const cpuMs = results.reduce((n, r) => n + r.cpuMs, 0);
  return [
    [
      `OCR CER, ${label}`,
      pct(mean),
      `mean of ${results.length} pages (target ≤ ${pct(target)}: ${mean <= target ? 'met' : 'NOT met'}); worst ${pct(worst.cer)} (${worst.page.name}, ${worst.page.font})`,
    ],
    [
      `OCR throughput, ${label}`,
      perMinute(results.length, ms),
      `${(ms / 1000).toFixed(1)} s for ${results.length} pages, engine already started, preprocessing included; by CPU time ${perMinute(results.length, cpuMs)}`,
    ],
  ];
}

export interface OcrBenchOptions {
  /** Folder of .txt/.md texts to type; the first of DEFAULT_OCR_TEXTS that exists otherwise. */
  textDir?: string;
  perGroup?: number;
  verbose?: boolean;
  /** Also measure the preprocessing variants (default true). */
  preprocessing?: boolean;
  /** Also the variants measured before (hand-written Sauvola alone, flattened background). */
  allVariants?: boolean;
  engine?: OcrEngine;
}

export async function benchOcr(options: OcrBenchOptions = {}): Promise<Row[]> {
  const textDir = options.textDir ?? DEFAULT_OCR_TEXTS.find((d) => fs.existsSync(d))!;
  const perGroup = options.perGroup ?? 10;
  if (!Number.isInteger(perGroup) || perGroup < 1)
    throw new Error(`--ocr-pages: expected a whole number of pages a group (1 or more), got ${perGroup}`);
  if (!textDir) throw new Error(`OCR bench: no texts to type; pass --ocr-texts DIR (looked in ${DEFAULT_OCR_TEXTS.join(', ')})`);
  const tMake = performance.now();
  const pages = makePages(readTexts(textDir), perGroup);
  const makeMs = performance.now() - tMake;
  const chars = pages.reduce((n, p) => n + normaliseWhitespace(p.truth).length, 0);
  const rows: Row[] = [
    [
      'OCR pages generated',
      `${pages.length} pages`,
      `${perGroup} clean + ${perGroup} degraded, 1700x2200 px (Letter at 200 dpi), ${Math.round(chars / pages.length)} characters a page on average, from ${textDir}; ${(makeMs / 1000).toFixed(1)} s`,
    ],
  ];
  const engine = options.engine ?? tesseractEngine();
  const tStart = performance.now();
  const cpuStart = process.cpuUsage();
  await engine.start();
  const startCpu = process.cpuUsage(cpuStart);
  rows.push([
    'OCR engine start',
    `${((performance.now() - tStart) / 1000).toFixed(2)} s`,
    `Tesseract.js worker, English LSTM data from @tesseract.js-data/eng; ${((startCpu.user + startCpu.system) / 1e6).toFixed(2)} s of CPU`,
  ]);
  try {
    const clean = pages.filter((p) => p.group === 'clean');
    const degraded = pages.filter((p) => p.group === 'degraded');
    const results: [string, Measured[]][] = [];
    const plain = await measure(engine, clean, { name: 'clean' });
    rows.push(...summary('clean pages', plain, CER_TARGET.clean));
    results.push(['clean', plain]);
    if (options.preprocessing ?? true) {
      // The product's default (PREPROCESSING in src/main/ocr/recognise.ts) must not hurt clean pages.
      const prepared = await measure(engine, clean, { name: 'clean, product preprocessing', options: { ...PREPROCESSING } });
      rows.push(...summary('clean pages, product preprocessing (Tesseract Sauvola + rotateAuto)', prepared, CER_TARGET.clean));
      results.push(['clean, product preprocessing', prepared]);
    }
    const variants: Variant[] = [{ name: 'degraded' }];
    if (options.preprocessing ?? true)
      variants.push(
        { name: 'degraded, rotateAuto', options: { rotateAuto: true } },
        { name: 'degraded, Sauvola threshold (hand-written) + rotateAuto', prepare: binariseForOcr, options: { rotateAuto: true } },
        { name: 'degraded, Tesseract Sauvola', options: { binarise: true } },
        { name: 'degraded, product preprocessing (Tesseract Sauvola + rotateAuto)', options: { ...PREPROCESSING } },
        ...(options.allVariants
          ? [
              { name: 'degraded, Sauvola threshold (hand-written)', prepare: binariseForOcr },
              { name: 'degraded, flattened background + rotateAuto', prepare: flattenForOcr, options: { rotateAuto: true } },
            ]
          : []),
      );
    for (const v of variants) {
      const r = await measure(engine, degraded, v);
      const label = v.name === 'degraded' ? 'degraded pages' : `degraded pages, ${v.name.slice('degraded, '.length)}`;
      rows.push(...summary(label, r, CER_TARGET.degraded));
      results.push([v.name, r]);
    }
    if (options.verbose)
      for (const [name, rs] of results)
        for (const r of rs)
          rows.push([
            `  ${name}: ${r.page.name}`,
            pct(r.cer),
            `${r.page.font}; ${(r.ms / 1000).toFixed(1)} s (${(r.cpuMs / 1000).toFixed(1)} s CPU); ${r.page.degradations.join(', ') || 'clean'}`,
          ]);
  } finally {
    await engine.stop();
  }
  return rows;
}
