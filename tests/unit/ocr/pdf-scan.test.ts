import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf, textLines } from '../../../scripts/minipdf.mjs';
import { renderPages } from '../../../src/main/ingest/pdf-render';
import { Workbench } from '../../../src/main/workbench';
import { tempDir } from '../helpers';
import { cer, drawPage, scannedPage, withBrokenPage } from './pages';

const LETTER = ['The archive holds letters from the', 'district committee, dated 1936.'];
const THIRD = ['Third page names the village school.'];

/** A source's text as its passages place it. */
function textOf(source: { passageList: { start: number; text: string }[] }): string {
  let out = '';
  for (const p of source.passageList) out = out.padEnd(p.start, '\n') + p.text;
  return out;
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('scanned PDFs', () => {
  it('imports a scan as an image source of its drawn pages and recognises their text in the background', async () => {
    const file = write(
      'protocol.pdf',
      makePdf({ pages: [scannedPage(drawPage([LETTER])), scannedPage(drawPage([THIRD]))], info: { Title: 'Protocol' } }),
    );
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false });
    try {
      const [outcome] = await wb.importAll([file]);
      expect(outcome).toMatchObject({ status: 'imported', warnings: [] });
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      await wb.ocrIdle();
      const source = await wb.getSource({ id });
      expect(source).toMatchObject({ format: 'image', title: 'Protocol', fileName: 'protocol.pdf' });
      expect(source.image?.ocr.state).toBe('done');
      // The pages were drawn at 300 dpi: the size they were scanned at.
      expect(source.image?.pages.map((p) => [p.page, p.mime, p.width])).toEqual([
        [1, 'image/jpeg', 1800],
        [2, 'image/jpeg', 1800],
      ]);
      const text = textOf(source);
      expect(cer(`${LETTER.join('\n')}\n\n${THIRD.join('\n')}`, text)).toBeLessThan(0.05);
      expect(source.passageList.map((p) => [p.page, p.text.split('\n')[0]])).toEqual([
        [1, LETTER[0]],
        [2, THIRD[0]],
      ]);
      const words = await wb.getOcrWords({ id });
      expect(words.find((w) => text.slice(w.start, w.end) === 'school.')).toMatchObject({ page: 2 });
      expect((await wb.search({ query: 'village' })).hits[0]).toMatchObject({ sourceId: id, pageLabel: '2' });
      const page = await wb.getPageImage({ id, page: 1 });
      expect(page.mime).toBe('image/jpeg');
      // Imported again, it is found to be there already.
      expect((await wb.importAll([file]))[0]?.status).toBe('duplicate');
    } finally {
      await wb.shutdown();
    }
  });

  it('reads every page of a PDF with text on fewer than half its pages by recognition, and says so', async () => {
    const typed = { lines: textLines(['A typed cover sheet of the district committee.'], { size: 14 }) };
    const file = write('mixed-scan.pdf', makePdf({ pages: [typed, scannedPage(drawPage([LETTER])), scannedPage(drawPage([THIRD]))] }));
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false });
    try {
      const [outcome] = await wb.importAll([file]);
      expect(outcome).toMatchObject({
        status: 'imported',
        warnings: [
          '1 of 3 pages have a text layer, the others none: the PDF was taken for a scan, and all its pages are read by text recognition (the text layer of those 1 was set aside)',
        ],
      });
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      await wb.ocrIdle();
      const source = await wb.getSource({ id });
      expect(source.image?.pages.map((p) => p.page)).toEqual([1, 2, 3]);
      // The typed page is read from its drawing like the others.
      expect(source.passageList.map((p) => p.page)).toEqual([1, 2, 3]);
      expect(source.passageList[0]!.text).toContain('cover sheet');
      expect(source.passageList[2]!.text).toContain('village school');
    } finally {
      await wb.shutdown();
    }
  });

  it('fails a scan with a page that cannot be drawn, naming the file and the page, and writes nothing of it', async () => {
    const good = scannedPage(drawPage([THIRD]));
    const file = write('torn.pdf', withBrokenPage(makePdf({ pages: [good, good, good] }), 2));
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false });
    try {
      const [outcome] = await wb.importAll([file]);
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'read_failed' } });
      expect(outcome!.status === 'failed' && outcome!.error.message).toMatch(
        /^torn\.pdf: page 2 could not be drawn for text recognition \(.+\); nothing of the file was imported$/,
      );
      expect(await wb.listSources()).toEqual([]);
    } finally {
      await wb.shutdown();
    }
  });

  it('names the printed page label of a page that fails to draw', async () => {
    const page = (fail: boolean) => ({
      getViewport: ({ scale }: { scale: number }) => ({
        width: 100 * scale,
        height: 100 * scale,
        scale,
        transform: [scale, 0, 0, -scale, 0, 100 * scale],
      }),
      render: () => ({ promise: fail ? Promise.reject(new Error('Bad image data.')) : Promise.resolve() }),
      cleanup: () => undefined,
    });
    await expect(renderPages('book.pdf', 3, (n) => Promise.resolve(page(n === 3)), ['i', 'ii', '1'])).rejects.toThrow(
      'book.pdf: page 3 (p. 1) could not be drawn for text recognition (Bad image data); nothing of the file was imported',
    );
  });
});
