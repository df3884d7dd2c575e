/**
 * A region of a stored page image cut out as a PNG, for exports. Page images are PNG or JPEG
 * (a TIFF's pages are kept as PNG): PNGs are decoded with pngjs, JPEGs with PDF.js's JPEG
 * decoder (already a dependency, for PDFs), and the crop is written with the PNG encoder the
 * TIFF import uses. Pixels are those of the stored image, unrotated, as regions are.
 */
import type { JpegImage as JpegDecoder } from 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import { PNG } from 'pngjs';
import { ApiError } from '../../shared/errors';
import type { Region } from '../../shared/types';
import { encodePng } from '../ingest/image';

/** An image's pixels, 4 bytes (RGBA) each, row after row. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

let JpegImage: typeof JpegDecoder | null = null;

/**
 * Loads PDF.js's JPEG decoder, once: loaded when an export first needs it, as PDF.js itself is
 * for PDFs, so that the command line does not load it for every command.
 */
export async function loadCropDecoders(): Promise<void> {
  JpegImage ??= (await import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs')).JpegImage;
}

/** Decodes a stored page image (PNG or JPEG) to RGBA (JPEG after `loadCropDecoders`). `name` says which, in errors. */
export function decodeImage(bytes: Uint8Array, mime: string, name: string): Rgba {
  try {
    if (mime === 'image/png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
    if (mime === 'image/jpeg') {
      if (!JpegImage) throw new Error('the JPEG decoder is not loaded (loadCropDecoders)');
      const jpeg = new JpegImage();
      jpeg.parse(bytes);
      const { width, height } = jpeg;
      const rgb = jpeg.getData({ width, height, forceRGB: true });
      const data = new Uint8Array(width * height * 4);
      for (let i = 0, j = 0; j < data.length; i += 3, j += 4) {
        data[j] = rgb[i]!;
        data[j + 1] = rgb[i + 1]!;
        data[j + 2] = rgb[i + 2]!;
        data[j + 3] = 255;
      }
      return { width, height, data };
    }
  } catch (err) {
    throw new ApiError('read_failed', `${name} could not be decoded to cut a region out of it: ${(err as Error).message}`);
  }
  throw new ApiError('read_failed', `${name} is a ${mime} image, which regions cannot be cut out of`);
}

/** The rectangle `r` of an image (clipped to it), as RGBA rows. */
export function cropPixels(image: Rgba, r: Omit<Region, 'page'>): Rgba {
  const x0 = Math.max(0, Math.min(r.x, image.width));
  const y0 = Math.max(0, Math.min(r.y, image.height));
  const width = Math.max(0, Math.min(r.x + r.w, image.width) - x0);
  const height = Math.max(0, Math.min(r.y + r.h, image.height) - y0);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

/**
 * Crops of one source's pages as PNG bytes, each page decoded once however many regions it
 * has (a photograph of 12 megapixels takes 1.1 s of CPU time as JPEG, 1.7 s as PNG, to decode here: bench/crop.ts).
 */
export function pageCropper(load: (page: number) => { bytes: Uint8Array; mime: string }, name: (page: number) => string) {
  const decoded = new Map<number, Rgba>();
  return (region: Region): Uint8Array => {
    let image = decoded.get(region.page);
    if (!image) {
      const { bytes, mime } = load(region.page);
      image = decodeImage(bytes, mime, name(region.page));
      decoded.set(region.page, image);
    }
    const cut = cropPixels(image, region);
    if (!cut.width || !cut.height) {
      throw new ApiError('invalid_request', `The region (${region.x}, ${region.y}, ${region.w} × ${region.h}) is outside ${name(region.page)}`);
    }
    return encodePng(cut.data, cut.width, cut.height);
  };
}
