import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../src/main/workbench';
import { bytes, fixture, tempDir, tempWorkbench } from './helpers';

describe('import', () => {
  it('stores a source with passages whose text equals the slice of the source text', async () => {
    const { wb } = tempWorkbench();
    const out = await wb.importFile({ name: 'article.html', bytes: fs.readFileSync(fixture('article.html')) });
    expect(out).toMatchObject({ status: 'imported', source: { title: 'Counting the Victims of 1937', passages: 6 } });
    const id = out.status === 'imported' ? out.source.id : 0;
    const detail = await wb.getSource({ id });
    expect(detail.passageList).toHaveLength(6);
    const full = (wb as unknown as { current: { sources: { text(id: number): string } } }).current.sources.text(id);
    for (const p of detail.passageList) expect(p.text).toBe(full.slice(p.start, p.end));
    expect(detail.passageList.map((p) => p.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('recognises re-imported content by its hash and does not duplicate it', async () => {
    const { wb } = tempWorkbench();
    const first = await wb.importFile({ name: 'a.txt', bytes: bytes('Same text.\n\nTwice.') });
    const second = await wb.importFile({ name: 'copy.txt', bytes: bytes('Same text.\r\n\r\nTwice.') });
    expect(first.status).toBe('imported');
    expect(second).toMatchObject({ status: 'duplicate', source: { id: first.status === 'imported' ? first.source.id : -1 } });
    expect(await wb.listSources()).toHaveLength(1);
  });

  it('imports a folder recursively, each file with its own outcome, and skips hidden files', async () => {
    const { wb } = tempWorkbench();
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'one.txt'), 'One.');
    fs.writeFileSync(path.join(dir, 'sub', 'two.md'), '# Two\n\nText.');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'image.gif'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(dir, '.hidden.txt'), 'secret');
    const outcomes = await wb.importPath({ path: dir });
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['empty.txt', 'failed'],
      ['image.gif', 'failed'],
      ['one.txt', 'imported'],
      [path.join('sub', 'two.md'), 'imported'],
    ]);
    const failed = outcomes.filter((o) => o.status === 'failed');
    expect(failed.map((o) => o.status === 'failed' && o.error.message)).toEqual([
      'empty.txt is empty',
      expect.stringMatching(/^image\.gif: this kind of file is not supported/),
    ]);
  });

  it('leaves the project unchanged when a file fails, even mid-transaction', async () => {
    const { wb } = tempWorkbench();
    await wb.importFile({ name: 'keep.txt', bytes: bytes('Keep me.') });
    const before = await wb.listSources();
    const bad = await wb.importFile({ name: 'bin.txt', bytes: new Uint8Array([0, 1, 2, 3]) });
    expect(bad).toMatchObject({ status: 'failed', error: { code: 'binary_file' } });
    // Force a failure inside the insert transaction: a passage that violates its CHECK.
    const store = (wb as unknown as { current: { sources: { insert(s: unknown): number } } }).current.sources;
    expect(() =>
      store.insert({
        title: 'Broken',
        author: null,
        date: null,
        origin: null,
        kind: 'text',
        language: null,
        fileName: 'x.txt',
        encoding: 'utf-8',
        hash: 'h',
        text: 'abc',
        bytes: 3,
        tags: ['t'],
        meta: {},
        passages: [
          { start: 0, end: 3, kind: 'paragraph' },
          { start: 2, end: 1, kind: 'paragraph' },
        ],
      }),
    ).toThrow();
    expect(await wb.listSources()).toEqual(before);
    expect(await wb.listTags()).toEqual([]);
  });

  it('reports a missing path clearly', async () => {
    const { wb } = tempWorkbench();
    await expect(wb.importPath({ path: '/no/such/place.txt' })).rejects.toThrow(/no such file or folder/);
  });
});

describe('metadata, tags and deletion', () => {
  it('edits metadata, validates EDTF dates and keeps tags tidy', async () => {
    const { wb } = tempWorkbench();
    const out = await wb.importFile({ name: 'a.txt', bytes: bytes('Text.') });
    const id = out.status === 'imported' ? out.source.id : 0;
    const updated = await wb.updateSource({
      id,
      title: 'New title',
      author: 'Conquest, Robert',
      date: '1968~',
      origin: '',
      tags: ['Terror', ' terror ', 'NKVD'],
    });
    expect(updated).toMatchObject({ title: 'New title', author: 'Robert Conquest', date: '1968~', origin: null, tags: ['NKVD', 'Terror'] });
    await expect(wb.updateSource({ id, date: '14 March 1937' })).rejects.toThrow(/not an EDTF date/);
    expect((await wb.getSource({ id })).date).toBe('1968~');
    expect(await wb.listTags()).toEqual([
      { name: 'NKVD', count: 1 },
      { name: 'Terror', count: 1 },
    ]);
    await wb.updateSource({ id, tags: [] });
    expect(await wb.listTags()).toEqual([]);
  });

  it('deletes a source with its passages', async () => {
    const { wb } = tempWorkbench();
    const out = await wb.importFile({ name: 'a.txt', bytes: bytes('One.\n\nTwo.') });
    const id = out.status === 'imported' ? out.source.id : 0;
    await wb.deleteSource({ id });
    expect(await wb.listSources()).toEqual([]);
    await expect(wb.getSource({ id })).rejects.toMatchObject({ code: 'not_found' });
    const db = new Database(wb.projectPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM passage').pluck().get()).toBe(0);
    db.close();
  });

  it('loads the sample sources written for the app', async () => {
    const { wb } = tempWorkbench();
    const outcomes = await wb.loadSamples();
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
    expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
    expect((await wb.listSources()).every((s) => s.title.startsWith('Sample:'))).toBe(true);
  });
});

describe('projects', () => {
  it('creates, switches and remembers the last opened project', async () => {
    const { wb, home } = tempWorkbench();
    expect(wb.projectPath).toBe(path.join(home, 'Default.sourcebench'));
    const other = path.join(home, 'purge');
    const info = await wb.createProject({ path: other });
    expect(info).toMatchObject({ name: 'purge', path: `${other}.sourcebench`, sources: 0 });
    await expect(wb.createProject({ path: other })).rejects.toMatchObject({ code: 'project_exists' });
    wb.close();
    const again = Workbench.open({ home });
    expect(again.projectPath).toBe(`${other}.sourcebench`);
    expect((await again.getProject()).recent).toEqual([`${other}.sourcebench`, path.join(home, 'Default.sourcebench')]);
    again.close();
  });

  it('keeps the current project open when another cannot be opened', async () => {
    const { wb, home } = tempWorkbench();
    await wb.importFile({ name: 'a.txt', bytes: bytes('Text.') });
    const junk = path.join(home, 'junk.sourcebench');
    fs.writeFileSync(junk, 'not a database');
    await expect(wb.openProject({ path: junk })).rejects.toMatchObject({ code: 'not_a_project' });
    expect(fs.readFileSync(junk, 'utf8')).toBe('not a database');
    expect(await wb.listSources()).toHaveLength(1);
  });
});
