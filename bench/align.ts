/** Alignment speed: two sources of 150,000 characters each, and of 1,000 passages each. */
import { performance } from 'node:perf_hooks';
import { align } from '../src/main/align/align';
import type { AlignInput } from '../src/main/align/align';
import type { Row } from './search';

function passages(paragraphs: string[]): AlignInput[] {
  let at = 0;
  return paragraphs.map((text, i) => {
    const p = { id: i + 1, ordinal: i + 1, start: at, end: at + text.length, text };
    at += text.length + 2;
    return p;
  });
}

/** B is A edited: every fifth paragraph reworded a little, every seventh moved, a few added. */
function edited(a: string[]): string[] {
  const b = a.map((p, i) => (i % 5 === 0 ? p.replace(/\b(the|and|of)\b/, 'THE').replace(/\d/, '9') : p));
  for (let i = 7; i < b.length; i += 7) [b[i], b[i - 3]] = [b[i - 3]!, b[i]!];
  for (let i = 11; i < b.length; i += 50)
    b.splice(i, 0, 'An inserted paragraph that the first edition does not have at all, about something else entirely.');
  return b;
}

/**
 * Another account of A: its sentences paragraphed anew (four to a paragraph), every other
 * stretch of ten paragraphs replaced by different prose (what only B tells), and stretches of
 * five told in reverse order (what B tells elsewhere).
 */
function otherAccount(a: string[], other: string[]): string[] {
  const sentences = a.join(' ').split(/(?<=[.!?])\s+/);
  const regrouped: string[] = [];
  for (let i = 0; i < sentences.length; i += 4) regrouped.push(sentences.slice(i, i + 4).join(' '));
  const out: string[] = [];
  for (let i = 0; i < regrouped.length; i += 10) {
    const block = (i / 10) % 2 ? other.slice(i, i + 10) : regrouped.slice(i, i + 10);
    for (let j = 0; j < block.length; j += 5) out.push(...block.slice(j, j + 5).reverse());
  }
  return out;
}

export function benchAlign(paragraphs: string[]): Row[] {
  const rows: Row[] = [];
  const measure = (label: string, a: string[]) => {
    const b = edited(a);
    global.gc?.();
    const heap = process.memoryUsage().heapUsed;
    const t = performance.now();
    const r = align(passages(a), passages(b));
    const ms = performance.now() - t;
    const chars = a.reduce((n, p) => n + p.length, 0);
    rows.push([
      `Align ${label}`,
      `${ms.toFixed(0)} ms`,
      `${a.length} × ${b.length} passages, ${(chars / 1000).toFixed(0)}k chars; ${r.pairs.length} pairs; ~${((process.memoryUsage().heapUsed - heap) / 1048576).toFixed(0)} MB heap`,
    ]);
  };
  const by150k: string[] = [];
  for (let n = 0, i = 0; n < 150_000 && i < paragraphs.length; i++) {
    by150k.push(paragraphs[i]!);
    n += paragraphs[i]!.length;
  }
  measure('two sources of 150,000 characters', by150k);
  {
    // Two different accounts: B tells half of A's text in other paragraphs and order, and other things besides.
    const rest = paragraphs.slice(by150k.length);
    const b = otherAccount(by150k, rest);
    const t = performance.now();
    const r = align(passages(by150k), passages(b));
    const ms = performance.now() - t;
    rows.push([
      'Sentence-level alignment of two different 150,000-character accounts (target < 1 s)',
      `${ms.toFixed(0)} ms`,
      `${by150k.length} × ${b.length} passages; ${r.pairs.length} pairs; ${Math.round(r.sharedA * 100)}% of A, ${Math.round(r.sharedB * 100)}% of B shared`,
    ]);
  }
  measure('two sources of 1,000 passages', paragraphs.slice(0, 1000));
  // A register or a list: every passage shares most of its words with every other, which
  // made each one a candidate for all the others before common terms stopped nominating.
  const register = Array.from(
    { length: 3000 },
    (_, i) =>
      `Entry ${i}. The regional NKVD report for ${1930 + (i % 10)} lists ${i * 7} arrests in district ${i}, to be compared with the central tallies.`,
  );
  measure('two registers of 3,000 near-identical entries', register);
  return rows;
}
