import { describe, expect, it } from 'vitest';
import { inlineMarkup, visibleRange, visibleText } from '../../src/shared/inline';

const styled = (text: string) =>
  inlineMarkup(text)
    .filter((m) => m.kind !== 'hide')
    .map((m) => [m.kind, text.slice(m.start, m.end), ...(m.href ? [m.href] : [])]);

describe('inline Markdown for display', () => {
  it('hides markers and styles what they enclose', () => {
    const text = 'The **NKVD** ran the *troikas*; see `Order 00447` and ~~700,000~~ 681,692.';
    expect(visibleText(text)).toBe('The NKVD ran the troikas; see Order 00447 and 700,000 681,692.');
    expect(styled(text)).toEqual([
      ['strong', 'NKVD'],
      ['em', 'troikas'],
      ['code', 'Order 00447'],
      ['del', '700,000'],
    ]);
  });

  it('shows a link as its text, with a target only when it is safe', () => {
    const text = 'See [the archive](https://example.org/a "Archive"), [this](javascript:void) and <https://example.org/b>.';
    expect(visibleText(text)).toBe('See the archive, this and https://example.org/b.');
    expect(styled(text)).toEqual([
      ['link', 'the archive', 'https://example.org/a'],
      ['link', 'this'],
      ['link', 'https://example.org/b', 'https://example.org/b'],
    ]);
  });

  it('leaves arithmetic, snake_case, escapes and unclosed markers as written', () => {
    for (const text of ['2 * 3 * 4 = 24', 'the file_name_here field', 'an *unclosed marker', 'a lone ` backtick', '5 ** 2']) {
      expect(visibleText(text), text).toBe(text);
    }
    expect(visibleText('not \\*emphasis\\* here')).toBe('not *emphasis* here');
    expect(styled('not \\*emphasis\\* here')).toEqual([]);
  });

  it('reads no markup inside code', () => {
    expect(styled('`a *b* c`')).toEqual([['code', 'a *b* c']]);
  });

  it('keeps every mark inside the text, in order', () => {
    const text = '**bold *and em* inside** then _under_ and __strong__, ![a photo](x.png).';
    const marks = inlineMarkup(text);
    for (const m of marks) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.end).toBeGreaterThan(m.start);
    }
    expect(visibleText(text)).toBe('bold and em inside then under and strong, a photo.');
  });

  it('shows a range of the text without the markers of the whole text', () => {
    const text = 'The **NKVD** files give *681,692* executions.';
    const start = text.indexOf('NKVD');
    const end = text.indexOf(' executions') + ' executions'.length;
    expect(text.slice(start, end)).toBe('NKVD** files give *681,692* executions');
    expect(visibleRange(text, start, end)).toBe('NKVD files give 681,692 executions');
    expect(visibleRange('plain words', 0, 5)).toBe('plain');
  });
});
