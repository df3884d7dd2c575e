import { describe, expect, it } from 'vitest';
import { passageOrdinals } from '../../../src/main/store/ordinals';
import { bytes, tempWorkbench } from '../helpers';

describe('passage ordinals for many positions at once', () => {
  it('finds the passage each position falls in, or the one before a gap, per source', async () => {
    const { wb } = tempWorkbench();
    const a = await wb.importFile({ name: 'a.txt', bytes: bytes('First.\n\nSecond.\n\nThird.') });
    const b = await wb.importFile({ name: 'b.txt', bytes: bytes('Only one here.') });
    if (a.status !== 'imported' || b.status !== 'imported') throw new Error('import failed');
    const db = (wb as unknown as { current: { db: Parameters<typeof passageOrdinals>[0] } }).current.db;
    const items = [
      { sourceId: a.source.id, start: 0 },
      { sourceId: a.source.id, start: 7 }, // in the blank line after "First."
      { sourceId: a.source.id, start: 8 },
      { sourceId: b.source.id, start: 3 },
      { sourceId: a.source.id, start: 17 },
    ];
    expect(passageOrdinals(db, items)).toEqual([1, 1, 2, 1, 3]);
  });
});
