import { describe, expect, it } from 'vitest';
import { OcrCancelled, recognise } from '../../../src/main/ocr/recognise';
import { cer, drawColumns, drawPage } from './pages';

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

  it('reads a page of two columns one column after the other', async () => {
    // Tesseract finds columns from how the lines line up: a dozen lines each, as on a printed page.
    const left = [
      'The district committee met',
      'in March and again in May,',
      'and wrote to the region',
      'about the seed grain that',
      'had not come by April.',
      'Its chairman asked for',
      'a reply within the week',
      'and named the villages',
      'where sowing had stopped.',
      'No answer is recorded',
      'in the minutes that year.',
      'The file ends in June.',
    ];
    const right = [
      'Of the letters it sent,',
      'only three were answered;',
      'the replies are kept in',
      'the second folder, with',
      'a list of the farms that',
      'received grain in May and',
      'the weights delivered to',
      'each of them by the cart',
      'drivers of the station.',
      'A note in pencil adds',
      'that the list is partial',
      'and was made from memory.',
    ];
    const out = await recognise(drawColumns(left, right));
    // Read as one block of text, each line ran across both columns ("The district committee met Of the letters it sent,").
    expect(cer(`${left.join(' ')} ${right.join(' ')}`, out.text)).toBeLessThan(0.03);
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
