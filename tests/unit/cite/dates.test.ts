import { describe, expect, it } from 'vitest';
import { edtfToCsl, toCslJson, yearOf } from '../../../src/main/cite';

describe('EDTF to CSL dates', () => {
  const cases: Array<[string, unknown]> = [
    ['1937', { 'date-parts': [[1937]] }],
    ['1937-05', { 'date-parts': [[1937, 5]] }],
    ['1937-05-12', { 'date-parts': [[1937, 5, 12]] }],
    ['1937-05-12T08:30:00Z', { 'date-parts': [[1937, 5, 12]] }],
    ['1937~', { 'date-parts': [[1937]], circa: true }],
    ['1937?', { 'date-parts': [[1937]], circa: true }],
    ['1937-05%', { 'date-parts': [[1937, 5]], circa: true }],
    ['1937-~05-12', { 'date-parts': [[1937, 5, 12]], circa: true }],
    ['193X', { 'date-parts': [[1930], [1939]] }],
    ['19XX', { 'date-parts': [[1900], [1999]] }],
    ['1937-XX', { 'date-parts': [[1937]] }],
    ['1937-05-XX', { 'date-parts': [[1937, 5]] }],
    ['1937-21', { 'date-parts': [[1937]], season: 1 }],
    ['1936/1938', { 'date-parts': [[1936], [1938]] }],
    [
      '1937-05/1937-07-15',
      {
        'date-parts': [
          [1937, 5],
          [1937, 7, 15],
        ],
      },
    ],
    ['1936~/1938', { 'date-parts': [[1936], [1938]], circa: true }],
    ['1936/..', { 'date-parts': [[1936]] }],
    ['-0044-03-15', { 'date-parts': [[-44, 3, 15]] }],
    ['spring 1937', { literal: 'spring 1937' }],
    ['1937-13-01', { literal: '1937-13-01' }],
  ];
  for (const [edtf, csl] of cases) {
    it(`${edtf}`, () => expect(edtfToCsl(edtf)).toEqual(csl));
  }

  it('leaves nothing for nothing, and CSL dates as they are', () => {
    expect(edtfToCsl('')).toBeNull();
    expect(edtfToCsl(undefined)).toBeNull();
    expect(edtfToCsl({ 'date-parts': [[1990]] })).toEqual({ 'date-parts': [[1990]] });
  });

  it('finds the year', () => {
    expect(yearOf('1937-05-12')).toBe(1937);
    expect(yearOf('193X')).toBe(1930);
    expect(yearOf({ 'date-parts': [['1986']] })).toBe(1986);
    expect(yearOf('')).toBeNull();
  });

  it('takes any interface with standard CSL-JSON fields', () => {
    interface ModelItem {
      type: string;
      title?: string;
      issued?: string;
      author?: Array<{ family: string; given?: string } | { literal: string }>;
      archive_location?: string;
      extra?: number;
    }
    const item: ModelItem = { type: 'book', title: 'X', issued: '1937~', author: [{ literal: 'NKVD' }], extra: 1 };
    expect(toCslJson(item, 'x')).toEqual({
      id: 'x',
      type: 'book',
      title: 'X',
      issued: { 'date-parts': [[1937]], circa: true },
      author: [{ literal: 'NKVD' }],
      extra: 1,
    });
  });

  it('makes CSL-JSON of an item: dates as date-parts, empty fields left out', () => {
    const out = toCslJson(
      {
        type: 'book',
        title: ' The Great Terror ',
        issued: '1990',
        accessed: '',
        publisher: '',
        author: [{ family: 'Conquest', given: 'Robert' }, { family: ' ' }],
        editor: [],
      },
      'conquest1990',
    );
    expect(out).toEqual({
      id: 'conquest1990',
      type: 'book',
      title: 'The Great Terror',
      issued: { 'date-parts': [[1990]] },
      author: [{ family: 'Conquest', given: 'Robert' }],
    });
  });
});
