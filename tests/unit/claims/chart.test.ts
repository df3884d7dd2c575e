import { describe, expect, it } from 'vitest';
import { axisTicks, byline, chartValue, fitText, markName, period, placeLabel, textWidth } from '../../../src/renderer/src/claims/chartLabels';

const v = (low: number | null, high: number | null = low, approx = false, unit: 'people' | 'percent' = 'people') => ({ low, high, unit, approx });

describe('range chart labels', () => {
  it('labels a value in a few characters: exact figures in full, round millions short, hedges and open bounds marked', () => {
    expect(chartValue(v(681692))).toBe('681,692');
    expect(chartValue(v(1e6, 1.2e6, true))).toBe('~1–1.2M');
    expect(chartValue(v(600000, 1.2e6))).toBe('600,000–1.2M');
    expect(chartValue(v(1548366))).toBe('1,548,366');
    expect(chartValue(v(2.05 * 1e6))).toBe('2.05M');
    expect(chartValue(v(750000, null))).toBe('≥750,000');
    expect(chartValue(v(null, 7e6))).toBe('≤7M');
    expect(chartValue(v(30, 40, false, 'percent'))).toBe('30–40%');
    expect(chartValue(v(38, 38, true, 'percent'))).toBe('~38%');
  });

  it('gives the years a claim covers, and nothing when they are unknown', () => {
    expect(period(1937, 1938)).toBe('1937–38');
    expect(period(1937, 1937)).toBe('1937');
    expect(period(1937, null)).toBe('1937');
    expect(period(1899, 1901)).toBe('1899–1901');
    expect(period(1938, 1937)).toBe('1937–38');
    expect(period(null, 1938)).toBe('until 1938');
    expect(period(null, null)).toBe('');
    expect(period(undefined, undefined)).toBe('');
  });

  it('names who made a claim and when, briefly', () => {
    expect(byline('Robert Conquest', '1990')).toBe('Robert Conquest, 1990');
    expect(byline('Barry McLoughlin; Kevin McDermott', '2003-05-01')).toBe('Barry McLoughlin et al., 2003');
    expect(byline(null, '1993')).toBe('1993');
    expect(byline('A. Historian', null)).toBe('A. Historian');
    expect(byline(null, null)).toBe('');
  });

  it('cuts long titles at a word with an ellipsis, within the width, and leaves short ones whole', () => {
    const long = "The Great Terror: A Reassessment of Stalin's Purges of the Thirties, Fortieth Anniversary Edition";
    const cut = fitText(long, 200, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(200);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    // At a word boundary, with no dangling punctuation or little word before the ellipsis.
    expect(cut).toBe('The Great Terror…');
    expect(fitText(long, 300, 12)).toBe('The Great Terror: A Reassessment…');
    expect(fitText('Archival figures', 200, 12)).toBe('Archival figures');
    expect(fitText('Supercalifragilisticexpialidocious', 60, 12)).toMatch(/^Super\w*…$/);
  });

  it('puts a value label beside its mark, on the side with room, or under it, never past the plot', () => {
    const plot = { x0: 240, x1: 756 };
    expect(placeLabel(300, 400, 60, plot)).toEqual({ x: 407, anchor: 'start', below: false });
    // Near the right edge: to the left of the mark.
    expect(placeLabel(680, 740, 60, plot)).toEqual({ x: 673, anchor: 'end', below: false });
    // A bar across the whole plot (an open bound): under it, inside the plot.
    const under = placeLabel(256, 740, 90, plot);
    expect(under.below).toBe(true);
    expect(under.x).toBeGreaterThanOrEqual(plot.x0);
    expect(under.x + 90).toBeLessThanOrEqual(plot.x1);
    // Whatever the mark, a label beside it stays clear of it and inside the plot.
    for (const [l, r, w] of [
      [250, 260, 120],
      [600, 610, 200],
      [245, 750, 40],
      [500, 500, 400],
    ] as const) {
      const p = placeLabel(l, r, w, plot);
      const [from, to] = p.anchor === 'start' ? [p.x, p.x + w] : [p.x - w, p.x];
      expect(from).toBeGreaterThanOrEqual(plot.x0);
      expect(to).toBeLessThanOrEqual(plot.x1);
      if (!p.below) expect(to <= l || from >= r).toBe(true);
    }
  });

  it('spaces axis ticks so their labels never run together, keeping powers of ten on a log scale', () => {
    const at = (lo: number, hi: number, width: number) => (t: number) =>
      ((Math.log10(t) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * width;
    const wide = axisTicks(235000, 10.5e6, true, at(235000, 10.5e6, 500), 40);
    expect(wide).toEqual([500000, 1e6, 2e6, 5e6, 1e7]);
    const narrow = axisTicks(235000, 10.5e6, true, at(235000, 10.5e6, 150), 40);
    expect(narrow).toContain(1e6);
    expect(narrow).toContain(1e7);
    for (let i = 1; i < narrow.length; i++)
      expect(at(235000, 10.5e6, 150)(narrow[i]!) - at(235000, 10.5e6, 150)(narrow[i - 1]!)).toBeGreaterThanOrEqual(40);
    const linear = axisTicks(0, 1.3e6, false, (t) => (t / 1.3e6) * 400, 40);
    expect(linear).toEqual([0, 500000, 1e6]);
  });
});

describe('range chart marks, as a screen reader names them', () => {
  const claim = {
    low: 1e6,
    high: 1.2e6,
    unit: 'people' as const,
    approx: false,
    measure: 'executed' as const,
    fromYear: 1937,
    toYear: 1938,
    sourceTitle: 'The Great Terror: A Reassessment',
    sourceAuthor: 'Robert Conquest',
    sourceDate: '1990',
    preferred: false,
  };

  it('says who, the value in words with its measure, and the years in full', () => {
    expect(markName(claim)).toBe('Robert Conquest, 1990: 1 million–1.2 million executed, 1937–1938');
    expect(markName({ ...claim, low: 681692, high: 681692, sourceAuthor: 'A; B', sourceDate: '1993-05' })).toBe(
      'A et al., 1993: 681,692 executed, 1937–1938',
    );
  });

  it('says "about" for a hedge, open bounds in words, and the title when author and date are unknown', () => {
    expect(markName({ ...claim, approx: true, high: 1e6 })).toBe('Robert Conquest, 1990: about 1 million executed, 1937–1938');
    expect(markName({ ...claim, high: null, toYear: null })).toBe('Robert Conquest, 1990: at least 1 million executed, from 1937');
    expect(markName({ ...claim, sourceAuthor: null, sourceDate: null, fromYear: null, toYear: null })).toBe(
      'The Great Terror: A Reassessment: 1 million–1.2 million executed',
    );
  });

  it('says when a value is preferred or far from the rest', () => {
    expect(markName({ ...claim, preferred: true }, true)).toBe(
      'Robert Conquest, 1990: 1 million–1.2 million executed, 1937–1938, preferred, far from the rest',
    );
  });
});
