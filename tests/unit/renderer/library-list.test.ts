import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../../src/shared/types';
import { filterIndex, filterSources, originLabel, sortSources } from '../../../src/renderer/src/views/libraryList';

let next = 1;
function source(title: string, more: Partial<SourceSummary> = {}): SourceSummary {
  const id = next++;
  return {
    id,
    uuid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    title,
    author: null,
    date: null,
    origin: null,
    kind: 'text',
    fileName: null,
    tags: [],
    passages: 1,
    chars: 10,
    bytes: 10,
    importedAt: '2026-01-01T00:00:00.000Z',
    ...more,
  };
}

const shown = (list: SourceSummary[], filter: string, tag = '') => filterSources(list, filterIndex(list), filter, tag).map((s) => s.title);

describe('the library filter', () => {
  const list = [
    source('The Case of Marshal Tukhachevsky', { author: 'Anna Ivanova', tags: ['army'] }),
    source('Nikolai Yezhov and the NKVD', { date: '1938' }),
    source('An essay on Ježov'),
    source('Regional report 1937', { origin: 'https://example.org/reports/1937.html' }),
    source('A repast in Moscow'),
  ];

  it('finds words anywhere in the title, author, date, origin, file name and tags, case and accents folded', () => {
    expect(shown(list, 'jezov')).toEqual(['An essay on Ježov']);
    expect(shown(list, 'IVANOVA army')).toEqual(['The Case of Marshal Tukhachevsky']);
    expect(shown(list, 'tukh')).toEqual(['The Case of Marshal Tukhachevsky']);
    expect(shown(list, 'example.org')).toEqual(['Regional report 1937']);
    expect(shown(list, '', 'ARMY')).toEqual(['The Case of Marshal Tukhachevsky']);
  });

  it('forgives misspellings as search does: one edit for five letters, two from six, a swap counting one', () => {
    // One edit from "tukhachevsky": search finds it, and so does the filter.
    expect(shown(list, 'tukhachevskiy')).toEqual(['The Case of Marshal Tukhachevsky']);
    expect(shown(list, 'Yezhof')).toEqual(['Nikolai Yezhov and the NKVD']);
    expect(shown(list, 'raport')).toEqual(['Regional report 1937']);
    expect(shown(list, 'reigonal')).toEqual(['Regional report 1937']);
    // A word the list has is spelled right and widened by one edit only: "repast" is two from "report".
    expect(shown(list, 'report')).toEqual(['Regional report 1937']);
    expect(shown(list, 'reprt')).toEqual(['Regional report 1937']);
    // Words of four letters or fewer, and numbers, stay exact.
    expect(shown(list, 'nkvf')).toEqual([]);
    expect(shown(list, '1939')).toEqual([]);
    // Every word must still match.
    expect(shown(list, 'tukhachevskiy report')).toEqual([]);
  });
});

describe('the library sort', () => {
  it('puts undated sources last, ascending and descending', () => {
    const list = [
      source('Undated A'),
      source('Late', { date: '1956' }),
      source('Undated B'),
      source('Early', { date: '1936/1938' }),
      source('Mid', { date: '1937-05' }),
    ];
    expect(sortSources(list, { key: 'date', dir: 1 }).map((s) => s.title)).toEqual(['Early', 'Mid', 'Late', 'Undated A', 'Undated B']);
    expect(sortSources(list, { key: 'date', dir: -1 }).map((s) => s.title)).toEqual(['Late', 'Mid', 'Early', 'Undated A', 'Undated B']);
  });

  it('puts sources without an author or origin last too', () => {
    const list = [source('None'), source('B', { author: 'Conquest' }), source('A', { author: 'Applebaum' })];
    expect(sortSources(list, { key: 'author', dir: 1 }).map((s) => s.title)).toEqual(['A', 'B', 'None']);
    expect(sortSources(list, { key: 'author', dir: -1 }).map((s) => s.title)).toEqual(['B', 'A', 'None']);
  });
});

describe('the library list before and while typing', () => {
  it("reads no source's fields until the filter is used (the first rows wait for nothing)", () => {
    let reads = 0;
    const list = [source('Ezhov'), source('Yagoda')].map((s) => {
      const title = s.title;
      return Object.defineProperty(s, 'title', {
        get: () => {
          reads++;
          return title;
        },
      });
    });
    const index = filterIndex(list);
    expect(filterSources(list, index, '', '')).toHaveLength(2);
    expect(reads).toBe(0);
    expect(filterSources(list, index, 'ezhov', '').map((s) => s.id)).toEqual([list[0]!.id]);
    expect(reads).toBeGreaterThan(0);
  });

  it('keeps the order it is given, so the list is sorted once and filtered at each keystroke', () => {
    const list = sortSources(
      [
        source('Purge notes', { importedAt: '2026-01-02T00:00:00.000Z' }),
        source('Purge report', { importedAt: '2026-01-03T00:00:00.000Z' }),
        source('Other'),
      ],
      { key: 'importedAt', dir: -1 },
    );
    expect(list.map((s) => s.title)).toEqual(['Purge report', 'Purge notes', 'Other']);
    expect(filterSources(list, filterIndex(list), 'purge', '').map((s) => s.title)).toEqual(['Purge report', 'Purge notes']);
  });
});

describe('the origin as the table shows it', () => {
  it('shows a web address as its host and the end of its path', () => {
    expect(originLabel('https://github.com/someone/purge-archive/blob/main/notes/purge-notes.md')).toBe('github.com › …/purge-notes.md');
    expect(originLabel('https://www.example.org/reports/')).toBe('example.org › reports');
    expect(originLabel('https://en.wikipedia.org/wiki/Great_Purge#Victims')).toBe('en.wikipedia.org › …/Great_Purge');
    expect(originLabel('https://example.org/')).toBe('example.org');
    expect(originLabel('http://example.org/a%20b/c%C3%A9.html?x=1')).toBe('example.org › …/cé.html');
  });

  it('leaves anything else as written', () => {
    expect(originLabel('GARF f. 9401, op. 1, d. 4157')).toBe('GARF f. 9401, op. 1, d. 4157');
    expect(originLabel('notes.md')).toBe('notes.md');
    expect(originLabel('https://')).toBe('https://');
  });
});
