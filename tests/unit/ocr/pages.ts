/** Page images of typed text, drawn for the tests (about 300 dpi: 12 pt type is 50 px). */
import { createCanvas } from '@napi-rs/canvas';
import UTIF from 'utif2';
import type { MiniPage } from '../../../scripts/minipdf.mjs';

export const FONT = '"DejaVu Sans"';

/** A white page with each paragraph's lines typed in black; PNG bytes, or the canvas's RGBA pixels. */
export function drawPage(
  paragraphs: string[][],
  width = 1800,
  lineHeight = 70,
): { png: Uint8Array; jpeg: Uint8Array; rgba: Uint8Array; width: number; height: number } {
  const lines = paragraphs.reduce((n, p) => n + p.length + 1, 1);
  const height = lines * lineHeight + 100;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000000';
  g.font = `46px ${FONT}`;
  let y = 120;
  for (const para of paragraphs) {
    for (const line of para) {
      g.fillText(line, 100, y);
      y += lineHeight;
    }
    y += lineHeight;
  }
  const rgba = new Uint8Array(g.getImageData(0, 0, width, height).data.buffer.slice(0));
  return { png: new Uint8Array(canvas.toBuffer('image/png')), jpeg: new Uint8Array(canvas.toBuffer('image/jpeg', 90)), rgba, width, height };
}

/** Character error rate: edit distance over the reference's length (whitespace folded). */
export function cer(reference: string, hypothesis: string): number {
  const a = reference.replace(/\s+/g, ' ').trim();
  const b = hypothesis.replace(/\s+/g, ' ').trim();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]! / Math.max(1, a.length);
}

/** A TIFF holding the pages (uncompressed RGBA), one IFD each: how a scanner writes a multi-page file. */
export function tiffOf(pages: { rgba: Uint8Array; width: number; height: number }[]): Uint8Array {
  const header = 4096;
  let at = header;
  const ifds = pages.map((p) => {
    const ifd = {
      t256: [p.width],
      t257: [p.height],
      t258: [8, 8, 8, 8],
      t259: [1],
      t262: [2],
      t273: [at],
      t277: [4],
      t278: [p.height],
      t279: [p.rgba.length],
      t284: [1],
      t338: [1],
    };
    at += p.rgba.length;
    return ifd;
  });
  const head = new Uint8Array(UTIF.encode(ifds as unknown as UTIF.IFD[]));
  if (head.length > header) throw new Error('the TIFF header is larger than planned');
  const out = new Uint8Array(at);
  out.set(head, 0);
  let offset = header;
  for (const p of pages) {
    out.set(p.rgba, offset);
    offset += p.rgba.length;
  }
  return out;
}

/** A JPEG with an EXIF block saying when it was taken and how it is turned (big-endian TIFF inside APP1). */
export function jpegWithExif(jpeg: Uint8Array, taken: string, orientation: number): Uint8Array {
  const tiff = Buffer.alloc(76);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0 at 8: Orientation, and the pointer to the Exif IFD.
  tiff.writeUInt16BE(2, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt16BE(0x8769, 22);
  tiff.writeUInt16BE(4, 24);
  tiff.writeUInt32BE(1, 26);
  tiff.writeUInt32BE(38, 30);
  tiff.writeUInt32BE(0, 34);
  // Exif IFD at 38: DateTimeOriginal, its 20 characters at 56.
  tiff.writeUInt16BE(1, 38);
  tiff.writeUInt16BE(0x9003, 40);
  tiff.writeUInt16BE(2, 42);
  tiff.writeUInt32BE(20, 44);
  tiff.writeUInt32BE(56, 48);
  tiff.writeUInt32BE(0, 52);
  tiff.write(`${taken}\0`, 56, 'latin1');
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return new Uint8Array(Buffer.concat([Buffer.from(jpeg.subarray(0, 2)), app1, body, Buffer.from(jpeg.subarray(2))]));
}

/** A page of a scanned PDF: a drawn page's JPEG over the whole page, sized as scanned at 300 dpi. */
export function scannedPage(page: { jpeg: Uint8Array; width: number; height: number }): MiniPage {
  const points = (px: number) => (px * 72) / 300;
  return { width: points(page.width), height: points(page.height), jpeg: { bytes: page.jpeg, width: page.width, height: page.height } };
}

/** A PDF whose `page` (1-based) object is no page dictionary (the offsets still hold): PDF.js cannot open that page. */
export function withBrokenPage(pdf: Uint8Array, page: number): Uint8Array {
  const s = Buffer.from(pdf).toString('latin1');
  const kids = /\/Kids \[([^\]]*)\]/.exec(s)![1]!.match(/\d+(?= 0 R)/g)!;
  const at = s.indexOf(`\n${kids[page - 1]} 0 obj`);
  const body = s.indexOf('<<', at);
  const end = s.indexOf('endobj', at);
  return new Uint8Array(Buffer.from(s.slice(0, body) + '(x)'.padEnd(end - body, ' ') + s.slice(end), 'latin1'));
}

/** A white page with two columns of typed lines side by side, as a newspaper or magazine prints them; PNG bytes. */
export function drawColumns(left: string[], right: string[], width = 2000, lineHeight = 70): Uint8Array {
  const height = Math.max(left.length, right.length) * lineHeight + 200;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000000';
  g.font = `46px ${FONT}`;
  for (const [x, lines] of [
    [100, left],
    [width / 2 + 50, right],
  ] as const)
    lines.forEach((line, i) => g.fillText(line, x, 120 + i * lineHeight));
  return new Uint8Array(canvas.toBuffer('image/png'));
}
