/**
 * Precision and recall of the alignment's similarity as a test of "these two sentences say
 * the same thing", over thresholds, on the labelled set of real sentence pairs in
 * tests/fixtures/paraphrase/ (see its README). Run: npx tsx bench/paraphrase.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { MATCH_THRESHOLD, similarities } from '../src/main/align/align';

export interface LabelledPair {
  a: string;
  b: string;
  paraphrase: boolean;
  from: [string, string];
}

export function loadParaphraseSet(): LabelledPair[] {
  const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'tests', 'fixtures', 'paraphrase', 'pairs.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LabelledPair[];
}

/** Precision and recall of "similarity ≥ threshold" against the labels. */
export function scoreAt(set: LabelledPair[], sims: number[], threshold: number): { precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  set.forEach((p, i) => {
    const said = sims[i]! >= threshold;
    if (said && p.paraphrase) tp++;
    else if (said) fp++;
    else if (p.paraphrase) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const set = loadParaphraseSet();
  const sims = similarities(set.map((p) => [p.a, p.b] as const));
  console.log(`${set.length} pairs, ${set.filter((p) => p.paraphrase).length} paraphrases; the alignment uses ${MATCH_THRESHOLD}`);
  console.log('threshold  precision  recall  F1');
  for (let t = 0.1; t <= 0.801; t += 0.05) {
    const s = scoreAt(set, sims, Math.round(t * 100) / 100);
    console.log(`${t.toFixed(2).padStart(9)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.f1.toFixed(3)}`);
  }
}
