import type { AnnotationImport } from '../../../shared/types';

/**
 * "12 imported: 11 placed, 1 not placed; 2 already here; 1 skipped: item 4 (urn:x:4), a note on
 * the whole page…": what an import of annotations did, each one skipped named by its place
 * in the file and its id there.
 */
export function annotationImportSummary(name: string, r: AnnotationImport): string {
  const parts = [`${r.imported} imported${r.imported ? `: ${r.placed} placed, ${r.orphaned} not placed` : ''}`];
  if (r.duplicates) parts.push(`${r.duplicates} already here`);
  if (r.skipped.length) {
    const shown = r.skipped.slice(0, 5).map((s) => `item ${s.index + 1}${s.id ? ` (${s.id})` : ''}, ${s.reason}`);
    parts.push(`${r.skipped.length} skipped: ${shown.join('; ')}${r.skipped.length > 5 ? `; and ${r.skipped.length - 5} more` : ''}`);
  }
  return `${name}: ${parts.join('; ')}.`;
}
