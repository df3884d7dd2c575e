import { describe, expect, it } from 'vitest';
import { EDTF_FORMS, edtfProblem, isEdtf, toEdtf, yearRange } from '../../../src/main/ingest/dates';
import { ApiError } from '../../../src/shared/errors';
import { bytes, tempWorkbench } from '../helpers';

describe('EDTF validation', () => {
  const accepted = [
    // Level 0
    '1937',
    '1937-05',
    '1937-05-12',
    '1936/1938',
    '1937-05-12/1938',
    '-0037',
    '0000',
    // Level 1
    '1937?',
    '1937~',
    '1937%',
    '1937-05-12?',
    '193X',
    '19XX',
    '1937-XX',
    '1937-05-XX',
    '1937-21',
    'Y170000002',
    '1937/..',
    '../1938',
    '1937/',
    '/1938',
    '1937?/1938~',
    // Level 2, as far as the edtf library parses it
    '[1936,1938]',
    '{1936,1938}',
    '[..1760-12-03]',
    '{1937..1939}',
    '156X-12-25',
    '?1937-05',
    '2004-06~-11',
    '193X/1938',
    '1950S2',
  ];
  it.each(accepted)('accepts %s', (value) => {
    expect(edtfProblem(value)).toBeNull();
    expect(isEdtf(value)).toBe(true);
  });

  const refused: [string, RegExp][] = [
    ['37', /four digits.*0037.*19XX/],
    ['19', /four digits/],
    ['193', /193X for a decade, 0193 for a year/],
    ['19370512', /did you mean 1937-05-12\?/],
    ['1930s', /1930s write 193X/],
    ['1937-05-12T10:00:00Z', /a day at most: 1937-05-12/],
    ['1937-13', /not an EDTF date/],
    ['1937-02-30', /not an EDTF date/],
    ['1937-5', /not an EDTF date/],
    ['193x', /not an EDTF date/],
    ['1937-05-10/1937-05-01', /cannot end before it starts/],
    ['../..', /at least one known end/],
    ['/', /at least one known end/],
    [' 1937', /not an EDTF date/],
    ['spring 1937', /not an EDTF date/],
    ['12.05.1937', /did you mean 1937-05-12\?/],
  ];
  it.each(refused)('refuses %s, saying why and what is accepted', (value, why) => {
    const problem = edtfProblem(value);
    expect(problem).toMatch(why);
    expect(problem).toContain(`"${value}" is not an EDTF date`);
    expect(problem).toContain(EDTF_FORMS);
    expect(isEdtf(value)).toBe(false);
  });

  it('refuses an invalid date through the API with invalid_request, and keeps the old date', async () => {
    const { wb } = tempWorkbench();
    const { source } = (await wb.importFile({ name: 'order.txt', bytes: bytes('Title: Order\nDate: 1937\n\nThe order was signed.') })) as {
      source: { id: number };
    };
    for (const bad of ['37', '19', '193', '19370512']) {
      const err = await wb.updateSource({ id: source.id, date: bad }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'invalid_request' });
      expect((err as Error).message).toContain('Accepted: a year, month or day');
    }
    expect((await wb.getSource({ id: source.id })).date).toBe('1937');
    expect((await wb.updateSource({ id: source.id, date: '193X' })).date).toBe('193X');
  });
});

describe('years a date can mean', () => {
  it.each([
    ['1937', [1937, 1937]],
    ['1937-05-12~', [1937, 1937]],
    ['1937?', [1937, 1937]],
    ['193X', [1930, 1939]],
    ['19XX', [1900, 1999]],
    ['X937', [937, 9937]],
    ['-193X', [-1939, -1930]],
    ['1936/1938', [1936, 1938]],
    ['193X/1938', [1930, 1938]],
    ['1937/..', [1937, 9999]],
    ['../1938', [-9999, 1938]],
    ['1937/', [1937, 9999]],
    ['/1938', [-9999, 1938]],
    ['[1936,1940]', [1936, 1940]],
    ['{1937..1939}', [1937, 1939]],
    ['[..1760-12-03]', [-9999, 1760]],
    ['1937-21', [1937, 1937]],
    // Stored before validation was strict: read as the library reads them.
    ['193', [1930, 1939]],
    ['19', [1900, 1999]],
  ] as [string, [number, number]][])('%s → %j', (date, years) => {
    expect(yearRange(date)).toEqual(years);
  });

  it('gives null for no date or an unreadable one', () => {
    expect(yearRange(null)).toBeNull();
    expect(yearRange('19370512')).toBeNull();
  });
});

describe('dates found on import', () => {
  it.each([
    ['D:19370512101500Z', '1937-05-12'],
    ["D:19370512101500+03'00'", '1937-05-12'],
    ['D:193705', '1937-05'],
    ['19370512', '1937-05-12'],
    ['1937-05-12T10:00:00Z', '1937-05-12'],
    ['1937-05-12 10:00', '1937-05-12'],
    ['1930s', '193X'],
    ['12.05.1937', '1937-05-12'],
    ['1937~', '1937~'],
  ])('normalises %s to %s', (raw, edtf) => {
    expect(toEdtf(raw)).toBe(edtf);
  });

  it.each(['37', '19', '193', '19371312', 'D:19371399', '1937-02-30', 'spring', '1930s and 1940s'])('drops %s', (raw) => {
    expect(toEdtf(raw)).toBeUndefined();
  });

  it('never stores an invalid date from a file: normalised or left empty with a warning', async () => {
    const { wb } = tempWorkbench();
    const read = async (name: string, text: string) =>
      (await wb.importFile({ name, bytes: bytes(text) })) as { source: { id: number; date: string | null }; warnings: string[] };
    expect((await read('a.md', '---\ntitle: A\ndate: 19370512\n---\n\nText a.')).source.date).toBe('1937-05-12');
    expect((await read('b.md', '---\ntitle: B\ndate: 1930s\n---\n\nText b.')).source.date).toBe('193X');
    const c = await read('c.txt', 'Title: C\nDate: 37\n\nText c.');
    expect(c.source.date).toBeNull();
    expect(c.warnings.join(' ')).toMatch(/the date "37" is not a date Sourcebench understands/);
    expect((await read('d.txt', 'Title: D\nDate: 193\n\nText d.')).source.date).toBeNull();
  });
});

describe('date: range filters overlap uncertain and unspecified dates', () => {
  it('finds 193X, 19XX, 1937?, 1935/1936 and an open span with date:1936..1938, but not 1940 or 1920s', async () => {
    const { wb } = tempWorkbench();
    const dates = ['193X', '19XX', '1937?', '1938~', '1935/1936', '1930/..', '1937-05-XX', '[1935,1939]', '1940', '192X', '1939/1941'];
    for (const [i, date] of dates.entries()) {
      await wb.importFile({ name: `s${i}.md`, bytes: bytes(`---\ntitle: S ${date}\ndate: "${date}"\n---\n\nThe purge, source ${i}.`) });
    }
    await wb.whenSearchReady();
    const found = async (query: string) => new Set((await wb.search({ query })).hits.map((h) => h.sourceTitle.slice(2)));
    expect(await found('purge date:1936..1938')).toEqual(
      new Set(['193X', '19XX', '1937?', '1938~', '1935/1936', '1930/..', '1937-05-XX', '[1935,1939]']),
    );
    expect(await found('purge date:1940')).toEqual(new Set(['19XX', '1930/..', '1940', '1939/1941']));
    expect(await found('purge date:..1929')).toEqual(new Set(['19XX', '192X']));
  });
});
