/** The reuse report as CSV (one row per pair of sources) and as a Markdown table. */
import type { ReusePair, ReuseReport } from '../../shared/types';
import { csvText } from '../export/evidence';
import { escapeInline } from '../export/escape';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const earlier = (p: ReusePair) => (p.earlier === 'a' ? p.a.title : p.earlier === 'b' ? p.b.title : '');

const CSV_HEAD = [
  'source_a_id',
  'source_a',
  'source_a_date',
  'source_a_chars',
  'source_a_words',
  'source_a_share',
  'source_b_id',
  'source_b',
  'source_b_date',
  'source_b_chars',
  'source_b_words',
  'source_b_share',
  'passages',
  'longest_run_words',
  'earlier',
];

export function reuseCsv(report: ReuseReport): string {
  const rows = report.pairs.map((p) =>
    [
      p.a.id,
      csvText(p.a.title),
      csvText(p.a.date),
      p.a.chars,
      p.a.words,
      p.a.share.toFixed(4),
      p.b.id,
      csvText(p.b.title),
      csvText(p.b.date),
      p.b.chars,
      p.b.words,
      p.b.share.toFixed(4),
      p.passages,
      p.longest,
      csvText(earlier(p)),
    ].join(','),
  );
  return `${[CSV_HEAD.join(','), ...rows].join('\r\n')}\r\n`;
}

export function reuseMarkdown(report: ReuseReport): string {
  const head =
    `# Text reuse\n\n${report.pairs.length} pairs of sources share runs of at least ${report.minWords} words ` +
    `(${report.sources} sources, ${report.passages} passages).\n\n` +
    '| Source A | Date | Shared of A | Source B | Date | Shared of B | Passages | Longest run | Earlier |\n|---|---|---|---|---|---|---|---|---|';
  const cell = (s: string | null) => escapeInline(s ?? '', false);
  const rows = report.pairs.map(
    (p) =>
      `| ${cell(p.a.title)} | ${cell(p.a.date)} | ${p.a.words} words (${percent(p.a.share)}) | ${cell(p.b.title)} | ${cell(p.b.date)} | ` +
      `${p.b.words} words (${percent(p.b.share)}) | ${p.passages} | ${p.longest} words | ${cell(earlier(p))} |`,
  );
  return `${[head, ...rows].join('\n')}\n`;
}
