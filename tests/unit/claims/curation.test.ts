import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../../src/main/claims/evidence';
import { bytes, tempWorkbench } from '../helpers';

async function imported(wb: ReturnType<typeof tempWorkbench>['wb'], name: string, text: string): Promise<number> {
  const out = await wb.importFile({ name, bytes: bytes(text) });
  if (out.status !== 'imported') throw new Error(`${name} was not imported`);
  return out.source.id;
}

describe('claims for curation', () => {
  it('lists claims by id and by status, with the sentence around each quote', async () => {
    const { wb } = tempWorkbench();
    const id = await imported(
      wb,
      'a.txt',
      'The archive was opened in 1991. During the Great Purge, 681,692 people were executed, the records say. Some 1.5 million were arrested.',
    );
    const all = await wb.listClaims({ sourceId: id });
    expect(all).toHaveLength(2);
    const [first] = await wb.listClaims({ ids: [all[0]!.id], context: true });
    expect(first!.quote).toBe('681,692 people were executed');
    expect(first!.context).toEqual({ before: 'During the Great Purge, ', after: ', the records say.' });
    await wb.updateClaim({ id: all[0]!.id, status: 'confirmed' });
    expect((await wb.listClaims({ status: 'suggested' })).map((c) => c.id)).toEqual([all[1]!.id]);
    expect(await wb.listClaims({ ids: [] })).toEqual([]);
    // Without asking, no context is read.
    expect(all[0]!.context).toBeUndefined();
  });

  it('cuts the context at the sentence, or at about 300 characters with an ellipsis', () => {
    const long = `${'word '.repeat(200)}so 5,000 were shot ${'and more '.repeat(100)}`;
    const at = long.indexOf('5,000 were shot');
    const c = sentenceAround(long, at, at + '5,000 were shot'.length);
    expect(c.before.startsWith('…')).toBe(true);
    expect(c.before.length).toBeLessThan(310);
    expect(c.after.endsWith('…')).toBe(true);
    const text = 'First one.\n\nThen 40 were shot. Next.';
    const q = text.indexOf('40 were shot');
    expect(sentenceAround(text, q, q + '40 were shot'.length)).toEqual({ before: 'Then ', after: '.' });
  });
});

describe('evidence warnings', () => {
  it('warns of a measure, a period and a unit that differ from the rest, and of a quote counted twice', async () => {
    const { wb } = tempWorkbench();
    await imported(wb, 'a.txt', 'Between 1937 and 1938, 681,692 people were executed.');
    await imported(wb, 'b.txt', 'Between 1937 and 1938 about 700,000 people were executed.');
    await imported(wb, 'c.txt', 'From 1921 to 1953, 799,455 people were executed.');
    await imported(wb, 'd.txt', 'Between 1937 and 1938 some 1.5 million people were arrested.');
    await imported(wb, 'e.txt', 'Between 1937 and 1938 half of those arrested were executed.');
    const all = await wb.listClaims({});
    const q = await wb.createQuestion({ label: 'Executed', claimIds: all.map((c) => c.id) });
    const e = await wb.getEvidence({ questionId: q.id });
    expect(e.measure).toBe('executed');
    expect(e.period).toEqual({ fromYear: 1937, toYear: 1938 });
    const byQuote = (w: { claimId: number }) => all.find((c) => c.id === w.claimId)!.quote;
    expect(e.warnings.map((w) => [w.kind, byQuote(w), w.message])).toEqual(
      expect.arrayContaining([
        ['period', '799,455 people were executed', 'Covers 1921–1953; most figures here cover 1937–1938'],
        ['measure', expect.stringContaining('1.5 million'), 'Counts arrests; most figures here count executions'],
        ['unit', expect.stringContaining('half'), 'A share (percent) beside counts of people'],
      ]),
    );
    // Claims that fit get no warning.
    expect(e.warnings.some((w) => byQuote(w) === '681,692 people were executed')).toBe(false);
  });

  it('warns when one source repeats another word for word, and gives no warning to a question that fits', async () => {
    const { wb } = tempWorkbench();
    await imported(wb, 'a.txt', 'In the Great Purge, 681,692 people were executed.');
    await imported(wb, 'b.txt', 'As one archive has it: in the Great Purge, 681,692 people were executed.');
    const all = await wb.listClaims({});
    const q = await wb.createQuestion({ label: 'Executed', claimIds: all.map((c) => c.id) });
    const e = await wb.getEvidence({ questionId: q.id });
    expect(e.warnings).toEqual([expect.objectContaining({ kind: 'duplicate', message: 'The same words as “a”: one source may repeat the other' })]);
    await wb.updateClaim({ id: e.warnings[0]!.claimId, status: 'rejected' });
    expect((await wb.getEvidence({ questionId: q.id })).warnings).toEqual([]);
  });
});
