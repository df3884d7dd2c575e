/**
 * The pages of a scanned PDF (no text layer) drawn as images for text recognition: PDF.js
 * renders each page onto a canvas of @napi-rs/canvas (a prebuilt N-API module, the canvas
 * PDF.js itself loads in Node), at 300 dpi with the long side at most 4,000 pixels, and the
 * page is kept as JPEG at quality 90. Measured on the benchmark's Letter pages drawn at
 * 300 dpi (bench/pdf-scan.ts): a noisy scanned page is about 5.1 MB as PNG and about 2.5 MB
 * as JPEG, a clean typed page about 0.85 MB as PNG and about 1 MB as JPEG; recognition reads
 * both as well (a scan is most often stored as JPEG in its PDF already). One page's
 * bitmap is held at a time; it is encoded and let go before the next page is drawn. This
 * runs where the PDF is read: in an import worker thread (src/main/import/pool.ts).
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../shared/errors';
import type { PageImage } from './image';

/** The resolution pages are drawn at: what text recognition reads best. */
export const SCAN_DPI = 300;
/** The longest side of a drawn page, in pixels, at most (a poster-sized page is drawn smaller). */
export const MAX_PAGE_PIXELS = 4000;

/** The scale (pixels per PDF point) a page of this size in points is drawn at. */
export function renderScale(width: number, height: number): number {
  const dpi = SCAN_DPI / 72;
  const longest = Math.max(width, height, 1);
  return Math.min(dpi, MAX_PAGE_PIXELS / longest);
}

/** What rendering needs of a PDF.js page (so tests can hand in a page that fails). */
export interface RenderablePage {
  getViewport(options: { scale: number }): { width: number; height: number };
  render(params: { canvasContext: never; canvas: never; viewport: never; background?: string; annotationMode?: number }): { promise: Promise<void> };
  cleanup(): unknown;
}

/** JPEG quality pages are kept at. */
const JPEG_QUALITY = 90;

/** Draws one page to a JPEG; throws what PDF.js throws. */
async function renderPage(page: RenderablePage): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const base = page.getViewport({ scale: 1 });
  const scale = renderScale(base.width, base.height);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  // Loaded when a scan is drawn, not with the app: a native module that most starts never need.
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  try {
    // The page's own drawing only (annotations, form fields and their widgets left out: annotationMode 0).
    await page.render({
      canvasContext: context as never,
      canvas: canvas as never,
      viewport: viewport as never,
      background: '#ffffff',
      annotationMode: 0,
    }).promise;
    const bytes = new Uint8Array(await canvas.encode('jpeg', JPEG_QUALITY));
    return { bytes, width, height };
  } finally {
    // The bitmap is given back now rather than when the collector comes by.
    canvas.width = 1;
    canvas.height = 1;
    page.cleanup();
  }
}

/**
 * The pages drawn as images, in order; `getPage` gives each page (1-based) and `labels` its
 * printed label. A page that cannot be drawn fails the whole file, naming it and the page,
 * so nothing of it is written.
 */
export async function renderPages(
  name: string,
  count: number,
  getPage: (n: number) => Promise<RenderablePage>,
  labels: readonly string[],
): Promise<PageImage[]> {
  const images: PageImage[] = [];
  for (let n = 1; n <= count; n++) {
    let drawn: { bytes: Uint8Array; width: number; height: number };
    try {
      drawn = await renderPage(await getPage(n));
    } catch (err) {
      const why = ((err as Error)?.message ?? String(err)).replace(/\.$/, '');
      const label = labels[n - 1] ?? String(n);
      throw new ApiError(
        'read_failed',
        `${name}: page ${label === String(n) ? n : `${n} (p. ${label})`} could not be drawn for text recognition (${why}); nothing of the file was imported`,
      );
    }
    images.push({
      page: n,
      fileName: name,
      bytes: drawn.bytes,
      mime: 'image/jpeg',
      width: drawn.width,
      height: drawn.height,
      sha256: createHash('sha256').update(drawn.bytes).digest('hex'),
      exifDate: null,
      orientation: null,
    });
  }
  return images;
}
