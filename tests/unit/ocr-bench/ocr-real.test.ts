import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockCer, distanceWithWildcard, normaliseTranscription, readRealPages, realCer, wordsMissed } from '../../../bench/ocr-real';
import { tempDir } from '../helpers';

describe('CER against a real page transcription', () => {
  it('normalises whitespace, typographic quotes and dashes, and ligatures, and nothing else', () => {
    expect(normaliseTranscription('  “It’s  nothing” —\n\tthe ﬁrst   time ')).toBe('"It\'s nothing" - the first time');
    expect(realCer('“It’s nothing,”\nshe said', '"It\'s nothing,"  she said')).toBe(0);
    expect(realCer("it's nothing", "It's nothing")).toBe(1 / 12);
  });

  it('lets a ~ in the transcription stand for any one character', () => {
    expect(distanceWithWildcard('Café', 'Caf~')).toBe(0);
    expect(distanceWithWildcard('Cafe', 'Caf~~')).toBe(1);
    expect(realCer('Ratko Mladić', 'Ratko Mladi~')).toBe(0);
  });

  it('takes the blocks of the transcription in any order for blockCer, but not for CER', () => {
    const truth = 'First column of the page.\n\n\nSecond column, read after it.';
    const read = 'Second column, read after it.\nFirst column of the page.';
    expect(realCer(read, truth)).toBeGreaterThan(0.5);
    expect(blockCer(read, truth)).toBe(0);
    expect(blockCer(read.replace('page', 'paqe'), truth)).toBe(1 / (25 + 29));
    expect(wordsMissed(read, truth)).toBe(0);
    expect(wordsMissed('First column', truth)).toBe(8 / 10);
  });

  it('reads a folder of page images with a transcription beside each, and says what is wrong with one', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.png'), Buffer.from([0x89, 0x50]));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Page A.');
    fs.writeFileSync(path.join(dir, 'b.tif'), Buffer.from([0x49, 0x49]));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'no image');
    expect(readRealPages(dir).map((p) => [p.name, p.truth])).toEqual([['a.png', 'Page A.']]);
    fs.writeFileSync(path.join(dir, 'b.txt'), ' \n');
    expect(() => readRealPages(dir)).toThrow(`${path.join(dir, 'b.txt')} is empty`);
    expect(() => readRealPages(path.join(dir, 'none'))).toThrow(/does not exist \(pass --ocr-real DIR/);
    const empty = tempDir();
    expect(() => readRealPages(empty)).toThrow(`no page image in ${empty} has a .txt transcription beside it`);
  });
});
