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
