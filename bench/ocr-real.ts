/**
 * OCR of real scanned pages with a known transcription: character error rate per page and
 * mean, and pages a minute, through the product's recogniser with the defaults an import uses
 * (PREPROCESSING in src/main/ocr/recognise.ts: Tesseract's Sauvola binarisation + deskew, and
 * its automatic page layout), beside the same recogniser without them.
 *
 * The pages are a folder (`--ocr-real DIR`, else /tmp/sb-ocr-real) of page images (TIFF, PNG,
 * JPEG) each with its transcription beside it: `page.tif` and `page.txt`. The project ships no
 * such pages; README (Benchmark) says which public scans the published figures come from.
 *
 * What is normalised, in the recognised text and the transcription alike, before the edit
 * distance is taken:
 *   - every run of whitespace (spaces, line breaks, indentation) becomes one space, ends trimmed;
 *   - typographic quotes and dashes become their ASCII forms (‘’ → ', “” → ", – — → -) and the
 *     ligatures ﬁ ﬂ ﬀ ﬃ ﬄ are spelled out, since transcriptions differ in how they type them;
 *   - a `~` in the transcription (the ISRI/UNLV mark for a character it could not type, such
 *     as the é of "Café") matches any one character.
 * Case, punctuation, hyphens at line ends and reading order all count. Because a page read in
 * another column order than its transcription's scores badly on CER while every word is right,
 * two order-free measures are given too: CER with the transcription's blocks matched wherever
 * they are read (blockCer), and the share of the transcription's words (a multiset) missing
 * from the recognised words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import search from 'approx-string-match';
import { normaliseWhitespace, tesseractEngine } from './ocr';
import type { OcrEngine, RecogniseOptions } from './ocr';
import type { Row } from './search';
import { PREPROCESSING } from '../src/main/ocr/recognise';

export const DEFAULT_OCR_REAL = '/tmp/sb-ocr-real';

const IMAGE = /\.(tiff?|png|jpe?g)$/i;

export interface RealPage {
  name: string;
  image: Uint8Array;
  truth: string;
}

/** The page images of `dir` that have a `.txt` transcription beside them, by name; a clear error when there are none. */
export function readRealPages(dir: string): RealPage[] {
  if (!fs.existsSync(dir))
    throw new Error(`OCR of real pages: ${dir} does not exist (pass --ocr-real DIR, a folder of page images each with a .txt beside it)`);
  const pages: RealPage[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (!IMAGE.test(file)) continue;
    const txt = path.join(dir, file.replace(IMAGE, '.txt'));
    if (!fs.existsSync(txt)) continue;
    const truth = fs.readFileSync(txt, 'utf8');
    if (!normaliseWhitespace(truth)) throw new Error(`OCR of real pages: ${txt} is empty`);
    pages.push({ name: file, image: fs.readFileSync(path.join(dir, file)), truth });
  }
  if (pages.length === 0) throw new Error(`OCR of real pages: no page image in ${dir} has a .txt transcription beside it`);
  return pages;
}

const SPELLED: Record<string, string> = { ﬁ: 'fi', ﬂ: 'fl', ﬀ: 'ff', ﬃ: 'ffi', ﬄ: 'ffl' };

/** Whitespace collapsed, typographic quotes and dashes made ASCII, ligatures spelled out (see the header). */
export function normaliseTranscription(s: string): string {
  return normaliseWhitespace(
    s
      .replace(/[‘’‚‛′]/g, "'")
      .replace(/[“”„‟″]/g, '"')
      .replace(/[‐‑‒–—―]/g, '-')
      .replace(/[ﬁﬂﬀﬃﬄ]/g, (c) => SPELLED[c]!),
  );
}

/** Levenshtein distance where a `~` in `truth` matches any one character; O(|a|·|b|) time, O(|truth|) memory. */
export function distanceWithWildcard(recognised: string, truth: string): number {
  const row = new Uint32Array(truth.length + 1);
  for (let j = 0; j <= truth.length; j++) row[j] = j;
  for (let i = 1; i <= recognised.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    const c = recognised.charCodeAt(i - 1);
    for (let j = 1; j <= truth.length; j++) {
      const up = row[j]!;
      const t = truth.charCodeAt(j - 1);
      const cost = t === c || t === 126 /* ~ */ ? 0 : 1;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + cost);
      diag = up;
    }
  }
  return row[truth.length]!;
}

/** Character error rate against a real page's transcription, normalised as the header says. */
export function realCer(recognised: string, truth: string): number {
  const t = normaliseTranscription(truth);
  if (!t) throw new Error('CER: the truth text is empty');
  return distanceWithWildcard(normaliseTranscription(recognised), t) / t.length;
}

/**
 * CER with the transcription's blocks (its paragraphs or zones, split at blank lines) taken in
 * any order: each block's edit distance to the closest stretch of the recognised text (Myers'
 * approximate matching, approx-string-match), summed over the blocks' length. It does not
 * count recognised text that no block matches (a caption read twice, noise read as letters).
 * The transcription's `~` marks are left out of the blocks, so the character the page has
 * there costs one error.
 */
export function blockCer(recognised: string, truth: string): number {
  const text = normaliseTranscription(recognised);
  let errors = 0;
  let chars = 0;
  for (const raw of truth.split(/\n[ \t]*\n/)) {
    const block = normaliseTranscription(raw.replace(/~+/g, ''));
    if (!block) continue;
    chars += block.length;
    const found = search(text, block, block.length);
    errors += found.length ? Math.min(...found.map((m) => m.errors)) : block.length;
  }
  if (!chars) throw new Error('CER: the truth text is empty');
  return errors / chars;
}

/** The share of the transcription's words (with repeats; those holding `~` left out) that the recognised text lacks, in any order. */
export function wordsMissed(recognised: string, truth: string): number {
  const have = new Map<string, number>();
  for (const w of normaliseTranscription(recognised).split(' ')) have.set(w, (have.get(w) ?? 0) + 1);
  const words = normaliseTranscription(truth)
    .split(' ')
    .filter((w) => w && !w.includes('~'));
  let missed = 0;
  for (const w of words) {
    const n = have.get(w) ?? 0;
    if (n > 0) have.set(w, n - 1);
    else missed++;
  }
  return words.length ? missed / words.length : 0;
}

interface Variant {
  name: string;
  options: RecogniseOptions;
}

/**
 * The product's default first (the page read as one block, and again with its layout found
 * when a gutter shows); then its preprocessing with the layout always found and never; then
 * each preprocessing alone and neither, with the layout always found.
 */
export const REAL_VARIANTS: Variant[] = [
  { name: 'product default (layout found when a gutter shows, Tesseract Sauvola + rotateAuto)', options: { ...PREPROCESSING } },
  { name: 'product preprocessing, layout always found', options: { ...PREPROCESSING, columns: true } },
  { name: 'product preprocessing, page read as one block', options: { ...PREPROCESSING, columns: false } },
  { name: 'layout always found, no preprocessing (Otsu, no deskew)', options: { columns: true } },
  { name: 'layout always found, Tesseract Sauvola only', options: { binarise: true, columns: true } },
  { name: 'layout always found, rotateAuto only', options: { rotateAuto: true, columns: true } },
];

export interface RealMeasured {
  page: string;
  cer: number;
  blockCer: number;
  wordsMissed: number;
  ms: number;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export async function measureReal(engine: OcrEngine, pages: RealPage[], variant: Variant): Promise<RealMeasured[]> {
  const out: RealMeasured[] = [];
  for (const p of pages) {
    const t = performance.now();
    const text = await engine.recognise(p.image, variant.options);
    const ms = performance.now() - t;
    const m = { page: p.name, cer: realCer(text, p.truth), blockCer: blockCer(text, p.truth), wordsMissed: wordsMissed(text, p.truth), ms };
    out.push(m);
    console.error(
      `    real scans, ${variant.name}, ${p.name}: CER ${pct(m.cer)}, blocks in any order ${pct(m.blockCer)}, words missed ${pct(m.wordsMissed)} in ${(ms / 1000).toFixed(1)} s`,
    );
  }
  return out;
}

export interface OcrRealOptions {
  dir?: string;
  /** Also the variants without the product's preprocessing (default true). */
  variants?: boolean;
  engine?: OcrEngine;
}

export async function benchOcrReal(options: OcrRealOptions = {}): Promise<Row[]> {
  const dir = options.dir ?? DEFAULT_OCR_REAL;
  const pages = readRealPages(dir);
  const chars = pages.reduce((n, p) => n + normaliseTranscription(p.truth).length, 0);
  const rows: Row[] = [['OCR real scans', `${pages.length} pages`, `${chars} characters transcribed, from ${dir}`]];
  const engine = options.engine ?? tesseractEngine();
  await engine.start();
  try {
    for (const v of options.variants === false ? REAL_VARIANTS.slice(0, 1) : REAL_VARIANTS) {
      const r = await measureReal(engine, pages, v);
      const mean = (f: (m: RealMeasured) => number) => r.reduce((n, m) => n + f(m), 0) / r.length;
      const ms = r.reduce((n, m) => n + m.ms, 0);
      rows.push([
        `OCR CER, real scans, ${v.name}`,
        pct(mean((m) => m.cer)),
        `mean of ${r.length} pages; ${r.map((m) => `${m.page} ${pct(m.cer)}`).join(', ')}`,
      ]);
      rows.push([
        `OCR CER, real scans, blocks in any order, ${v.name}`,
        pct(mean((m) => m.blockCer)),
        `${r.map((m) => `${m.page} ${pct(m.blockCer)}`).join(', ')}; words missed (any order) ${pct(mean((m) => m.wordsMissed))}`,
      ]);
      rows.push([
        `OCR throughput, real scans, ${v.name}`,
        `${((r.length * 60000) / ms).toFixed(1)} pages/min`,
        `${(ms / 1000).toFixed(1)} s for ${r.length} pages, engine already started`,
      ]);
    }
  } finally {
    await engine.stop();
  }
  return rows;
}
