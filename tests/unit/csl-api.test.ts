import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import type { SourceDetail } from '../../src/shared/types';
import { bytes, tempWorkbench } from './helpers';

async function imported() {
  const { wb } = tempWorkbench();
  const out = await wb.importFile({
    name: 'gulag.txt',
    bytes: bytes(
      'Title: Gulag\nAuthor: Anne Applebaum\nURL: https://en.wikipedia.org/wiki/Gulag\nRetrieved: 2026-11-27\n\nThe Gulag was the system of camps.',
    ),
  });
  if (out.status !== 'imported') throw new Error('not imported');
  return { wb, id: out.source.id };
}

const failure = (reply: Awaited<ReturnType<typeof dispatch>>) => (reply.ok ? null : reply.error);

describe('updateSource with a CSL item', () => {
  it('stores the item, derives title, author, date and origin from it, and returns it with the source', async () => {
    const { wb, id } = await imported();
    expect((await wb.getSource({ id })).csl).toMatchObject({ accessed: '2026-11-27', URL: 'https://en.wikipedia.org/wiki/Gulag' });
    const reply = await dispatch(wb, 'updateSource', {
      id,
      csl: {
        type: 'book',
        title: ' Gulag: A History ',
        author: [{ family: 'Applebaum', given: 'Anne' }, { literal: 'Memorial Society' }, { family: '', given: '' }],
        issued: '2003',
        accessed: '',
        publisher: 'Doubleday',
        'publisher-place': 'New York',
        ISBN: '978-0-19-505580-1',
        DOI: 'https://doi.org/10.1080/09668139408412187',
        archive: 'GARF',
        archive_location: 'f. R-9401, op. 2, d. 64',
        note: 'Read in the\nreading room.',
      },
      tags: ['camps'],
    }).catch((e) => e);
    // The empty name row fails the contract: a name needs a family name or an organisation's.
    expect(failure(reply)?.message).toMatch(/updateSource: csl\.author\.2: a name is a person's/);
    const ok = await dispatch(wb, 'updateSource', {
      id,
      csl: {
        type: 'book',
        title: ' Gulag: A History ',
        author: [{ family: 'Applebaum', given: 'Anne' }, { literal: 'Memorial Society' }],
        issued: '2003',
        accessed: '',
        publisher: 'Doubleday',
        ISBN: '978-0-19-505580-1',
        DOI: 'https://doi.org/10.1080/09668139408412187',
        note: 'Read in the\nreading room.',
      },
      tags: ['camps'],
    });
    expect(ok.ok).toBe(true);
    const s = (await wb.getSource({ id })) as SourceDetail;
    expect(s).toMatchObject({
      title: 'Gulag: A History',
      author: 'Anne Applebaum; Memorial Society',
      date: '2003',
      origin: 'https://doi.org/10.1080/09668139408412187',
      tags: ['camps'],
    });
    expect(s.csl).toEqual({
      type: 'book',
      title: 'Gulag: A History',
      author: [{ family: 'Applebaum', given: 'Anne' }, { literal: 'Memorial Society' }],
      issued: '2003',
      publisher: 'Doubleday',
      ISBN: '978-0-19-505580-1',
      DOI: '10.1080/09668139408412187',
      note: 'Read in the\nreading room.',
    });
    // Search and the library filter read the derived columns.
    expect((await wb.listSources())[0]!.author).toBe('Anne Applebaum; Memorial Society');
  });

  it('refuses what is not EDTF, http(s), a DOI or an ISBN, and unknown fields, with invalid_request naming the field', async () => {
    const { wb, id } = await imported();
    const base = { type: 'webpage', title: 'Gulag' };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, issued: '1930s' }, /Date issued: "1930s" is not an EDTF date \(for the 1930s write 193X\)/],
      [{ ...base, accessed: '27/11/2026 10:00' }, /Date accessed: .* is not an EDTF date/],
      [{ ...base, URL: 'javascript:alert(1)' }, /csl\.URL: must be a web address starting http:\/\/ or https:\/\//],
      [{ ...base, URL: 'file:///etc/passwd' }, /csl\.URL/],
      [{ ...base, DOI: '10.12/x' }, /csl\.DOI: is not a DOI/],
      [{ ...base, ISBN: '978-0-19-505580-8' }, /csl\.ISBN: is not an ISBN/],
      [{ ...base, type: 'novel' }, /csl\.type/],
      [{ ...base, abstract: 'x' }, /csl: Unrecognized key/],
      [{ ...base, author: [{ family: 'Conquest', literal: 'Robert Conquest' }] }, /not both/],
      [{ ...base, author: [{ literal: 'NKVD', given: 'x' }] }, /not both|no given name/],
      [{ type: 'webpage', title: '  ' }, /a source needs a title/],
    ];
    for (const [csl, message] of cases) {
      const error = failure(await dispatch(wb, 'updateSource', { id, csl }));
      expect(error?.code, JSON.stringify(csl)).toBe('invalid_request');
      expect(error?.message).toMatch(message);
    }
    // Nothing was written.
    expect((await wb.getSource({ id })).csl).toMatchObject({ title: 'Gulag', accessed: '2026-11-27' });
  });

  it('keeps the older fields working: author, date and origin change the item', async () => {
    const { wb, id } = await imported();
    await wb.updateSource({ id, author: 'Conquest, Robert and Memorial Society', date: '1968~', origin: 'GARF, f. R-9401' });
    const s = await wb.getSource({ id });
    expect(s.csl).toMatchObject({
      author: [{ family: 'Conquest', given: 'Robert' }, { literal: 'Memorial Society' }],
      issued: '1968~',
      archive_location: 'GARF, f. R-9401',
      accessed: '2026-11-27',
    });
    expect(s.csl.URL).toBeUndefined();
    expect(s).toMatchObject({ author: 'Robert Conquest; Memorial Society', date: '1968~', origin: 'GARF, f. R-9401' });
  });
});
