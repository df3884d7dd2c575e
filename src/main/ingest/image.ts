/**
 * Photographs and scans of documents (PNG, JPEG, TIFF) as a source: its pages' images, their
 * sizes and what the camera recorded (date, orientation). The text comes later, from text
 * recognition (src/main/ocr) or by hand. A TIFF's pages are decoded (utif2) and kept as PNG,
 * since no browser shows TIFF; PNG and JPEG files are kept byte for byte.
 */
import { crc32, deflateSync } from 'node:zlib';
import exifr from 'exifr';
import UTIF from 'utif2';
import { ApiError } from '../../shared/errors';
import { checkFileSize } from '../../shared/limits';
import { imageHash, pagesHash } from './imageHash';
import type { NewSource } from './source';
import { titleFromFileName } from './text';

/** One page of an image source, as stored. */
export interface PageImage {
  page: number;
  /** The file it came from (a TIFF's pages share one). */
  fileName: string;
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  sha256: string;
  /** The date the camera recorded (EDTF day), when it did. */
  exifDate: string | null;
  /** EXIF orientation (1–8), when recorded. */
  orientation: number | null;
}

/** Pages in one image source, at most (a folder of photographs of one file). */
export const MAX_IMAGE_PAGES = 2000;

type ImageType = 'png' | 'jpeg' | 'tiff';

function typeOf(bytes: Uint8Array): ImageType | null {
  const b = bytes;
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (
    b.length > 8 &&
    ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))
  )
    return 'tiff';
  return null;
}

function unreadable(name: string, why: string): ApiError {
  return new ApiError('read_failed', `${name} is not a readable image: ${why}`);
}

/** A PNG's size, from its header chunk. */
function pngSize(name: string, b: Uint8Array): { width: number; height: number } {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') throw unreadable(name, 'its PNG header is damaged');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A JPEG's size, from its start-of-frame segment. */
function jpegSize(name: string, b: Uint8Array): { width: number; height: number } {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) break;
    const marker = b[at + 1]!;
    const length = view.getUint16(at + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  throw unreadable(name, 'its JPEG data has no frame header (the file may be cut short)');
}

/**
 * RGBA pixels as a PNG (8-bit, no filtering, zlib-deflated). Written here with node:zlib:
 * the few lines needed do not warrant a dependency, and the renderer only has to show them.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const row = width * 4 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * row + 1);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

/** A TIFF's pages, decoded and kept as PNG. */
function tiffPages(name: string, bytes: Uint8Array): { bytes: Uint8Array; width: number; height: number }[] {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined);
    if (ifds.length === 0) throw new Error('it has no pages');
    return ifds.map((ifd) => {
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      if (!ifd.width || !ifd.height || rgba.length < ifd.width * ifd.height * 4) throw new Error('a page could not be decoded');
      return { bytes: encodePng(rgba, ifd.width, ifd.height), width: ifd.width, height: ifd.height };
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw unreadable(name, `its TIFF data could not be decoded (${(err as Error).message})`);
  }
}

/** The EDTF day of a camera's date. exifr reads EXIF dates as local times, so they are read back as local. */
function dayOf(d: unknown): string | null {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function exifOf(bytes: Uint8Array): Promise<{ exifDate: string | null; orientation: number | null }> {
  try {
    const tags = (await exifr.parse(Buffer.from(bytes), {
      pick: ['DateTimeOriginal', 'CreateDate', 'ModifyDate', 'Orientation'],
      translateValues: false,
    })) as { DateTimeOriginal?: unknown; CreateDate?: unknown; ModifyDate?: unknown; Orientation?: unknown } | undefined;
    const orientation = typeof tags?.Orientation === 'number' && tags.Orientation >= 1 && tags.Orientation <= 8 ? tags.Orientation : null;
    return { exifDate: dayOf(tags?.DateTimeOriginal) ?? dayOf(tags?.CreateDate) ?? dayOf(tags?.ModifyDate), orientation };
  } catch {
    // An image without readable EXIF is still an image.
    return { exifDate: null, orientation: null };
  }
}

/** One image file's pages (a TIFF may hold several); throws ApiError naming the file when it is not a readable image. */
export async function readImageFile(name: string, bytes: Uint8Array, firstPage: number): Promise<PageImage[]> {
  checkFileSize(name, bytes.length);
  const type = typeOf(bytes);
  if (!type) throw unreadable(name, 'it is not a PNG, JPEG or TIFF file');
  const exif = await exifOf(bytes);
  if (type === 'tiff') {
    return tiffPages(name, bytes).map((p, i) => ({
      ...p,
      page: firstPage + i,
      fileName: name,
      mime: 'image/png',
      sha256: imageHash(p.bytes),
      ...exif,
    }));
  }
  const size = type === 'png' ? pngSize(name, bytes) : jpegSize(name, bytes);
  if (size.width === 0 || size.height === 0) throw unreadable(name, 'it has no pixels');
  return [{ page: firstPage, fileName: name, bytes, mime: type === 'png' ? 'image/png' : 'image/jpeg', ...size, sha256: imageHash(bytes), ...exif }];
}

/** An image source: one file, or several files (in name order) as its pages. Its text is empty until recognised or typed. */
export async function readImageSource(
  label: string,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<{ source: NewSource; warnings: string[]; images: PageImage[] }> {
  const images: PageImage[] = [];
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  for (const f of sorted) images.push(...(await readImageFile(f.name, f.bytes, images.length + 1)));
  if (images.length > MAX_IMAGE_PAGES)
    throw new ApiError(
      'too_large',
      `${label} has ${images.length} pages, over the ${MAX_IMAGE_PAGES}-page limit for one source; split it into parts`,
    );
  const name = label.replace(/^.*[\\/]/, '');
  const date = images.find((i) => i.exifDate)?.exifDate ?? null;
  const hash = pagesHash(images.map((i) => i.sha256));
  return {
    warnings: [],
    images,
    source: {
      title: files.length > 1 ? name : titleFromFileName(name),
      author: null,
      date,
      origin: name,
      kind: 'text',
      format: 'image',
      language: null,
      fileName: name,
      encoding: 'binary',
      hash,
      text: '',
      bytes: files.reduce((n, f) => n + f.bytes.length, 0),
      tags: [],
      meta: { image: { pages: images.length } },
      passages: [],
    },
  };
}
