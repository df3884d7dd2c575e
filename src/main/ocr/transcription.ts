/**
 * The passages of a transcription typed or corrected by hand: one per paragraph (text between
 * blank lines), each on the page of the recognised passage it replaces.
 */
import { diffChars } from 'diff';
import type { Passage } from '../../shared/types';
import type { Span } from '../ingest/text';

/** Where each offset of `after` was in `before` (an inserted stretch maps to where it was inserted). */
function backMap(before: string, after: string): (offset: number) => number {
  const stretches: [number, number][] = []; // [new start, old start] of each part
  let oldAt = 0;
  let newAt = 0;
  for (const part of diffChars(before, after)) {
    stretches.push([newAt, oldAt]);
    if (!part.added) oldAt += part.value.length;
    if (!part.removed) newAt += part.value.length;
  }
  return (offset) => {
    let best: [number, number] = [0, 0];
    for (const s of stretches) if (s[0] <= offset) best = s;
    return best[1] + Math.max(0, offset - best[0]);
  };
}

export function transcriptionPassages(text: string, before: string, old: readonly Passage[]): Span[] {
  const spans: Span[] = [];
  const re = /\S(?:[^\n]|\n(?![ \t]*\n))*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].trimEnd().length, kind: 'paragraph' });
  const toOld = old.length && before ? backMap(before, text) : null;
  let page = old[0]?.page ?? 1;
  for (const s of spans) {
    if (toOld) {
      const at = toOld(s.start);
      for (const p of old) if (p.start <= at && p.page !== null) page = p.page;
    }
    s.page = page;
    s.pageLabel = String(page);
  }
  return spans;
}
