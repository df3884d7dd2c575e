import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';

/** Photographed pages of one typed line each, written to `dir` as `<name>.png` (short pages: recognised in a second or two). */
export function photographs(dir: string, lines: Record<string, string>): string[] {
  return Object.entries(lines).map(([name, line]) => {
    const canvas = createCanvas(1400, 260);
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, 1400, 260);
    g.fillStyle = '#000000';
    g.font = '46px "DejaVu Sans"';
    g.fillText(line, 80, 140);
    const file = path.join(dir, `${name}.png`);
    fs.writeFileSync(file, canvas.toBuffer('image/png'));
    return file;
  });
}

/** A JPEG whose EXIF says how it is to be turned or mirrored (`orientation`, 1–8; big-endian TIFF inside APP1). */
export function jpegOriented(jpeg: Buffer, orientation: number): Buffer {
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
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, body, jpeg.subarray(2)]);
}
