/** A question's evidence as CSV (a row per claim, with source metadata and the quote) and as a Markdown table with citations. */
import type { ClaimRecord, Evidence } from '../../shared/types';
import { mdText, openLink } from './markdown';

const COLUMNS = ['question', 'source', 'author', 'date', 'measure', 'low', 'high', 'unit', 'approx', 'status', 'preferred', 'preferred_reason', 'event', 'passage', 'quote', 'link'];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatValue(c: Pick<ClaimRecord, 'low' | 'high' | 'unit' | 'approx'>): string {
  const n = (v: number) => (c.unit === 'percent' ? `${v}%` : v.toLocaleString('en-US'));
  const body =
    c.low !== null && c.high !== null ? (c.low === c.high ? n(c.low) : `${n(c.low)}–${n(c.high)}`) : c.low !== null ? `at least ${n(c.low)}` : `up to ${n(c.high!)}`;
  return c.approx ? `~${body}` : body;
}

export function evidenceCsv(evidence: Evidence[], project: string): string {
  const rows = [COLUMNS.join(',')];
  for (const e of evidence) {
    for (const c of e.claims) {
      rows.push(
        [e.question.label, c.sourceTitle, c.sourceAuthor, c.sourceDate, c.measure, c.low, c.high, c.unit, c.approx, c.status, c.preferred, c.preferredReason, c.event, c.passage, c.quote, openLink(project, c)]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

function mdCell(s: string): string {
  return mdText(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function evidenceMarkdown(evidence: Evidence[], project: string): string {
  const parts: string[] = [];
  for (const e of evidence) {
    const stats = [
      e.span ? `span ${formatValue({ low: e.span.low, high: e.span.high, unit: e.unit === 'percent' ? 'percent' : 'people', approx: false })}` : null,
      e.median !== null ? `median of midpoints ${formatValue({ low: e.median, high: e.median, unit: e.unit === 'percent' ? 'percent' : 'people', approx: false })}` : null,
    ].filter(Boolean);
    parts.push(`## ${mdText(e.question.label)}\n\n${stats.length ? `${stats.join(' · ')}\n\n` : ''}| Source | Author | Date | Value | Measure | Quote |\n|---|---|---|---|---|---|`);
    for (const c of e.claims) {
      const flags = [c.preferred ? `preferred${c.preferredReason ? `: ${c.preferredReason}` : ''}` : '', e.outliers.includes(c.id) ? 'far from the rest' : '', c.status === 'suggested' ? 'unconfirmed' : '']
        .filter(Boolean)
        .join('; ');
      parts[parts.length - 1] += `\n| ${mdCell(c.sourceTitle)} | ${mdCell(c.sourceAuthor ?? '')} | ${c.sourceDate ?? ''} | ${formatValue(c)}${flags ? ` (${flags})` : ''} | ${c.measure} | “${mdCell(c.quote)}” [¶ ${c.passage ?? '?'}](${openLink(project, c)}) |`;
    }
  }
  return `${parts.join('\n\n')}\n`;
}
