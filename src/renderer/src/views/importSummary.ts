import type { ImportOutcome } from '../../../shared/types';

export interface ImportReport {
  /** "2 imported, 1 already in the project, 1 failed". */
  summary: string;
  /** A line per file that needs saying: failures, warnings, and the source a duplicate matched. */
  lines: { tone: 'error' | 'warning' | 'info'; text: string }[];
  /** Nothing failed and nothing was warned about: the report may leave by itself. */
  clean: boolean;
  failed: number;
}

/** What an import did, file by file, in words. */
export function importReport(outcomes: readonly ImportOutcome[]): ImportReport {
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  const lines: ImportReport['lines'] = [];
  const parts = [`${imported} imported`];
  const duplicates = outcomes.flatMap((o) => (o.status === 'duplicate' ? [o] : []));
  const failed = outcomes.flatMap((o) => (o.status === 'failed' ? [o] : []));
  if (duplicates.length) parts.push(`${duplicates.length} already in the project`);
  if (failed.length) parts.push(`${failed.length} failed`);
  for (const o of failed) lines.push({ tone: 'error', text: o.error.message });
  for (const o of outcomes)
    if (o.status !== 'failed' && o.warnings.length) lines.push({ tone: 'warning', text: `${o.fileName}: ${o.warnings.join('; ')}` });
  for (const o of duplicates) lines.push({ tone: 'info', text: `${o.fileName}: already in the project as “${o.source.title}” (#${o.source.id})` });
  return { summary: parts.join(', '), lines, clean: !lines.some((l) => l.tone !== 'info'), failed: failed.length };
}
