import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { fixture, tempWorkbench } from '../helpers';

async function decrees() {
  const { wb } = tempWorkbench();
  const ids: number[] = [];
  for (const f of ['decree-a.txt', 'decree-b.txt', 'decree-c.txt']) {
    const r = await wb.importFile({ name: f, bytes: fs.readFileSync(fixture(`collate/${f}`)) });
    if (r.status !== 'imported') throw new Error(`${f} was not imported`);
    ids.push(r.source.id);
  }
  return { wb, ids };
}

describe('collateSources and exportCollation', () => {
  it('collate the sources named, in their order, with their citations, and export TEI and Markdown', async () => {
    const { wb, ids } = await decrees();
    const reply = await dispatch(wb, 'collateSources', { ids, base: ids[1] });
    expect(reply.ok).toBe(true);
    const c = (reply as { ok: true; value: Awaited<ReturnType<typeof wb.collateSources>> }).value;
    expect(c.base).toBe(1);
    expect(c.witnesses.map((w) => [w.id, w.siglum, w.title])).toEqual([
      [ids[0], 'w1', 'decree-a'],
      [ids[1], 'w2', 'decree-b'],
      [ids[2], 'w3', 'decree-c'],
    ]);
    expect(c.witnesses[0]!.citation).toBe('“Decree-a.”');
    expect(c.segments.filter((s) => s.figure).map((s) => s.readings)).toEqual([
      ['75,950', '75 950', '72,950'],
      ['186,500', '186,500', ''],
    ]);
    const tei = await wb.exportCollation({ ids, base: ids[1], format: 'tei' });
    expect(tei.name).toBe('collation-decree-a--decree-b--decree-c.xml');
    expect(tei.content).toContain('<rdg wit="#w1 #w3">shot;</rdg>');
    expect(tei.content).toContain('<lem wit="#w2">executed;</lem>');
    const md = await wb.exportCollation({ ids, format: 'markdown' });
    expect(md.name).toBe('collation-decree-a--decree-b--decree-c.md');
    expect(md.content).toContain('| figure | 75,950 | 75 950 | 72,950 |'.replace(/(\d[\d ,]*\d)/g, '**$1**'));
  });

  it('refuse fewer than 2 or more than 10 witnesses, a source twice, a base not among them and an unknown source, saying which', async () => {
    const { wb, ids } = await decrees();
    const refused = async (method: 'collateSources' | 'exportCollation', input: object) => {
      const r = await dispatch(wb, method, input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      return (r as { ok: false; error: { code: string; message: string } }).error;
    };
    expect(await refused('collateSources', { ids: [ids[0]] })).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('at least 2 sources'),
    });
    expect(await refused('collateSources', { ids: Array.from({ length: 11 }, (_, i) => i + 1) })).toMatchObject({
      message: expect.stringContaining('at most 10 sources'),
    });
    expect(await refused('collateSources', { ids: [ids[0], ids[0]] })).toMatchObject({ message: expect.stringContaining('twice') });
    expect(await refused('exportCollation', { ids, base: 999, format: 'tei' })).toMatchObject({
      message: expect.stringContaining('base text must be one of the sources'),
    });
    expect(await refused('exportCollation', { ids, format: 'pdf' })).toMatchObject({ code: 'invalid_request' });
    expect(await refused('collateSources', { ids: [ids[0], 999] })).toEqual({
      code: 'not_found',
      message: 'There is no source with id 999 in this project',
    });
  });
});
