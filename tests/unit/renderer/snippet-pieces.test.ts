import { describe, expect, it } from 'vitest';
import { snippetPieces } from '../../../src/renderer/src/views/snippetPieces';

describe('a search snippet as pieces to render', () => {
  it('cuts at every match and style edge, each piece knowing whether it is a match and how it is styled', () => {
    // "End: the rehabilitation…" with "End" bold and "the rehabilitation" italic, "rehabilitation" matched.
    const snippet = 'End: the rehabilitation of the marshals.';
    const pieces = snippetPieces(
      snippet,
      [[9, 23]],
      [
        { start: 0, end: 3, kind: 'strong' },
        { start: 5, end: 23, kind: 'em' },
      ],
    );
    expect(pieces.map((p) => [p.text, p.match, p.styles.map((s) => s.kind).join('+')])).toEqual([
      ['End', false, 'strong'],
      [': ', false, ''],
      ['the ', false, 'em'],
      ['rehabilitation', true, 'em'],
      [' of the marshals.', false, ''],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(snippet);
  });

  it('gives the whole text as one piece when nothing is marked', () => {
    expect(snippetPieces('plain', [], [])).toEqual([{ start: 0, text: 'plain', match: false, styles: [] }]);
  });
});
