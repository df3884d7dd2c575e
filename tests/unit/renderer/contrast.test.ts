/**
 * The colour tokens of both themes, read from styles.css: every pair of a text colour and the
 * background it is drawn on meets WCAG 2.2 AA for normal text (4.5:1), by the WCAG formula.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = fs.readFileSync(path.resolve(__dirname, '../../../src/renderer/src/styles.css'), 'utf8');
const AA = 4.5;

type Tokens = Map<string, string>;

/** The custom properties of the :root rules, light (outside any media query) and dark (the light ones with the dark theme's over them). */
function themes(css: string): { light: Tokens; dark: Tokens } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const declarations = (body: string, into: Tokens) => {
    for (const m of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) into.set(m[1]!, m[2]!.trim());
  };
  const dark: string[] = [];
  const outside = text.replace(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{\s*:root\s*\{([^}]*)\}\s*\}/g, (_, body: string) => {
    dark.push(body);
    return '';
  });
  const light: Tokens = new Map();
  for (const m of outside.matchAll(/(?:^|[\s}]):root\s*\{([^}]*)\}/g)) declarations(m[1]!, light);
  const darkTokens: Tokens = new Map(light);
  for (const body of dark) declarations(body, darkTokens);
  return { light, dark: darkTokens };
}

type RGB = [number, number, number];

function parseColour(value: string): RGB {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as RGB;
  }
  const rgb = /^rgb\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*\)$/i.exec(value.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`not a colour this test reads: ${value}`);
}

/** WCAG 2.x relative luminance. */
function luminance([r, g, b]: RGB): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: RGB, b: RGB): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `share` of `top` over `under`, as color-mix(in srgb, top share%, transparent) shows over an opaque background. */
function over(top: RGB, share: number, under: RGB): RGB {
  return top.map((c, i) => Math.round(c * share + under[i]! * (1 - share))) as RGB;
}

/** A background: a token, or a token tinted over another (the banners). */
type Ground = string | { tint: string; share: number; over: string };

/** What is written in each colour, and what it is written on. */
const PAIRS: [string, Ground[]][] = [
  ['--text', ['--bg', '--panel', '--select', '--tag', '--find', '--hl-yellow', '--hl-green', '--hl-blue', '--hl-pink', '--hl-purple']],
  [
    '--muted',
    ['--bg', '--panel', '--select', '--tag', { tint: '--danger', share: 0.12, over: '--bg' }, { tint: '--accent', share: 0.1, over: '--bg' }],
  ],
  ['--accent', ['--bg', '--panel', '--select', '--tag', { tint: '--accent', share: 0.1, over: '--bg' }]],
  ['--danger', ['--bg', '--panel', '--select', { tint: '--danger', share: 0.12, over: '--bg' }]],
  ['--warn', ['--bg', '--panel', '--select']],
  ['--accent-text', ['--accent']],
  ['--danger-text', ['--danger']],
];

describe('colour contrast of the theme tokens (WCAG 2.2 AA, 4.5:1)', () => {
  const { light, dark } = themes(CSS);

  it('reads both themes from styles.css', () => {
    expect(light.get('--bg')).toMatch(/^#/);
    expect(dark.get('--bg')).toMatch(/^#/);
    expect(dark.get('--bg')).not.toBe(light.get('--bg'));
    // The formula, on known values: black on white is 21:1, a colour on itself 1:1.
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([119, 119, 119], [119, 119, 119])).toBe(1);
    expect(contrast(parseColour('#767676'), parseColour('#fff'))).toBeCloseTo(4.54, 2);
  });

  for (const [name, tokens] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${name} theme: every text colour on every background it is used on`, () => {
      const failures: string[] = [];
      const colour = (token: string) => {
        const v = tokens.get(token);
        if (!v) failures.push(`${token} is not defined`);
        return v ? parseColour(v) : null;
      };
      for (const [fg, grounds] of PAIRS) {
        for (const g of grounds) {
          const text = colour(fg);
          const bg = typeof g === 'string' ? colour(g) : ((t, u) => t && u && over(t, g.share, u))(colour(g.tint), colour(g.over));
          if (!text || !bg) continue;
          const ratio = contrast(text, bg);
          const label = typeof g === 'string' ? g : `${g.tint} ${g.share * 100}% over ${g.over}`;
          if (ratio < AA) failures.push(`${fg} on ${label}: ${ratio.toFixed(2)}:1`);
        }
      }
      expect([...new Set(failures)], `below ${AA}:1 in the ${name} theme`).toEqual([]);
    });
  }
});
