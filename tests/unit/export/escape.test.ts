import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeInline, escapeLines, linkOrText, obsidianTag, safeUrl } from '../../../src/main/export/escape';
import { html, read } from './markdown-oracle';

/** Pieces of Markdown (CommonMark, GFM, Pandoc, Obsidian) and of text that looks like it. */
const PIECES = [
  '#',
  '# ',
  '## ',
  '#1937',
  '>',
  '> ',
  '- ',
  '-',
  '+ ',
  '* ',
  '*',
  '**',
  '_',
  '__',
  '1. ',
  '1) ',
  '12.',
  '(1) ',
  'a. ',
  'iv) ',
  '`',
  '``',
  '```',
  '~',
  '~~',
  '~~~',
  '[',
  ']',
  '(',
  ')',
  '!',
  '![',
  '[x](http://e.org)',
  '![i](http://e.org/i.png)',
  '[x]: http://e.org',
  '[^1]',
  '[[Wiki]]',
  '<',
  '>',
  '<b>',
  '</b>',
  '<img src=x onerror=alert(1)>',
  '<!-- c -->',
  '<http://e.org>',
  '<a@b.co>',
  '&amp;',
  '&#35;',
  '&#x41;',
  '&copy;',
  '&',
  ';',
  '|',
  ' | ',
  '|---|',
  '\\',
  '\\\\',
  '\\*',
  '\\\n',
  '=',
  '==',
  '===',
  '---',
  '***',
  '___',
  ':',
  '::: ',
  '$',
  '$$',
  '^',
  '^[n]',
  '@',
  '@smith',
  'a@b.co',
  '{',
  '}',
  '{#id}',
  '%',
  '%%',
  'http://e.org',
  'https://e.org/a_b_(c)',
  'www.e.org',
  'WWW.E.ORG',
  'javascript:alert(1)',
  'data:text/html,x',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '    ',
  'a',
  'word',
  '1937',
  ' x ',
  'é',
  'ﬁ',
  '\u00a0',
  '\u2028',
  '😀',
  '—',
  '"',
  "'",
  '.',
  ',',
  '/',
  '?',
  '0',
  'x_y',
  '*emph*',
  '_emph_',
];

/** Every pair of pieces, and each piece between others, built with one array push per string. */
function tricky(): string[] {
  const out: string[] = [];
  for (const a of PIECES) {
    out.push(a);
    for (const b of PIECES) out.push(a + b);
    out.push(`x ${a} y`, `${a}x${a}`, `${a}${a}${a}`);
  }
  return out;
}

/** The text as Markdown keeps it: one line, white space folded (inline), or lines trimmed (blocks). */
const oneLine = (s: string) =>
  s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[ \t\f\v]+/g, ' ')
    .trim();
function asLines(s: string): string {
  const paragraphs: string[][] = [[]];
  for (const raw of s.split(/\r\n|\r|\n/)) {
    const l = raw.replace(/[ \t\f\v]+/g, ' ').trim();
    if (l) paragraphs[paragraphs.length - 1]!.push(l);
    else if (paragraphs[paragraphs.length - 1]!.length) paragraphs.push([]);
  }
  return paragraphs
    .filter((p) => p.length)
    .map((p) => p.join('\n'))
    .join('\n\n');
}

function checkInline(input: string, everywhere = true): void {
  const md = escapeInline(input);
  const expected = oneLine(input).replace(/\0/g, '\uFFFD');
  const { types, text } = read(md);
  expect(
    [...types].filter((t) => t !== 'paragraph' && t !== 'text'),
    JSON.stringify(input),
  ).toEqual([]);
  expect(text, JSON.stringify(input)).toBe(expected);
  expect(html(md), JSON.stringify(input)).toBe(expected);
  // After other words on its line.
  const after = read(`x ${escapeInline(input, false)}`);
  expect(
    [...after.types].filter((t) => t !== 'paragraph' && t !== 'text'),
    JSON.stringify(input),
  ).toEqual([]);
  expect(after.text, JSON.stringify(input)).toBe(expected ? `x ${expected}` : 'x');
  if (!everywhere) return;
  // In a table cell, after a heading's marks and inside a citation line.
  const row = read(`| a | b |\n|---|---|\n| ${md} | z |`);
  expect([...row.types].sort(), JSON.stringify(input)).toEqual(['table', 'tableCell', 'tableRow', 'text']);
  expect(row.text, JSON.stringify(input)).toBe(`ab${expected}z`);
  const heading = read(`## ${md}`);
  expect(
    [...heading.types].filter((t) => t !== 'heading' && t !== 'text'),
    JSON.stringify(input),
  ).toEqual([]);
  expect(heading.text, JSON.stringify(input)).toBe(expected);
}

function checkLines(input: string, quoted = true): void {
  const lines = escapeLines(input);
  const expected = asLines(input).replace(/\0/g, '\uFFFD');
  for (const md of [lines.join('\n'), ...(quoted ? [lines.map((l) => (l ? `> ${l}` : '>')).join('\n')] : [])]) {
    const { types, text } = read(md);
    expect(
      [...types].filter((t) => !['paragraph', 'text', 'break', 'blockquote'].includes(t)),
      JSON.stringify(input),
    ).toEqual([]);
    expect(text, JSON.stringify(input)).toBe(expected);
    expect(html(md, ['p', 'br', 'blockquote']), JSON.stringify(input)).not.toBeNull();
  }
}

describe('Markdown escaping', () => {
  it('renders each construct literally, in a paragraph, a table cell and a heading', () => {
    for (const s of [
      '# Not a heading',
      '> not a quote',
      '- not a list',
      '+ not a list',
      '1. not a list',
      '1) not a list',
      '*not emphasis*',
      '_not emphasis_',
      '__not strong__',
      '`not code`',
      '[x](javascript:alert(1))',
      '![x](http://e.org/t.png)',
      '<script>alert(1)</script>',
      '&amp; &#35; &copy;',
      'a | b',
      'first\nsecond',
      "Dr. Yezhov's order #1937",
      '==marked== %%hidden%% $x$ ^sup^ ~sub~ @cite {#id}',
      'see http://e.org and www.e.org',
      'mail a@b.co',
      '---',
      '===',
      'a\\',
      '\\*',
    ]) {
      checkInline(s);
      checkLines(s);
    }
  });

  it('keeps every pair of tricky pieces literal (property over generated strings)', () => {
    const inputs = tricky();
    expect(inputs.length).toBeGreaterThan(12000);
    for (const s of inputs) {
      checkInline(s, false);
      checkLines(s, false);
    }
  });

  it('keeps random strings of pieces and characters literal', () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4, unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        checkInline(s);
        checkLines(s);
      }),
      { numRuns: 800 },
    );
  });

  it('leaves plain prose readable', () => {
    expect(escapeInline('The NKVD’s records list 681,692 executions for 1937–38 (50% of them).')).toBe(
      'The NKVD’s records list 681,692 executions for 1937–38 (50% of them).',
    );
    expect(escapeInline('Smith & Jones: 5-10 people')).toBe('Smith & Jones: 5-10 people');
    expect(escapeLines('first line\nsecond\n\nnew paragraph')).toEqual(['first line\\', 'second', '', 'new paragraph']);
  });
});

describe('links from imported text', () => {
  it('links only http(s) and sourcebench: URLs', () => {
    expect(safeUrl('https://e.org/a"b<c>(d)')).toBe('https://e.org/a%22b%3Cc%3E%28d%29');
    expect(safeUrl('sourcebench://open?project=x&source=1')).toBe('sourcebench://open?project=x&source=1');
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript://%0aalert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      ' http:evil',
      'http://',
      '<img src=x onerror=alert(1)>',
    ]) {
      expect(safeUrl(bad), bad).toBeNull();
      const md = linkOrText(bad);
      const { types } = read(md);
      expect(
        [...types].filter((t) => t !== 'paragraph' && t !== 'text'),
        bad,
      ).toEqual([]);
      expect(html(md), bad).toBe(oneLine(bad));
    }
    expect(read(linkOrText('https://e.org/x')).types).toContain('link');
    expect(read(linkOrText('https://e.org/x)](javascript:alert(1)', 'label')).text).toBe('label');
  });
});

describe('Obsidian tags', () => {
  it('are letters, digits, _, - and /, never digits only', () => {
    expect(obsidianTag("Dr.-Yezhov's-order")).toBe('Dr-Yezhovs-order');
    expect(obsidianTag("Dr. Yezhov's order")).toBe('Dr-Yezhovs-order');
    expect(obsidianTag('1937')).toBe('y1937');
    expect(obsidianTag('great purge')).toBe('great-purge');
    expect(obsidianTag('nkvd/order 00447')).toBe('nkvd/order-00447');
    expect(obsidianTag('Большой террор')).toBe('Большой-террор');
    expect(obsidianTag('_x_ a_b')).toBe('x-a_b');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const t = obsidianTag(s);
        if (!t) return;
        expect(t).toMatch(/^[\p{L}\p{M}\p{N}_\-/]+$/u);
        expect(t).toMatch(/[^\d]/);
        // Written after a `#` in a line of Markdown, it stays text.
        expect([...read(`see #${t} here`).types]).toEqual(['paragraph', 'text']);
      }),
      { numRuns: 500 },
    );
  });
});
