import { describe, expect, it } from 'vitest';
import { annotationImportSummary } from '../../../src/renderer/src/notes/annotationImportSummary';

describe('the summary of an import of annotations', () => {
  it('counts what was placed and names each annotation skipped by its place in the file and its id', () => {
    expect(annotationImportSummary('notes.jsonld', { imported: 3, placed: 2, orphaned: 1, duplicates: 0, skipped: [] })).toBe(
      'notes.jsonld: 3 imported: 2 placed, 1 not placed.',
    );
    const skipped = [
      { index: 1, id: 'urn:x:outside', reason: 'the region on page 1 of letter reaches outside the page image' },
      { index: 4, reason: 'a note on the whole page: it quotes no text' },
    ];
    expect(annotationImportSummary('regions.jsonld', { imported: 0, placed: 0, orphaned: 0, duplicates: 2, skipped })).toBe(
      'regions.jsonld: 0 imported; 2 already here; 2 skipped: item 2 (urn:x:outside), the region on page 1 of letter reaches outside the page image; item 5, a note on the whole page: it quotes no text.',
    );
    const many = Array.from({ length: 7 }, (_, i) => ({ index: i, id: `urn:x:${i}`, reason: 'no source' }));
    expect(annotationImportSummary('a.json', { imported: 0, placed: 0, orphaned: 0, duplicates: 0, skipped: many })).toMatch(
      /item 5 \(urn:x:4\), no source; and 2 more\.$/,
    );
  });
});
