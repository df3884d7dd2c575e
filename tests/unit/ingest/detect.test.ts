import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/main/ingest';
import { guessMarkdown, MARKDOWN_THRESHOLD } from '../../../src/main/ingest/detect';
import { bytes } from '../helpers';

const MARKDOWN: Record<string, string> = {
  'headings and links':
    '# The 1937 census\n\nThe results were [suppressed](https://example.org/census).\n\n## Sources\n\nSee the [archive guide](https://example.org/guide).\n',
  'front matter and a list':
    '---\ntitle: Notes\ntags: [census]\n---\n\nSome notes:\n\n- the **first** count\n- the **second** count\n\nAnd `code`.\n',
  'a table': 'Figures by year.\n\n| Year | Arrests |\n|------|--------:|\n| 1937 | 936,750 |\n| 1938 | 638,509 |\n\nFrom the **NKVD** summaries.\n',
  'images and code': '![A map of the camps](map.png)\n\nThe camps, as listed:\n\n```\ncamp,region\nDallag,Far East\n```\n',
};

const PLAIN: Record<string, string> = {
  'prose with an occasional asterisk':
    'The figure of 681,692 executions* is the one most historians accept.\n\nOthers put it higher; 5 * 3 is not a figure anyone gives. The reports of 1938 are in the regional archive.\n\n* The NKVD summaries.\n',
  'an e-mail with quotes and lists':
    'Dear Anna,\n\n> Did you find the file?\n> It should be in fond 17.\n\nYes. What I found:\n\n- two reports\n- one letter\n- a list of names\n\nBest,\nTom\n',
  'notes with hyphen lists and emphasis':
    'Archive trip, day 2\n\n- fond 17, op. 2\n- fond 89\n- ask about *opis* 4\n\nThe reading room closes at *four*.\n',
};

const GUTENBERG = `The Project Gutenberg eBook of Anna Karenina

This ebook is for the use of anyone anywhere in the United States and most other parts of the world at no cost.

Title: Anna Karenina
Author: Leo Tolstoy

*** START OF THE PROJECT GUTENBERG EBOOK ANNA KARENINA ***

PART ONE

Chapter 1

Happy families are all alike; every unhappy family is unhappy in its
own way.

Everything was in confusion in the Oblonskys' house. The wife had
discovered that the husband was carrying on an intrigue with a _French_
girl, who had been a governess in their family.

[Illustration: The Oblonskys' house]

       *       *       *       *       *

* * *

# 1 of 3 volumes
`;

/** A Gutenberg-style text without the licence: _italics_, section breaks, bracketed notes and hard wraps. */
const GUTENBERG_BODY = `CHAPTER I.

It was the best of times, it was the worst of times, it was the age of
_wisdom_, it was the age of _foolishness_, it was the epoch of belief,
it was the epoch of incredulity.[1]

       *       *       *       *       *

[Footnote 1: An old saying.]

[Illustration]

CHAPTER II.

There were a king with a large jaw and a queen with a plain face, on the
throne of England.
`;

describe('Markdown in a .txt file', () => {
  for (const [name, text] of Object.entries(MARKDOWN)) {
    it(`reads ${name} as Markdown`, () => {
      const guess = guessMarkdown(text);
      expect(guess.score, guess.signs.join(', ')).toBeGreaterThanOrEqual(MARKDOWN_THRESHOLD);
      expect(guess.markdown).toBe(true);
    });
  }
  for (const [name, text] of Object.entries(PLAIN)) {
    it(`keeps ${name} as plain text`, () => {
      const guess = guessMarkdown(text);
      expect(guess.markdown, `${guess.score}: ${guess.signs.join(', ')}`).toBe(false);
    });
  }

  it('keeps Project Gutenberg texts plain, with or without the licence', () => {
    expect(guessMarkdown(GUTENBERG)).toMatchObject({ markdown: false, signs: ['Project Gutenberg text'] });
    const body = guessMarkdown(GUTENBERG_BODY);
    expect(body.markdown, `${body.score}: ${body.signs.join(', ')}`).toBe(false);
    expect(body.score).toBe(0);
  });

  it('routes a .txt written in Markdown to the Markdown reader; its format stays txt', () => {
    const { source, warnings } = parseSource('notes.txt', bytes(MARKDOWN['headings and links']!));
    expect(source).toMatchObject({ kind: 'markdown', format: 'txt', title: 'The 1937 census' });
    expect(source.passages.map((p) => [p.kind, source.text.slice(p.start, p.end)])[0]).toEqual(['heading', 'The 1937 census']);
    expect(warnings.join(' ')).toMatch(/read as Markdown/);
    const plain = parseSource('letter.txt', bytes(PLAIN['an e-mail with quotes and lists']!));
    expect(plain.source).toMatchObject({ kind: 'text', format: 'txt' });
    expect(plain.warnings).toEqual([]);
    expect(parseSource('book.txt', bytes(GUTENBERG)).source.kind).toBe('text');
  });
});
