import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrEngine } from '../../../bench/ocr';
import { cer, levenshtein, normaliseWhitespace, sauvolaThreshold, tesseractEngine } from '../../../bench/ocr';
import { availableFonts, makePage, readTexts } from '../../../bench/ocr-pages';

const fixtures = path.join(__dirname, '..', '..', 'fixtures');

const base = () => readTexts(fixtures).find((t) => t.name === 'align-base.txt')!.paragraphs;

function cleanPage(paragraphs = base()) {
  return makePage({ name: 'clean', group: 'clean', paragraphs, font: availableFonts()[0]!, seed: 7 });
}

describe('character error rate', () => {
  it('is the Levenshtein distance over the truth length', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
  });

  it('collapses runs of whitespace and nothing else', () => {
    expect(normaliseWhitespace('  The  Senate\n\nand\tHouse \n')).toBe('The Senate and House');
    expect(cer('The Senate\nand House', 'The  Senate and\n\nHouse')).toBe(0);
    expect(cer('the senate and house', 'The Senate and House')).toBe(3 / 20);
  });

  it('is 0 for a page against itself and counts a known substitution', () => {
    const page = cleanPage();
    expect(cer(page.truth, page.truth)).toBe(0);
    const n = normaliseWhitespace(page.truth).length;
    const at = page.truth.indexOf('Purge');
    const changed = page.truth.slice(0, at) + 'Pvrge' + page.truth.slice(at + 5);
    expect(cer(changed, page.truth)).toBeCloseTo(1 / n, 12);
    expect(cer(page.truth.slice(10), page.truth)).toBeCloseTo(10 / n, 12);
  });

  it('refuses an empty truth', () => {
    expect(() => cer('text', ' \n ')).toThrow(/truth text is empty/);
  });
});

describe('page generator', () => {
  it('is deterministic and types the truth it returns', () => {
    const a = cleanPage();
    const b = cleanPage();
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.png.subarray(1, 4).toString()).toBe('PNG');
    // The whole text fits on the page: the truth is every word of it, in order.
    expect(normaliseWhitespace(a.truth)).toBe(normaliseWhitespace(base().join(' ')));
  });

  it('stops at the foot of the page, after a whole word', () => {
    const long = [...base(), ...base(), ...base(), ...base()];
    const page = cleanPage(long);
    const all = normaliseWhitespace(long.join(' '));
    const typed = normaliseWhitespace(page.truth);
    expect(typed.length).toBeGreaterThan(2000);
    expect(typed.length).toBeLessThan(all.length);
    expect(all.startsWith(typed + ' ')).toBe(true);
  });

  it('Sauvola thresholding keeps ink on a shadow and drops flat noise', () => {
    // 60 x 60: paper brightening from 90 (a shadow darker than a global threshold of 128) to 240 across, a dark stroke at x = 30, noise ±6 elsewhere.
    const w = 60;
    const grey = new Uint8Array(w * w);
    for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) grey[y * w + x] = x === 30 ? 40 : 90 + (x * 150) / w + ((x * 7 + y * 13) % 13) - 6;
    const bw = sauvolaThreshold(grey, w, w, 21, 0.3);
    for (let y = 0; y < w; y++) expect(bw[y * w + 30]).toBe(0);
    expect(bw.filter((v, i) => v === 0 && i % w !== 30).length).toBe(0);
  });
});

describe('OCR of a generated clean page, offline', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = tesseractEngine();
    await engine.start();
  }, 60000);
  afterAll(() => engine.stop());

  it('reads it with a character error rate under 5%', async () => {
    const page = cleanPage();
    const text = await engine.recognise(page.png);
    expect(cer(text, page.truth)).toBeLessThan(0.05);
  });
});
