/** The CLI says so when there is nothing to import or export, instead of printing nothing. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-run';
import { Workbench } from '../../src/main/workbench';
import { fixture, tempDir, useTempHome } from './helpers';

const home = useTempHome();

describe('sourcebench import with nothing to import', () => {
  it('says an empty folder has no files to import, and exits with 1', async () => {
    const empty = path.join(tempDir(), 'empty');
    fs.mkdirSync(empty);
    const r = await cli('import', empty);
    expect(r).toEqual({ code: 1, out: '', err: `No files to import in ${empty}` });
    const json = await cli('import', empty, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual([]);
    expect(json.err).toBe(`No files to import in ${empty}`);
  });

  it('names the files of other kinds a folder holds, skipped', async () => {
    const dir = path.join(tempDir(), 'scans');
    fs.mkdirSync(path.join(dir, 'more'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'letter.rtf'), '{\\rtf1 A letter.}');
    fs.writeFileSync(path.join(dir, 'more', 'photo.gif'), 'GIF89a');
    fs.writeFileSync(path.join(dir, '.hidden.txt'), 'hidden files are not imported');
    const r = await cli('import', dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `No files to import in ${dir}: skipped 2 unsupported files (letter.rtf, ${path.join('more', 'photo.gif')}); Sourcebench imports .txt, .text, .md, .markdown, .html, .htm, .xhtml, .docx, .pdf, .png, .jpg, .jpeg, .tif, .tiff`,
    );
  });

  it('imports what a folder holds of the supported kinds, listing the files skipped, with exit code 0', async () => {
    const dir = path.join(tempDir(), 'mixed');
    fs.mkdirSync(dir);
    fs.copyFileSync(fixture('notes.md'), path.join(dir, 'notes.md'));
    fs.writeFileSync(path.join(dir, 'letter.rtf'), '{\\rtf1 A letter.}');
    const r = await cli('import', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✓ mixed\/notes\.md: imported as #1/);
    expect(r.err).toBe(`Skipped 1 unsupported file (letter.rtf) in ${dir}`);
    // Imported again: nothing new, but nothing failed either.
    expect((await cli('import', dir)).code).toBe(0);
  });

  it('still fails for a file of another kind named on the command line, or a path that does not exist', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'letter.rtf'), '{\\rtf1 A letter.}');
    const named = await cli('import', path.join(dir, 'letter.rtf'));
    expect(named.code).toBe(1);
    expect(named.err).toMatch(/^✗ letter\.rtf: this kind of file is not supported/);
    const missing = await cli('import', path.join(dir, 'nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nowhere: no such file or folder/);
  });

  it('exits with 0 when something was imported, even if an empty folder was among the paths', async () => {
    const empty = path.join(tempDir(), 'empty');
    fs.mkdirSync(empty);
    const r = await cli('import', empty, fixture('notes.md'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✓ notes\.md: imported/);
    expect(r.err).toBe(`No files to import in ${empty}`);
  });
});

describe('sourcebench export markdown with no notes', () => {
  it('says there are no notes to export, writes no file and exits with 1', async () => {
    await cli('import', fixture('notes.md'), fixture('article.html'));
    const project = path.join(home(), 'Default.sourcebench');
    const dir = tempDir();
    const stdout = await cli('export', 'markdown');
    expect(stdout).toEqual({ code: 1, out: '', err: `No notes to export in ${project}: nothing written` });
    const file = await cli('export', 'markdown', '--out', path.join(dir, 'notes.md'));
    expect(file.code).toBe(1);
    expect(file.out).toBe('');
    expect(fs.existsSync(path.join(dir, 'notes.md'))).toBe(false);
    expect((await cli('export', 'markdown', '--out', `${path.join(dir, 'folder')}/`)).code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'folder'))).toBe(false);
    expect((await cli('export', 'markdown', '--source', '1')).err).toBe('No notes to export on source #1: nothing written');

    // With a note on the notes (tagged census, like the source): the filters that leave it out still say so.
    const wb = Workbench.open({ home: home(), project, remember: false });
    await wb.createAnnotation({ sourceId: 1, start: 2, end: 12, colour: 'yellow', tags: ['counts'] });
    wb.close();
    expect((await cli('export', 'markdown')).code).toBe(0);
    expect((await cli('export', 'markdown', '--source', '1')).code).toBe(0);
    expect((await cli('export', 'markdown', '--tag', 'Counts')).code).toBe(0);
    expect((await cli('export', 'markdown', '--tag', 'census')).code).toBe(0);
    const untagged = await cli('export', 'markdown', '--tag', 'nothing');
    expect(untagged).toEqual({ code: 1, out: '', err: 'No notes to export tagged "nothing": nothing written' });
    const otherSource = await cli('export', 'markdown', '--source', '2', '--out', path.join(dir, 'two.md'));
    expect(otherSource).toEqual({ code: 1, out: '', err: 'No notes to export on source #2: nothing written' });
    expect(fs.existsSync(path.join(dir, 'two.md'))).toBe(false);
    expect((await cli('export', 'markdown', '--source', '9')).err).toMatch(/no source with id 9/);
  });
});
