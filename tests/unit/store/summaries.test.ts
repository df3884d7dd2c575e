/**
 * The library reads again the rows of sources whose text is being recognised
 * (`getSourceSummaries`); each summary says where recognition is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../../src/shared/types';
import { isRecognising, textMark, withRowsReadAgain } from '../../../src/renderer/src/views/libraryList';
import { ImageStore } from '../../../src/main/ocr/store';
import { dispatch } from '../../../src/main/dispatch';
import type { Workbench } from '../../../src/main/workbench';
import { bytes, tempWorkbench } from '../helpers';

let wb: Workbench | undefined;
afterEach(() => wb?.close());

const row = (id: number, more: Partial<SourceSummary> = {}): SourceSummary => ({
  id,
  uuid: `u${id}`,
  title: `S${id}`,
  author: null,
  date: null,
  origin: null,
  kind: 'text',
  fileName: null,
  tags: [],
  passages: 0,
  chars: 0,
  bytes: 0,
  importedAt: '2026-01-01T00:00:00Z',
  ...more,
});

describe('rows of sources being recognised', () => {
  it('says where recognition is in each summary, and reads the rows asked for in their order', async () => {
    ({ wb } = tempWorkbench());
    for (const [i, text] of ['One page.', 'Another.'].entries()) await wb.importFile({ name: `t${i}.txt`, bytes: bytes(text) });
    const db = (wb as unknown as { current: { db: import('better-sqlite3').Database } }).current.db;
    db.prepare("UPDATE source SET format = 'image' WHERE id = 1").run();
    new ImageStore(db).setState(1, 'running');
    const rows = await wb.getSourceSummaries({ ids: [2, 999, 1] });
    expect(rows.map((r) => r.id)).toEqual([2, 1]);
    expect(rows[1]!.ocr).toBe('running');
    expect(rows[0]).not.toHaveProperty('ocr');
    expect((await wb.listSources()).find((s) => s.id === 1)?.ocr).toBe('running');
    const refused = await dispatch(wb, 'getSourceSummaries', { ids: [] });
    expect(refused.ok).toBe(false);
  });

  it('marks a row by what it lacks, and replaces only rows that changed', () => {
    expect(textMark(row(1, { format: 'image', ocr: 'running' }))).toMatchObject({ label: 'recognising text', busy: true });
    expect(textMark(row(1, { format: 'image', ocr: 'failed' }))?.label).toBe('recognition failed');
    expect(textMark(row(1, { format: 'image', ocr: 'done' }))?.title).toMatch(/type the transcription/);
    expect(textMark(row(1))?.title).toMatch(/Replace text/);
    expect(textMark(row(1, { chars: 40, passages: 1 }))).toBeNull();
    expect(isRecognising(row(1, { ocr: 'pending' }))).toBe(true);

    const list = [row(1, { ocr: 'running' }), row(2)];
    expect(withRowsReadAgain(list, [row(1, { ocr: 'running' })])).toBe(list);
    const done = row(1, { ocr: 'done', chars: 30, passages: 2 });
    expect(withRowsReadAgain(list, [done, row(7)])).toEqual([done, list[1]]);
  });
});
