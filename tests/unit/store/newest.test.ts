/**
 * The library's first rows come from `listNewestSources` before the whole list: they must be
 * exactly the rows the table shows first once the whole list has come (the renderer's first
 * order, `sortSources` by import time, newest first, then by id).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sortSources } from '../../../src/renderer/src/views/libraryList';
import { bytes, tempWorkbench } from '../helpers';
import type { Workbench } from '../../../src/main/workbench';

let wb: Workbench | undefined;
afterEach(() => wb?.close());

describe('the newest sources', () => {
  it('are the first rows of the whole list in the first order, with the project’s count', async () => {
    ({ wb } = tempWorkbench());
    for (let i = 0; i < 7; i++) await wb.importFile({ name: `note-${i}.txt`, bytes: bytes(`Note ${i} on the purge of 1937, source number ${i}.`) });
    // Import times that tie (several in one millisecond) and that run against the ids; two later than the others' (today's).
    const db = (wb as unknown as { current: { db: import('better-sqlite3').Database } }).current.db;
    const times = ['2027-03-01T10:00:00.000Z', '2027-03-02T10:00:00.000Z', '2027-03-02T10:00:00.000Z', '2026-01-05T09:00:00.000Z'];
    db.prepare('UPDATE source SET imported_at = ? WHERE id = ?').run(times[1], 1);
    db.prepare('UPDATE source SET imported_at = ? WHERE id = ?').run(times[2], 5);
    db.prepare('UPDATE source SET imported_at = ? WHERE id = ?').run(times[0], 7);
    db.prepare('UPDATE source SET imported_at = ? WHERE id = ?').run(times[3], 3);

    const whole = sortSources(await wb.listSources(), { key: 'importedAt', dir: -1 });
    for (const limit of [1, 3, 7, 50]) {
      const first = await wb.listNewestSources({ limit });
      expect(first.total).toBe(7);
      expect(first.sources).toEqual(whole.slice(0, limit));
    }
    expect((await wb.listNewestSources({ limit: 3 })).sources.map((s) => s.id).slice(0, 2)).toEqual([1, 5]);
  });

  it('refuses a limit out of range', async () => {
    ({ wb } = tempWorkbench());
    const { dispatch } = await import('../../../src/main/dispatch');
    const reply = await dispatch(wb, 'listNewestSources', { limit: 0 });
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).toMatch(/limit/);
  });
});
