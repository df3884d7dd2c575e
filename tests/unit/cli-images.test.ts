import { createCanvas } from '@napi-rs/canvas';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-run';
import { Workbench } from '../../src/main/workbench';
import { bytes, tempDir, useTempHome } from './helpers';
import { traineddata } from './ocr/traineddata';

const home = useTempHome();

function png(width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

/**
 * Sources in the default project, made through the service without text recognition: image
 * sources of the given widths (each its own source, 100 pixels high) and a typed text.
 */
async function project(widths: number[]): Promise<{ images: number[]; text: number }> {
  const wb = Workbench.open({ home: home(), project: path.join(home(), 'Default.sourcebench'), remember: false, ocr: false });
  try {
    const images: number[] = [];
    for (const [i, width] of widths.entries()) {
      const out = await wb.importFile({ name: `page-${i + 1}.png`, bytes: png(width, 100) });
      if (out.status !== 'imported') throw new Error(`page ${i + 1}: ${out.status}`);
      images.push(out.source.id);
    }
    const typed = await wb.importFile({ name: 'typed.txt', bytes: bytes('Typed notes on the register.') });
    if (typed.status !== 'imported') throw new Error('typed.txt');
    return { images, text: typed.source.id };
  } finally {
    wb.close();
  }
}

describe('sourcebench merge and pages', () => {
  it('merges photographed sources into the first, lists its pages and puts them in a new order', async () => {
    const { images } = await project([200, 300, 400]);
    const [a, b, c] = images as [number, number, number];
    const merged = await cli('merge', String(a), String(c), String(b));
    expect(merged).toMatchObject({ code: 0, err: '' });
    expect(merged.out).toBe(`Merged #${c}, #${b} into #${a} page-1: 3 pages; #${c}, #${b} are no longer in the library`);
    expect(JSON.parse((await cli('sources', '--json')).out).map((s: { id: number }) => s.id)).not.toContain(b);

    const listed = await cli('pages', String(a));
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(
      new RegExp(`^#${a} page-1: 3 pages\\nPAGE +FILE +SIZE +TYPE +DATE\\n1 +page-1\\.png +200 × 100 +image/png +—\\n2 +page-3\\.png +400 × 100`),
    );
    const json = JSON.parse((await cli('pages', String(a), '--json')).out);
    expect(json.pages.map((p: { page: number; width: number }) => [p.page, p.width])).toEqual([
      [1, 200],
      [2, 400],
      [3, 300],
    ]);

    const ordered = await cli('pages', String(a), '--order', '3,1,2');
    expect(ordered.code).toBe(0);
    expect(ordered.out.split('\n')[0]).toBe(`The pages of #${a} page-1 are now in the order 3, 1, 2`);
    const after = JSON.parse((await cli('pages', String(a), '--order=1,2,3', '--json')).out);
    expect(after).toMatchObject({ source: { id: a }, annotations: 0, orphaned: 0 });
    expect(after.pages.map((p: { width: number }) => p.width)).toEqual([300, 200, 400]);
  });

  it('refuses bad input by name with a non-zero exit code, changing nothing', async () => {
    const { images, text } = await project([200, 300]);
    const [a, b] = images as [number, number];
    const typed = await cli('pages', String(text));
    expect(typed.code).toBe(2);
    expect(typed.err).toBe(`sourcebench: typed (source #${text}) is not a photograph or scan: only image sources have page images`);
    expect((await cli('pages', 'first')).err).toMatch(/pages needs a source id \(a whole number, as sourcebench sources lists them\), not "first"/);
    expect((await cli('pages', '999')).code).toBe(1);
    const word = await cli('pages', String(a), '--order', '1,x');
    expect(word).toMatchObject({ code: 2, err: 'sourcebench: --order takes page numbers separated by commas (3,1,2): "x" is not one' });
    const missing = await cli('pages', String(a), '--order', '2');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/page-1/);
    const mergeText = await cli('merge', String(a), String(text));
    expect(mergeText.code).toBe(2);
    expect(mergeText.err).toBe(`sourcebench: typed (source #${text}) is not a photograph or scan: only image sources can be merged`);
    expect(await cli('merge', String(a))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/merge needs the source to merge into and at least one more/),
    });
    expect((await cli('merge', String(a), 'b')).err).toMatch(/merge needs a source to merge .*not "b"/);
    // Nothing was changed by any of them.
    expect(JSON.parse((await cli('sources', '--json')).out)).toHaveLength(3);
    expect(JSON.parse((await cli('pages', String(b), '--json')).out).pages).toHaveLength(1);
  });
});

describe('sourcebench pages and merge after an import that left recognition to do', () => {
  it('waits for the text to be recognised, then moves the pages', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.png'), png(200, 100));
    fs.writeFileSync(path.join(dir, 'b.png'), png(300, 100));
    // Imported with recognition on: it is left pending when the command ends, and starts again when the next opens the project.
    expect((await cli('import', path.join(dir, 'a.png'), path.join(dir, 'b.png'))).code).toBe(0);
    const merged = await cli('merge', '1', '2');
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/^Merged #2 into #1 a: 2 pages/);
    const ordered = await cli('pages', '1', '--order', '2,1', '--json');
    expect(ordered.code).toBe(0);
    expect(JSON.parse(ordered.out).pages.map((p: { width: number }) => p.width)).toEqual([300, 200]);
  });
});

describe('sourcebench languages', () => {
  it('lists the languages, adds one from its .traineddata file, and refuses a file that is not one, naming it', async () => {
    const listed = await cli('languages');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^CODE +SOURCE +SIZE\neng +built in +\d+\.\d MB\n\nAdded languages are kept in /);
    const dir = tempDir();
    const rus = path.join(dir, 'rus.traineddata');
    fs.writeFileSync(rus, traineddata([17, 21]));
    const added = await cli('languages', '--add', rus);
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(added.out).toBe(`Added rus (0.0 MB) from ${rus}: recognise a source in it with eng+rus`);
    expect(fs.readdirSync(path.join(home(), 'ocr-languages'))).toContain('rus.traineddata');
    const json = JSON.parse((await cli('languages', '--json')).out);
    expect(json.languages.map((l: { code: string; builtIn: boolean }) => [l.code, l.builtIn])).toEqual([
      ['eng', true],
      ['rus', false],
    ]);

    const notes = path.join(dir, 'deu.traineddata');
    fs.writeFileSync(notes, 'not a model');
    const bad = await cli('languages', '--add', notes);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/^sourcebench: deu\.traineddata is not a Tesseract language file/);
    const none = await cli('languages', '--add', path.join(dir, 'fra.traineddata'));
    expect(none).toMatchObject({ code: 1, err: `sourcebench: ${path.join(dir, 'fra.traineddata')} could not be read: no such file` });
    expect(await cli('languages', '--add')).toMatchObject({ code: 2, err: 'sourcebench: --add needs a value' });
    expect(JSON.parse((await cli('languages', '--json')).out).languages).toHaveLength(2);
  });
});

describe('sourcebench metadata', () => {
  it("sets archival fields on several sources, keeps them as a template, applies the template, and shows a source's fields", async () => {
    const { images } = await project([200, 300, 400]);
    const [a, b, c] = images as [number, number, number];
    const set = await cli(
      'metadata',
      String(a),
      String(b),
      '--archive',
      'GARF',
      '--collection',
      'f. R-9401',
      '--box',
      '14',
      '--type',
      'manuscript',
      '--save-template',
      'Fonds 9401 / Box 14',
    );
    expect(set).toMatchObject({ code: 0, err: '' });
    expect(set.out).toBe(`Set --type, --archive, --collection, --box on 2 sources (#${a}, #${b}); kept as the template "Fonds 9401 / Box 14"`);

    const fromTemplate = await cli('metadata', String(c), '--template', 'fonds 9401 / box 14', '--folder', '3', '--json');
    expect(fromTemplate.code).toBe(0);
    expect(JSON.parse(fromTemplate.out)).toMatchObject({
      updated: [c],
      values: { archive: 'GARF', archive_collection: 'f. R-9401', archive_box: '14', archive_folder: '3', type: 'manuscript' },
    });

    const shown = await cli('metadata', String(c));
    expect(shown.out).toBe(
      [
        `#${c} page-3`,
        `  ${'Type:'.padEnd(36)} manuscript`,
        `  ${'Archive (repository):'.padEnd(36)} GARF`,
        `  ${'Collection or fonds:'.padEnd(36)} f. R-9401`,
        `  ${'Box:'.padEnd(36)} 14`,
        `  ${'Folder:'.padEnd(36)} 3`,
        `  ${'Cited as:'.padEnd(36)} Box 14, Folder 3`,
      ].join('\n'),
    );
    const json = JSON.parse((await cli('metadata', String(a), String(c), '--json')).out);
    expect(json.map((s: { archive_folder: string | null; cited: string }) => [s.archive_folder, s.cited])).toEqual([
      [null, 'Box 14'],
      ['3', 'Box 14, Folder 3'],
    ]);
    // '' clears a field.
    await cli('metadata', String(a), '--box', '');
    expect(JSON.parse((await cli('metadata', String(a), '--json')).out)[0]).toMatchObject({ archive_box: null, archive: 'GARF' });
  });

  it('refuses an unknown source, template or type by name with a non-zero exit code, writing nothing', async () => {
    const { images } = await project([200]);
    const [a] = images as [number];
    const missing = await cli('metadata', String(a), '999', '--box', '14');
    expect(missing).toMatchObject({ code: 1, err: 'sourcebench: There is no source with id 999 in this project; nothing was changed' });
    const template = await cli('metadata', String(a), '--template', 'Box 99');
    expect(template.code).toBe(1);
    expect(template.err).toMatch(/^sourcebench: There is no template named "Box 99" in .*Default\.sourcebench \(it has none yet/);
    const type = await cli('metadata', String(a), '--type', 'photo');
    expect(type.code).toBe(2);
    expect(type.err).toMatch(/^sourcebench: --type: Invalid option/);
    expect((await cli('metadata', String(a), '--save-template', 'Empty')).code).toBe(2);
    expect((await cli('metadata', String(a), String(a), '--box', '1')).err).toMatch(/a source is listed twice/);
    expect((await cli('metadata')).code).toBe(2);
    expect(JSON.parse((await cli('metadata', String(a), '--json')).out)[0]).toMatchObject({ archive_box: null, type: expect.any(String) });
  });
});
