/**
 * A question's evidence as CSV (a row per claim, with source metadata and the quote) and as a
 * Markdown table with citations.
 *
 * CSV: RFC 4180 (CRLF line ends; a cell with a comma, quote or line break quoted, quotes
 * doubled). Text that a spreadsheet would run as a formula (a cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return: OWASP's CSV injection list) is written with a `'`
 * in front and quoted, so it shows as text; the numbers of the numeric columns (`low`,
 * `high`, `passage`) are written as numbers.
 */
import type { ClaimRecord, Evidence } from '../../shared/types';
import { escapeInline } from './escape';
import { openLink } from './markdown';

const COLUMNS = [
  'question',
  'source',
  'author',
  'date',
  'measure',
  'low',
  'high',
  'unit',
  'approx',
  'status',
  'preferred',
  'preferred_reason',
  'event',
  'passage',
  'quote',
  'link',
  'url',
  'accessed',
];

/** A source's URL and when it was read online, where known. */
export interface SourceRef {
  url: string | null;
  accessed: string | null;
}

const FORMULA = /^[=+\-@\t\r]/;

/** A text cell: never a formula. */
export function csvText(v: string | boolean | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (FORMULA.test(s)) s = `'${s}`;
  return /^'|[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A numeric cell of a column Sourcebench fills with numbers. */
function csvNumber(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);
}

export function formatValue(c: Pick<ClaimRecord, 'low' | 'high' | 'unit' | 'approx'>): string {
  const n = (v: number) => (c.unit === 'percent' ? `${v}%` : v.toLocaleString('en-US'));
  const body =
    c.low !== null && c.high !== null
      ? c.low === c.high
        ? n(c.low)
        : `${n(c.low)}–${n(c.high)}`
      : c.low !== null
        ? `at least ${n(c.low)}`
        : `up to ${n(c.high!)}`;
  return c.approx ? `~${body}` : body;
}

/** `projectId` names the project in the links, never its path; `refs` gives each source's URL and accessed date. */
export function evidenceCsv(evidence: Evidence[], projectId: string, refs: Map<number, SourceRef> = new Map()): string {
  const rows = [COLUMNS.join(',')];
  for (const e of evidence) {
    for (const c of e.claims) {
      const ref = refs.get(c.sourceId);
      const text = [e.question.label, c.sourceTitle, c.sourceAuthor, c.sourceDate, c.measure].map(csvText);
      const value = [csvNumber(c.low), csvNumber(c.high)];
      const rest = [c.unit, c.approx, c.status, c.preferred, c.preferredReason, c.event].map(csvText);
      const where = [csvNumber(c.passage), csvText(c.quote), csvText(openLink(projectId, c)), csvText(ref?.url), csvText(ref?.accessed)];
      rows.push([...text, ...value, ...rest, ...where].join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** A table cell: one line, `|` escaped, nothing read as Markdown. */
function mdCell(s: string | null | undefined): string {
  return escapeInline(s, false);
}

export function evidenceMarkdown(evidence: Evidence[], projectId: string): string {
  const parts: string[] = [];
  for (const e of evidence) {
    const stats = [
      e.span ? `span ${formatValue({ low: e.span.low, high: e.span.high, unit: e.unit === 'percent' ? 'percent' : 'people', approx: false })}` : null,
      e.median !== null
        ? `median of midpoints ${formatValue({ low: e.median, high: e.median, unit: e.unit === 'percent' ? 'percent' : 'people', approx: false })}`
        : null,
    ].filter(Boolean);
    parts.push(
      `## ${escapeInline(e.question.label) || `Question ${e.question.id}`}\n\n${stats.length ? `${stats.join(' · ')}\n\n` : ''}| Source | Author | Date | Value | Measure | Quote |\n|---|---|---|---|---|---|`,
    );
    for (const c of e.claims) {
      const reason = mdCell(c.preferredReason);
      const flags = [
        c.preferred ? `preferred${reason ? `: ${reason}` : ''}` : '',
        e.outliers.includes(c.id) ? 'far from the rest' : '',
        c.status === 'suggested' ? 'unconfirmed' : '',
      ]
        .filter(Boolean)
        .join('; ');
      parts[parts.length - 1] +=
        `\n| ${mdCell(c.sourceTitle)} | ${mdCell(c.sourceAuthor)} | ${mdCell(c.sourceDate)} | ${formatValue(c)}${flags ? ` (${flags})` : ''} | ${c.measure} | “${mdCell(c.quote)}” [¶ ${c.passage ?? '?'}](${openLink(projectId, c)}) |`;
    }
  }
  return `${parts.join('\n\n')}\n`;
}
