import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { encodePng } from '../../../src/main/ingest/image';
import { Workbench } from '../../../src/main/workbench';
import { tempDir } from '../helpers';

/** A PNG of its own: `shade` makes its pixels, so no two are the same file. */
function png(shade: number): Uint8Array {
  return encodePng(new Uint8Array(8 * 8 * 4).fill(shade), 8, 8);
}

/** Three photographs, each a file in its own folder (`one/a.png`…), and a folder holding all three. */
function files(): { dir: string; a: string; b: string; c: string; all: string } {
  const dir = tempDir();
  const out: Record<string, string> = {};
  fs.mkdirSync(path.join(dir, 'all'));
  for (const [name, shade] of [
    ['a', 10],
    ['b', 120],
    ['c', 240],
  ] as const) {
    out[name] = path.join(dir, `${name}.png`);
    fs.writeFileSync(out[name], png(shade));
    fs.writeFileSync(path.join(dir, 'all', `${name}.png`), png(shade));
  }
  return { dir, a: out.a!, b: out.b!, c: out.c!, all: path.join(dir, 'all') };
}

async function imported(wb: Workbench, file: string): Promise<{ id: number; hash: string }> {
  const [outcome] = await wb.importAll([file]);
  if (outcome?.status !== 'imported') throw new Error(`${file} was not imported: ${JSON.stringify(outcome)}`);
  return { id: outcome.source.id, hash: (await wb.getSource({ id: outcome.source.id })).hash };
}

async function hashOf(wb: Workbench, id: number): Promise<string> {
  return (await wb.getSource({ id })).hash;
}

describe('a merged image source and re-imports of its images', () => {
  it('finds each merged image already in the project, and names the merged source by all its pages', async () => {
    const f = files();
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
    try {
      const a = await imported(wb, f.a);
      const b = await imported(wb, f.b);
      const c = await imported(wb, f.c);
      expect(await dispatch(wb, 'mergeImageSources', { ids: [a.id, b.id, c.id] })).toMatchObject({ ok: true });

      // The merged source no longer carries its first file's hash.
      const merged = await hashOf(wb, a.id);
      expect(merged).not.toBe(a.hash);

      // Each of its images, imported again, is the merged source.
      for (const file of [f.a, f.b, f.c]) {
        const [again] = await wb.importAll([file]);
        expect(again).toMatchObject({ status: 'duplicate', source: { id: a.id } });
      }
      // So is the folder of all three, in the merged order (the same hash as the merged source).
      const [folder] = await wb.importAll([f.all]);
      expect(folder).toMatchObject({ status: 'duplicate', source: { id: a.id } });
    } finally {
      await wb.shutdown();
    }
  });

  it('gives the merged source the hash a folder of its pages, in their order, has', async () => {
    const f = files();
    const one = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
    const two = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
    try {
      const ids = [await imported(one, f.a), await imported(one, f.b), await imported(one, f.c)].map((s) => s.id);
      await dispatch(one, 'mergeImageSources', { ids });
      const folder = await imported(two, f.all);
      expect(await hashOf(one, ids[0]!)).toBe(folder.hash);
      // Reordered, it is named by its pages in their new order.
      expect(await dispatch(one, 'setPageOrder', { id: ids[0]!, pages: [3, 2, 1] })).toMatchObject({ ok: true });
      const reordered = await hashOf(one, ids[0]!);
      expect(reordered).not.toBe(folder.hash);
      expect(await dispatch(two, 'setPageOrder', { id: folder.id, pages: [3, 2, 1] })).toMatchObject({ ok: true });
      expect(await hashOf(two, folder.id)).toBe(reordered);
    } finally {
      await one.shutdown();
      await two.shutdown();
    }
  });

  it('still imports a folder with a page the project does not hold', async () => {
    const f = files();
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
    try {
      await imported(wb, f.a);
      const [folder] = await wb.importAll([f.all]);
      expect(folder?.status).toBe('imported');
    } finally {
      await wb.shutdown();
    }
  });
});
