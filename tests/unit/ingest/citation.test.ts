import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../../scripts/minipdf.mjs';
import { parseSource, readSource } from '../../../src/main/ingest';
import { bestUrl, citationOf } from '../../../src/main/ingest/citation';
import { cleanPlain } from '../../../src/main/ingest/metadata';
import { parseNames } from '../../../src/main/ingest/names';
import { columnsOf, hostOf, isIsbn, normaliseDoi } from '../../../src/shared/csl';
import { bytes, fixture } from '../helpers';

const meta = (name: string) => parseSource(name, fs.readFileSync(fixture(`meta/${name}`)));

describe('author strings as CSL names', () => {
  const authors = (s: string | string[]) => parseNames(s).author;

  it('reads "Given Family" and "Family, Given" as the same person', () => {
    expect(authors('Robert Conquest')).toEqual([{ family: 'Conquest', given: 'Robert' }]);
    expect(authors('Conquest, Robert')).toEqual([{ family: 'Conquest', given: 'Robert' }]);
    expect(authors('J. Arch Getty')).toEqual([{ family: 'Getty', given: 'J. Arch' }]);
    expect(authors('Getty, J. Arch')).toEqual([{ family: 'Getty', given: 'J. Arch' }]);
    expect(authors('Ludwig van Beethoven')).toEqual([{ family: 'van Beethoven', given: 'Ludwig' }]);
    expect(authors('By Anne Applebaum')).toEqual([{ family: 'Applebaum', given: 'Anne' }]);
    expect(authors('King, Martin Luther, Jr.')).toEqual([{ family: 'King', given: 'Martin Luther, Jr.' }]);
    expect(authors('Solzhenitsyn')).toEqual([{ family: 'Solzhenitsyn' }]);
  });

  it('keeps organisations whole, as literal names', () => {
    expect(authors('Memorial Society')).toEqual([{ literal: 'Memorial Society' }]);
    expect(authors('United Nations Security Council')).toEqual([{ literal: 'United Nations Security Council' }]);
    expect(authors('Contributors to Wikimedia projects')).toEqual([{ literal: 'Contributors to Wikimedia projects' }]);
    expect(authors('Wikimedia Foundation, Inc.')).toEqual([{ literal: 'Wikimedia Foundation, Inc.' }]);
    expect(authors('NKVD')).toEqual([{ literal: 'NKVD' }]);
    expect(authors('Sourcebench sample (written for the app)')).toEqual([{ literal: 'Sourcebench sample (written for the app)' }]);
    expect(authors('Society for Cooperation and Development')).toEqual([{ literal: 'Society for Cooperation and Development' }]);
  });

  it('splits several names at ";", " and ", "&" and commas between whole names, never inside "Family, Given"', () => {
    expect(authors('Conquest, Robert; Applebaum, Anne')).toEqual([
      { family: 'Conquest', given: 'Robert' },
      { family: 'Applebaum', given: 'Anne' },
    ]);
    expect(authors('Robert Conquest and Anne Applebaum')).toEqual([
      { family: 'Conquest', given: 'Robert' },
      { family: 'Applebaum', given: 'Anne' },
    ]);
    expect(authors('Robert Conquest, Anne Applebaum & Orlando Figes')).toEqual([
      { family: 'Conquest', given: 'Robert' },
      { family: 'Applebaum', given: 'Anne' },
      { family: 'Figes', given: 'Orlando' },
    ]);
    expect(authors('Conquest, Robert and Applebaum, Anne')).toEqual([
      { family: 'Conquest', given: 'Robert' },
      { family: 'Applebaum', given: 'Anne' },
    ]);
    expect(authors('Conquest, Robert, Applebaum, Anne')).toEqual([
      { family: 'Conquest', given: 'Robert' },
      { family: 'Applebaum', given: 'Anne' },
    ]);
    expect(authors('Robert Conquest; Memorial Society')).toEqual([{ family: 'Conquest', given: 'Robert' }, { literal: 'Memorial Society' }]);
    // A list (citation_author tags, a YAML list) has one name per item.
    expect(authors(['Ivanova, Anna', 'Smith, John'])).toEqual([
      { family: 'Ivanova', given: 'Anna' },
      { family: 'Smith', given: 'John' },
    ]);
  });

  it('drops markup, addresses and duplicates, and takes "(ed.)" names as editors', () => {
    expect(authors('<a href="/people/rc">Robert <b>Conquest</b></a>')).toEqual([{ family: 'Conquest', given: 'Robert' }]);
    expect(authors('https://example.org/people/rc')).toEqual([]);
    expect(authors(['Robert Conquest', 'Conquest, Robert'])).toEqual([{ family: 'Conquest', given: 'Robert' }]);
    expect(parseNames('Robert Conquest; Getty, J. Arch (ed.)')).toEqual({
      author: [{ family: 'Conquest', given: 'Robert' }],
      editor: [{ family: 'Getty', given: 'J. Arch' }],
    });
  });
});

describe('CSL helpers', () => {
  it('check DOIs and ISBNs, and name the host of an address', () => {
    expect(normaliseDoi('https://doi.org/10.1080/09668139408412187')).toBe('10.1080/09668139408412187');
    expect(normaliseDoi('doi:10.5555/12345678')).toBe('10.5555/12345678');
    expect(normaliseDoi('10.12/x')).toBeUndefined();
    expect(isIsbn('978-0-19-505580-1')).toBe(true);
    expect(isIsbn('0-19-505580-2')).toBe(true);
    expect(isIsbn('978-0-19-505580-8')).toBe(false);
    expect(hostOf('https://en.wikipedia.org/wiki/Gulag')).toBe('en.wikipedia.org');
    expect(hostOf('https://www.britannica.com/topic/Gulag')).toBe('britannica.com');
    expect(hostOf('javascript:alert(1)')).toBeNull();
  });

  it('prefer the page’s own address to a hosting site’s, which counts only alone', () => {
    expect(bestUrl(['https://github.com/someone/corpus/blob/main/gulag.txt', 'https://en.wikipedia.org/wiki/Gulag'])).toBe(
      'https://en.wikipedia.org/wiki/Gulag',
    );
    expect(bestUrl(['https://raw.githubusercontent.com/someone/corpus/main/gulag.txt'])).toBe(
      'https://raw.githubusercontent.com/someone/corpus/main/gulag.txt',
    );
    expect(bestUrl(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/x'])).toBeUndefined();
  });

  it('clean imported values: no markup, only http(s) addresses', () => {
    expect(cleanPlain('The <i>Gulag</i> &amp; the **camps** — [a link](https://example.org)')).toBe('The Gulag & the camps — a link');
    const csl = citationOf({ title: '<script>x</script>A title', origin: 'javascript:alert(1)', urls: ['data:text/html,hi'] }, [], {});
    expect(csl.title).toBe('xA title');
    expect(csl.URL).toBeUndefined();
  });

  it('derive the library columns from the item', () => {
    expect(
      columnsOf(
        {
          type: 'manuscript',
          title: 'Report',
          author: [{ family: 'Yezhov', given: 'Nikolai' }, { literal: 'NKVD' }],
          issued: '1937-08',
          archive: 'GARF',
          archive_location: 'f. R-9401, op. 2, d. 64',
        },
        'x',
      ),
    ).toEqual({ title: 'Report', author: 'Nikolai Yezhov; NKVD', date: '1937-08', origin: 'GARF, f. R-9401, op. 2, d. 64', language: null });
    expect(columnsOf({ type: 'article-journal', DOI: '10.1080/09668139408412187' }, 'file').origin).toBe('https://doi.org/10.1080/09668139408412187');
  });
});

describe('plain-text headers', () => {
  it('take the page’s own URL, not the hosting site the file was downloaded from (two "Gulag" texts told apart)', () => {
    const wiki = parseSource(
      'gulag-1.txt',
      bytes(
        'Title: Gulag\nSource: https://github.com/someone/corpus/blob/main/wiki/gulag.txt\nURL: https://en.wikipedia.org/wiki/Gulag\nRetrieved: 2026-11-27\n\nThe Gulag was the system of forced-labour camps.',
      ),
    ).source;
    const brit = parseSource(
      'gulag-2.txt',
      bytes(
        'Title: Gulag\nOrigin: https://github.com/someone/corpus/blob/main/brit/gulag.txt\nURL: https://www.britannica.com/topic/Gulag\n\nGulag, the Soviet penal system.',
      ),
    ).source;
    expect(wiki.origin).toBe('https://en.wikipedia.org/wiki/Gulag');
    expect(brit.origin).toBe('https://www.britannica.com/topic/Gulag');
    // A hosting site's address is kept when it is all there is.
    const only = parseSource('g.txt', bytes('Title: Gulag\nSource: https://github.com/someone/corpus/blob/main/gulag.txt\n\nText.')).source;
    expect(only.origin).toBe('https://github.com/someone/corpus/blob/main/gulag.txt');
  });

  it('take the front matter’s URL over the header’s hosting site', () => {
    const text =
      'Title: The Kazakh famine\nSource: https://github.com/someone/blog/blob/main/_posts/2021-06-19-famine.md\nRetrieved: 2026-11-27\n\n---\nlayout: post\nauthor: "A. Historian"\ndate: 2021-06-19\nurl: https://someone.example.org/2021/06/famine\n---\n\nThe famine killed 1.5 million people.';
    const { source } = parseSource('k.txt', bytes(text));
    expect(source.origin).toBe('https://someone.example.org/2021/06/famine');
    expect(source.csl).toMatchObject({ accessed: '2026-11-27', issued: '2021-06-19', author: [{ family: 'Historian', given: 'A.' }] });
  });

  it('read "Retrieved:", "Accessed:", "Retrieved on …" and "Date accessed:" lines as the date accessed', () => {
    const accessed = (line: string) => parseSource('a.txt', bytes(`Title: Notes\n${line}\nThe first line of prose.\n\nMore.`)).source;
    expect(accessed('Retrieved: 2026-11-27').csl!.accessed).toBe('2026-11-27');
    expect(accessed('Accessed: 14 February 2022').csl!.accessed).toBe('2022-02-14');
    expect(accessed('Retrieved on 5 March 2024').csl!.accessed).toBe('2024-03-05');
    expect(accessed('Date accessed: 2023-01-09').csl!.accessed).toBe('2023-01-09');
    const from = accessed('Retrieved on 27 November 2026 from https://en.wikipedia.org/wiki/Gulag');
    expect(from.csl).toMatchObject({ accessed: '2026-11-27', URL: 'https://en.wikipedia.org/wiki/Gulag' });
    // The header line is metadata, not a passage.
    expect(from.passages.map((p) => from.text.slice(p.start, p.end))).toEqual(['The first line of prose.', 'More.']);
    // A date it cannot read is left out, with a warning.
    const bad = parseSource('b.txt', bytes('Title: Notes\nAccessed: sometime last spring\n\nText.'));
    expect(bad.source.csl!.accessed).toBeUndefined();
    expect(bad.warnings.join(' ')).toMatch(/sometime last spring/);
  });

  it('read title, authors, publisher, archive reference and identifiers', () => {
    const { source } = parseSource(
      'report.txt',
      bytes(
        'Title: Report on the camps\nAuthor: Conquest, Robert; Memorial Society\nDate: 1937-08\nPublisher: Memorial\nArchive: GARF\nReference: f. R-9401, op. 2, d. 64\nISBN: 978-0-19-505580-1\n\nText.',
      ),
    );
    expect(source.csl).toEqual({
      type: 'document',
      title: 'Report on the camps',
      author: [{ family: 'Conquest', given: 'Robert' }, { literal: 'Memorial Society' }],
      issued: '1937-08',
      publisher: 'Memorial',
      archive: 'GARF',
      archive_location: 'f. R-9401, op. 2, d. 64',
      ISBN: '978-0-19-505580-1',
    });
    expect(source).toMatchObject({ author: 'Robert Conquest; Memorial Society', origin: 'GARF, f. R-9401, op. 2, d. 64' });
  });
});

describe('Markdown front matter', () => {
  it('reads authors, dates, URL, publisher, container and accessed into the item', () => {
    const md = `---
title: "Gulag: a *history*"
authors:
  - family: Applebaum
    given: Anne
  - Memorial Society
date: 2003
accessed: 2026-11-27
source: https://github.com/someone/notes/blob/main/gulag.md
canonical_url: https://notes.example.org/gulag
publisher: Doubleday
place: New York
type: book
isbn: 0-19-505580-2
layout: post
---

# Gulag

Text.`;
    const { source } = parseSource('gulag.md', bytes(md));
    expect(source.csl).toEqual({
      type: 'book',
      title: 'Gulag: a history',
      author: [{ family: 'Applebaum', given: 'Anne' }, { literal: 'Memorial Society' }],
      issued: '2003',
      accessed: '2026-11-27',
      URL: 'https://notes.example.org/gulag',
      publisher: 'Doubleday',
      'publisher-place': 'New York',
      ISBN: '0-19-505580-2',
    });
    expect(source.meta).toEqual({ layout: 'post' });
  });
});

describe('web pages', () => {
  it('read Highwire citation_* tags: authors one by one, journal, pages, volume, issue, DOI, and a Retrieved line', () => {
    const { source } = meta('highwire.html');
    expect(source.csl).toEqual({
      type: 'article-journal',
      title: 'The Gulag population, 1930–1953: what the camp registers show',
      author: [{ family: 'Conquest', given: 'Robert' }, { family: 'Applebaum', given: 'Anne' }, { literal: 'Memorial Society' }],
      editor: [{ family: 'Getty', given: 'J. Arch' }],
      issued: '1994-07-15',
      accessed: '2026-11-27',
      URL: 'https://journal.example.org/doi/10.1080/09668139408412187',
      'container-title': 'Journal of Example Studies',
      publisher: 'Example University Press',
      volume: '46',
      issue: '4',
      page: '603–630',
      DOI: '10.1080/09668139408412187',
      language: 'en',
    });
    expect(source.author).toBe('Robert Conquest; Anne Applebaum; Memorial Society');
  });

  it('read Dublin Core: an organisation as author, a DOI from DC.identifier', () => {
    const { source } = meta('dublin-core.html');
    expect(source.csl).toMatchObject({
      type: 'webpage',
      title: 'Report of the regional commission on the 1937 census',
      author: [{ literal: 'United Nations Security Council' }],
      issued: '1991-12',
      publisher: 'Regional Archive Service',
      DOI: '10.5555/12345678',
      language: 'ru',
    });
    expect(source.origin).toBe('https://doi.org/10.5555/12345678');
  });

  it('read OpenGraph and JSON-LD: a news article, its site as container, its own URL rather than where the copy was downloaded from', () => {
    const { source } = meta('jsonld-news.html');
    expect(source.csl).toMatchObject({
      type: 'article-newspaper',
      title: 'Gulag',
      author: [
        { family: 'Petrova', given: 'Maria' },
        { family: 'Hill', given: 'Tom' },
      ],
      issued: '2021-06-04',
      URL: 'https://www.example-times.com/history/gulag',
      'container-title': 'The Example Times',
    });
  });

  it('take a "Retrieved from" address or the saved copy’s over a canonical link to a hosting site', () => {
    const prose = `<p>${'The camps held prisoners from every part of the Union, and the registers counted them each year on the first of January. '.repeat(4)}</p>`;
    const html = `<html><head><title>Gulag</title><link rel="canonical" href="https://github.com/someone/corpus/blob/main/gulag.html"></head>
      <body><article><h1>Gulag</h1>${prose}${prose}${prose}</article><p>Retrieved on 27 November 2026 from https://en.wikipedia.org/wiki/Gulag</p></body></html>`;
    const { source } = parseSource('gulag.html', bytes(html));
    expect(source.origin).toBe('https://en.wikipedia.org/wiki/Gulag');
    expect(source.csl!.accessed).toBe('2026-11-27');
  });
});

describe('PDF and Word metadata', () => {
  const page = { lines: [{ x: 72, y: 100, size: 11, text: 'The registers of the camp administration count the prisoners.' }] };

  it('PDF: XMP publication date and journal before the info dictionary, CreationDate only when nothing better, Subject as note', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">The Gulag population</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Conquest, Robert</rdf:li><rdf:li>Anne Applebaum</rdf:li></rdf:Seq></dc:creator>
<prism:publicationName>Journal of Example Studies</prism:publicationName>
<prism:publicationDate>1994-07-15</prism:publicationDate>
<prism:doi>10.1080/09668139408412187</prism:doi>
<prism:volume>46</prism:volume>
</rdf:Description></rdf:RDF></x:xmpmeta>`;
    const withXmp = await readSource(
      'article.pdf',
      makePdf({ pages: [page], info: { Title: 'Untitled', CreationDate: 'D:20200101120000Z', Subject: 'Camp registers' }, xmp }),
    );
    expect(withXmp.source.csl).toMatchObject({
      type: 'article-journal',
      title: 'The Gulag population',
      author: [
        { family: 'Conquest', given: 'Robert' },
        { family: 'Applebaum', given: 'Anne' },
      ],
      issued: '1994-07-15',
      'container-title': 'Journal of Example Studies',
      DOI: '10.1080/09668139408412187',
      volume: '46',
      note: 'Camp registers',
    });
    const infoOnly = await readSource(
      'report.pdf',
      makePdf({ pages: [page], info: { Title: 'Survey', Author: 'Regional Archive Service', CreationDate: 'D:20210602' } }),
    );
    expect(infoOnly.source.csl).toMatchObject({
      type: 'document',
      title: 'Survey',
      author: [{ literal: 'Regional Archive Service' }],
      issued: '2021-06-02',
    });
  });
});
