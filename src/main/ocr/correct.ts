/**
 * Recognised words through a correction made in place: the historian replaced [start, end) of
 * the text with `replacement`. Unlike a corrected file (remap.ts, which has to find the changes
 * with a diff), the change is known exactly, so every word outside it keeps its box at its
 * shifted offsets, and the words it touches give their boxes to the words typed in their place.
 * A word the historian typed is trusted: it is no longer marked for checking.
 */
import type { OcrWordBox } from '../../shared/types';

/** Tesseract's words are runs of non-space characters ("1936." is one word). */
const WORD = /\S+/g;

/** The words that [start, end) overlaps or touches (typing at a word's edge, or deleting the space between two, changes them). */
function touched(words: readonly OcrWordBox[], start: number, end: number): OcrWordBox[] {
  return words.filter((w) => w.start <= end && start <= w.end);
}

/** Splits a box along its width in proportion to each part's share of `total` characters. */
function slice(box: OcrWordBox, from: number, to: number, total: number): Pick<OcrWordBox, 'x0' | 'x1'> {
  const width = box.x1 - box.x0;
  return { x0: Math.round(box.x0 + (width * from) / total), x1: Math.round(box.x0 + (width * to) / total) };
}

/** The union of boxes on one page. */
function union(boxes: readonly OcrWordBox[]): OcrWordBox {
  const [first] = boxes;
  return {
    ...first!,
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/**
 * The source's words after `text.slice(start, end)` became `replacement`. The words touched
 * by the change, widened to whole words, are typed again as the words of the new stretch:
 * as many new words as old keep the old boxes one for one; otherwise (a word split in two,
 * two joined) the old words of one page and line share their joint box out by length.
 */
export function correctWords(text: string, words: readonly OcrWordBox[], start: number, end: number, replacement: string): OcrWordBox[] {
  const sorted = [...words].sort((a, b) => a.start - b.start);
  const hit = touched(sorted, start, end);
  const from = Math.min(start, ...hit.map((w) => w.start));
  const to = Math.max(end, ...hit.map((w) => w.end));
  const shift = replacement.length - (end - start);
  const stretch = text.slice(from, start) + replacement + text.slice(end, to);
  const typed = [...stretch.matchAll(WORD)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
  const out: OcrWordBox[] = [];
  for (const w of sorted) {
    if (w.end <= from && !hit.includes(w)) out.push(w);
    else if (w.start >= to && !hit.includes(w)) out.push({ ...w, start: w.start + shift, end: w.end + shift });
  }
  if (hit.length && typed.length) out.push(...boxesFor(hit, typed));
  return out.sort((a, b) => a.start - b.start);
}

function boxesFor(old: readonly OcrWordBox[], typed: readonly { start: number; end: number }[]): OcrWordBox[] {
  if (old.length === typed.length) return typed.map((t, i) => ({ ...old[i]!, ...t, trusted: true }));
  const line = old.every((w) => w.page === old[0]!.page && w.y0 < old[0]!.y1 && old[0]!.y0 < w.y1);
  if (line) {
    // One line: its joint box is cut across by the new words' lengths (spaces count as a letter each).
    const joint = union(old);
    const total = typed[typed.length - 1]!.end - typed[0]!.start;
    return typed.map((t) => ({ ...joint, ...slice(joint, t.start - typed[0]!.start, t.end - typed[0]!.start, total), ...t, trusted: true }));
  }
  // Over a line break: each new word takes the box of the old word at the same place in the run.
  return typed.map((t, i) => ({ ...old[Math.min(old.length - 1, Math.floor((i * old.length) / typed.length))]!, ...t, trusted: true }));
}
