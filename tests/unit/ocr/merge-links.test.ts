/**
 * A photographed source merged into another leaves the library; the links and exports that
 * name it by its stable id (UUID) still open the source its pages went into.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/main/workbench';
import { tempDir } from '../helpers';
import { drawPage } from './pages';

async function imageSources(wb: Workbench, names: string[]) {
  const dir = tempDir();
  const files = names.map((n) => {
    const file = path.join(dir, `${n}.png`);
    fs.writeFileSync(file, drawPage([[n]], 400, 60).png);
    return file;
  });
  const outcomes = await wb.importAll(files);
  return outcomes.map((o) => (o.status === 'imported' ? o.source : expect.unreachable(`${o.status}`)));
}

describe('links to a merged source', () => {
  it('open the source it was merged into, also after a second merge', async () => {
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
    try {
      const [a, b, c] = await imageSources(wb, ['first', 'second', 'third']);
      await wb.mergeImageSources({ ids: [b!.id, c!.id] });
      expect(wb.sourceIdOf(c!.uuid)).toBe(b!.id);
      expect(wb.sourceIdOf(c!.uuid.toUpperCase())).toBe(b!.id);
      await wb.mergeImageSources({ ids: [a!.id, b!.id] });
      expect([a, b, c].map((s) => wb.sourceIdOf(s!.uuid))).toEqual([a!.id, a!.id, a!.id]);
      expect(wb.sourceIdOf('00000000-0000-4000-8000-000000000000')).toBeNull();
    } finally {
      wb.close();
    }
  });

  it('are left as they were when the merge is refused', async () => {
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
    try {
      const [a] = await imageSources(wb, ['first']);
      const text = await wb.importFile({ name: 'notes.txt', bytes: new TextEncoder().encode('Typed notes.') });
      const t = text.status === 'imported' ? text.source : expect.unreachable();
      await expect(wb.mergeImageSources({ ids: [a!.id, t.id] })).rejects.toThrow(/not a photograph or scan/);
      expect(wb.sourceIdOf(t.uuid)).toBe(t.id);
      expect((await wb.getSource({ id: t.id })).title).toBe('notes');
    } finally {
      wb.close();
    }
  });
});
