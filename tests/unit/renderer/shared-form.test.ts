import { describe, expect, it } from 'vitest';
import { formOf, formProblem, sourcesCount, suggestedName, toggled, typed, valuesOf } from '../../../src/renderer/src/archival/sharedForm';

describe('the form of values set on several sources', () => {
  it('sends only the fields ticked, an empty ticked field as a clearing', () => {
    let form = formOf({ archive: 'GARF', archive_box: '14' });
    expect(valuesOf(form)).toEqual({ archive: 'GARF', archive_box: '14' });
    form = typed(form, 'archive_folder', '3');
    form = toggled(form, 'archive', false);
    form = typed(form, 'language', '');
    expect(valuesOf(form)).toEqual({ archive_box: '14', archive_folder: '3', language: '' });
  });

  it('names what keeps it from being sent', () => {
    expect(formProblem(formOf(), false)).toBe('Choose at least one field to set (tick it, or type in it).');
    expect(formProblem(toggled(formOf(), 'type', true), false)).toBe('Type: choose a type, or untick it to leave each source’s own.');
    expect(formProblem(formOf({ archive_box: '' }), false)).toBeNull();
    expect(formProblem(formOf({ archive_box: ' ' }), true)).toBe('A template needs at least one field with a value.');
    expect(formProblem(formOf({ archive_box: '14' }), true)).toBeNull();
  });

  it('suggests a template name from the collection (else the archive) and the place in it', () => {
    expect(suggestedName({ archive: 'Hoover', archive_collection: 'Nicolaevsky', archive_box: '14', archive_folder: '3', archive_item: '7' })).toBe(
      'Nicolaevsky / Box 14, Folder 3',
    );
    expect(suggestedName({ archive: 'GARF', archive_location: 'f. R-9401, op. 2' })).toBe('GARF / f. R-9401, op. 2');
    expect(suggestedName({ archive_box: '9' })).toBe('Box 9');
    expect(suggestedName({ language: 'ru' })).toBe('');
    expect([sourcesCount(1), sourcesCount(1200)]).toEqual(['1 source', `${(1200).toLocaleString()} sources`]);
  });
});
