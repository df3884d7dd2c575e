import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { makePdf } from '../../scripts/minipdf.mjs';

/**
 * A photographed page of typed text (about 300 dpi), written to a temporary folder. `smudged`:
 * its last word is faint and struck through, so that it is misread with low confidence (as
 * "hares," with confidence 4 of 100 by the English model shipped). `pdf`: the page scanned
 * into a PDF (a JPEG filling a page of its size at 300 dpi, no text layer), letter-1936.pdf.
 */
export function typedPage(options: { smudged?: boolean; tall?: boolean; pdf?: boolean } = {}): string {
  // `tall`: the letter typed down a long sheet, so that reading it takes a while (to stop it).
  const height = options.tall ? 7000 : 500;
  const canvas = createCanvas(1800, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 1800, height);
  g.fillStyle = '#000000';
  g.font = '46px "DejaVu Sans"';
  g.fillText('The archive holds letters from the', 100, 120);
  g.fillText('district committee, dated 1936.', 100, 190);
  if (!options.smudged) g.fillText('Second paragraph about the harvest.', 100, 330);
  else {
    g.fillText('Second paragraph about the', 100, 330);
    const x = 100 + g.measureText('Second paragraph about the ').width;
    g.fillStyle = '#9a9a9a';
    g.fillText('harvest.', x, 330);
    g.strokeStyle = '#777777';
    g.lineWidth = 3;
    for (let i = 0; i < 5; i++) {
      g.beginPath();
      g.moveTo(x + i * 40, 290);
      g.lineTo(x + i * 40 + 60, 340);
      g.stroke();
    }
  }
  for (let y = 470; options.tall && y < height - 60; y += 70) g.fillText('The archive holds letters from the district committee.', 100, y);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-image-'));
  if (options.pdf) {
    const file = path.join(dir, 'letter-1936.pdf');
    const points = (px: number) => (px * 72) / 300;
    const jpeg = { bytes: new Uint8Array(canvas.toBuffer('image/jpeg', 92)), width: 1800, height };
    fs.writeFileSync(file, makePdf({ pages: [{ width: points(1800), height: points(height), jpeg }] }));
    return file;
  }
  const file = path.join(dir, 'letter-1936.png');
  fs.writeFileSync(file, canvas.toBuffer('image/png'));
  return file;
}
