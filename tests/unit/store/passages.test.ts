import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectDb } from '../../../src/main/store/project';
import { SourceStore } from '../../../src/main/store/sources';
import { tempDir } from '../helpers';

describe('passages', () => {
  it('keep their page, printed page label and what their kind knows; sources keep their file format', () => {
    const db = openProjectDb(path.join(tempDir(), 'p.sourcebench'), { create: true });
    const store = new SourceStore(db);
    const text = 'Chapter one\n\nThe camps held many.\n\n| Year | Deaths |\n\n1 A note.';
    const id = store.insert({
      title: 'Paged',
      author: null,
      date: null,
      origin: null,
      kind: 'text',
      format: 'pdf',
      language: null,
      fileName: 'paged.pdf',
      encoding: 'utf-8',
      hash: 'h',
      text,
      bytes: text.length,
      tags: [],
      meta: {},
      passages: [
        { start: 0, end: 11, kind: 'heading', page: 1, pageLabel: 'xii' },
        { start: 13, end: 33, kind: 'paragraph', page: 2, pageLabel: '1', info: { box: [72, 90, 400, 14] } },
        {
          start: 35,
          end: 50,
          kind: 'table_row',
          info: {
            cells: [
              [37, 41],
              [44, 50],
            ],
            headers: ['Year', 'Deaths'],
          },
        },
        { start: 52, end: 61, kind: 'footnote', page: 2, pageLabel: '1', info: { note: '1' } },
      ],
    });
    const d = store.detail(id);
    expect(d.format).toBe('pdf');
    expect(d.passageList.map((p) => [p.kind, p.page, p.pageLabel])).toEqual([
      ['heading', 1, 'xii'],
      ['paragraph', 2, '1'],
      ['table_row', null, null],
      ['footnote', 2, '1'],
    ]);
    expect(d.passageList[1]!.info).toEqual({ box: [72, 90, 400, 14] });
    expect(d.passageList[2]!.info).toEqual({
      cells: [
        [37, 41],
        [44, 50],
      ],
      headers: ['Year', 'Deaths'],
    });
    expect(d.passageList[0]!.info).toBeNull();
    db.close();
  });
});
