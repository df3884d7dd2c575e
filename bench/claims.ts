/**
 * Claim extraction scored against labelled corpora, which live outside the repository:
 * `--claims DIR [--answers FILE]` scores one folder of texts; `--claims-corpus ROOT` scores
 * each part of a corpus (every folder under ROOT with an answers.json, e.g. dev/, dev2/ and
 * test/) and reports the parts apart. Answers are `{ file, quote, measure, low, high, unit }`.
 *
 * Matching is the scorer's (score-claims.mjs): every .txt file of the folder is read; a
 * prediction detects a label when their spans overlap, each prediction detecting one label at
 * most; it matches the label's value when, besides, the unit is the same and both bounds agree
 * within 1% (a bound the label leaves open must be open too). Precision is over all
 * predictions, recall over all labels; "measure right" counts value matches whose measure is
 * the label's too.
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

export interface ClaimScores {
  files: number;
  labelled: number;
  predicted: number;
  detected: number;
  valued: number;
  measureRight: number;
  ms: number;
  bytes: number;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === null && b === null : Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b), 1e-9);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The occurrence of `quote` in `text` nearest `hint`, as the scorer finds it. */
function locate(text: string, quote: string, hint: number): { start: number; end: number } | null {
  let best = -1;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    if (best < 0 || Math.abs(i - hint) < Math.abs(best - hint)) best = i;
  }
  return best < 0 ? null : { start: best, end: best + quote.length };
}

export function scoreClaims(dir: string, answersFile: string): ClaimScores {
  const labels = JSON.parse(fs.readFileSync(answersFile, 'utf8')) as Label[];
  const s: ClaimScores = { files: 0, labelled: 0, predicted: 0, detected: 0, valued: 0, measureRight: 0, ms: 0, bytes: 0 };
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    s.files++;
    s.bytes += text.length;
    const t0 = performance.now();
    const claims = extractClaims(text);
    s.ms += performance.now() - t0;
    const predicted = claims.flatMap((c) => {
      const span = locate(text, c.quote, c.start);
      return span ? [{ ...c, ...span }] : [];
    });
    const wanted = labels
      .filter((l) => l.file === file)
      .flatMap((l) => {
        const span = locate(text, l.quote, 0);
        return span ? [{ ...l, ...span }] : [];
      });
    s.labelled += labels.filter((l) => l.file === file).length;
    s.predicted += predicted.length;
    const usedDetection = new Set<number>();
    const usedValue = new Set<number>();
    for (const l of wanted) {
      const hits = predicted.map((c, i) => [c, i] as const).filter(([c]) => overlaps(c, l));
      const d = hits.find(([, i]) => !usedDetection.has(i));
      if (d) {
        usedDetection.add(d[1]);
        s.detected++;
      }
      const v = hits.find(([c, i]) => !usedValue.has(i) && c.unit === l.unit && close(c.low, l.low) && close(c.high, l.high));
      if (v) {
        usedValue.add(v[1]);
        s.valued++;
        if (v[0].measure === l.measure) s.measureRight++;
      }
    }
  }
  return s;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Table rows for one scored folder, named by `part` ("dev", "test", or the folder's name). */
export function claimRows(part: string, s: ClaimScores): Row[] {
  const dp = s.detected / Math.max(1, s.predicted);
  const dr = s.detected / Math.max(1, s.labelled);
  const vp = s.valued / Math.max(1, s.predicted);
  const vr = s.valued / Math.max(1, s.labelled);
  return [
    [
      `Claims (${part}): detection`,
      `F1 ${f1(dp, dr).toFixed(3)}`,
      `precision ${dp.toFixed(3)}, recall ${dr.toFixed(3)}; ${s.files} texts, ${s.labelled} labelled, ${s.predicted} predicted`,
    ],
    [`Claims (${part}): values`, `F1 ${f1(vp, vr).toFixed(3)}`, `precision ${vp.toFixed(3)}, recall ${vr.toFixed(3)}`],
    [
      `Claims (${part}): measure right`,
      `${((s.measureRight / Math.max(1, s.valued)) * 100).toFixed(1)}%`,
      `${s.measureRight} of ${s.valued} value matches`,
    ],
  ];
}

/** One folder of texts with its answers. */
export function benchClaims(dir: string, answersFile: string): Row[] {
  const s = scoreClaims(dir, answersFile);
  return [...claimRows(path.basename(dir), s), speedRow([s])];
}

/**
 * Each part of a corpus (every folder under `root` with an answers.json): the parts read while
 * writing rules first (dev, then dev2, dev3 … by name), the held-out test part last, each with
 * its detection and value scores and measure right; then the speed over all of them.
 */
export function benchClaimsCorpus(root: string): Row[] {
  const order = (name: string) => (name === 'dev' ? 0 : name === 'test' ? 2 : 1);
  const parts = fs
    .readdirSync(root)
    .filter((name) => fs.statSync(path.join(root, name)).isDirectory() && fs.existsSync(path.join(root, name, 'answers.json')))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  if (!parts.length) throw new Error(`no part with an answers.json under ${root} (expected e.g. dev/ and test/)`);
  const scores = parts.map((p) => scoreClaims(path.join(root, p), path.join(root, p, 'answers.json')));
  return [...parts.flatMap((p, i) => claimRows(p, scores[i]!)), speedRow(scores)];
}

function speedRow(scores: ClaimScores[]): Row {
  const bytes = scores.reduce((n, s) => n + s.bytes, 0);
  const ms = scores.reduce((n, s) => n + s.ms, 0);
  return [
    'Claims: extraction speed',
    `${(bytes / 1048576 / (ms / 1000)).toFixed(1)} MB/s`,
    `${ms.toFixed(0)} ms for ${(bytes / 1024).toFixed(0)} KB`,
  ];
}
