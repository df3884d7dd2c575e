import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { bytes, tempWorkbench } from '../helpers';

describe('a source with its first passages only', () => {
  it('gives the first N passages and says the list is partial; the whole source says nothing of it', async () => {
    const { wb } = tempWorkbench();
    const text = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of the report.`).join('\n\n');
    const out = await wb.importFile({ name: 'report.txt', bytes: bytes(text) });
    if (out.status !== 'imported') throw new Error('import failed');
    const { source } = out;
    const first = await wb.getSource({ id: source.id, first: 10 });
    expect(first.passageList.map((p) => p.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.partial).toBe(true);
    expect(first.passages).toBe(30);
    const whole = await wb.getSource({ id: source.id });
    expect(whole.passageList).toHaveLength(30);
    expect(whole.partial).toBeUndefined();
    // Asking for more than there are is the whole source.
    expect((await wb.getSource({ id: source.id, first: 50 })).partial).toBeUndefined();
    wb.close();
  });

  it('refuses a count that is not a positive whole number, through the contract', async () => {
    const { wb } = tempWorkbench();
    expect(await dispatch(wb, 'getSource', { id: 1, first: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch(wb, 'getSource', { id: 1, first: 2.5 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    wb.close();
  });
});
