import { describe, expect, it } from 'vitest';
import type { ImportOutcome, SourceSummary } from '../../../src/shared/types';
import { importReport } from '../../../src/renderer/src/views/importSummary';

const source = (id: number, title: string): SourceSummary => ({
  id,
  uuid: '',
  title,
  author: null,
  date: null,
  origin: null,
  kind: 'markdown',
  fileName: null,
  tags: [],
  passages: 3,
  chars: 10,
  bytes: 10,
  importedAt: '',
});

describe('the import report', () => {
  it('counts the outcomes and names, for a file already in the project, the source it matched', () => {
    const outcomes: ImportOutcome[] = [
      { fileName: 'notes.md', status: 'imported', source: source(4, 'Notes'), warnings: [] },
      { fileName: 'notes-again.md', status: 'duplicate', source: source(2, 'Notes on the 1937 census'), warnings: [] },
      { fileName: 'empty.txt', status: 'failed', error: { code: 'empty', message: 'empty.txt is empty' } },
      { fileName: 'odd.md', status: 'imported', source: source(5, 'Odd'), warnings: ['a table was read as text'] },
    ];
    const report = importReport(outcomes);
    expect(report.summary).toBe('2 imported, 1 already in the project, 1 failed');
    expect(report.lines).toEqual([
      { tone: 'error', text: 'empty.txt is empty' },
      { tone: 'warning', text: 'odd.md: a table was read as text' },
      { tone: 'info', text: 'notes-again.md: already in the project as “Notes on the 1937 census” (#2)' },
    ]);
    expect(report.clean).toBe(false);
  });

  it('is clean when every file was imported or was there already, without warnings: its lines still name the duplicates', () => {
    const report = importReport([{ fileName: 'a.md', status: 'duplicate', source: source(7, 'A'), warnings: [] }]);
    expect(report).toEqual({
      summary: '0 imported, 1 already in the project',
      lines: [{ tone: 'info', text: 'a.md: already in the project as “A” (#7)' }],
      clean: true,
      failed: 0,
    });
  });
});
