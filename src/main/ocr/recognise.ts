/**
 * Optical character recognition: the product's one path from page images to text, words and
 * their boxes. tesseract.js runs the recogniser in its own worker thread; its English model
 * is read from the installed `@tesseract.js-data/eng` package, never downloaded.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { boxToStored } from '../../shared/orientation';

const require = createRequire(import.meta.url);

/** A rectangle on a page image, in the image's pixels, from the top left. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One recognised word: where it is in the text, where it is on its page, how sure the recogniser is (0–100). */
export interface OcrWord {
  text: string;
  page: number;
  start: number;
  end: number;
  box: Box;
  confidence: number;
}

/** One recognised paragraph: a passage of the source, with its page. */
export interface OcrParagraph {
  page: number;
  start: number;
  end: number;
  box: Box;
}

export interface OcrResult {
  /** The pages' text: words joined by spaces, lines by a line break, paragraphs by a blank line. */
  text: string;
  pages: { page: number; confidence: number }[];
  paragraphs: OcrParagraph[];
  words: OcrWord[];
}

export interface RecogniseOptions {
  /** Tesseract language code(s), e.g. `eng` or `eng+fra`. */
  lang?: string;
  /** The folder holding `<lang>.traineddata(.gz)`; the installed English model when absent. */
  langPath?: string;
  signal?: AbortSignal;
  /** Called as each page progresses: the page (from 1), the page count, and the fraction of that page done. */
  onProgress?: (page: number, pages: number, fraction: number) => void;
  /** Tesseract's own deskew of each page before it is read (measured in bench/ocr.ts). */
  rotateAuto?: boolean;
  /** Sauvola binarisation (Tesseract's own, `thresholding_method` 2) instead of its global Otsu threshold. */
  binarise?: boolean;
  /**
   * How the page's layout is read. `true`: Tesseract's automatic page layout (page
   * segmentation mode 3): columns and blocks are found and read one after another. `false`: the
   * page as one uniform block of text (the library's default), a line straight across every
   * column of a multi-column page: on two real magazine scans that gave a CER of 76–77% against
   * 4–7% with the layout found (bench/ocr-real.ts). But the layout analysis also drops words it
   * takes for noise: on a degraded typewritten page it lost whole words (15% CER against 1%),
   * and without deskew it failed on most skewed pages. So `'auto'` (the default) reads the page
   * as one block, and reads it again with the layout found only when that reading shows a
   * gutter: a wide gap at the same place across many lines (`hasGutter`).
   */
  columns?: boolean | 'auto';
  /**
   * What the store knows of each page, by index: its size and EXIF orientation (read with exifr
   * at import). A page the camera recorded as turned is read upright, and its boxes are given
   * back on the image as stored (which the reader turns the same way).
   */
  stored?: readonly StoredPage[];
}

/** A page image's size as stored, and its EXIF orientation (1–8) when it has one. */
export interface StoredPage {
  width: number;
  height: number;
  orientation: number | null;
}

/** What the product does before a page is read, unless told otherwise: measured in bench/ocr.ts (README, Benchmark). */
export const PREPROCESSING = { rotateAuto: true, binarise: true } as const;

/** The folder of the installed English model (the `best_int` model: accurate and fast on one core). */
export function defaultLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** An error the caller asked for: the recognition was cancelled. */
export class OcrCancelled extends Error {
  constructor() {
    super('Text recognition cancelled');
    this.name = 'OcrCancelled';
  }
}

/**
 * A started recogniser (about a second to start): reuse it for many pages, then `close()`.
 * One page is recognised at a time.
 */
export class OcrEngine {
  private progress: ((fraction: number) => void) | null = null;

  private constructor(private readonly worker: Tesseract.Worker) {}

  /** `lang` (`eng+rus`) read from `langPath`: `<code>.traineddata.gz` there, or `<code>.traineddata` (gzipped or not) when `gzip` is false. */
  static async start(options: { lang?: string; langPath?: string; gzip?: boolean } = {}): Promise<OcrEngine> {
    let engine: OcrEngine | null = null;
    const worker = await Tesseract.createWorker(options.lang ?? 'eng', Tesseract.OEM.LSTM_ONLY, {
      langPath: options.langPath ?? defaultLangPath(),
      gzip: options.gzip ?? true,
      // Never write the model to the working folder, never fetch it.
      cacheMethod: 'none',
      logger: (m) => {
        if (m.status === 'recognizing text') engine?.progress?.(m.progress);
      },
      // A page that cannot be read rejects its own promise; without a handler the library also throws.
      errorHandler: () => undefined,
    });
    engine = new OcrEngine(worker);
    return engine;
  }

  /** Recognises the pages in order. Cancelling (the signal) answers at once and closes the engine. */
  async recognise(images: readonly Uint8Array[], options: Omit<RecogniseOptions, 'lang' | 'langPath'> = {}): Promise<OcrResult> {
    const { signal, onProgress, rotateAuto = false, binarise = false, columns = 'auto', stored } = options;
    // Tesseract parameters for this call only (tesseract.js restores them after each page).
    const block = { rotateAuto, ...(binarise ? { thresholding_method: '2' } : {}) } as Partial<Tesseract.WorkerParams> & { rotateAuto: boolean };
    const layout = { ...block, tessedit_pageseg_mode: Tesseract.PSM.AUTO };
    const out: OcrResult = { text: '', pages: [], paragraphs: [], words: [] };
    for (const [i, image] of images.entries()) {
      if (signal?.aborted) throw new OcrCancelled();
      const page = i + 1;
      this.progress = (f) => onProgress?.(page, images.length, f);
      onProgress?.(page, images.length, 0);
      const facts = stored?.[i];
      // Turned or mirrored (any orientation but 1): read upright, boxes given back on the image as stored.
      const orientation = facts && facts.orientation !== null && facts.orientation !== 1 ? facts.orientation : null;
      const bytes = orientation ? withOrientation(image, orientation) : image;
      const read = (params: typeof block) =>
        this.withCancel(this.worker.recognize(Buffer.from(bytes), params, { blocks: true, text: false }), signal);
      let data = await read(columns === true ? layout : block);
      if (columns === 'auto' && hasGutter(data.data)) data = await read(layout);
      this.progress = null;
      appendPage(out, page, data.data, orientation && facts ? (b) => boxToStored(b, orientation, facts.width, facts.height) : (b) => b);
      onProgress?.(page, images.length, 1);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.worker.terminate().catch(() => undefined);
  }

  private withCancel<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        // Answered at once; the recogniser ends when the page under way is done (stopping its
        // thread mid-page leaves the library posting to a worker that is gone).
        void work.catch(() => undefined).finally(() => this.close());
        reject(new OcrCancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(new Error(typeof e === 'string' ? e : e instanceof Error ? e.message : 'the image could not be read'));
        },
      );
    });
  }
}

/** Recognises page images (PNG, JPEG, TIFF, BMP, WebP bytes) with a recogniser started for them. */
export async function recognise(images: Uint8Array | readonly Uint8Array[], options: RecogniseOptions = {}): Promise<OcrResult> {
  const engine = await OcrEngine.start({ lang: options.lang, langPath: options.langPath });
  try {
    return await engine.recognise(images instanceof Uint8Array ? [images] : images, options);
  } finally {
    await engine.close();
  }
}

/**
 * Whether a page read as one block shows columns: in many of its lines (of 4 words or more)
 * the widest gap between two words is wide (3 times the line's middle gap, and 2% of the
 * text's width or more), and the words after those gaps start at one place across the page
 * (within 3% of its width: a column's left edge, a little skew allowed; the gap's middle
 * would wander with the ragged ends of the column before it). A table's columns count too. Measured on the real and generated pages of bench/ocr-real.ts and bench/ocr.ts.
 */
export function hasGutter(page: Pick<Tesseract.Page, 'blocks'>): boolean {
  const { lines, most } = gutterLines(page);
  return lines >= 3 && most >= Math.max(3, lines * GUTTER_SHARE);
}

/** The share of a page's lines of 4 words or more whose widest gap is a gutter's, at least, for the page to be read again with its layout found. */
export const GUTTER_SHARE = 0.3;

/** How many lines of 4 words or more the page has, and the most of them whose wide gap ends at one place. */
export function gutterLines(page: Pick<Tesseract.Page, 'blocks'>): { lines: number; most: number } {
  const lines = (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines)).map((l) => l.words.filter((w) => w.text.trim() !== ''));
  const long = lines.filter((words) => words.length >= 4);
  if (long.length < 3) return { lines: long.length, most: 0 };
  const left = Math.min(...long.map((w) => Math.min(...w.map((x) => x.bbox.x0))));
  const right = Math.max(...long.map((w) => Math.max(...w.map((x) => x.bbox.x1))));
  const wide = (right - left) * 0.02;
  const band = Math.max(1, (right - left) * 0.03);
  const starts: number[] = [];
  for (const words of long) {
    const sorted = [...words].sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const gaps = sorted.slice(1).map((w, i) => ({ size: w.bbox.x0 - sorted[i]!.bbox.x1, start: w.bbox.x0 }));
    const middle = [...gaps].sort((a, b) => a.size - b.size)[Math.floor(gaps.length / 2)]!.size;
    const widest = gaps.reduce((a, b) => (b.size > a.size ? b : a));
    if (widest.size >= Math.max(3 * middle, wide)) starts.push(widest.start);
  }
  // The most gaps whose next word starts within one band's width of each other's.
  starts.sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < starts.length; j++) {
    while (starts[j]! - starts[i]! > band) i++;
    most = Math.max(most, j - i + 1);
  }
  return { lines: long.length, most };
}

function boxOf(b: Tesseract.Bbox): Box {
  return { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 };
}

/**
 * The page's paragraphs as lines of words. Tesseract's paragraphs are kept, and split where a
 * blank line's height separates two lines (typed pages often mark paragraphs only so).
 */
function paragraphsOf(data: Tesseract.Page): { lines: Tesseract.Word[][]; box: Box }[] {
  const out: { lines: Tesseract.Word[][]; box: Box }[] = [];
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      let current: { lines: Tesseract.Word[][]; box: Box } | null = null;
      let last: Tesseract.Line | null = null;
      for (const line of para.lines) {
        const words = line.words.filter((w) => w.text.trim() !== '');
        if (words.length === 0) continue;
        const height = last ? Math.max(last.bbox.y1 - last.bbox.y0, line.bbox.y1 - line.bbox.y0) : 0;
        if (!current || (last && line.bbox.y0 - last.bbox.y1 > height)) {
          current = { lines: [], box: boxOf(line.bbox) };
          out.push(current);
        }
        current.lines.push(words);
        current.box = {
          x0: Math.min(current.box.x0, line.bbox.x0),
          y0: Math.min(current.box.y0, line.bbox.y0),
          x1: Math.max(current.box.x1, line.bbox.x1),
          y1: Math.max(current.box.y1, line.bbox.y1),
        };
        last = line;
      }
    }
  }
  return out;
}

/**
 * The image with its EXIF orientation (2–8) said the one way tesseract.js reads it. tesseract.js
 * makes a page upright itself, mirrored ones too (tests/unit/ocr/orientation.test.ts reads back
 * the pixels it sees for all eight), but finds the orientation only when it is written big-endian
 * within the file's first 500 bytes (its setImage); cameras often write it little-endian. So a
 * minimal big-endian EXIF block holding the orientation exifr read is put first: an APP1
 * segment after a JPEG's start, an `eXIf` chunk after a PNG's header. The pixels are not
 * touched and no image library is needed.
 */
export function withOrientation(image: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry: Orientation, SHORT, 1 value
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22);
  const b = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  if (b[0] === 0xff && b[1] === 0xd8) {
    const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const head = Buffer.from([0xff, 0xe1, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return new Uint8Array(Buffer.concat([b.subarray(0, 2), head, body, b.subarray(2)]));
  }
  if (b[0] === 0x89 && b[1] === 0x50) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(tiff.length, 0);
    head.write('eXIf', 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), tiff])) >>> 0, 0);
    // After the signature (8 bytes) and the IHDR chunk (25 bytes).
    return new Uint8Array(Buffer.concat([b.subarray(0, 33), head, tiff, crc, b.subarray(33)]));
  }
  return image;
}

/** Adds one page's paragraphs to the text, keeping each word's offsets exact; `place` puts a box on the page as stored. */
function appendPage(out: OcrResult, page: number, data: Tesseract.Page, place: (b: Box) => Box): void {
  out.pages.push({ page, confidence: data.confidence });
  for (const para of paragraphsOf(data)) {
    if (out.text !== '') out.text += '\n\n';
    const start = out.text.length;
    para.lines.forEach((words, li) => {
      if (li > 0) out.text += '\n';
      words.forEach((w, wi) => {
        if (wi > 0) out.text += ' ';
        const text = w.text.trim();
        out.words.push({
          text,
          page,
          start: out.text.length,
          end: out.text.length + text.length,
          box: place(boxOf(w.bbox)),
          confidence: w.confidence,
        });
        out.text += text;
      });
    });
    out.paragraphs.push({ page, start, end: out.text.length, box: place(para.box) });
  }
}
