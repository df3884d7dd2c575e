/**
 * The cases of Hypothesis's quote-matching tests, run against our anchoring.
 *
 * Origin: hypothesis/client, src/annotator/anchoring/test/match-quote-test.js at commit
 * 87c5c693a3d253856f0bebfa8349e6c471df0d11 (the function under test there,
 * src/annotator/anchoring/match-quote.ts, read at 751012ad3506dd7884ae63c678577a9ec5603ab3).
 * Copyright (c) 2013-2016 Hypothes.is Project and contributors; BSD 2-Clause licence
 * (https://github.com/hypothesis/client/blob/main/LICENSE). The fixtures, quotes, contexts
 * and expectations are theirs; the assertions are rewritten for vitest and our API.
 *
 * `matchQuote(text, quote, { prefix, suffix, hint })` maps onto `anchor(text, selector)`
 * with the prefix and suffix as given ('' when absent) and the hint as the old position
 * (0 when absent). Where our results differ from theirs, the test says so and why:
 *
 * - Position: their position term counts only when a hint is given (1.0 otherwise); our
 *   selectors always carry a position, so without a hint a match later in the text scores
 *   slightly less (an exact quote at offset 141 of 153 scores 0.980, not 1.0). Places agree.
 * - Floor: they place the best approximate match however poor its context (scores of
 *   0.42–0.45 in the cases below); we orphan approximate matches under MIN_SCORE (0.6).
 *   Verbatim quotes are placed by both, whatever their context.
 * - A hint beyond the end of a shortened text makes their position term negative (a score
 *   of −1.05 in the case below); ours stops at 0.
 */
import { describe, expect, it } from 'vitest';
import { anchor, MIN_SCORE } from '../../src/main/annotate/anchor';

interface Context {
  prefix?: string;
  suffix?: string;
  hint?: number;
}

function matchQuote(text: string, quote: string, context: Context = {}) {
  const start = context.hint ?? 0;
  return anchor(text, {
    exact: quote,
    prefix: context.prefix ?? '',
    suffix: context.suffix ?? '',
    start,
    end: start + quote.length,
  });
}

const normalize = (s: string) => s.replace(/\s+/g, ' ');

const solitude = normalize(`Many years later, as he faced the firing squad,
    Colonel Aureliano Buendía was to remember that distant afternoon
    when his father took him to discover ice`);

const twoCities = normalize(`It was the best of times, it was the worst of times,
    it was the age of wisdom, it was the age of foolishness, it was the epoch of belief,
    it was the epoch of incredulity, it was the season of Light, it was the
    season of Darkness, it was the spring of hope, it was the winter of despair, we had
    everything before us, we had nothing before us, we were all going direct to Heaven,
    we were all going direct the other way.`);

function descending(scores: number[]) {
  for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
}

describe('Hypothesis match-quote cases', () => {
  it('finds exact match', () => {
    const match = matchQuote(solitude, 'discover ice')!;
    expect(solitude.slice(match.start, match.end)).toBe('discover ice');
    // Theirs: exactly 1.0. Ours: 0.980, the position term (no hint = old position 0).
    expect(match.score).toBeCloseTo(0.98, 2);
  });

  it('finds best approximate match if there is no exact match', () => {
    const match = matchQuote(solitude, 'some years later')!;
    expect(match.score).toBeGreaterThan(0);
    expect(match.score).toBeLessThan(1);
    expect(solitude.slice(match.start, match.end)).toBe('Many years later');
  });

  it('scores matches based on quote similarity', () => {
    const quotes = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'];
    descending(quotes.map((q) => matchQuote(solitude, q)!.score));
  });

  it('scores matches based on prefix similarity', () => {
    const prefixes = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'];
    const quote = ', as he faced the firing squad';
    descending(prefixes.map((prefix) => matchQuote(solitude, quote, { prefix })!.score));
  });

  it('scores matches based on suffix similarity', () => {
    const suffixes = [
      ', as he faced the firing squad',
      ', as she faced the firing squad',
      ', as he awaited the firing squad',
      ', as he awaited his death',
    ];
    const quote = 'Many years later';
    descending(suffixes.map((suffix) => matchQuote(solitude, quote, { suffix })!.score));
  });

  it('returns `null` if there is no acceptable approximate match', () => {
    expect(matchQuote(twoCities, solitude)).toBeNull();
  });

  it('returns `null` if quote is empty', () => {
    expect(matchQuote('foobar', '')).toBeNull();
  });

  it('returns `null` if text is empty', () => {
    expect(matchQuote('', 'foobar')).toBeNull();
  });

  const contextCases: { quote: string; prefix?: string; suffix?: string; expected: string }[] = [
    // Exact prefix matches.
    { quote: 'before us', prefix: 'we had everything', expected: 'before us, we had nothing' },
    { quote: 'before us', prefix: 'we had nothing', expected: 'before us, we were all going' },
    // Approximate prefix matches.
    { quote: 'before us', prefix: 'we had every-thing', expected: 'before us, we had nothing' },
    { quote: 'before us', prefix: 'we had nout', expected: 'before us, we were all going' },
    // Exact suffix matches.
    { quote: 'we had', suffix: 'everything', expected: 'we had everything' },
    { quote: 'we had', suffix: 'nothing', expected: 'we had nothing' },
    // Approximate suffix matches.
    { quote: 'we had', suffix: 'ever ting', expected: 'we had everything' },
    { quote: 'we had', suffix: 'nutting', expected: 'we had nothing' },
  ];
  it.each(contextCases.map((c, i) => [i, c] as const))('finds match with best context match (%i)', (_i, c) => {
    const match = matchQuote(twoCities, c.quote, { prefix: c.prefix, suffix: c.suffix })!;
    expect(match).not.toBeNull();
    expect(twoCities.slice(match.start, match.end)).toBe(c.quote);
    expect(match.start).toBe(twoCities.indexOf(c.expected));
  });

  it('uses `hint` as a tie-breaker to choose between matches with close scores', () => {
    const posA = twoCities.indexOf('everything before us') + 'everything '.length;
    const posB = twoCities.indexOf('nothing before us') + 'nothing '.length;
    expect(matchQuote(twoCities, 'befor us', { hint: posA })!.start).toBe(posA);
    expect(matchQuote(twoCities, 'befor us', { hint: posB })!.start).toBe(posB);
    // No hint: the first match. Theirs by a stable sort of equal scores; ours because the
    // old position is then 0 and the earliest match is nearest to it.
    expect(matchQuote(twoCities, 'befor us')!.start).toBe(posA);
  });

  it('matches when prefix length is greater than the match start offset', () => {
    const context = { prefix: 'It used to be many' };
    const match = matchQuote(solitude, 'years later', context)!;
    expect(context.prefix.length).toBeGreaterThan(match.start);
    expect(solitude.slice(match.start, match.end)).toBe('years later');
  });

  it('matches when match ends at end of text and there is a non-empty suffix', () => {
    const text = 'Some document text';
    const match = matchQuote(text, 'text', { suffix: 'missing' })!;
    expect(text.slice(match.start, match.end)).toBe('text');
  });
});

describe('where we differ from Hypothesis', () => {
  it('orphans an approximate match whose context does not fit (theirs: placed at 0.45 and 0.42)', () => {
    expect(matchQuote(solitude, 'Some years after', { prefix: 'In the winter of 1937 ', suffix: ' the whole family' })).toBeNull();
    expect(matchQuote(solitude, 'the firing line', { prefix: 'XXXXXXXXXXXXXXXX', suffix: 'YYYYYYYYYYYYY' })).toBeNull();
  });

  it('still places a verbatim quote whose context does not fit, as they do', () => {
    const match = matchQuote(solitude, 'the firing squad', { prefix: 'XXXXXXXXXXXXXXXX', suffix: 'YYYYYYYYYYYYY' })!;
    expect(solitude.slice(match.start, match.end)).toBe('the firing squad');
    expect(match.score).toBeLessThan(MIN_SCORE);
  });

  it('keeps the position term at 0 or above when the hint lies beyond the text (theirs: −1.05)', () => {
    const text = 'Of these, 681,692 were shot on the orders of troikas.';
    const match = matchQuote(text, '681,692 were shot', { prefix: 'Of these, ', suffix: ' on the orders', hint: 5000 })!;
    expect(match.start).toBe(10);
    expect(match.score).toBeCloseTo(0.978, 3);
  });
});
