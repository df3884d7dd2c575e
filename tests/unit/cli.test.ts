import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-run';
import { Workbench } from '../../src/main/workbench';
import { fixture, tempDir, useTempHome } from './helpers';

const home = useTempHome();

describe('sourcebench CLI', () => {
  it('imports into the default project and lists sources as JSON', async () => {
    const imported = await cli('import', fixture('article.html'), fixture('notes.md'));
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/article\.html: imported as #1 "Counting the Victims of 1937"/);
    expect(fs.existsSync(path.join(home(), 'Default.sourcebench'))).toBe(true);
    const listed = await cli('sources', '--json');
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.out);
    expect(list).toHaveLength(2);
    expect(Object.keys(list[0]).sort()).toEqual(['author', 'chars', 'date', 'id', 'origin', 'passages', 'tags', 'title']);
    expect(list[1]).toMatchObject({ title: 'Notes on the 1937 census', tags: ['census', 'demography'], date: '1937-01-06' });
  });

  it('searches: the spellings matched said once, the count naming what was found and from how many sources', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), '---\ntitle: A\n---\n\nYezhov signed the order.\n\nAt least 3.9 million people died in the famine.');
    fs.writeFileSync(path.join(dir, 'b.md'), '---\ntitle: B\n---\n\nThe order came from Yezhov.\n\nAbout 1.5 million died in the camps.');
    expect((await cli('import', dir)).code).toBe(0);
    const typo = await cli('search', 'Ezhov');
    expect(typo.out.match(/matched/gi)).toHaveLength(1);
    expect(typo.out).toContain('Matched Yezhov for Ezhov.');
    expect(typo.out).toContain('2 shown of 2 passages in 2 sources');
    expect((await cli('search', 'in:claims', 'died')).out).toContain('2 shown of 2 claims in 2 sources');
    expect((await cli('search', 'kolyma')).out).toBe('No passages or notes found.');
  });

  it('uses --project and shows a source by id', async () => {
    const project = path.join(home(), 'other.sourcebench');
    await cli('--project', project, 'import', fixture('notes.md'));
    const shown = await cli('--project', project, 'show', '1');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^#1 Notes on the 1937 census/);
    expect(shown.out).toContain('¶2\tThe census was taken on 6 January 1937');
    const json = JSON.parse((await cli('--project', project, 'show', '1', '--json')).out);
    expect(json.passageList[0]).toMatchObject({ ordinal: 1, kind: 'heading', text: 'The census of January 1937' });
    expect(JSON.parse((await cli('sources', '--json')).out)).toEqual([]);
  });

  it('exports notes as Markdown (stdout, file, folder) and annotations as JSON-LD', async () => {
    await cli('import', fixture('notes.md'));
    const wb = Workbench.open({ home: home(), project: path.join(home(), 'Default.sourcebench'), remember: false });
    await wb.createAnnotation({ sourceId: 1, start: 2, end: 12, colour: 'yellow' });
    wb.close();
    const dir = tempDir();
    const md = await cli('export', 'markdown');
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^---\ntitle: "Notes on the 1937 census/);
    expect((await cli('export', 'markdown', '--source', '1', '--out', path.join(dir, 'one.md'))).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'one.md'), 'utf8')).toContain('# Notes on the 1937 census');
    expect((await cli('export', 'markdown', '--out', `${path.join(dir, 'folder')}/`)).out).toMatch(/Wrote 1 file to/);
    expect(fs.readdirSync(path.join(dir, 'folder'))).toEqual(['notes-on-the-1937-census.md']);
    const ld = await cli('export', 'annotations', '--format', 'jsonld');
    expect(JSON.parse(ld.out)).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    expect((await cli('export', 'pdf')).code).toBe(2);
    expect((await cli('export', 'markdown', '--source', 'x')).err).toMatch(/--source needs a source id/);
  });

  it('prints the claims of a file as JSON with offsets into its text, without importing it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'estimates.txt');
    const text = 'Some historians say between 600,000 and 1.2 million people were executed.\r\nOthers count 681,692 executions.\n';
    fs.writeFileSync(file, `\uFEFF${text}`);
    const r = await cli('claims', file, '--json');
    expect(r.code).toBe(0);
    const claims = JSON.parse(r.out);
    const raw = fs.readFileSync(file, 'utf8');
    expect(claims.map((c: { measure: string; low: number; high: number }) => [c.measure, c.low, c.high])).toEqual([
      ['executed', 600000, 1200000],
      ['executed', 681692, 681692],
    ]);
    for (const c of claims) {
      expect(raw.slice(c.start, c.end)).toBe(c.quote);
      expect(Object.keys(c).sort()).toEqual([
        'approx',
        'confidence',
        'end',
        'event',
        'fromYear',
        'high',
        'low',
        'measure',
        'quote',
        'start',
        'toYear',
        'unit',
      ]);
    }
    expect(fs.existsSync(path.join(home(), 'Default.sourcebench'))).toBe(false);
    expect((await cli('claims', path.join(dir, 'missing.txt'))).err).toMatch(/missing\.txt: no such file/);

    // Imported, the same claims are stored as suggestions of the source.
    await cli('import', file);
    const stored = JSON.parse((await cli('claims', '1', '--json')).out);
    expect(stored.map((c: { low: number; status: string; origin: string }) => [c.low, c.status, c.origin])).toEqual([
      [600000, 'suggested', 'extracted'],
      [681692, 'suggested', 'extracted'],
    ]);
    expect((await cli('claims', '9')).err).toMatch(/no source with id 9/);
  });

  it('lists, renames and merges the events of the claims', async () => {
    const dir = tempDir();
    const files = [
      ['a.txt', 'During the Great Purge 681,692 people were executed in 1937 and 1938.'],
      ['b.txt', 'The Great Terror of 1937–38 saw 681,692 people executed.'],
      ['c.txt', 'In the Purges some 750,000 people were executed.'],
    ].map(([name, text]) => {
      fs.writeFileSync(path.join(dir, name!), text!);
      return path.join(dir, name!);
    });
    await cli('import', ...files);
    const listed = await cli('events');
    expect(listed.code).toBe(0);
    expect(listed.out.split('\n')[0]).toMatch(/^EVENT +CLAIMS +MEASURES +YEARS +ALIASES$/);
    expect(listed.out).toMatch(/^Great Purge +1 +executed +1937 +—$/m);
    const renamed = await cli('events', 'rename', 'Purges', 'Great Terror');
    expect(renamed).toMatchObject({ code: 0, out: 'Renamed "Purges" to "Great Terror": 2 claims (executed); also named Purges' });
    const merged = JSON.parse((await cli('events', 'merge', 'Great Terror', '--into', 'Great Purge', '--json')).out);
    expect(merged).toEqual({
      label: 'Great Purge',
      claims: 3,
      measures: ['executed'],
      fromYear: 1937,
      toYear: 1938,
      aliases: ['Great Terror', 'Purges'],
      named: true,
    });
    expect(JSON.parse((await cli('events', 'list', '--json')).out)).toEqual([merged]);
    expect(await cli('events', 'rename', 'Holodomor', 'x')).toMatchObject({
      code: 1,
      err: 'sourcebench: There is no event "Holodomor" in the claims',
    });
    expect((await cli('events', 'merge', 'Great Purge')).code).toBe(2);
    expect((await cli('events', 'rename', 'Great Purge')).code).toBe(2);
    expect((await cli('events', 'split')).err).toMatch(/unknown events command "split"/);
  });

  it('compares two sources as JSON: pairs with offsets, and the passages only one has', async () => {
    await cli('import', fixture('align-base.txt'), fixture('align-edited.txt'));
    const r = await cli('compare', '1', '2', '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(Object.keys(c)).toEqual(['pairs', 'onlyA', 'onlyB']);
    expect(c.pairs).toHaveLength(10);
    expect(Object.keys(c.pairs[0]).sort()).toEqual(['a', 'b', 'kind', 'similarity']);
    expect(Object.keys(c.pairs[0].a).sort()).toEqual(['end', 'passageId', 'start']);
    expect(c.onlyA).toEqual([]);
    expect(c.onlyB).toHaveLength(1);
    expect((await cli('compare', '1')).err).toMatch(/two source ids/);
  });

  it('fails with a non-zero code and one line naming the file and the problem', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const r = await cli('import', empty);
    expect(r.code).toBe(1);
    expect(r.err).toBe('✗ empty.txt is empty');

    const notProject = path.join(dir, 'x.sourcebench');
    fs.writeFileSync(notProject, 'hello');
    const p = await cli('--project', notProject, 'sources');
    expect(p.code).not.toBe(0);
    expect(p.err.split('\n')).toHaveLength(1);
    expect(p.err).toMatch(/x\.sourcebench is not a Sourcebench project/);

    expect((await cli('show', 'abc')).err).toMatch(/needs a source id/);
    expect((await cli('show', '7')).err).toMatch(/no source with id 7/);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
