/**
 * Opening a photographed source of many pages (default 200) to its first page, through the
 * API as the reader does: `getSource` (its passages and its pages' sizes, no bytes) then
 * `getPageImage` of page 1 (the one page's bytes). Pages are 1700 × 2200 JPEGs of typed
 * text (Letter at 200 dpi), imported as one folder without text recognition.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCanvas } from '@napi-rs/canvas';
import { dispatch } from '../src/main/dispatch';
import { Workbench } from '../src/main/workbench';
import { median } from './stats';
import type { Row } from './search';

/** A page of typed lines as a JPEG (its own text, so no two pages are the same bytes). */
function page(n: number): Buffer {
  const canvas = createCanvas(1700, 2200);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 1700, 2200);
  g.fillStyle = '#111111';
  g.font = '30px "DejaVu Serif"';
  for (let line = 0; line < 60; line++)
    g.fillText(`Page ${n}, line ${line + 1}: the committee read the letters of the district aloud.`, 150, 180 + line * 32);
  return canvas.toBuffer('image/jpeg', 85);
}

export async function benchImageSource(pages = 200, repeats = 20): Promise<Row[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-images-'));
  const folder = path.join(root, 'register');
  fs.mkdirSync(folder);
  const wb = Workbench.open({ home: path.join(root, 'home'), dailyBackup: false, ocr: false });
  try {
    let bytes = 0;
    for (let i = 1; i <= pages; i++) {
      const jpeg = page(i);
      bytes += jpeg.length;
      fs.writeFileSync(path.join(folder, `p${String(i).padStart(3, '0')}.jpg`), jpeg);
    }
    const t0 = performance.now();
    const [outcome] = await wb.importAll([folder]);
    const importMs = performance.now() - t0;
    if (outcome?.status !== 'imported') throw new Error(`image bench: the folder was not imported (${JSON.stringify(outcome)})`);
    const id = outcome.source.id;
    const open = async () => {
      const t = performance.now();
      const source = await dispatch(wb, 'getSource', { id });
      const image = await dispatch(wb, 'getPageImage', { id, page: 1 });
      if (!source.ok || !image.ok) throw new Error('image bench: the source could not be opened');
      return performance.now() - t;
    };
    const first = await open();
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) times.push(await open());
    return [
      [
        `Open a source of ${pages} page images to its first page (API)`,
        `${median(times).toFixed(1)} ms`,
        `getSource + getPageImage(1), median of ${repeats} (max ${Math.max(...times).toFixed(1)} ms; first after import ${first.toFixed(1)} ms); ${(bytes / 1048576).toFixed(0)} MB of JPEGs imported as one folder in ${(importMs / 1000).toFixed(1)} s, no OCR`,
      ],
    ];
  } finally {
    await wb.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
