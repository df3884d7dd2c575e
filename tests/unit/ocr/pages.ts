/** Page images of typed text, drawn for the tests (about 300 dpi: 12 pt type is 50 px). */
import { createCanvas } from '@napi-rs/canvas';

export const FONT = '"DejaVu Sans"';

/** A white page with each paragraph's lines typed in black; PNG bytes, or the canvas's RGBA pixels. */
export function drawPage(
  paragraphs: string[][],
  width = 1800,
  lineHeight = 70,
): { png: Uint8Array; rgba: Uint8Array; width: number; height: number } {
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
  return { png: new Uint8Array(canvas.toBuffer('image/png')), rgba, width, height };
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
