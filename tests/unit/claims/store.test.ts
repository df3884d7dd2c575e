import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eventKey } from '../../../src/main/claims/labels';
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

  it('keep the years a claim covers and the confidence of a suggestion; the years can be corrected', async () => {
    const { wb } = tempWorkbench();
    const out = await wb.importFile({ name: 'y.txt', bytes: bytes('Between 1921 and 1923, 40,000 rebels were executed.') });
    const id = out.status === 'imported' ? out.source.id : 0;
    const [c] = wb.claimsOf(id);
    expect(c).toMatchObject({ low: 40000, fromYear: 1921, toYear: 1923 });
    expect(c!.confidence).toBeGreaterThan(0.5);
    const fixed = await wb.updateClaim({ id: c!.id, fromYear: 1920, toYear: null });
    expect(fixed).toMatchObject({ fromYear: 1920, toYear: null });
    await expect(wb.updateClaim({ id: c!.id, fromYear: 1925, toYear: 1921 })).rejects.toMatchObject({ code: 'invalid_request' });
    // A claim recorded by hand has no confidence.
    const text = 'Between 1921 and 1923, 40,000 rebels were executed.';
    const manual = await wb.createClaim({ sourceId: id, start: 0, end: text.indexOf(' were') });
    expect(manual).toMatchObject({ low: 40000, fromYear: 1921, toYear: 1923 });
    expect(manual.confidence).toBeUndefined();
  });
});

describe('questions and evidence', () => {
  async function twoSources() {
    const { wb } = tempWorkbench();
    await wb.importFile({ name: 'a.txt', bytes: bytes('During the Great Purge, 681,692 people were executed.') });
    await wb.importFile({ name: 'b.txt', bytes: bytes('About one million people were executed in the Great Purge.') });
    await wb.importFile({ name: 'c.txt', bytes: bytes('In the Great Purge as many as 7 million people were executed, one pamphlet says.') });
    return wb;
  }

  it('proposes a question for claims with the same event and measure, and compares them', async () => {
    const wb = await twoSources();
    const [proposal] = await wb.proposeQuestions();
    expect(proposal).toMatchObject({ label: 'Great Purge: number executed' });
    expect(proposal!.claimIds).toHaveLength(3);
    const q = await wb.createQuestion({ label: proposal!.label, claimIds: proposal!.claimIds });
    expect(q.claims).toBe(3);
    expect(await wb.proposeQuestions()).toEqual([]);
    const e = await wb.getEvidence({ questionId: q.id });
    expect(e.span).toEqual({ low: 681692, high: 7000000 });
    expect(e.median).toBe(1000000);
    expect(e.logScale).toBe(true); // 681,692 to 7 million: more than a factor of ten
    expect(e.outliers).toHaveLength(1);
    expect(e.claims.find((c) => c.id === e.outliers[0])!.high).toBe(7000000);
  });

  it('groups event labels that differ only by their years', async () => {
    const { wb } = tempWorkbench();
    await wb.importFile({ name: 'a.txt', bytes: bytes('In 1937 the Great Purge saw 681,692 people shot.') });
    await wb.importFile({ name: 'b.txt', bytes: bytes('During the Great Purge about 1.2 million people were executed.') });
    expect(await wb.proposeQuestions()).toEqual([expect.objectContaining({ label: 'Great Purge: number executed' })]);
  });

  it('groups event labels that differ by plural or a trailing "of"', () => {
    expect(eventKey('Great Purges 1939')).toBe(eventKey('Great Purge'));
    expect(eventKey('Soviet famine of 1932–33')).toBe(eventKey('Soviet famine'));
    expect(eventKey('Katyn massacres')).toBe(eventKey('Katyn massacre'));
    expect(eventKey('Process')).toBe('process');
    expect(eventKey('Great Purge')).not.toBe(eventKey('Great Terror'));
  });

  it('keeps conflicting values, marks one preferred with a reason, and hides rejected ones', async () => {
    const wb = await twoSources();
    const all = await wb.listClaims({});
    const q = await wb.createQuestion({ label: 'Executions', claimIds: all.map((c) => c.id) });
    await wb.updateClaim({ id: all[0]!.id, preferred: true, preferredReason: 'archival count' });
    await wb.updateClaim({ id: all[1]!.id, preferred: true });
    const after = await wb.listClaims({ questionId: q.id });
    expect(after.filter((c) => c.preferred).map((c) => c.id)).toEqual([all[1]!.id]);
    await wb.updateClaim({ id: all[2]!.id, status: 'rejected' });
    expect((await wb.getEvidence({ questionId: q.id })).claims).toHaveLength(2);
    await expect(wb.updateClaim({ id: all[0]!.id, low: 5, high: 2 })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(wb.updateClaim({ id: all[0]!.id, low: null, high: null })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('records a claim by hand from the selected words', async () => {
    const { wb } = tempWorkbench();
    const out = await wb.importFile({ name: 'x.txt', bytes: bytes('A later memoir speaks of at least 750,000 in the camps alone.') });
    const id = out.status === 'imported' ? out.source.id : 0;
    const text = 'A later memoir speaks of at least 750,000 in the camps alone.';
    const c = await wb.createClaim({ sourceId: id, start: text.indexOf('at least'), end: text.indexOf(' in the') });
    expect(c).toMatchObject({ quote: 'at least 750,000', low: 750000, high: null, status: 'confirmed', origin: 'manual' });
    await expect(wb.createClaim({ sourceId: id, start: 0, end: 7 })).rejects.toThrow(/No figure was found/);
  });

  it('exports a question as CSV and as a Markdown table with citations', async () => {
    const wb = await twoSources();
    const all = await wb.listClaims({});
    const q = await wb.createQuestion({ label: 'Executions, "Great Purge"', claimIds: all.map((c) => c.id) });
    const csv = await wb.exportEvidence({ questionId: q.id, format: 'csv' });
    const lines = csv.content.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^"Executions, ""Great Purge""",a,,,executed,681692,681692,people,false,suggested,false,,Great Purge,1,681,692 people were executed|^"Executions, ""Great Purge""",a,,,executed,681692,681692,people,false,suggested,false,,Great Purge,1,"681,692 people were executed"/,
    );
    const md = await wb.exportEvidence({ questionId: q.id, format: 'markdown' });
    expect(md.content).toContain('## Executions, "Great Purge"');
    expect(md.content).toContain('| Source | Author | Date | Value | Measure | Quote |');
    expect(md.content).toMatch(
      /\| up to 7,000,000 \(far from the rest; unconfirmed\) \| executed \| “as many as 7 million people were executed” \[¶ 1\]\(sourcebench:\/\/open\?/,
    );
  });

  it('are searchable with in:claims', async () => {
    const wb = await twoSources();
    const r = await wb.search({ query: 'executed in:claims' });
    expect(r.hits.map((h) => h.kind)).toEqual(['claim', 'claim', 'claim']);
    expect((await wb.search({ query: 'executed' })).hits.every((h) => h.kind === 'passage')).toBe(true);
  });
});
