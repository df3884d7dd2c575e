import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';

/** A photographed page of typed text (about 300 dpi), written to a temporary folder. */
export function typedPage(): string {
  const canvas = createCanvas(1800, 500);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 1800, 500);
  g.fillStyle = '#000000';
  g.font = '46px "DejaVu Sans"';
  g.fillText('The archive holds letters from the', 100, 120);
  g.fillText('district committee, dated 1936.', 100, 190);
  g.fillText('Second paragraph about the harvest.', 100, 330);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-image-'));
  const file = path.join(dir, 'letter-1936.png');
  fs.writeFileSync(file, canvas.toBuffer('image/png'));
  return file;
}
