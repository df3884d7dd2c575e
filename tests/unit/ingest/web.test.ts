import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/main/ingest';
import type { NewSource } from '../../../src/main/ingest/source';
import { bytes, fixture } from '../helpers';

function page(name: string): NewSource {
  return parseSource(name, fs.readFileSync(fixture(`web/${name}`))).source;
}

const texts = (s: NewSource) => s.passages.map((p) => [p.kind, s.text.slice(p.start, p.end)]);

function expectOffsetsHold(s: NewSource) {
  let last = 0;
  for (const p of s.passages) {
    expect(p.start).toBeGreaterThanOrEqual(last);
    expect(p.end).toBeGreaterThan(p.start);
    const slice = s.text.slice(p.start, p.end);
    expect(slice.trim()).toBe(slice);
    for (const [a, b] of p.info?.cells ?? []) {
      expect(a).toBeGreaterThanOrEqual(p.start);
      expect(b).toBeLessThanOrEqual(p.end);
    }
    last = p.end;
  }
}

describe('web articles (Readability)', () => {
  it('keeps the article and leaves out navigation, share buttons, cookie banners, "Skip to" links and related articles', () => {
    const s = page('news.html');
    expect(s.meta.reading).toBe('article');
    for (const chrome of [
      'Skip to',
      'cookies',
      'Accept all',
      'Share on Facebook',
      'Tweet',
      'Opinion',
      'How the KGB files',
      'Celebrity news',
      'Most read',
      'All rights reserved',
      'tracking-code',
      'Related articles',
    ]) {
      expect(s.text).not.toContain(chrome);
    }
    expect(texts(s).slice(0, 6)).toEqual([
      ['heading', 'The archive that opened in 1991'],
      ['paragraph', expect.stringMatching(/^In the autumn of 1991 .* since the 1930s\.\[1\]$/)],
      ['paragraph', expect.stringMatching(/^The first visitors came from Moscow/)],
      ['heading', 'What the files held'],
      ['paragraph', expect.stringMatching(/outsiders\.\[2\]$/)],
      ['quote', 'We did not know what we would find. Nobody had opened some of those boxes since the war.'],
    ]);
    expectOffsetsHold(s);
  });

  it('reads the byline, dates, site name, canonical URL and the saved copy’s address as metadata', () => {
    const s = page('news.html');
    expect(s).toMatchObject({
      title: 'The archive that opened in 1991',
      author: 'Maria Petrova; Tom Hill',
      date: '2021-06-04',
      origin: 'https://www.example-times.com/history/2021/archive-opens',
      language: 'en-GB',
      kind: 'html',
      format: 'html',
    });
    expect(s.meta).toMatchObject({
      siteName: 'The Example Times',
      canonical: 'https://www.example-times.com/history/2021/archive-opens',
      modified: '2021-06-05',
      savedFrom: 'https://www.example-times.com/history/2021/archive-opens.html',
    });
  });

  it('makes table rows with their cells and headers, captions, footnotes with labels, and apparatus', () => {
    const s = page('news.html');
    const rows = s.passages.filter((p) => p.kind === 'table_row');
    expect(rows.map((r) => s.text.slice(r.start, r.end))).toEqual([
      'Collection | Files | Opened',
      'Party committee | 412,000 | 1991',
      'Secret department | 38,500 | 1992',
    ]);
    expect(rows[1]!.info!.cells!.map(([a, b]) => s.text.slice(a, b))).toEqual(['Party committee', '412,000', '1991']);
    expect(rows[2]!.info!.headers).toEqual(['Collection', 'Files', 'Opened']);
    expect(texts(s)).toContainEqual(['caption', 'The reading room of the Smolensk archive, autumn 1991.']);
    // The figure's image has a caption; a block that is only an image keeps its alt text, as apparatus.
    expect(s.text).not.toContain('The reading room in 1991');
    expect(texts(s)).toContainEqual(['apparatus', 'An archive stamp']);
    expect(texts(s)).toContainEqual(['heading', 'See also']);
    expect(texts(s)).toContainEqual(['apparatus', 'A guide to Russian regional archives']);
    const notes = s.passages.filter((p) => p.kind === 'footnote');
    expect(notes.map((n) => [n.info?.note, s.text.slice(n.start, n.end)])).toEqual([
      ['1', '[1] Interview with a former archivist, Smolensk, 2019.'],
      ['2', '[2] On the captured archive see Merle Fainsod, Smolensk under Soviet Rule (1958).'],
    ]);
    expect(s.text).not.toContain('↩');
  });

  it('reads a Wikipedia-style page: references as footnotes, "See also" and "External links" as apparatus, no page furniture', () => {
    const s = page('wiki.html');
    expect(s.title).toBe('1937 Soviet census');
    expect(s.date).toBe('2005-08-14');
    for (const chrome of [
      'Jump to content',
      'Navigation menu',
      'Random article',
      'Categories',
      'last edited',
      'Creative Commons',
      'From Wikipedia',
    ]) {
      expect(s.text).not.toContain(chrome);
    }
    expect(s.text.match(/\[1\]/g)).toHaveLength(3); // two references and the note's own label
    const notes = s.passages.filter((p) => p.kind === 'footnote');
    expect(notes.map((n) => n.info?.note)).toEqual(['1', '2', '3']);
    expect(s.text.slice(notes[0]!.start, notes[0]!.end)).toMatch(/^\[1\] Merridale, Catherine \(1996\)/);
    expect(texts(s)).toContainEqual(['caption', 'Population by republic']);
    expect(texts(s)).toContainEqual(['apparatus', '1939 Soviet census']);
    expect(texts(s)).toContainEqual(['apparatus', 'Results of the 1937 census (in Russian)']);
    // A citation's "Retrieved" date is the cited work's, not this page's.
    expect(s.meta.accessed).toBeUndefined();
    expectOffsetsHold(s);
  });

  it('reads a page with no article (a list of links) whole, as before', () => {
    const s = page('list.html');
    expect(s.meta.reading).toBe('page');
    expect(s.title).toBe('History articles | The Example Times');
    expect(texts(s)).toContainEqual(['item', 'The census of 1937 and its suppression']);
    expect(s.text).toContain('Page 1 of 12');
    expectOffsetsHold(s);
  });

  it('reads what a SingleFile copy says: where it came from and when it was saved', () => {
    const s = page('singlefile.html');
    expect(s).toMatchObject({
      title: 'Eine Archivreise nach Smolensk',
      author: 'Karl Beispiel',
      date: '2019-09-21',
      origin: 'https://blog.example.de/2019/archivreise',
      language: 'de',
    });
    expect(s.meta.accessed).toBe('2024-03-05');
  });

  it('takes a "Retrieved on" line, a <time datetime> and JSON-LD when meta tags say nothing', () => {
    const prose = (n: number) =>
      `<p>${'The regional committee reported on the harvest and on the arrests in each district, with figures that differ from the central summaries. '.repeat(3)}(${n})</p>`;
    const html = `<html><head><title>A blog post</title><script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"Jan Novak"}}</script></head>
      <body><article><h1>A blog post</h1><p class="meta">Posted <time datetime="2018-11-02">2 Nov</time></p>${prose(1)}${prose(2)}${prose(3)}</article>
      <p class="note">Accessed: 14 February 2022</p></body></html>`;
    const s = parseSource('post.html', bytes(html)).source;
    expect(s).toMatchObject({ author: 'Jan Novak', date: '2018-11-02' });
    expect(s.meta.accessed).toBe('2022-02-14');
  });

  it('reads a page nested too deeply for Readability whole', () => {
    const s = parseSource('deep.html', bytes(`${'<div><span>'.repeat(3000)}deep text`)).source;
    expect(s.text).toBe('deep text');
    expect(s.meta.reading).toBe('page');
  });
});
