/**
 * Which recognised words to mark for checking: on the generated pages of the OCR benchmark
 * (bench/ocr-pages.ts), each word the product's recogniser returns is compared with the text
 * typed on the page (a word diff), and for each confidence threshold the share of words marked
 * and the share of wrongly read words among those marked are counted. A threshold is good when
 * it marks most of the wrong words while marking few words in all (each mark costs a look).
 *
 *   npx tsx bench/ocr-check.ts [pages per group, default 5]
 */
import { diffArrays } from 'diff';
import { makePages, readTexts } from './ocr-pages';
import { DEFAULT_OCR_TEXTS } from './ocr';
import { OcrEngine } from '../src/main/ocr/recognise';

export const THRESHOLDS = [50, 60, 70, 80, 85, 90];

export interface CheckRow {
  group: string;
  threshold: number;
  words: number;
  wrong: number;
  marked: number;
  wrongMarked: number;
}

/** Each recognised word of `recognised` (in order) is right when the word diff keeps it against `truth`. */
export function rightWords(recognised: string[], truth: string[]): boolean[] {
  const right: boolean[] = [];
  for (const part of diffArrays(truth, recognised)) {
    if (part.removed) continue;
    for (let i = 0; i < part.value.length; i++) right.push(!part.added);
  }
  return right;
}

export async function benchOcrCheck(perGroup = 5): Promise<CheckRow[]> {
  const dir = DEFAULT_OCR_TEXTS.find((d) => readTexts(d).length > 0) ?? DEFAULT_OCR_TEXTS[1]!;
  const pages = makePages(readTexts(dir), perGroup);
  const engine = await OcrEngine.start();
  const seen: Record<string, { confidence: number; right: boolean }[]> = { clean: [], degraded: [] };
  try {
    for (const page of pages) {
      const result = await engine.recognise([page.png]);
      const words = result.words.map((w) => ({ text: result.text.slice(w.start, w.end), confidence: w.confidence }));
      const right = rightWords(
        words.map((w) => w.text),
        page.truth.split(/\s+/).filter(Boolean),
      );
      words.forEach((w, i) => seen[page.group]!.push({ confidence: w.confidence, right: right[i]! }));
    }
  } finally {
    await engine.close();
  }
  const rows: CheckRow[] = [];
  for (const [group, words] of Object.entries(seen))
    for (const threshold of THRESHOLDS) {
      const marked = words.filter((w) => w.confidence < threshold);
      rows.push({
        group,
        threshold,
        words: words.length,
        wrong: words.filter((w) => !w.right).length,
        marked: marked.length,
        wrongMarked: marked.filter((w) => !w.right).length,
      });
    }
  return rows;
}

if (process.argv[1]?.endsWith('ocr-check.ts')) {
  const rows = await benchOcrCheck(Number(process.argv[2] ?? 5));
  console.log('| pages | below | words | wrong | marked | wrong words marked | marked words wrong |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
    console.log(
      `| ${r.group} | ${r.threshold} | ${r.words} | ${r.wrong} | ${pct(r.marked, r.words)} | ${pct(r.wrongMarked, r.wrong)} | ${pct(r.wrongMarked, r.marked)} |`,
    );
  }
}
