/**
 * Every importer on generated bad input: random bytes, truncated UTF-8, very long lines,
 * deeply nested or unclosed HTML, huge inputs, NUL bytes, right-to-left and combining
 * characters. Each input either imports with sound offsets or is refused with an error
 * that names the file; nothing crashes or hangs, and a refused file writes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/main/ingest';
import { ApiError } from '../../../src/shared/errors';
import { tempWorkbench } from '../helpers';

const RUNS = 10_000;
const SPECIAL = [
  '\u0000',
  '\u202E',
  '\u200F',
  '\u0301',
  '\u0308',
  'שלום',
  'مرحبا',
  '\uFEFF',
  '\r\n',
  '\n\n',
  '\t',
  '<',
  '>',
  '&amp;',
  '&#0;',
  '"',
  '\uD800',
  'Ж',
  '—',
];

const text = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...SPECIAL)), { maxLength: 60 })
  .map((parts) => parts.join(''));
const html = fc
  .array(
    fc.tuple(
      fc.constantFrom('div', 'p', 'h1', 'li', 'ul', 'script', 'style', 'nav', 'main', 'article', 'pre', 'br', 'title', 'meta', 'blockquote'),
      text,
      fc.boolean(),
    ),
    { maxLength: 40 },
  )
  .map((tags) => tags.map(([tag, inner, close]) => `<${tag} class="x">${inner}${close ? `</${tag}>` : ''}`).join(''))
  .map((body) => `<!doctype html><html><head><title>T</title></head><body>${body}`);
const deep = fc.integer({ min: 1, max: 3000 }).map((n) => `${'<div><span>'.repeat(n)}deep`);
const longLine = fc
  .tuple(fc.string({ maxLength: 10 }), fc.integer({ min: 1000, max: 200_000 }))
  .map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length))));
const enc = (s: string) => new TextEncoder().encode(s);
const bytes = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 3000 }) },
  { weight: 3, arbitrary: text.map(enc) },
  {
    weight: 2,
    arbitrary: fc.tuple(text, fc.nat()).map(([s, cut]) => {
      const b = enc(s);
      return b.subarray(0, b.length ? cut % b.length : 0);
    }),
  },
  { weight: 2, arbitrary: html.map(enc) },
  { weight: 1, arbitrary: deep.map(enc) },
  { weight: 1, arbitrary: longLine.map(enc) },
  { weight: 1, arbitrary: fc.tuple(text, fc.nat({ max: 50 })).map(([s, k]) => enc(s.slice(0, k) + '\u0000' + s.slice(k))) },
);

function checkOne(name: string, input: Uint8Array) {
  const started = performance.now();
  try {
    const { source } = parseSource(name, input);
    expect(source.passages.length).toBeGreaterThan(0);
    let last = 0;
    for (const p of source.passages) {
      expect(p.start).toBeGreaterThanOrEqual(last);
      expect(p.end).toBeGreaterThan(p.start);
      expect(p.end).toBeLessThanOrEqual(source.text.length);
      last = p.end;
    }
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toContain(name);
  }
  // A hang guard, not a speed target (those live in the benchmark): generous, so that a
  // machine busy with other work does not fail it; a runaway input still would.
  expect(performance.now() - started).toBeLessThan(30_000);
}

describe('importers on generated bad input', () => {
  for (const ext of ['txt', 'md', 'html']) {
    it(`.${ext}: ${RUNS.toLocaleString()} inputs, no crash, no hang, errors name the file`, () => {
      fc.assert(
        fc.property(bytes, (input) => checkOne(`fuzz-case.${ext}`, input)),
        { numRuns: RUNS, seed: 1937 },
      );
    }, 300_000);
  }

  it('a huge input is refused by size before it is read', () => {
    expect(() => parseSource('huge.txt', new Uint8Array(51 * 1024 * 1024).fill(0x61))).toThrow(/huge\.txt is 51\.0 MB/);
  });

  it('a file that fails writes nothing; one that imports writes all of it', async () => {
    const { wb } = tempWorkbench();
    const Database = (await import('better-sqlite3')).default;
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('txt', 'md', 'html'), async (input, ext) => {
        const before = (await wb.listSources()).length;
        const out = await wb.importFile({ name: `case.${ext}`, bytes: input });
        const after = await wb.listSources();
        if (out.status === 'failed') expect(after.length).toBe(before);
        else if (out.status === 'imported') {
          expect(after.length).toBe(before + 1);
          expect((await wb.getSource({ id: out.source.id })).passageList).toHaveLength(out.source.passages);
        }
      }),
      { numRuns: 400, seed: 38 },
    );
    const db = new Database(wb.projectPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM passage p LEFT JOIN source s ON s.id = p.source_id WHERE s.id IS NULL').pluck().get()).toBe(0);
    db.close();
  }, 300_000);
});
