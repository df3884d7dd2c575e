import { describe, expect, it } from 'vitest';
import { OcrCancelled, recognise } from '../../../src/main/ocr/recognise';
import { cer, drawPage } from './pages';

const FIRST = ['The archive holds letters from the', 'district committee, dated 1936.'];
const SECOND = ['Second paragraph about the harvest.'];

describe('recognise', () => {
  it('reads typed text with each word at its offsets and on its box', async () => {
    const page = drawPage([FIRST, SECOND]);
    const progress: number[] = [];
    const out = await recognise(page.png, { onProgress: (_p, _n, f) => progress.push(f) });
    const expected = `${FIRST.join('\n')}\n\n${SECOND.join('\n')}`;
    expect(cer(expected, out.text)).toBeLessThan(0.03);
    expect(out.paragraphs.length).toBe(2);
    expect(out.paragraphs.map((p) => out.text.slice(p.start, p.end).split('\n')[0])).toEqual([FIRST[0], SECOND[0]]);
    for (const w of out.words) expect(out.text.slice(w.start, w.end)).toBe(w.text);
    const archive = out.words.find((w) => w.text === 'archive');
    expect(archive).toBeDefined();
    // The first line is drawn with its baseline at y = 120, from x = 100.
    expect(archive!.box.y1).toBeGreaterThan(100);
    expect(archive!.box.y0).toBeLessThan(120);
    expect(archive!.box.x0).toBeGreaterThan(100);
    expect(archive!.confidence).toBeGreaterThan(80);
    expect(out.words.every((w) => w.page === 1)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('stops when cancelled', async () => {
    const page = drawPage([FIRST, SECOND, FIRST, SECOND]);
    const controller = new AbortController();
    const run = recognise([page.png, page.png], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p === 1) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(OcrCancelled);
  });

  it('names a page that is not an image', async () => {
    await expect(recognise(new TextEncoder().encode('not an image'))).rejects.toThrow(/image/i);
  });
});
