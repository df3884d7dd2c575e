import { describe, expect, it } from 'vitest';
import { applyShared, archiveLocationOf, citable, composeArchiveLocation, templateValues } from '../../../src/shared/archival';
import { columnsOf, type CslItem } from '../../../src/shared/csl';
import { toCslJson } from '../../../src/main/cite';

const photo: CslItem = {
  type: 'manuscript',
  title: 'Report on the harvest',
  archive: 'Hoover Institution Archives',
  'archive-place': 'Stanford, CA',
  archive_collection: 'Boris Nicolaevsky Collection',
  archive_series: '2',
  archive_box: '14',
  archive_folder: '3',
  archive_item: '7',
};

describe('archive_location composed from series, box, folder and item', () => {
  it('writes each part with its word, widest first, and leaves out the parts not given', () => {
    expect(composeArchiveLocation(photo)).toBe('Series 2, Box 14, Folder 3, item 7');
    expect(composeArchiveLocation({ archive_box: '14', archive_item: '7' })).toBe('Box 14, item 7');
    expect(composeArchiveLocation({ archive_folder: ' 3 ' })).toBe('Folder 3');
    expect(composeArchiveLocation({})).toBe('');
  });

  it('does not write a word twice when the value already has it, whatever its case', () => {
    expect(composeArchiveLocation({ archive_series: 'Series II', archive_box: 'box 14', archive_folder: 'Folder' })).toBe(
      'Series II, box 14, Folder',
    );
  });

  it('prefers archive_location typed outright to the composed one', () => {
    expect(archiveLocationOf({ ...photo, archive_location: 'f. R-9401, op. 2, d. 64' })).toBe('f. R-9401, op. 2, d. 64');
    expect(archiveLocationOf({ ...photo, archive_location: '  ' })).toBe('Series 2, Box 14, Folder 3, item 7');
    expect(archiveLocationOf({ type: 'document' })).toBeUndefined();
  });
});

describe('the item as CSL-JSON', () => {
  it('maps to the CSL 1.0.2 variables and leaves the finer fields out', () => {
    const json = toCslJson(photo, 'x');
    expect(json).toMatchObject({
      archive: 'Hoover Institution Archives',
      'archive-place': 'Stanford, CA',
      archive_collection: 'Boris Nicolaevsky Collection',
      archive_location: 'Series 2, Box 14, Folder 3, item 7',
    });
    for (const k of ['archive_series', 'archive_box', 'archive_folder', 'archive_item']) expect(json).not.toHaveProperty(k);
  });

  it('keeps a typed archive_location, and leaves an item without finer fields as it was', () => {
    expect(citable({ ...photo, archive_location: 'f. 17' }).archive_location).toBe('f. 17');
    const plain = { type: 'book', title: 'Gulag' };
    expect(citable(plain)).toBe(plain);
  });

  it('gives the library its origin: archive, collection and place in it', () => {
    expect(columnsOf(photo, 'x').origin).toBe('Hoover Institution Archives, Boris Nicolaevsky Collection, Series 2, Box 14, Folder 3, item 7');
  });
});

describe('shared values set on an item', () => {
  const own: CslItem = {
    type: 'document',
    title: 'Photo 0412',
    issued: '1933-02-11',
    archive: 'GARF',
    archive_location: 'f. R-9401',
    note: 'blurred',
  };

  it('sets the chosen fields, clears those given empty, and keeps every other field', () => {
    const out = applyShared(own, { archive: ' Hoover  Institution Archives ', archive_collection: 'Nicolaevsky', note: undefined } as never);
    expect(out).toEqual({ ...own, archive: 'Hoover Institution Archives', archive_collection: 'Nicolaevsky' });
    expect(applyShared(own, { archive: '' })).not.toHaveProperty('archive');
    expect(applyShared(own, { type: 'manuscript' }).type).toBe('manuscript');
    expect(applyShared(own, { language: 'ru' })).toMatchObject({ title: 'Photo 0412', issued: '1933-02-11', note: 'blurred', language: 'ru' });
  });

  it('lets box and folder replace a place typed before, unless the place is set too', () => {
    const out = applyShared(own, { archive_box: '14', archive_folder: '3' });
    expect(out).not.toHaveProperty('archive_location');
    expect(archiveLocationOf(out)).toBe('Box 14, Folder 3');
    expect(applyShared(own, { archive_box: '14', archive_location: 'f. 17' }).archive_location).toBe('f. 17');
    // Clearing the box alone does not touch the typed place.
    expect(applyShared(own, { archive_box: '' }).archive_location).toBe('f. R-9401');
  });

  it('keeps a template’s values trimmed, in the fields’ order, the empty ones left out', () => {
    expect(Object.entries(templateValues({ archive_box: ' 14 ', archive: 'GARF', archive_folder: '', language: '  ' }))).toEqual([
      ['archive', 'GARF'],
      ['archive_box', '14'],
    ]);
  });
});
