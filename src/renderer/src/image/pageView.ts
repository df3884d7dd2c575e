/** Pure helpers of the page image view: zoom steps, turns, words to check. */
import { uprightOf } from '../../../shared/orientation';
import type { OcrWordBox } from '../../../shared/types';

/**
 * Words the recogniser was less sure of than this (Tesseract's 0–100) are marked for checking,
 * unless the historian has corrected them. Measured on the OCR benchmark's pages
 * (bench/ocr-check.ts, 5 clean and 5 degraded): below 80 marks 82% of the wrongly read words
 * of degraded pages, and 79% of the words it marks are wrong; on clean pages it marks 0.1% of
 * the words. Below 60 misses 27% of the wrong words; below 90 marks 4 points more of all words
 * for 5 points more of the wrong ones, and on clean pages marks mostly right words.
 */
export const CHECK_BELOW = 80;

export const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The next zoom step in or out from `zoom`. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOMS.find((z) => z > zoom + 1e-9) ?? ZOOMS[ZOOMS.length - 1]!;
  return [...ZOOMS].reverse().find((z) => z < zoom - 1e-9) ?? ZOOMS[0]!;
}

/** The quarter turns (clockwise) an EXIF orientation asks for, after its mirroring (src/shared/orientation.ts). */
export function turnsOf(orientation: number | null): number {
  return uprightOf(orientation).turns;
}

/**
 * The CSS transform that shows the stored image as its page is to be seen: centred in its
 * turned box, mirrored left to right first when the orientation says so, then turned. (CSS
 * applies the rightmost function first.)
 */
export function canvasTransform(turns: number, mirrored: boolean): string {
  return `translate(-50%, -50%) ${orientTransform(turns, mirrored)}`;
}

/** The turn and mirror of `canvasTransform`, about the image's centre. */
export function orientTransform(turns: number, mirrored: boolean): string {
  return `rotate(${turns * 90}deg)${mirrored ? ' scaleX(-1)' : ''}`;
}

/** The words of a page, and how many of the source's words are to check. */
export function wordsOfPage(words: readonly OcrWordBox[], page: number): OcrWordBox[] {
  return words.filter((w) => w.page === page);
}

export function toCheck(words: readonly OcrWordBox[]): number {
  return words.filter((w) => !w.trusted && w.confidence < CHECK_BELOW).length;
}

/** "12 words to check", "1 word to check", or null. */
export function checkLabel(count: number): string | null {
  return count === 0 ? null : `${count} word${count === 1 ? '' : 's'} to check`;
}
