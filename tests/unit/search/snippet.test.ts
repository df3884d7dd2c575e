import { describe, expect, it } from 'vitest';
import { readable, snippetOf } from '../../../src/main/search/snippet';

describe('snippets', () => {
  it('cut from a long passage keep the styles and matches that fall in the window, clipped to it', () => {
    const filler = 'Filler words about nothing in particular. '.repeat(4);
    const text = `${filler}**The bold words before** the decisive word Kolyma, *and italics after it* ${filler.repeat(5)}`;
    const at = text.indexOf('Kolyma');
    const shown = readable(text, [[at, at + 6]], true);
    const { snippet, highlights, styles } = snippetOf(shown);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    const [s, e] = highlights[0]!;
    expect(snippet.slice(s, e)).toBe('Kolyma');
    expect(styles.map((x) => [x.kind, snippet.slice(x.start, x.end)])).toEqual([
      ['strong', 'The bold words before'],
      ['em', 'and italics after it'],
    ]);
    for (const x of styles) expect(x.end).toBeLessThanOrEqual(snippet.length);
  });

  it('read a part of a text with the markers of the whole: a quote that starts inside them', () => {
    const text = 'In 1937 **681,692 people** were shot.[22]';
    const from = text.indexOf('681');
    const shown = readable(text, [[text.indexOf('shot'), text.indexOf('shot') + 4]], true, from, text.length);
    expect(shown.text).toBe('681,692 people were shot.');
    expect(shown.styles).toEqual([{ start: 0, end: 14, kind: 'strong' }]);
    expect(shown.hits.map(([s, e]) => shown.text.slice(s, e))).toEqual(['shot']);
  });

  it('hide note references but style nothing in sources that are not Markdown', () => {
    const shown = readable('A **plain** text file.[3]', [], false);
    expect(shown).toEqual({ text: 'A **plain** text file.', hits: [], kept: [], styles: [] });
  });
});
