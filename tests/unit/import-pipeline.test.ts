/**
 * The import pipeline: files read in worker threads and written in batches, progress
 * reported as events, a cancel that leaves finished files in and the rest out. No test
 * waits for time: each waits for a state (an event, a job's end).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportProgressEvent } from '../../src/main/import/pipeline';
import type { ImportOutcome, ImportProgress } from '../../src/shared/types';
import { runImport } from '../../src/main/import/pipeline';
import type { Prepared } from '../../src/main/import/prepare';
import { PreparePool } from '../../src/main/import/pool';
import { Workbench } from '../../src/main/workbench';
import { bytes, fixture, tempDir } from './helpers';
import { buildDocx, heading, para } from './ingest/docx-builder';
import { dispatch } from '../../src/main/dispatch';
import { MAX_FILE_BYTES, MAX_FILES_PER_REQUEST } from '../../src/shared/limits';
import type { Input, MethodName, Output } from '../../src/shared/api';

const open: Workbench[] = [];
function workbench(importBatch?: { files?: number; bytes?: number; ms?: number }): Workbench {
  const wb = Workbench.open({ home: tempDir(), dailyBackup: false, importBatch });
  open.push(wb);
  return wb;
}

/** A folder of `n` small texts, each with a word of its own (`wordN`), named so they sort in order. */
function folderOf(n: number): string {
  const dir = path.join(tempDir(), 'letters');
  fs.mkdirSync(dir);
  for (let i = 1; i <= n; i++) {
    const id = String(i).padStart(3, '0');
    fs.writeFileSync(
      path.join(dir, `${id}.txt`),
      `Letter ${id}.\n\nIt speaks of marker${id}quill and of 1,${id} people counted in 1901.\n\nA third paragraph.`,
    );
  }
  return dir;
}

/** Internal consistency: every source's passages are stored, and the search index holds exactly the passages. */
function consistent(wb: Workbench): void {
  const db = (wb as unknown as { current: { db: import('better-sqlite3').Database } }).current.db;
  const bad = db.prepare('SELECT s.id FROM source s WHERE s.passage_count != (SELECT count(*) FROM passage p WHERE p.source_id = s.id)').all();
  expect(bad).toEqual([]);
  // FTS5 checks its index against the passage table: it throws on any difference.
  db.prepare("INSERT INTO passage_fts(passage_fts, rank) VALUES ('integrity-check', 1)").run();
  const orphans = db.prepare('SELECT count(*) FROM passage WHERE source_id NOT IN (SELECT id FROM source)').pluck().get();
  expect(orphans).toBe(0);
}

/** A call through the contract's boundary, as every transport makes it. */
async function dispatchOk<M extends MethodName>(wb: Workbench, method: M, input: Input<M>): Promise<Output<M>> {
  const reply = await dispatch(wb, method, input);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Output<M>;
}

async function found(wb: Workbench, word: string): Promise<boolean> {
  return (await wb.search({ query: word })).hits.some((h) => h.kind === 'passage');
}

describe('the import pipeline', () => {
  it('imports a folder in batches, one transaction each, and names a failed file with its problem while the others import', async () => {
    const wb = workbench({ files: 4, ms: 1e9 });
    const dir = folderOf(10);
    fs.writeFileSync(path.join(dir, '004b-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
    fs.writeFileSync(
      path.join(dir, 'report.docx'),
      await buildDocx({ body: heading('Report on the harvest') + para('The harvest of 1933 failed in 1,200 villages.') }),
    );
    fs.copyFileSync(fixture('pdf/article.pdf'), path.join(dir, 'zz-article.pdf'));
    const write = vi.spyOn(wb as unknown as { write: (work: () => unknown) => unknown }, 'write');
    const events: ImportProgressEvent[] = [];
    const outcomes = await wb.importAll([dir], { onProgress: (e) => events.push(e) });

    expect(outcomes).toHaveLength(13);
    const failed = outcomes.filter((o) => o.status === 'failed');
    expect(failed).toEqual([
      {
        fileName: path.join('letters', '004b-binary.txt'),
        status: 'failed',
        error: { code: 'binary_file', message: expect.stringContaining('004b-binary.txt') },
      },
    ]);
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(12);
    // The Word file and the PDF were read by the workers too.
    expect(outcomes.find((o) => o.fileName.endsWith('report.docx'))).toMatchObject({ status: 'imported', source: { passages: 2 } });
    expect(outcomes.find((o) => o.fileName.endsWith('zz-article.pdf'))).toMatchObject({ status: 'imported' });

    // 13 files in batches of at most 4: 4 transactions (the failed file is not written), not 12.
    const last = events[events.length - 1]!;
    expect(last).toMatchObject({ finished: 'done', total: 13, done: 13, imported: 12, failed: 1, batches: 4 });
    expect(write).toHaveBeenCalledTimes(4);
    for (const e of events) expect(e.results.length).toBeLessThanOrEqual(4);
    expect(await wb.listSources()).toHaveLength(12);
    expect(await found(wb, 'marker007quill')).toBe(true);
    consistent(wb);
  });

  it('writes a whole folder in one transaction when the batch limits allow', async () => {
    const wb = workbench({ ms: 1e9 });
    const write = vi.spyOn(wb as unknown as { write: (work: () => unknown) => unknown }, 'write');
    const outcomes = await wb.importAll([folderOf(40)]);
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(40);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('cancelled mid-import keeps every finished file, leaves the current one out, and a second import brings the rest', async () => {
    const wb = workbench({ files: 5, ms: 1e9 });
    const dir = folderOf(30);
    const controller = new AbortController();
    let doneAtCancel = -1;
    let currentAtCancel: string | null = null;
    const first = await wb.importAll([dir], {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.done > 0 && !controller.signal.aborted) {
          doneAtCancel = e.done;
          currentAtCancel = e.current;
          controller.abort();
        }
      },
    });
    expect(doneAtCancel).toBe(5);
    expect(first.map((o) => o.status)).toEqual(Array(5).fill('imported'));
    const titles = (await wb.listSources()).map((s) => s.fileName);
    expect(titles).toEqual(['001.txt', '002.txt', '003.txt', '004.txt', '005.txt']);
    // The file being read when cancel came is not in the project, nor anything after it.
    expect(currentAtCancel).toBe(path.join('letters', '006.txt'));
    expect(await found(wb, 'marker005quill')).toBe(true);
    expect(await found(wb, 'marker006quill')).toBe(false);
    consistent(wb);

    const second = await wb.importAll([dir]);
    expect(second.filter((o) => o.status === 'duplicate')).toHaveLength(5);
    expect(second.filter((o) => o.status === 'imported')).toHaveLength(25);
    expect(await wb.listSources()).toHaveLength(30);
    consistent(wb);
  });

  it('reports progress as a stream through the API: counts only grow, outcomes arrive once each, and it ends with done', async () => {
    const wb = workbench({ files: 3, ms: 1e9 });
    const dir = folderOf(20);
    fs.writeFileSync(path.join(dir, 'notes.gif'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const snapshots: ImportProgress[] = [];
    let p = await wb.importPaths({ paths: [dir] });
    snapshots.push(p);
    while (p.state === 'running') {
      p = await wb.importProgress({ job: p.job, after: p.next });
      snapshots.push(p);
    }
    const results: ImportOutcome[] = snapshots.flatMap((s) => s.results);
    for (const [a, b] of snapshots.slice(0, -1).map((s, i) => [s, snapshots[i + 1]!] as const)) {
      for (const key of ['done', 'imported', 'failed', 'bytes', 'passages', 'batches'] as const) expect(b[key]).toBeGreaterThanOrEqual(a[key]);
      expect(b.next).toBeGreaterThanOrEqual(a.next);
    }
    expect(p).toMatchObject({ state: 'done', total: 21, done: 21, imported: 20, failed: 1, skipped: 1, current: null, batches: 7 });
    // Each outcome once, in the folder's order; the image was skipped, not failed.
    expect(results.map((r) => r.fileName)).toEqual(
      [
        ...Array.from({ length: 20 }, (_, i) => path.join('letters', `${String(i + 1).padStart(3, '0')}.txt`)),
        path.join('letters', 'empty.txt'),
      ].sort((a, b) => a.localeCompare(b)),
    );
    expect(results.find((r) => r.status === 'failed')).toMatchObject({ fileName: path.join('letters', 'empty.txt'), error: { code: 'empty_file' } });
    // The whole job can be read again from the start.
    expect((await wb.importProgress({ job: p.job })).results).toHaveLength(21);
  });

  it('cancels a job through the API: what it reported is in the project, nothing else, and the project stays consistent', async () => {
    const wb = workbench({ files: 2, ms: 1e9 });
    const dir = folderOf(60);
    let p = await wb.importPaths({ paths: [dir] });
    while (p.state === 'running' && p.done === 0) p = await wb.importProgress({ job: p.job, after: p.next });
    const end = await wb.cancelImport({ job: p.job });
    expect(['cancelled', 'done']).toContain(end.state);
    const all = (await wb.importProgress({ job: p.job })).results;
    expect(all.length).toBe(end.done);
    const sources = await wb.listSources();
    expect(sources.map((s) => s.fileName).sort()).toEqual(
      all
        .filter((o) => o.status === 'imported')
        .map((o) => path.basename(o.fileName))
        .sort(),
    );
    consistent(wb);
    const again = await wb.importAll([dir]);
    expect(again.filter((o) => o.status === 'imported')).toHaveLength(60 - sources.length);
    expect(await wb.listSources()).toHaveLength(60);
  });

  it('a cancelled run: files still waiting for a worker answer "cancelled" unread, and another run at the same time is untouched', async () => {
    const dir = folderOf(40);
    const tasks = fs.readdirSync(dir).map((f) => ({ file: path.join(dir, f), label: f }));
    const pool = new PreparePool(1);
    pools.push(pool);
    const stopped = new AbortController();
    stopped.abort();
    const cancelled = pool.session(stopped.signal);
    const other = pool.session(new AbortController().signal);
    const [a, b] = await Promise.all([Promise.all(tasks.map((t) => cancelled(t))), Promise.all(tasks.map((t) => other(t)))]);
    expect(a.every((r) => !r.ok && r.error.code === 'cancelled')).toBe(true);
    expect(b.every((r) => r.ok)).toBe(true);
    // A cancel that comes while the files wait in the worker: those not begun are not read.
    const later = new AbortController();
    const run = pool.session(later.signal);
    const results = tasks.map((t) => run(t));
    await results[0];
    later.abort();
    const settled = await Promise.all(results);
    expect(settled[0]!.ok).toBe(true);
    expect(settled.some((r) => !r.ok && r.error.code === 'cancelled')).toBe(true);
  });

  it('reads ahead of the writer within its bounds on files and bytes', async () => {
    let reading = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const tasks = Array.from({ length: 50 }, (_, i) => ({ label: `f${i}.txt`, bytes: new Uint8Array(10) }));
    const done = runImport(tasks, {
      ahead: 8,
      prepare: async (task) => {
        reading++;
        most = Math.max(most, reading);
        await new Promise<void>((r) => release.push(r));
        reading--;
        return { ok: false, error: { code: 'read_failed', message: task.label } };
      },
      sink: { commit: () => [], failed: () => ({ outcome: { fileName: '', status: 'failed', error: { code: 'x', message: '' } }, stop: false }) },
    });
    while (release.length || reading) {
      await new Promise<void>((r) => setImmediate(r));
      release.shift()?.();
    }
    await done;
    expect(most).toBeLessThanOrEqual(8);
    expect(most).toBeGreaterThan(1);

    // Text read and not yet written is bounded too: at the bound the batch is written early.
    const batches: number[] = [];
    const { outcomes } = await runImport(tasks, {
      aheadBytes: 25,
      batchMs: 1e9,
      prepare: async () => ({ ok: true, prepared: { source: { bytes: 10 } } as unknown as Prepared, terms: [] }),
      sink: {
        commit: (batch) => {
          batches.push(batch.length);
          return batch.map((b) => ({ fileName: b.fileName, status: 'failed', error: { code: 'x', message: '' } }));
        },
        failed: () => ({ outcome: { fileName: '', status: 'failed', error: { code: 'x', message: '' } }, stop: false }),
      },
    });
    expect(outcomes).toHaveLength(50);
    expect(Math.max(...batches)).toBeLessThanOrEqual(3);
  });

  it("counts a file's page images in the bytes of its batch (a scanned PDF's drawn pages are larger than the file)", async () => {
    const tasks = Array.from({ length: 6 }, (_, i) => ({ label: `scan-${i}.pdf`, bytes: new Uint8Array(10) }));
    const batches: number[] = [];
    const page = { bytes: new Uint8Array(1000) };
    await runImport(tasks, {
      batchBytes: 1500,
      batchMs: 1e9,
      prepare: async () => ({ ok: true, prepared: { source: { bytes: 10 }, images: [page] } as unknown as Prepared, terms: [] }),
      sink: {
        commit: (batch) => {
          batches.push(batch.length);
          return batch.map((b) => ({ fileName: b.fileName, status: 'failed', error: { code: 'x', message: '' } }));
        },
        failed: () => ({ outcome: { fileName: '', status: 'failed', error: { code: 'x', message: '' } }, stop: false }),
      },
    });
    // 1,010 bytes a file: the second file of a batch reaches the bound.
    expect(batches).toEqual([2, 2, 2]);
  });

  it('runs files given as bytes (importFiles) as one job: batches, progress through the API, outcomes in order', async () => {
    const wb = workbench({ files: 3, ms: 1e9 });
    const write = vi.spyOn(wb as unknown as { write: (work: () => unknown) => unknown }, 'write');
    const files = [
      ...Array.from({ length: 7 }, (_, i) => ({ name: `drop/${i + 1}.txt`, bytes: bytes(`Letter ${i + 1}.\n\nIt speaks of marker${i + 1}drop.`) })),
      { name: 'drop/empty.txt', bytes: bytes('') },
      { name: 'photo.gif', bytes: bytes('jpeg') },
      { name: 'again.txt', bytes: bytes('Letter 1.\n\nIt speaks of marker1drop.') },
    ];
    const snapshots: ImportProgress[] = [];
    let p = await dispatchOk(wb, 'importFiles', { files });
    snapshots.push(p);
    while (p.state === 'running') {
      p = await wb.importProgress({ job: p.job, after: p.next });
      snapshots.push(p);
    }
    for (const [a, b] of snapshots.slice(0, -1).map((s, i) => [s, snapshots[i + 1]!] as const)) {
      for (const key of ['done', 'imported', 'failed', 'bytes', 'passages', 'batches'] as const) expect(b[key]).toBeGreaterThanOrEqual(a[key]);
    }
    expect(p).toMatchObject({ state: 'done', total: 10, done: 10, imported: 7, duplicates: 1, failed: 2, skipped: 0, passages: 14, current: null });
    // Ten files in batches of at most 3: four transactions, not one a file.
    expect(p.batches).toBe(4);
    expect(write).toHaveBeenCalledTimes(4);
    const results = snapshots.flatMap((s) => s.results);
    expect(results.map((r) => [r.fileName, r.status])).toEqual([
      ...files.slice(0, 7).map((f) => [f.name, 'imported']),
      ['drop/empty.txt', 'failed'],
      ['photo.gif', 'failed'],
      ['again.txt', 'duplicate'],
    ]);
    expect(results[8]).toMatchObject({ error: { code: 'unsupported_format' } });
    expect(await found(wb, 'marker7drop')).toBe(true);
    consistent(wb);
  });

  it('cancels an importFiles job: what it reported is in the project, nothing else', async () => {
    const wb = workbench({ files: 2, ms: 1e9 });
    const files = Array.from({ length: 60 }, (_, i) => ({
      name: `${String(i + 1).padStart(3, '0')}.txt`,
      bytes: bytes(`Letter ${i + 1}.\n\nIt speaks of marker${i + 1}quill and of 1,${i + 1} people counted in 1901.`),
    }));
    let p = await wb.importFiles({ files });
    while (p.state === 'running' && p.done === 0) p = await wb.importProgress({ job: p.job, after: p.next });
    const end = await wb.cancelImport({ job: p.job });
    expect(end.state).toBe('cancelled');
    const all = (await wb.importProgress({ job: p.job })).results;
    expect(all.length).toBe(end.done);
    expect(all.length).toBeLessThan(60);
    const sources = await wb.listSources();
    expect(sources.map((s) => s.fileName).sort()).toEqual(all.map((o) => o.fileName).sort());
    // The first file not reported (the one being read, or after it) is not in the project.
    expect(await found(wb, `marker${all.length + 1}quill`)).toBe(false);
    consistent(wb);
  });

  it('bounds an importFiles request: at most MAX_FILES_PER_REQUEST files, MAX_FILE_BYTES together', async () => {
    const wb = workbench();
    const one = { name: 'a.txt', bytes: bytes('A letter.') };
    expect((await dispatch(wb, 'importFiles', { files: [] })).ok).toBe(false);
    const many = await dispatch(wb, 'importFiles', { files: Array(MAX_FILES_PER_REQUEST + 1).fill(one) });
    expect(many).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('importFiles: files') } });
    const half = { name: 'big.txt', bytes: new Uint8Array(MAX_FILE_BYTES / 2 + 1) };
    const heavy = await dispatch(wb, 'importFiles', { files: [half, half] });
    expect(heavy).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('MB together') } });
    expect((await dispatch(wb, 'importFiles', { files: [one], extra: 1 })).ok).toBe(false);
    expect(await wb.listSources()).toEqual([]);
  });

  it('refuses an unknown job', async () => {
    const wb = workbench();
    await expect(wb.importProgress({ job: 99 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

const pools: PreparePool[] = [];
// Workers are stopped with their workbench.
afterEach(async () => {
  for (const wb of open.splice(0)) wb.close();
  for (const pool of pools.splice(0)) await pool.close();
});
