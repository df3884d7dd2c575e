import { describe, expect, it } from 'vitest';
import { shownQuote } from '../../../src/renderer/src/views/shownQuote';

// Two passages of a Markdown source, at their offsets in the stored text.
const first = 'In **1937** the _NKVD_ arrested them.';
const second = 'See `order 00447`.';
const passages = [
  { start: 0, end: first.length, text: first },
  { start: first.length + 2, end: first.length + 2 + second.length, text: second },
];
const quote = (start: number, end: number, text = first + '\n\n' + second) => ({ start, end, exact: text.slice(start, end) });

describe('a note’s quote as the reader shows it', () => {
  it('hides the inline markers of the words it covers', () => {
    expect(shownQuote(passages, quote(3, 22))).toBe('1937 the NKVD');
    const at = passages[1]!.start;
    expect(shownQuote(passages, quote(at, at + 17))).toBe('See order 00447');
  });

  it('keeps the stored words when the quote runs over two passages or lies before the first', () => {
    const across = quote(30, passages[1]!.start + 3);
    expect(shownQuote(passages, across)).toBe(across.exact);
    expect(shownQuote([passages[1]!], { start: 0, end: 4, exact: 'In *' })).toBe('In *');
  });
});
