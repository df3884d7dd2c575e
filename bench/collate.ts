/** Collation speed: five witnesses of 20,000 words each, made from real prose with the variation copies have. */
import { performance } from 'node:perf_hooks';
import { collate, collationTei } from '../src/main/collate';
import type { Row } from './search';
import { median } from './stats';

const WORDS = 20_000;

/** A small deterministic generator, so every run collates the same witnesses. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * A copy of `base` (words): about one word in 40 replaced by another of the text, one in 60
 * left out, one in 80 with a word added, one figure in 3 changed, and every 600 words six
 * words moved a little further on. One pass: linear in the length.
 */
function copy(base: readonly string[], seed: number): string {
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < base.length; i++) {
    const w = base[i]!;
    const r = next();
    if (i % 600 === 300 && i + 12 < base.length) {
      // A transposition: the next six words go after the six that follow them.
      out.push(...base.slice(i + 6, i + 12), ...base.slice(i, i + 6));
      i += 11;
      continue;
    }
    if (/\d/.test(w) && r < 0.33) out.push(w.replace(/\d/, (d) => String((Number(d) + 1) % 10)));
    else if (r < 0.025) out.push(base[Math.floor(next() * base.length)]!);
    else if (r < 0.042) continue;
    else if (r < 0.055) out.push(w, base[Math.floor(next() * base.length)]!);
    else out.push(w);
  }
  return out.join(' ');
}

export function benchCollate(paragraphs: string[]): Row[] {
  const words: string[] = [];
  for (const p of paragraphs) {
    for (const w of p.split(/\s+/)) if (w) words.push(w);
    if (words.length >= WORDS) break;
  }
  // Figures as historians meet them, every 250 words: counts and years.
  for (let i = 125; i < words.length; i += 250)
    words[i] = i % 500 === 125 ? `${(i * 37) % 900},${String((i * 13) % 1000).padStart(3, '0')}` : `${1900 + (i % 100)}`;
  const base = words.slice(0, WORDS);
  const witnesses = [base.join(' '), ...[1, 2, 3, 4].map((seed) => copy(base, seed))].map((text, i) => ({
    id: i + 1,
    title: `witness ${i + 1}`,
    citation: `witness ${i + 1}`,
    text,
  }));
  // The first run includes compiling the code; the row gives the median of three and the first.
  const runs: number[] = [];
  const t0 = performance.now();
  let c = collate(witnesses, 0);
  const first = performance.now() - t0;
  for (let k = 0; k < 3; k++) {
    global.gc?.();
    const t = performance.now();
    c = collate(witnesses, 0);
    runs.push(performance.now() - t);
  }
  const t2 = performance.now();
  const tei = collationTei(c, new Date().toISOString());
  const teiMs = performance.now() - t2;
  return [
    [
      'Collate 5 witnesses of 20,000 words',
      `${median(runs).toFixed(0)} ms`,
      `target < 2 s; median of 3 (first run ${first.toFixed(0)} ms); ${c.segments.length.toLocaleString()} segments, ${c.variants.toLocaleString()} variants, ${c.figures.toLocaleString()} with a figure; TEI export ${teiMs.toFixed(0)} ms (${(tei.length / 1048576).toFixed(1)} MB)`,
    ],
  ];
}
