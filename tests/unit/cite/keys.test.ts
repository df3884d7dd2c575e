import { describe, expect, it } from 'vitest';
import { asciiFold, citationKey, citationKeys, cslJsonBibliography, pandocCitation } from '../../../src/main/cite';
import { archival, book, chapter, webPage } from './items';

describe('citation keys', () => {
  it('makes family name and year, lowercase ASCII', () => {
    expect(citationKey(book, new Set())).toBe('conquest1990');
    expect(citationKey(chapter, new Set())).toBe('kuromiya2006');
    expect(citationKey({ type: 'book', author: [{ family: 'Ilič', given: 'Melanie' }], issued: '2006' }, new Set())).toBe('ilic2006');
    expect(citationKey({ type: 'book', author: [{ family: 'Хлевнюк', given: 'Олег' }], issued: '2010' }, new Set())).toBe('khlevniuk2010');
    expect(citationKey({ type: 'book', author: [{ family: 'Müller-Straße' }], issued: '1937~' }, new Set())).toBe('mullerstrasse1937');
    expect(citationKey({ type: 'report', author: [{ literal: 'The Central Committee' }], issued: '1937' }, new Set())).toBe('central1937');
    expect(citationKey({ type: 'book', editor: [{ family: 'Ilič' }], issued: '2006' }, new Set())).toBe('ilic2006');
  });

  it('uses the title’s first significant word when there is no author', () => {
    expect(citationKey(archival, new Set())).toBe('memorandum1933');
    expect(citationKey(webPage, new Set())).toBe('stalin');
    expect(citationKey({ type: 'document', title: 'The Great Purge' }, new Set())).toBe('great');
    expect(citationKey({ type: 'document' }, new Set())).toBe('ref');
  });

  it('adds a letter for clashes, and records the key as taken', () => {
    const taken = new Set<string>();
    const keys = [book, book, book, { ...book, title: 'Another' }].map((item) => citationKey(item, taken));
    expect(keys).toEqual(['conquest1990', 'conquest1990a', 'conquest1990b', 'conquest1990c']);
    expect([...taken]).toEqual(keys);
    expect(citationKey(book, new Set(['conquest1990']))).toBe('conquest1990a');
  });

  it('is stable: the same items in the same order give the same keys', () => {
    const items = [book, chapter, webPage, archival, book, { ...chapter, issued: '2006-05' }];
    const once = citationKeys(items);
    expect(citationKeys(items)).toEqual(once);
    expect(new Set(once).size).toBe(items.length);
    expect(once).toEqual(['conquest1990', 'kuromiya2006', 'stalin', 'memorandum1933', 'conquest1990a', 'kuromiya2006a']);
  });

  it('keeps a reference manager’s key when it is free and usable', () => {
    expect(citationKey({ ...book, 'citation-key': 'Conquest:GreatTerror' }, new Set())).toBe('Conquest:GreatTerror');
    expect(citationKey({ ...book, 'citation-key': 'Conquest:GreatTerror' }, new Set(['Conquest:GreatTerror']))).toBe('conquest1990');
    expect(citationKey({ ...book, 'citation-key': 'has space' }, new Set())).toBe('conquest1990');
  });

  it('folds to ASCII', () => {
    expect(asciiFold('Œuvres Ångström Łódź Þór')).toBe('oeuvresangstromlodzthor');
  });
});

describe('Pandoc citations', () => {
  it('cites a key with a page or paragraph locator', () => {
    expect(pandocCitation('conquest1990')).toBe('[@conquest1990]');
    expect(pandocCitation('conquest1990', { label: 'page', value: '214' })).toBe('[@conquest1990, p. 214]');
    expect(pandocCitation('conquest1990', { label: 'page', value: '214–16' })).toBe('[@conquest1990, pp. 214–16]');
    expect(pandocCitation('conquest1990', { label: 'paragraph', value: '12' })).toBe('[@conquest1990, para. 12]');
    expect(pandocCitation('conquest1990', { label: 'paragraph', value: '12-14' })).toBe('[@conquest1990, paras. 12-14]');
    expect(pandocCitation('conquest1990', { label: 'page', value: ' ' })).toBe('[@conquest1990]');
    expect(pandocCitation('has space')).toBe('[@{has space}]');
  });
});

describe('CSL-JSON bibliography', () => {
  it('gives each item its key as id, and date-parts', () => {
    const json = cslJsonBibliography([book, webPage, book]);
    expect(json.map((i) => i.id)).toEqual(['conquest1990', 'stalin', 'conquest1990a']);
    expect(json[0]).toEqual({
      id: 'conquest1990',
      'citation-key': 'conquest1990',
      type: 'book',
      title: 'The Great Terror: A Reassessment',
      author: [{ family: 'Conquest', given: 'Robert' }],
      publisher: 'Oxford University Press',
      'publisher-place': 'New York',
      issued: { 'date-parts': [[1990]] },
    });
    expect(json[1]?.accessed).toEqual({ 'date-parts': [[2024, 3, 5]] });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('takes the keys used in the text', () => {
    expect(cslJsonBibliography([book], ['gt']).map((i) => i.id)).toEqual(['gt']);
    expect(() => cslJsonBibliography([book], [])).toThrow(/1 items but 0 keys/);
  });
});
