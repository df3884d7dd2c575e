/** A collation as a Markdown table: a row per segment, a column per witness, each cell the witness's own words. */
import type { Collation, CollationSegment } from '../../shared/types';
import { escapeInline } from '../export/escape';

export function collationMarkdown(c: Collation, exported: string): string {
  const lines = [
    `# Collation of ${c.witnesses.length} witnesses`,
    '',
    `Exported from Sourcebench on ${escapeInline(exported)}. ${escapeInline(c.normalisation)}`,
    '',
    ...c.witnesses.map((w, i) => `- **${w.siglum}**${c.base === i ? ' (base text)' : ''}: ${escapeInline(w.citation || w.title, false)}`),
    '',
    `${c.variants} places where the witnesses differ, ${c.figures} of them in a figure.`,
    '',
    `| # | Kind | ${c.witnesses.map((w, i) => `${w.siglum}${c.base === i ? ' (base)' : ''}`).join(' | ')} |`,
    `| --- | --- | ${c.witnesses.map(() => '---').join(' | ')} |`,
    ...c.segments.map((s, i) => `| ${i + 1} | ${kindLabel(s)} | ${s.readings.map((r, w) => cell(c, s, r, w)).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}

function kindLabel(s: CollationSegment): string {
  return s.figure ? 'figure' : s.kind === 'variant' ? 'variant' : s.kind === 'normalised' ? 'case, punctuation or figure format' : '';
}

/** A reading, escaped (pipes too, so the table holds); an omission is a dash; a reading that differs is bold. */
function cell(c: Collation, s: CollationSegment, reading: string, w: number): string {
  const text = reading ? escapeInline(reading, false) : '—';
  const differs = s.kind !== 'same' && (c.base === null ? s.kind === 'variant' : s.groups[w] !== s.groups[c.base]);
  return differs ? `**${text}**` : text;
}
