/**
 * Recognised words through a corrected text: a word whose characters the correction left
 * unchanged keeps its box, at its new offsets; a changed or deleted word loses it (as
 * annotations are anchored again after a correction). The difference is `diff`'s.
 */
import { diffChars } from 'diff';
import type { OcrWordBox } from '../../shared/types';

/** The words of `before` that survive in `after`, moved to their offsets there. */
export function remapWords(before: string, after: string, words: readonly OcrWordBox[]): OcrWordBox[] {
  // Unchanged stretches: [old start, old end, shift to new offsets].
  const kept: [number, number, number][] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const part of diffChars(before, after)) {
    const n = part.value.length;
    if (part.added) newAt += n;
    else if (part.removed) oldAt += n;
    else {
      kept.push([oldAt, oldAt + n, newAt - oldAt]);
      oldAt += n;
      newAt += n;
    }
  }
  const out: OcrWordBox[] = [];
  let k = 0;
  for (const w of [...words].sort((a, b) => a.start - b.start)) {
    while (k < kept.length && kept[k]![1] <= w.start) k++;
    const stretch = kept[k];
    if (!stretch || stretch[0] > w.start || stretch[1] < w.end) continue;
    const start = w.start + stretch[2];
    const end = w.end + stretch[2];
    // A word joined to a new neighbour ("harvest" → "harvests") is no longer the word recognised.
    if (/\w/.test(after[start - 1] ?? '') || /\w/.test(after[end] ?? '')) continue;
    out.push({ ...w, start, end });
  }
  return out;
}
