import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AlignInput } from '../../../src/main/align/align';
import { align, MATCH_THRESHOLD, wordDiff } from '../../../src/main/align/align';
import { fixture } from '../helpers';

function passages(text: string): AlignInput[] {
  let at = 0;
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((t, i) => {
      const start = text.indexOf(t, at);
      at = start + t.length;
      return { id: i + 1, ordinal: i + 1, start, end: start + t.length, text: t };
    });
}

const base = passages(fs.readFileSync(fixture('align-base.txt'), 'utf8'));

describe('alignment', () => {
  it('pairs every passage of a lightly edited copy with its original, in order', () => {
    const edited = base.map((p, i) =>
      i % 3 === 0 ? { ...p, text: p.text.replace(/,/g, '').replace('the ', 'the whole ').replace('681,692', '681,000') } : p,
    );
    const r = align(base, edited);
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual(base.map((_, i) => [i, i]));
    expect(r.onlyA).toEqual([]);
    expect(r.onlyB).toEqual([]);
    expect(r.pairs.filter((p) => p.kind === 'identical')).toHaveLength(6);
    expect(r.pairs.filter((p) => p.kind === 'near')).toHaveLength(4);
  });

  it('finds pairs out of order in a shuffled copy', () => {
    const order = [7, 2, 9, 0, 5, 1, 8, 3, 6, 4];
    const shuffled = order.map((i) => base[i]!);
    const r = align(base, shuffled);
    expect(r.pairs).toHaveLength(10);
    for (const p of r.pairs) expect(order[p.b]).toBe(p.a);
  });

  it('finds no pairs above the threshold in an unrelated text', () => {
    const r = align(base, passages(fs.readFileSync(fixture('align-unrelated.txt'), 'utf8')));
    expect(r.pairs).toEqual([]);
    expect(r.onlyA).toHaveLength(10);
    expect(MATCH_THRESHOLD).toBeGreaterThan(0);
  });

  it('does not pair different passages on the same subject', () => {
    expect(align(base.slice(0, 5), base.slice(5)).pairs).toEqual([]);
  });

  it('pairs paraphrases with the passages they reword', () => {
    const r = align(base, passages(fs.readFileSync(fixture('align-paraphrase.txt'), 'utf8')));
    expect(r.pairs.map((p) => [p.a, p.b, p.kind])).toEqual([
      [0, 0, 'paraphrase'],
      [1, 1, 'paraphrase'],
      [2, 2, 'paraphrase'],
      [5, 3, 'paraphrase'],
    ]);
    expect(r.onlyA).toEqual([3, 4, 6, 7, 8, 9]);
  });

  it('pairs the entries of two long registers whose entries share most of their words', () => {
    // Every entry shares its formula with every other: only the rare terms (numbers, names)
    // nominate candidates, and every entry must still find its own counterpart.
    const entry = (i: number, place: string) =>
      `Entry ${i}. The regional NKVD report for ${1930 + (i % 10)} lists ${i * 7} arrests in district ${i}, to be compared with the tallies of ${place}.`;
    const a = Array.from({ length: 3000 }, (_, i) => entry(i, 'the centre'));
    const b = Array.from({ length: 3000 }, (_, i) => entry(i, i % 5 ? 'the centre' : 'Moscow'));
    b.splice(1500, 0, 'An entry the other register does not have.');
    const r = align(passages(a.join('\n\n')), passages(b.join('\n\n')));
    expect(r.pairs).toHaveLength(3000);
    expect(r.pairs.every((p) => p.b === (p.a < 1500 ? p.a : p.a + 1))).toBe(true);
    expect(r.onlyB).toEqual([1500]);
  });

  it('marks a changed figure in the word diff', () => {
    const parts = wordDiff('Internal records counted 681,692 executions.', 'Internal records counted 681,000 executions.');
    expect(parts.filter((p) => p.op !== 'same')).toEqual([
      { text: '681,692', op: 'removed', number: true },
      { text: '681,000', op: 'added', number: true },
    ]);
    expect(parts.map((p) => (p.op === 'added' ? '' : p.text)).join('')).toBe('Internal records counted 681,692 executions.');
  });
});
