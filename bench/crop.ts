/**
 * Cutting marked regions out of page images for the Markdown export (src/main/export/crop.ts):
 * a 12-megapixel photograph (4000 × 3000) as PNG and as JPEG, one region, then ten regions of
 * the same page (decoded once). Median of 3 runs each.
 */
import { createCanvas } from '@napi-rs/canvas';
import { performance } from 'node:perf_hooks';
import { loadCropDecoders, pageCropper } from '../src/main/export/crop';
import type { Row } from './search';
import { median } from './stats';

function photograph(): { png: Uint8Array; jpeg: Uint8Array } {
  const canvas = createCanvas(4000, 3000);
  const g = canvas.getContext('2d');
  const fill = g.createLinearGradient(0, 0, 4000, 3000);
  fill.addColorStop(0, '#f4ecd8');
  fill.addColorStop(1, '#d8c8a8');
  g.fillStyle = fill;
  g.fillRect(0, 0, 4000, 3000);
  g.fillStyle = '#222222';
  g.font = '60px "DejaVu Sans"';
  for (let y = 200; y < 2900; y += 90) g.fillText('The district committee reports on the harvest of 1936, page after page.', 150, y);
  return { png: new Uint8Array(canvas.toBuffer('image/png')), jpeg: new Uint8Array(canvas.toBuffer('image/jpeg', 90)) };
}

/** Median wall-clock and CPU milliseconds of 3 runs (CPU time is steadier on a busy machine). */
function timeRuns(work: () => void): { ms: number; cpuMs: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const used = process.cpuUsage();
    const t = performance.now();
    work();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(used);
    cpu.push((u.user + u.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu) };
}

export async function benchCrop(): Promise<Row[]> {
  await loadCropDecoders();
  const { png, jpeg } = photograph();
  const rows: Row[] = [];
  for (const [mime, bytes] of [
    ['image/png', png],
    ['image/jpeg', jpeg],
  ] as const) {
    const cropper = () =>
      pageCropper(
        () => ({ bytes, mime }),
        () => 'the photograph',
      );
    const one = timeRuns(() => cropper()({ page: 1, x: 1000, y: 800, w: 400, h: 300 }));
    const ten = timeRuns(() => {
      const crop = cropper();
      for (let i = 0; i < 10; i++) crop({ page: 1, x: 100 + i * 300, y: 200 + i * 200, w: 400, h: 300 });
    });
    const kind = mime === 'image/png' ? 'PNG' : 'JPEG';
    rows.push([
      `region crop, 12 MP ${kind} (${(bytes.byteLength / 1048576).toFixed(1)} MB)`,
      `${one.ms.toFixed(0)} ms`,
      `${one.cpuMs.toFixed(0)} ms CPU; 10 regions of the page: ${ten.ms.toFixed(0)} ms (${ten.cpuMs.toFixed(0)} ms CPU)`,
    ]);
  }
  return rows;
}
