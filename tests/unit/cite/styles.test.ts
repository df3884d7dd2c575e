import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_STYLES, builtinStyle, cslDir, CslStyleError, formatCitation, loadStyle } from '../../../src/main/cite';
import { book } from './items';

const page214 = { label: 'page', value: '214' } as const;

describe('APA and MLA', () => {
  it('APA 7th: an author-date citation and a reference-list entry', () => {
    expect(formatCitation(book, { style: 'apa', locator: page214, mode: 'in-text' }).text).toBe('(Conquest, 1990, p. 214)');
    const entry = formatCitation(book, { style: 'apa', mode: 'bibliography' });
    expect(entry.text).toBe('Conquest, R. (1990). The Great Terror: A Reassessment. Oxford University Press.');
    expect(entry.markdown).toBe('Conquest, R. (1990). *The Great Terror: A Reassessment*. Oxford University Press.');
  });

  it('MLA 9th: an author-page citation and a works-cited entry', () => {
    expect(formatCitation(book, { style: 'modern-language-association', locator: page214, mode: 'in-text' }).text).toBe('(Conquest 214)');
    expect(formatCitation(book, { style: 'modern-language-association', mode: 'bibliography' }).text).toBe(
      'Conquest, Robert. The Great Terror: A Reassessment. Oxford University Press, 1990.',
    );
  });

  it('Chicago author-date', () => {
    expect(formatCitation(book, { style: 'chicago-author-date', locator: page214, mode: 'in-text' }).text).toBe('(Conquest 1990, 214)');
  });
});

describe('styles', () => {
  it('ships its styles and the en-US locale', () => {
    for (const s of BUILTIN_STYLES) {
      const style = builtinStyle(s.id);
      expect(style.id).toBe(`http://www.zotero.org/styles/${s.id}`);
      expect(['note', 'in-text']).toContain(style.class);
    }
    expect(fs.existsSync(path.join(cslDir(), 'locales-en-US.xml'))).toBe(true);
    expect(fs.existsSync(path.join(cslDir(), 'README.md'))).toBe(true);
  });

  it('uses a user’s own CSL style', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- A minimal style -->
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Minimal &amp; plain</title><id>urn:test:minimal</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout prefix="[" suffix="]" delimiter="; ">
      <names variable="author"><name form="short"/></names>
      <date variable="issued" prefix=" "><date-part name="year"/></date>
      <text variable="locator" prefix=", "/>
    </layout>
  </citation>
  <bibliography><layout><text variable="title" font-style="italic"/></layout></bibliography>
</style>`;
    const style = loadStyle(xml, 'minimal.csl');
    expect(style).toMatchObject({ id: 'urn:test:minimal', title: 'Minimal & plain', class: 'in-text' });
    expect(formatCitation(book, { style, locator: page214, mode: 'in-text' }).text).toBe('[Conquest 1990, 214]');
    expect(formatCitation(book, { style, mode: 'bibliography' }).markdown).toBe('*The Great Terror: A Reassessment*');
  });

  it('falls back to the en-US locale for a style in another language', () => {
    const xml = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="de-DE">
  <info><id>urn:test:de</id><title>German</title></info>
  <citation><layout><text variable="title"/><date variable="issued" form="text" prefix=" "/></layout></citation>
</style>`;
    expect(formatCitation({ type: 'book', title: 'Der Terror', issued: '1937-05-12' }, { style: loadStyle(xml) }).text).toBe(
      'Der Terror May 12, 1937.',
    );
  });

  it('reports a style citeproc cannot follow', () => {
    const xml = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>urn:test:broken</id><title>Broken</title></info>
  <macro name="a"><text macro="a"/></macro>
  <citation><layout><text macro="a"/></layout></citation>
</style>`;
    expect(() => formatCitation(book, { style: loadStyle(xml) })).toThrow(CslStyleError);
    expect(() => formatCitation(book, { style: loadStyle(xml) })).toThrow(/"Broken" could not be used: .*infinite loop/);
  });

  it('gives empty text, not citeproc’s error text, where a style prints nothing', () => {
    const xml = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>urn:test:nothing</id><title>Nothing</title></info>
  <citation><layout><text macro="missing"/></layout></citation>
</style>`;
    expect(formatCitation(book, { style: loadStyle(xml) })).toEqual({ text: '', markdown: '', html: '' });
  });

  const refused: Array<[string, string, RegExp]> = [
    ['empty', '  ', /it is empty/],
    ['JSON', '{"type": "book"}', /looks like JSON/],
    ['HTML', '<html><body>Chicago</body></html>', /root element is <html>, not <style>/],
    ['a locale', '<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="fr-FR"></locale>', /CSL locale file/],
    ['no namespace', '<style class="note" version="1.0"><info/><citation><layout/></citation></style>', /has no xmlns=/],
    [
      'another namespace',
      '<style xmlns="http://www.w3.org/1999/xhtml" class="note" version="1.0"></style>',
      /namespace "http:\/\/www.w3.org\/1999\/xhtml"/,
    ],
    ['CSL 0.8', '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="0.8"></style>', /CSL version 0.8/],
    ['no class', '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"></style>', /no class attribute/],
    [
      'dependent',
      '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id>x</id><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>',
      /dependent style .*\(http:\/\/www.zotero.org\/styles\/apa\)/,
    ],
    ['no citation', '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><info><id>x</id></info></style>', /no <citation>/],
    [
      'badly nested',
      '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">\n<info><id>x</id></info>\n<citation><layout>\n</citation>\n</style>',
      /not well formed \(<layout> \(line 3\) closed by <\/citation> at line 4\)/,
    ],
    ['unclosed', '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">\n<info>', /<info> opened at line 2 is never closed/],
  ];
  for (const [what, xml, message] of refused) {
    it(`refuses a style that is not CSL: ${what}`, () => {
      expect(() => loadStyle(xml, 'mine.csl')).toThrow(CslStyleError);
      expect(() => loadStyle(xml, 'mine.csl')).toThrow(/^mine\.csl is not a CSL style: /);
      expect(() => loadStyle(xml, 'mine.csl')).toThrow(message);
    });
  }
});
