import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bytes, tempWorkbench } from '../helpers';

const TEXT = 'Historians estimate that between 600,000 and 1.2 million people were executed.\n\nOthers count 681,692 executions.';

describe('stored claims', () => {
  it('are suggested on import, in the same transaction, and go with their source', async () => {
    const { wb } = tempWorkbench();
    const out = await wb.importFile({ name: 'a.txt', bytes: bytes(TEXT) });
    const id = out.status === 'imported' ? out.source.id : 0;
    const claims = wb.claimsOf(id);
    expect(claims.map((c) => [c.measure, c.low, c.high, c.status, c.origin])).toEqual([
      ['executed', 600000, 1200000, 'suggested', 'extracted'],
      ['executed', 681692, 681692, 'suggested', 'extracted'],
    ]);
    const text = (await wb.getSource({ id })).passageList.map((p) => p.text).join('\n\n');
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.quote);
    await wb.deleteSource({ id });
    const db = new Database(wb.projectPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM claim').pluck().get()).toBe(0);
    db.close();
  });

  it('are extracted again when the text is replaced; decided ones keep their values', async () => {
    const { wb } = tempWorkbench();
    const out = await wb.importFile({ name: 'a.txt', bytes: bytes(TEXT) });
    const id = out.status === 'imported' ? out.source.id : 0;
    const db = new Database(wb.projectPath);
    db.prepare("UPDATE claim SET status = 'confirmed', low = 681000 WHERE quote LIKE '681,692%'").run();
    db.close();
    await wb.replaceSourceText({ id, name: 'a2.txt', bytes: bytes(`A new first line.\n\n${TEXT.replace('600,000', '700,000')}`) });
    const after = wb.claimsOf(id);
    expect(after.map((c) => [c.low, c.status])).toEqual([
      [700000, 'suggested'],
      [681000, 'confirmed'],
    ]);
    expect(after[1]!.orphaned).toBe(false);
  });
});
