import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../src/main/annotate/anchor';

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
