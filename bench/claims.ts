/**
 * Claim extraction scored against a labelled corpus (`--claims DIR --answers FILE`, where
 * the answers are `{ file, quote, measure, low, high, unit }`): a prediction detects a
 * label when their spans overlap, and matches its value when the unit agrees and both
 * bounds agree within 1% (an open bound must be open in both).
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractClaims } from '../src/main/claims/extract';
import type { Row } from './search';

interface Label {
  file: string;
  quote: string;
  low: number | null;
  high: number | null;
  unit: string;
  measure: string;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === null && b === null : Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b), 1e-9);

export function benchClaims(dir: string, answersFile: string): Row[] {
  const labels = JSON.parse(fs.readFileSync(answersFile, 'utf8')) as Label[];
  let predicted = 0;
  let detected = 0;
  let valued = 0;
  let measureRight = 0;
  let predictedDetecting = 0;
  let predictedValued = 0;
  const t0 = performance.now();
  let bytes = 0;
  for (const file of [...new Set(labels.map((l) => l.file))]) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    bytes += text.length;
    const claims = extractClaims(text);
    predicted += claims.length;
    const wanted = labels
      .filter((l) => l.file === file)
      .map((l) => ({ ...l, start: text.indexOf(l.quote), end: text.indexOf(l.quote) + l.quote.length }));
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    for (const l of wanted) {
      const hits = claims.filter((c) => overlaps(c, l));
      if (hits.length) detected++;
      const v = hits.find((c) => c.unit === l.unit && close(c.low, l.low) && close(c.high, l.high));
      if (v) {
        valued++;
        if (v.measure === l.measure) measureRight++;
      }
    }
    for (const c of claims) {
      const hits = wanted.filter((l) => overlaps(c, l));
      if (hits.length) predictedDetecting++;
      if (hits.some((l) => c.unit === l.unit && close(c.low, l.low) && close(c.high, l.high))) predictedValued++;
    }
  }
  const ms = performance.now() - t0;
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const dp = predictedDetecting / Math.max(1, predicted);
  const dr = detected / labels.length;
  const vp = predictedValued / Math.max(1, predicted);
  const vr = valued / labels.length;
  return [
    ['Claims: detection', `F1 ${f1(dp, dr).toFixed(3)}`, `precision ${dp.toFixed(3)}, recall ${dr.toFixed(3)}; ${labels.length} labelled, ${predicted} predicted`],
    ['Claims: values', `F1 ${f1(vp, vr).toFixed(3)}`, `precision ${vp.toFixed(3)}, recall ${vr.toFixed(3)}; measure right on ${measureRight} of ${valued}`],
    ['Claims: extraction speed', `${((bytes / 1048576) / (ms / 1000)).toFixed(1)} MB/s`, `${(ms).toFixed(0)} ms for ${(bytes / 1024).toFixed(0)} KB`],
  ];
}
