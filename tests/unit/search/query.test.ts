import { describe, expect, it } from 'vitest';
import { editDistance, fold, parseQuery, toFts, tokenize, typoDistance } from '../../../src/main/search/query';

describe('query parser', () => {
  it('reads words, OR groups, phrases, exclusions and prefixes', () => {
    const q = parseQuery('Yezhov OR Ezhov "enemies of the people" -Trotsky purg*');
    expect(q.groups).toEqual([
      [
        { kind: 'word', raw: 'Yezhov', tokens: ['yezhov'] },
        { kind: 'word', raw: 'Ezhov', tokens: ['ezhov'] },
      ],
      [{ kind: 'phrase', raw: '"enemies of the people"', tokens: ['enemies', 'of', 'the', 'people'] }],
      [{ kind: 'prefix', raw: 'purg*', tokens: ['purg'] }],
    ]);
    expect(q.excluded).toEqual([{ kind: 'word', raw: 'Trotsky', tokens: ['trotsky'] }]);
    expect(toFts(q)).toBe('(("yezhov" OR "ezhov") AND "enemies of the people" AND "purg"*) NOT ("trotsky")');
  });

  it('reads filters, quoted or not', () => {
    const q = parseQuery('arrests source:"great purge" tag:memoir in:sources date:1936..1938');
    expect(q).toMatchObject({ sources: ['great purge'], tags: ['memoir'], kinds: ['sources'], dates: { from: 1936, to: 1938 }, problems: [] });
    expect(parseQuery('x date:1937').dates).toEqual({ from: 1937, to: 1937 });
    expect(parseQuery('x date:1937..').dates).toEqual({ from: 1937, to: 9999 });
    expect(parseQuery('x date:..1937').dates).toEqual({ from: -9999, to: 1937 });
  });

  it('explains what it cannot use instead of failing', () => {
    expect(parseQuery('ab* date:soon in:maps').problems).toEqual([
      'ab*: a prefix search needs at least 3 letters before the *',
      'date:soon is not a year or a range of years (date:1937 or date:1936..1938)',
      'in:maps is not a kind of result (in:sources, in:notes or in:claims)',
    ]);
    expect(toFts(parseQuery('-only -exclusions'))).toBeNull();
    expect(toFts(parseQuery('— … !!'))).toBeNull();
  });

  it('keeps FTS5 syntax out of user input', () => {
    expect(toFts(parseQuery('NEAR(a b) AND "x" OR'))).toBe('"near a" AND "b" AND "and" AND "x"');
    expect(toFts(parseQuery('"unclosed quote'))).toBe('"unclosed quote"');
    expect(toFts(parseQuery('say "he said ""no"""'))).toBe('"say" AND "he said" AND "no"');
    expect(toFts(parseQuery('http://example.org'))).toBe('"http example org"');
    expect(toFts(parseQuery("NKVD's"))).toBe('"nkvd s"');
  });

  it('folds case and diacritics as the index does', () => {
    expect(fold('Ježov ÉTÉ Łódź')).toBe('jezov ete łodz');
    expect(tokenize('Ежов, Yezhov—1937')).toEqual(['ежов', 'yezhov', '1937']);
  });

  it('gives typo tolerance to words of 5+ letters: one edit, two from 6 letters', () => {
    expect([typoDistance('stal'), typoDistance('ezhov'), typoDistance('yagoda'), typoDistance('executed'), typoDistance('19370')]).toEqual([
      0, 1, 2, 2, 0,
    ]);
    expect(toFts(parseQuery('Ezhov'), new Map([['ezhov', ['yezhov', 'ezhova']]]))).toBe('("ezhov" OR "yezhov" OR "ezhova")');
  });

  it('counts edits with a swap of neighbouring letters as one', () => {
    expect([
      editDistance('releaes', 'release'),
      editDistance('releaes', 'releases'),
      editDistance('ezhov', 'yezhov'),
      editDistance('pugre', 'purge'),
      editDistance('abc', 'abc'),
      editDistance('', 'ab'),
    ]).toEqual([1, 1, 1, 1, 0, 2]);
  });
});
