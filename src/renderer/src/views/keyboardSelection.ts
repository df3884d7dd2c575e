/**
 * Selecting words in the reader by keyboard: the words and sentences of a passage as the
 * reader shows it, and the moves over them. Plain logic, no DOM: the reader maps what is
 * chosen here to offsets into the stored text (`readable`) and shows it as a selection.
 *
 * A word is a run of letters and digits, with what joins them inside it: apostrophes and
 * hyphens between letters (Stalin’s, Nizhny-Novgorod), separators inside numbers (1,200,000,
 * 681.692, 1937–38, 40%), the periods of initialisms and abbreviations (U.S., e.g., Gen.,
 * J.). A sentence ends at . ! ? or … (with the quotes, brackets and note references that
 * close it) before a space, unless the period is an abbreviation's (Gen. Yezhov, U.S. Senate,
 * ca. 1937) or the next word starts in lower case.
 */
import type { InlineMark } from '../../../shared/inline';
import { inlineMarkup, noteMarks } from '../../../shared/inline';
import type { Passage } from '../../../shared/types';

export interface Span {
  start: number;
  end: number;
}

/** A selection inside one passage's shown text: where it began and where it has got to (equal: a caret). */
export interface KeySelection {
  anchor: number;
  focus: number;
}

/** A note reference's characters in the shown text: not a word, but part of the sentence it closes. */
export const NOTE_CHAR = '\uE000';

/** Titles, references and the like: their period never ends a sentence. */
const ABBREVIATIONS = new Set(
  (
    'gen col lt capt maj sgt cpl adm cmdr gov sen pres amb dr mr mrs ms messrs mme mlle prof st mt ft rev fr hon ' +
    'cf vs viz ca approx fig figs ed eds trans vol vols ch chap sect p pp nos repr ' +
    'jan feb apr jun jul aug sep sept oct nov dec op cit loc dept univ'
  ).split(' '),
);
/** Abbreviations that may end a sentence: only before a capital does their period end it. */
const FINAL_ABBREVIATIONS = new Set(['etc', 'al', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'ibid', 'esq']);

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{Nd}/u;
const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const APOSTROPHES = "'’";
const HYPHENS = '-‐‑';
const NUMBER_SPACES = '\u00a0\u202f\u2009';
const TERMINALS = '.!?…';
const CLOSERS = `"'”’»)]}${NOTE_CHAR}`;

const isWordChar = (c: string | undefined) => c !== undefined && c !== NOTE_CHAR && LETTER_OR_DIGIT.test(c);
const isDigit = (c: string | undefined) => c !== undefined && DIGIT.test(c);
const isLetter = (c: string | undefined) => c !== undefined && LETTER.test(c);

/** Whether the character at j joins the word that runs up to it with what follows. */
function joins(text: string, from: number, j: number): boolean {
  const c = text[j]!;
  const before = text[j - 1];
  const after = text[j + 1];
  if (APOSTROPHES.includes(c) || HYPHENS.includes(c)) return isWordChar(before) && isWordChar(after);
  if (c === ',' || c === '–') return isDigit(before) && isDigit(after);
  if (NUMBER_SPACES.includes(c)) return isDigit(before) && /^\d{3}(?!\d)/.test(text.slice(j + 1, j + 5));
  if (c === '.') {
    if (isDigit(before) && isDigit(after)) return true;
    // Initialisms: single letters joined by periods (U.S.S.R., e.g.).
    return isLetter(before) && isLetter(after) && !isWordChar(text[j + 2]) && /^(?:\p{L}\.)*\p{L}$/u.test(text.slice(from, j));
  }
  return false;
}

/** The word's own period after it: an initialism's (U.S.), an initial's (J.), an abbreviation's (Gen.). */
function ownPeriod(word: string, after: string): boolean {
  if (/^\p{L}(?:\.\p{L})+$/u.test(word) || /^\p{Lu}$/u.test(word)) return true;
  const lower = word.toLowerCase();
  return ABBREVIATIONS.has(lower) || FINAL_ABBREVIATIONS.has(lower) || (lower === 'no' && /^\s*\d/.test(after));
}

/** The words of a text, in order. */
export function words(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text[i])) {
      i++;
      continue;
    }
    const start = i;
    let j = i + 1;
    while (j < text.length && (isWordChar(text[j]) || joins(text, start, j))) j++;
    if (text[j] === '%' && isDigit(text[j - 1])) j++;
    else if (text[j] === '.' && ownPeriod(text.slice(start, j), text.slice(j + 1, j + 4))) j++;
    out.push({ start, end: j });
    i = j;
  }
  return out;
}

/** The sentences of a text, in order, each without the spaces around it. */
export function sentences(text: string): Span[] {
  const ws = words(text);
  /** The word that ends exactly at i (a period inside it is its own). */
  const wordEndingAt = new Map(ws.map((w) => [w.end, w]));
  const out: Span[] = [];
  let start = -1;
  let i = 0;
  const close = (end: number) => {
    if (start >= 0) out.push({ start, end });
    start = -1;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (start < 0) {
      if (!/\s/.test(c)) start = i;
      else {
        i++;
        continue;
      }
    }
    if (!TERMINALS.includes(c)) {
      i++;
      continue;
    }
    // A period that belongs to a word (U.S., Gen., 681.692) ends a sentence only as an abbreviation that may end one.
    const owner = c === '.' ? wordEndingAt.get(i + 1) : undefined;
    let j = i + 1;
    while (j < text.length && TERMINALS.includes(text[j]!)) j++;
    while (j < text.length && CLOSERS.includes(text[j]!)) j++;
    if (j < text.length && !/\s/.test(text[j]!)) {
      i = j;
      continue;
    }
    const next = text.slice(j).trimStart()[0];
    const nextIsCapital = next !== undefined && UPPER.test(next);
    const lowerNext = next !== undefined && LOWER.test(next);
    let ends = !lowerNext;
    if (owner) {
      const word = text.slice(owner.start, owner.end - 1).toLowerCase();
      ends = FINAL_ABBREVIATIONS.has(word) && (nextIsCapital || next === undefined);
    }
    if (ends) close(j);
    i = j;
  }
  if (start >= 0) {
    const end = text.trimEnd().length;
    if (end > start) close(end);
  }
  return out;
}

export type Unit = 'word' | 'sentence';

function spansOf(text: string, unit: Unit): Span[] {
  return unit === 'word' ? words(text) : sentences(text);
}

/**
 * Extends (or shrinks) a selection by a word or a sentence, as a text editor does: forward to
 * the end of the next one, back to the start of the previous one; moving towards the anchor
 * shrinks the selection, to the anchor at most. From a caret, the selection starts at the
 * word or sentence at or after it going forward (before it going back), not in the spaces.
 */
export function extend(text: string, sel: KeySelection, unit: Unit, dir: 1 | -1): KeySelection {
  const spans = spansOf(text, unit);
  const { focus } = sel;
  let { anchor } = sel;
  if (anchor === focus) {
    if (dir === 1) {
      const first = spans.find((s) => s.end > anchor);
      if (!first) return sel;
      anchor = Math.max(anchor, first.start);
      return { anchor, focus: first.end };
    }
    const last = [...spans].reverse().find((s) => s.start < anchor);
    if (!last) return sel;
    anchor = Math.min(anchor, last.end);
    return { anchor, focus: last.start };
  }
  if (dir === 1) {
    if (focus > anchor) {
      const next = spans.find((s) => s.end > focus);
      return next ? { anchor, focus: next.end } : sel;
    }
    const next = spans.find((s) => s.start > focus);
    return { anchor, focus: next && next.start < anchor ? next.start : anchor };
  }
  if (focus < anchor) {
    const previous = [...spans].reverse().find((s) => s.start < focus);
    return previous ? { anchor, focus: previous.start } : sel;
  }
  const previous = [...spans].reverse().find((s) => s.end < focus);
  return { anchor, focus: previous && previous.end > anchor ? previous.end : anchor };
}

/** Moves the caret to the start of the next or previous word; a selection collapses to its end or its start. */
export function moveCaret(text: string, sel: KeySelection, dir: 1 | -1): KeySelection {
  if (sel.anchor !== sel.focus) {
    const at = dir === 1 ? Math.max(sel.anchor, sel.focus) : Math.min(sel.anchor, sel.focus);
    return { anchor: at, focus: at };
  }
  const ws = words(text);
  const to = dir === 1 ? ws.find((w) => w.start > sel.focus) : [...ws].reverse().find((w) => w.start < sel.focus);
  return to ? { anchor: to.start, focus: to.start } : sel;
}

/** The selection's span, start before end. */
export function spanOf(sel: KeySelection): Span {
  return { start: Math.min(sel.anchor, sel.focus), end: Math.max(sel.anchor, sel.focus) };
}

/**
 * A passage's text as the reader shows it, and where each shown character is in the stored
 * text: hidden markers left out, note references shown as NOTE_CHAR, and a space for what
 * separates the cells of a table row. `at[i]` is the stored offset (from the passage's
 * start) of shown character i.
 */
export interface Readable {
  text: string;
  at: number[];
}

export function readable(stored: string, marks: InlineMark[], cells: [number, number][] | null = null): Readable {
  let text = '';
  const at: number[] = [];
  /** Hidden wins over a note reference, which wins over a style. */
  const kindAt = (i: number) => {
    let kind: string | null = null;
    for (const m of marks) {
      if (m.start > i || i >= m.end) continue;
      if (m.kind === 'hide') return 'hide';
      if (m.kind === 'note' || kind === null) kind = m.kind;
    }
    return kind;
  };
  let gap = false;
  for (let i = 0; i < stored.length; i++) {
    const inCell = !cells || cells.some(([a, b]) => a <= i && i < b);
    const kind = kindAt(i);
    if (!inCell) {
      gap = text.length > 0;
      continue;
    }
    if (kind === 'hide') continue;
    if (gap) {
      text += ' ';
      at.push(i);
      gap = false;
    }
    text += kind === 'note' ? NOTE_CHAR : stored[i]!;
    at.push(i);
  }
  return { text, at };
}

/** A span of the shown text as offsets into the stored text, from the passage's start. */
export function storedSpan(r: Readable, span: Span): Span | null {
  if (span.end <= span.start || span.end > r.at.length) return null;
  return { start: r.at[span.start]!, end: r.at[span.end - 1]! + 1 };
}

/** The shown position of a stored offset (from the passage's start): the first shown character at or after it. */
export function shownAt(r: Readable, offset: number): number {
  const i = r.at.findIndex((o) => o >= offset);
  return i < 0 ? r.at.length : i;
}

/** The whole passage, without the spaces around it. */
export function wholeSpan(r: Readable): Span {
  const start = r.text.length - r.text.trimStart().length;
  return { start, end: Math.max(start, r.text.trimEnd().length) };
}

/** The inline marks the reader shows a passage with (highlights.tsx): Markdown's, or note references only; none in code. */
export function passageMarks(p: Passage, markdown: boolean): InlineMark[] {
  return p.kind === 'code' ? [] : markdown ? inlineMarkup(p.text) : noteMarks(p.text);
}

/** A table row's cells, relative to the passage; what lies between them (" | ", "**: ") is not shown. */
export function passageCells(p: Passage): [number, number][] | null {
  return p.kind === 'table_row' && p.info?.cells?.length ? p.info.cells.map(([a, b]) => [a - p.start, b - p.start] as [number, number]) : null;
}

/** A passage as the reader shows it. */
export function passageReadable(p: Passage, markdown: boolean): Readable {
  return readable(p.text, passageMarks(p, markdown), passageCells(p));
}
