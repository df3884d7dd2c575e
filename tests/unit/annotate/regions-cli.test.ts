import { createCanvas } from '@napi-rs/canvas';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/main/workbench';
import { cli } from '../cli-run';
import { tempDir } from '../helpers';

const saved = process.env.SOURCEBENCH_HOME;
beforeEach(() => {
  process.env.SOURCEBENCH_HOME = tempDir();
});
afterEach(() => {
  if (saved === undefined) delete process.env.SOURCEBENCH_HOME;
  else process.env.SOURCEBENCH_HOME = saved;
});

/** A project with one photographed page and one region marked on it. */
async function project(): Promise<string> {
  const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
  const canvas = createCanvas(300, 200);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 300, 200);
  const out = await wb.importFile({ name: 'stamped.png', bytes: new Uint8Array(canvas.toBuffer('image/png')) });
  if (out.status !== 'imported') throw new Error('import failed');
  await wb.cancelOcr({ id: out.source.id });
  await wb.createRegionAnnotation({ sourceId: out.source.id, page: 1, x: 10, y: 20, w: 30, h: 40, colour: 'yellow' });
  const file = wb.projectPath;
  await wb.shutdown();
  return file;
}

describe('sourcebench export markdown with regions', () => {
  it('writes each crop beside the Markdown file, or into the folder, and never to standard output', async () => {
    const file = await project();
    const dir = tempDir();
    const single = await cli('--project', file, 'export', 'markdown', '--out', path.join(dir, 'notes.md'));
    expect(single.code, single.err).toBe(0);
    const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    expect(single.out).toContain('and 1 image beside it');
    expect(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8')).toContain(`](${pngs[0]})`);
    expect([...fs.readFileSync(path.join(dir, pngs[0]!)).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

    const folder = path.join(tempDir(), 'notes');
    expect((await cli('--project', file, 'export', 'markdown', '--out', `${folder}/`)).code).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual([pngs[0], 'stamped.md']);

    const printed = await cli('--project', file, 'export', 'markdown');
    expect(printed.out).toContain(`](${pngs[0]})`);
    expect(printed.out).not.toContain('PNG');
  });
});
