import { describe as group, expect, it } from 'vitest';
import { anchor, describe, MIN_SCORE } from '../../src/main/annotate/anchor';

const TEXT =
  'In 1937 the NKVD arrested about 1.5 million people. Of these, 681,692 were shot on the orders of troikas. ' +
  'Historians still argue over the archival figures and what they leave out.';
const QUOTE = '681,692 were shot';

function sel() {
  const start = TEXT.indexOf(QUOTE);
  return describe(TEXT, start, start + QUOTE.length);
}

group('selectors', () => {
  it('are made from a span: exact quote, 32 characters of context, and the position', () => {
    const s = sel();
    expect(s.exact).toBe(QUOTE);
    expect(s.prefix).toBe('t 1.5 million people. Of these, ');
    expect(s.suffix).toBe(TEXT.slice(s.end, s.end + 32));
  });

  it('keep the position while the text there still equals the quote', () => {
    expect(anchor(TEXT, sel())).toEqual({ start: sel().start, end: sel().end, score: 1 });
  });
});

group('re-anchoring after the text changed', () => {
  const cases: [string, string, string | null][] = [
    ['insertion before the quote', TEXT.replace('In 1937', 'In the year 1937, as the records show,'), QUOTE],
    ['deletion before the quote', TEXT.replace('In 1937 the NKVD arrested about 1.5 million people. ', ''), QUOTE],
    ['insertion after the quote', TEXT.replace('Historians', 'Many historians, Russian and Western,'), QUOTE],
    ['small edit inside the quote', TEXT.replace('681,692 were shot', '681,692 were executed'), '681,692 were executed'],
    ['OCR error fixed inside the quote', TEXT.replace('681,692', '68l,692'), '68l,692 were shot'],
    ['small edits in the context', TEXT.replace('Of these,', 'Of those').replace('on the orders', 'by order'), QUOTE],
  ];
  it.each(cases)('%s', (_what, edited, expected) => {
    const placed = anchor(edited, sel());
    expect(placed).not.toBeNull();
    expect(edited.slice(placed!.start, placed!.end)).toBe(expected);
  });

  it('picks the right one of two identical quotes by context', () => {
    const doubled = `Figures for 1936: 681,692 were shot, says one list. ${TEXT}`;
    const placed = anchor(doubled, sel())!;
    expect(placed.start).toBe(doubled.lastIndexOf(QUOTE));
    // …and the first, when the annotation was made on the first.
    const firstSel = describe(doubled, doubled.indexOf(QUOTE), doubled.indexOf(QUOTE) + QUOTE.length);
    const moved = `Preface. ${doubled}`;
    expect(anchor(moved, firstSel)!.start).toBe(moved.indexOf(QUOTE));
  });

  it('orphans an annotation whose passage is gone', () => {
    expect(anchor('A different text about the Holodomor and grain requisitions in Ukraine.', sel())).toBeNull();
    expect(anchor(TEXT.replace('681,692 were shot on the orders of troikas. ', ''), sel())).toBeNull();
  });
});

group('a quote still there verbatim is never orphaned', () => {
  it('places a unique verbatim quote whose surrounding text is gone (re-OCR of a table cell)', () => {
    // Quote 1, prefix 0, suffix ~0: scores about 0.56, under MIN_SCORE; it used to be "not placed".
    const edited = 'Table 3.\n681,692 were shot\n1,2';
    const placed = anchor(edited, sel());
    expect(placed).not.toBeNull();
    expect(edited.slice(placed!.start, placed!.end)).toBe(QUOTE);
    expect(placed!.score).toBeLessThan(MIN_SCORE);
  });

  it('places a verbatim quote in a text shortened to well before its old position', () => {
    // The old start lies far beyond the end of the new text: the position term must not go negative.
    const long = `${'An archival preface, page after page. '.repeat(200)}${TEXT}`;
    const start = long.indexOf(QUOTE);
    const old = describe(long, start, start + QUOTE.length);
    const excerpt = 'Of these, 681,692 were shot on the orders of troikas.';
    const placed = anchor(excerpt, old)!;
    expect(placed).not.toBeNull();
    expect(placed.start).toBe(excerpt.indexOf(QUOTE));
    // An OCR fix inside the quote in the same shortened text is still found approximately.
    const fixed = excerpt.replace('681,692', '68l,692');
    expect(fixed.slice(anchor(fixed, old)!.start, anchor(fixed, old)!.end)).toBe('68l,692 were shot');
  });

  it('of several verbatim occurrences whose context all changed, takes the nearest to the old position', () => {
    const edited = `681,692 were shot\n${'x'.repeat(40)}\n681,692 were shot\n${'y'.repeat(200)}\n681,692 were shot`;
    const placed = anchor(edited, { ...sel(), start: 62, end: 62 + QUOTE.length })!;
    expect(placed.start).toBe(edited.indexOf(QUOTE, 1));
  });

  it('moves off the old position when it holds another occurrence and the context fits elsewhere', () => {
    const doubled = `Figures for 1936: 681,692 were shot, says one list. ${TEXT}`;
    const second = doubled.lastIndexOf(QUOTE);
    const old = describe(doubled, second, second + QUOTE.length);
    // Text cut before the first occurrence so that the first now sits exactly at the old position.
    const shift = second - doubled.indexOf(QUOTE);
    const edited = `${'-'.repeat(shift)}${doubled}`;
    const placed = anchor(edited, old)!;
    expect(edited.slice(placed.start, placed.start + QUOTE.length)).toBe(QUOTE);
    expect(placed.start).toBe(edited.lastIndexOf(QUOTE));
  });

  it('still orphans a quote that occurs nowhere verbatim and matches only poorly', () => {
    expect(anchor('Table 3.\n681,000 were freed\n1,2', sel())).toBeNull();
  });
});
