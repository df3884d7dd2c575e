/**
 * The project-wide reuse report: the pairs of sources that share text, how much of each,
 * which came first when their dates tell; its progress, its cancel and its export.
 */
import { describe, expect, it } from 'vitest';
import { earlierOf } from '../../../src/main/reuse/report';
import type { Workbench } from '../../../src/main/workbench';
import { bytes, tempWorkbench } from '../helpers';

const QUOTE = 'the prisoners were marched north through the snow for eleven days without bread';
const LONGER = 'when the column reached the river the guards counted them again and found that a third were gone';

async function add(wb: Workbench, name: string, title: string, date: string, body: string): Promise<number> {
  const out = await wb.importFile({ name, bytes: bytes(`---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}`) });
  if (out.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(out)}`);
  return out.source.id;
}

async function finished(wb: Workbench, job: number) {
  for (;;) {
    const p = await wb.reuseReportProgress({ job, wait: true });
    if (p.state !== 'running') return p;
  }
}

describe('which came first', () => {
  it('says so only when one date range ends before the other begins', () => {
    expect(earlierOf('1937', '1956')).toBe('a');
    expect(earlierOf('1956-05', '1937~')).toBe('b');
    expect(earlierOf('1936/1938', '1937')).toBe(null);
    expect(earlierOf('193X', '1937')).toBe(null);
    expect(earlierOf('../1938', '1940')).toBe('a');
    expect(earlierOf(null, '1940')).toBe(null);
    expect(earlierOf('not a date', '1940')).toBe(null);
  });
});

describe('the reuse report', () => {
  it('lists each pair of sources sharing text, with the amounts of each and which came first', async () => {
    const { wb } = tempWorkbench();
    const report = await add(
      wb,
      'report.md',
      'NKVD report',
      '1938-02',
      `Witnesses agreed that ${QUOTE}.\n\nAnd ${LONGER}.\n\nThe rest of the report lists names.`,
    );
    const memoir = await add(wb, 'memoir.md', 'Memoir', '1965', `She wrote of how ${QUOTE}.\n\nShe added that ${LONGER}, as she remembered it.`);
    const article = await add(wb, 'article.md', 'Article', '1938/1970', `The article quotes her: ${LONGER}.`);
    await add(wb, 'unrelated.md', 'Unrelated', '1950', 'Nothing here is shared with anything else in this project at all, not one run of words.');
    const start = await wb.reuseReport();
    const done = await finished(wb, start.job);
    expect(done.state).toBe('done');
    const r = done.report!;
    expect(r.sources).toBe(4);
    const pairs = r.pairs.map((p) => [p.a.id, p.b.id, p.a.words, p.b.words, p.passages, p.earlier]);
    const q = QUOTE.split(' ').length;
    const l = LONGER.split(' ').length;
    expect(pairs).toEqual([
      [report, memoir, q + l, q + l, 2, 'a'],
      [report, article, l, l, 1, null],
      [memoir, article, l, l, 1, null],
    ]);
    const first = r.pairs[0]!;
    expect(first.longest).toBe(l);
    expect(first.a.chars).toBe(QUOTE.length + LONGER.length);
    const sourceChars = (await wb.getSource({ id: report })).chars;
    expect(first.a.share).toBeCloseTo((QUOTE.length + LONGER.length) / sourceChars, 6);
    const csv = await wb.exportReuseReport({ job: start.job, format: 'csv' });
    expect(csv.content.split('\r\n')[1]).toMatch(/^1,NKVD report,1938-02,/);
    expect(csv.content).toContain(',2,18,NKVD report');
    const md = await wb.exportReuseReport({ job: start.job, format: 'markdown' });
    expect(md.content).toContain('| NKVD report | 1938-02 |');
  });

  it('reports progress and stops when cancelled, keeping nothing', async () => {
    const { wb } = tempWorkbench();
    await add(wb, 'a.md', 'A', '1900', `He wrote that ${QUOTE}.`);
    await add(wb, 'b.md', 'B', '1901', `She wrote that ${QUOTE}.`);
    const start = await wb.reuseReport();
    expect(start.state).toBe('running');
    const seen = await wb.reuseReportProgress({ job: start.job, wait: true });
    expect(seen.total).toBeGreaterThan(0);
    const cancelled = await wb.cancelReuseReport({ job: start.job });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.report).toBe(null);
    await expect(wb.exportReuseReport({ job: start.job, format: 'csv' })).rejects.toThrow(/cancelled: there is nothing to export/);
  });

  it('an unknown report is refused by name', async () => {
    const { wb } = tempWorkbench();
    await expect(wb.reuseReportProgress({ job: 42 })).rejects.toThrow(/no reuse report 42/);
  });
});
