/**
 * `.pdf`: the text layer of a born-digital PDF, read with Mozilla's PDF.js in this thread,
 * fetching nothing (no network, no font faces; PDF.js 6 compiles no code from PDFs, so it
 * has no `isEvalSupported` to turn off).
 *
 * Each page's text runs (getTextContent) are put back together into fragments (runs on one
 * baseline without a wide gap), then into lines and blocks:
 * - page furniture is found first, across pages: the outermost lines at the top and bottom
 *   of a page that repeat on other pages at about the same height (compared with digits and
 *   roman numerals masked, so "214 · M. Ivanova" matches "216 · M. Ivanova"), that are a
 *   bare page number ("12", "xii", "Page 3 of 9"), or that begin or end with the page's
 *   own label. They are left out of the text;
 * - reading order follows the columns: the page is cut recursively at vertical gutters
 *   (an empty strip with text on both sides over several lines) and at wide horizontal
 *   gaps (an XY cut), and each column is read top to bottom;
 * - lines become blocks at extra line space, a change of type size, a first-line indent,
 *   or a short line ending a sentence; a block that runs on from one column into the
 *   next (no closing punctuation, next column starts in lower case) stays one block;
 * - a word hyphenated at a line end is joined (`histo-` + `rians` → `historians`) unless
 *   the document writes it with its hyphen elsewhere, or its first part is capitalised
 *   (`Soviet-` + `era` stays `Soviet-era`);
 * - footnotes: the blocks at the bottom of a page in type smaller than the body's, below
 *   the last body-size line, when a line there begins with a note label (`1`, `*`, `†`,
 *   or a raised number); each label starts a footnote passage with `info.note`;
 * - headings: blocks of a few lines in type at least 15% larger than the body's, or a
 *   short line in another font that does not end like a sentence; monospaced blocks are
 *   code, their line breaks kept.
 * The stored text is the text so extracted, blocks separated by blank lines; each passage
 * records its page, the page's printed label and its box on the page.
 *
 * A scan (a PDF most of whose pages have no text layer) becomes an image source instead:
 * each page is drawn as an image (pdf-render.ts) and read by text recognition once the
 * source is written, as a photograph is. A PDF with text on most pages keeps its text layer,
 * and its pages without text are named in a warning.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { checkFileSize, MAX_PDF_PAGES, tooManyPagesMessage } from '../../shared/limits';
import type { PassageKind, PdfFacts } from '../../shared/types';
import type { ParsedSource } from './index';
import type { Metadata } from './metadata';
import { cleanText, toEdtf } from './metadata';
import { columnsOf } from '../../shared/csl';
import { citationOf } from './citation';
import type { Span } from './text';
import { splitLong, titleFromFileName } from './text';
import type { PageImage } from './image';
import { renderPages } from './pdf-render';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type Matrix = [number, number, number, number, number, number];

/** A page with fewer non-space characters than this has no text layer. */
const MIN_PAGE_CHARS = 3;

/**
 * What a PDF taken for a scan is imported with when some of its pages had a text layer:
 * every page is read by text recognition, their text layer set aside.
 */
export function scanWithTextMessage(withText: number, pages: number): string {
  return `${withText} of ${pages} pages have a text layer, the others none: the PDF was taken for a scan, and all its pages are read by text recognition (the text layer of those ${withText} was set aside)`;
}

let loading: Promise<PdfJs> | undefined;

/**
 * PDF.js, loaded on first use. PDF.js 6 calls Promise.withResolvers and, when it draws a
 * page's fonts, ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks: they are
 * added first (without the second, a page's text is silently not drawn). Its worker code runs in this thread (`globalThis.pdfjsWorker`), so
 * nothing is fetched to start it.
 */
export function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const P = Promise as unknown as { withResolvers?: unknown };
    if (typeof P.withResolvers !== 'function') {
      P.withResolvers = function withResolvers<T>(this: PromiseConstructor) {
        let resolve!: (value: T) => void;
        let reject!: (reason: unknown) => void;
        const promise = new this<T>((a, b) => ((resolve = a), (reject = b)));
        return { promise, resolve, reject };
      };
    }
    const buffer = ArrayBuffer.prototype as unknown as { transferToFixedLength?: unknown };
    if (typeof buffer.transferToFixedLength !== 'function') {
      buffer.transferToFixedLength = function transferToFixedLength(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
        // Moved when the length stays (the old buffer is detached, as the standard one does); else copied.
        if (length === this.byteLength) return structuredClone(this, { transfer: [this] });
        const copy = new ArrayBuffer(length);
        new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
        return copy;
      };
    }
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return lib;
  })();
  return loading;
}

/** The folders of PDF.js's character maps and standard font data, read from disk when a PDF needs them. */
function dataFolders(): { cMapUrl?: string; standardFontDataUrl?: string; wasmUrl?: string } {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return {
      cMapUrl: path.join(root, 'cmaps') + path.sep,
      standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
      // The decoders of JBIG2 and JPEG 2000 images, which scans are often stored in.
      wasmUrl: path.join(root, 'wasm') + path.sep,
    };
  } catch {
    return {};
  }
}

/** A run of text on one baseline, in page coordinates (points, y down). */
interface Frag {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  base: number;
  size: number;
  font: string;
  mono: boolean;
  chars: number;
  /** The run begins with a smaller raised mark (a note label). */
  raised: boolean;
  /** Length of the longest piece, which sets `size`, `base` and `font`. */
  longest: number;
  firstSize: number;
  firstBase: number;
}

/** Fragments sharing a line. */
interface Line {
  frags: Frag[];
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  base: number;
  size: number;
  font: string;
  mono: boolean;
  raised: boolean;
}

interface PageData {
  page: number;
  label: string;
  width: number;
  height: number;
  frags: Frag[];
  /** Text not running left to right across the page (rotated stamps, vertical labels). */
  turned: Frag[];
  failed?: string;
}

interface Block {
  lines: Line[];
  kind: PassageKind;
  note?: string;
  size: number;
}

function cleanPiece(s: string): string {
  return s
    .replace(/[\x00-\x08\x0B-\x1F\x7F\uFFFE\uFFFF]/g, '')
    .replace(/[\t\n\r]/g, ' ')
    .normalize('NFC');
}

function multiply(m: number[], n: number[]): Matrix {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** Text runs in drawing order to fragments: a run joins the last one when it continues its line closely. */
function fragmentsOf(items: RawItem[], monoFonts: Set<string>, view: number[]): { frags: Frag[]; turned: Frag[] } {
  const frags: Frag[] = [];
  const turned: Frag[] = [];
  let cur: Frag | null = null;
  let space = false;
  for (const item of items) {
    const str = cleanPiece(item.str);
    if (!str) continue;
    const m = multiply(view, item.transform);
    const size = Math.hypot(m[2], m[3]);
    if (!(size > 0.5)) continue;
    const upright = m[0] > 0 && Math.abs(m[1]) <= 0.05 * m[0] && Math.abs(m[2]) <= 0.05 * size;
    const x = m[4];
    const base = m[5];
    if (!str.trim()) {
      if (cur && upright && Math.abs(base - cur.base) < 0.5 * cur.size) space = true;
      continue;
    }
    const n = str.replace(/\s+/g, '').length;
    const width = Math.max(0, item.width);
    const fresh = (): Frag => ({
      text: str,
      x0: x,
      x1: x + width,
      top: base - 0.8 * size,
      bottom: base + 0.2 * size,
      base,
      size,
      font: item.fontName,
      mono: monoFonts.has(item.fontName),
      chars: n,
      raised: false,
      longest: str.length,
      firstSize: size,
      firstBase: base,
    });
    if (!upright) {
      turned.push(fresh());
      cur = null;
      space = false;
      continue;
    }
    const big = Math.max(size, cur?.size ?? 0);
    const gap = cur ? x - cur.x1 : 0;
    if (cur && Math.abs(base - cur.base) <= 0.5 * big && gap >= -0.5 * Math.min(size, cur.size) && gap <= (space ? 2 : 1) * big) {
      if ((space || gap > 0.2 * Math.min(size, cur.size)) && !/\s$/.test(cur.text) && !/^\s/.test(str)) cur.text += ' ';
      cur.text += str;
      cur.x1 = Math.max(cur.x1, x + width);
      cur.top = Math.min(cur.top, base - 0.8 * size);
      cur.bottom = Math.max(cur.bottom, base + 0.2 * size);
      cur.chars += n;
      if (str.length > cur.longest) {
        cur.longest = str.length;
        cur.size = size;
        cur.base = base;
        cur.font = item.fontName;
        cur.mono = monoFonts.has(item.fontName);
      }
    } else {
      cur = fresh();
      frags.push(cur);
    }
    space = false;
  }
  for (const f of frags) {
    f.text = f.text.replace(/\s+/g, ' ').trim();
    f.raised = f.firstSize < 0.85 * f.size && f.firstBase < f.base - 0.15 * f.size;
  }
  return { frags: frags.filter((f) => f.text), turned };
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;

/** The least and greatest of a property over a list (no spread: a page may hold many thousand fragments). */
function extent<T>(list: readonly T[], low: (t: T) => number, high: (t: T) => number = low): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of list) {
    lo = Math.min(lo, low(t));
    hi = Math.max(hi, high(t));
  }
  return [lo, hi];
}

/** Fragments grouped into lines: those whose boxes overlap vertically by half the smaller height. */
function linesOf(frags: Frag[]): Line[] {
  const sorted = [...frags].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const groups: Frag[][] = [];
  let top = 0;
  let bottom = 0;
  for (const f of sorted) {
    const g = groups[groups.length - 1];
    const overlap = g ? Math.min(bottom, f.bottom) - Math.max(top, f.top) : -1;
    if (g && overlap >= 0.5 * Math.min(bottom - top, f.bottom - f.top)) {
      g.push(f);
      top = Math.min(top, f.top);
      bottom = Math.max(bottom, f.bottom);
    } else {
      groups.push([f]);
      top = f.top;
      bottom = f.bottom;
    }
  }
  return groups.map(lineOf);
}

function lineOf(frags: Frag[]): Line {
  const all = frags.map((f) => f.text).join(' ');
  const rtl = (all.match(RTL)?.length ?? 0) * 2 > all.replace(/\s/g, '').length;
  const ordered = [...frags].sort((a, b) => (rtl ? b.x1 - a.x1 : a.x0 - b.x0));
  let main = ordered[0]!;
  for (const f of ordered) if (f.chars > main.chars) main = f;
  const [x0, x1] = extent(
    ordered,
    (f) => f.x0,
    (f) => f.x1,
  );
  const [top, bottom] = extent(
    ordered,
    (f) => f.top,
    (f) => f.bottom,
  );
  return {
    frags: ordered,
    text: ordered.map((f) => f.text).join(' '),
    x0,
    x1,
    top,
    bottom,
    base: main.base,
    size: main.size,
    font: main.font,
    mono: ordered.every((f) => f.mono),
    raised: ordered[0]!.raised,
  };
}

/** Distinct lines among fragments (baselines more than a third of a line apart). */
function lineCount(frags: Frag[], em: number): number {
  const bases = frags.map((f) => f.base).sort((a, b) => a - b);
  let n = 0;
  let last = -Infinity;
  for (const b of bases) {
    if (b - last > 0.35 * em) n++;
    last = b;
  }
  return n;
}

/**
 * A vertical gutter through the whole region: an empty strip wide enough, with text on both
 * sides over enough lines (a narrower strip needs more lines to be a gutter rather than
 * word spaces that happen to line up), each side at least a sixth of the region wide.
 */
function verticalCut(frags: Frag[], em: number): [Frag[], Frag[]] | null {
  if (frags.length < 2) return null;
  const sorted = [...frags].sort((a, b) => a.x0 - b.x0);
  const x0 = sorted[0]!.x0;
  const x1 = extent(sorted, (f) => f.x1)[1];
  let reach = sorted[0]!.x1;
  const gaps: { at: number; gap: number }[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const f = sorted[i]!;
    const gap = f.x0 - reach;
    if (gap >= Math.max(0.8 * em, 5) && reach - x0 >= (x1 - x0) / 6 && x1 - f.x0 >= (x1 - x0) / 6) gaps.push({ at: i, gap });
    reach = Math.max(reach, f.x1);
  }
  // The widest gaps first; a few at most, so that a page of many small pieces (a table, a map) stays fast.
  for (const { at, gap } of gaps.sort((a, b) => b.gap - a.gap).slice(0, 6)) {
    const lines = Math.min(lineCount(sorted.slice(0, at), em), lineCount(sorted.slice(at), em));
    if (lines >= 3 || (lines >= 2 && gap >= 1.5 * em) || (lines >= 1 && gap >= 4 * em)) return [sorted.slice(0, at), sorted.slice(at)];
  }
  return null;
}

/** The region cut at every horizontal gap at least `gap` high. */
function horizontalBands(frags: Frag[], gap: number): Frag[][] {
  const sorted = [...frags].sort((a, b) => a.top - b.top);
  const bands: Frag[][] = [];
  let reach = -Infinity;
  for (const f of sorted) {
    if (f.top - reach >= gap || !bands.length) bands.push([f]);
    else bands[bands.length - 1]!.push(f);
    reach = Math.max(reach, f.bottom);
  }
  return bands;
}

/** Regions in reading order (an XY cut that prefers gutters): columns left to right, bands top to bottom. */
function regions(frags: Frag[], em: number, out: Frag[][] = [], depth = 0): Frag[][] {
  if (frags.length < 2 || depth > 60) {
    if (frags.length) out.push(frags);
    return out;
  }
  const v = verticalCut(frags, em);
  if (v) {
    regions(v[0], em, out, depth + 1);
    regions(v[1], em, out, depth + 1);
    return out;
  }
  const bands = horizontalBands(frags, 0.8 * em);
  if (bands.length > 1) for (const b of bands) regions(b, em, out, depth + 1);
  else out.push(frags);
  return out;
}

const ROMAN = /^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;
const isRoman = (s: string) => s.length > 0 && s.length <= 8 && ROMAN.test(s);

/** A line's text with numbers masked, to find running heads that differ only in their page number. */
function furnitureKey(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((t) => (isRoman(t.replace(/[^a-z]/g, '')) && /^[^a-z]*[ivxlcdm]+[^a-z]*$/.test(t) ? '#' : t.replace(/\d+/g, '#')))
    .join('');
}

const PAGE_NUMBER = /^(?:page|p\.|pp\.|s\.|seite|стр\.?)?\s*[-–—([]?\s*(\d{1,5}|[ivxlcdm]{1,8})\s*[-–—)\]]?(?:\s*(?:of|\/|von|из)\s*\d{1,5})?$/i;

function isPageNumber(text: string): boolean {
  const m = PAGE_NUMBER.exec(text.trim());
  return !!m && (/\d/.test(m[1]!) || isRoman(m[1]!));
}

/** Whether a line's first or last fragment, set apart from the rest, is the page's label (`216   M. IVANOVA`). */
function carriesPageNumber(line: Line, label: string): boolean {
  if (line.frags.length < 2) return false;
  const bare = (f: Frag | undefined) => f?.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
  return [bare(line.frags[0]), bare(line.frags[line.frags.length - 1])].includes(label.toLowerCase());
}

interface Candidate {
  page: PageData;
  line: Line;
  where: 'top' | 'bottom';
  at: number;
  key: string;
}

/** Running heads, running feet and page numbers of every page, found by their repetition. */
function findFurniture(pages: PageData[], body: number): Set<Frag> {
  const candidates: Candidate[] = [];
  for (const page of pages) {
    if (!page.frags.length) continue;
    const lines = linesOf(page.frags);
    const pick = (line: Line | undefined, where: 'top' | 'bottom') => {
      if (!line) return;
      const inBand = where === 'top' ? line.top < page.height * 0.14 : line.bottom > page.height * 0.86;
      if (inBand && line.size <= body * 1.15) {
        candidates.push({ page, line, where, at: where === 'top' ? line.top : page.height - line.bottom, key: furnitureKey(line.text) });
      }
    };
    pick(lines[0], 'top');
    if (lines.length > 2) pick(lines[1], 'top');
    pick(lines[lines.length - 1], 'bottom');
    if (lines.length > 3) pick(lines[lines.length - 2], 'bottom');
  }
  const seen = new Map<string, Set<number>>();
  const slot = (c: Candidate, at: number) => `${c.where}|${Math.round(at / 5)}|${c.key}`;
  for (const c of candidates) {
    const k = slot(c, c.at);
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(c.page.page);
  }
  const furniture = new Set<Frag>();
  for (const c of candidates) {
    const pagesWithIt = new Set<number>();
    for (const d of [-5, 0, 5]) for (const p of seen.get(slot(c, c.at + d)) ?? []) pagesWithIt.add(p);
    const repeated = pagesWithIt.size >= 2 && c.key.length > 0;
    if (repeated || isPageNumber(c.line.text) || carriesPageNumber(c.line, c.page.label)) {
      for (const f of c.line.frags) furniture.add(f);
    }
  }
  return furniture;
}

/** The value with the most weight. */
function modeOf<T>(pairs: [T, number][]): T | undefined {
  const w = new Map<T, number>();
  for (const [k, n] of pairs) w.set(k, (w.get(k) ?? 0) + n);
  let best: T | undefined;
  let most = -1;
  for (const [k, n] of w) if (n > most) [best, most] = [k, n];
  return best;
}

const ENDS_SENTENCE = /[.!?:;…"”’»)\]]$/;
/** A line of a table of contents or an index: dot leaders and a page number. */
const LEADERS = /(?:\.\s*){4,}\s*[\dixvlcdm]+$/i;
const HYPHEN_END = /(\p{L}+)([-\u2010\u00AD])$/u;
const WORD = /\p{L}+(?:[-\u2010]\p{L}+)*/gu;

/** Words as the document writes them within lines, to tell a hyphenation from a hyphenated compound. */
class Vocabulary {
  private readonly words = new Set<string>();

  add(line: string): void {
    for (const m of line.matchAll(WORD)) this.words.add(m[0].toLowerCase().replace(/\u2010/g, '-'));
  }

  /** `first-` at a line end followed by `second`: joined as one word, or kept hyphenated. */
  joined(first: string, second: string): boolean {
    const a = first.toLowerCase();
    const b = second.toLowerCase();
    if (this.words.has(`${a}-${b}`)) return false;
    if (this.words.has(a + b)) return true;
    return !/^\p{Lu}/u.test(first);
  }
}

/** A line appended to a block's text: hyphenated words joined, else a space. */
function appendLine(text: string, line: string, vocabulary: Vocabulary): string {
  if (!text) return line;
  const m = HYPHEN_END.exec(text);
  if (m && /^[\p{L}\p{N}]/u.test(line)) {
    if (m[2] === '\u00AD') return text.slice(0, -1) + line;
    // A hyphen before a capital or a figure is the writer's (`anti-Soviet`, `pre-1991`).
    const second = /^\p{Ll}+/u.exec(line)?.[0];
    if (second && vocabulary.joined(m[1]!, second)) return text.slice(0, -1) + line;
    return text + line;
  }
  return `${text} ${line}`;
}

const NOTE_LABEL = /^([0-9]{1,3}|[*†‡§¶‖]{1,3})(?=[\s.)\]]|$)/u;

/** The blocks of one page in reading order, footnotes last. */
function pageBlocks(page: PageData, frags: Frag[], body: number, bodyFont: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  for (const region of regions(frags, body)) {
    const lines = linesOf(region);
    const left = modeOf(lines.map((l): [number, number] => [Math.round(l.x0), l.text.length])) ?? lines[0]!.x0;
    const right = extent(lines, (l) => l.x1)[1];
    const steps: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      if (Math.abs(lines[i]!.size - lines[i - 1]!.size) < 0.1 * lines[i]!.size) steps.push(lines[i]!.base - lines[i - 1]!.base);
    }
    steps.sort((a, b) => a - b);
    const step = steps[Math.floor(steps.length / 2)] ?? 0;
    const indented = (l: Line) => l.x0 - left >= 0.6 * l.size && l.x0 - left <= 8 * l.size;
    lines.forEach((line, i) => {
      const prev = i > 0 ? lines[i - 1]! : open?.lines[open.lines.length - 1];
      let start = !open || !prev;
      if (!start && i === 0 && open && prev) {
        // A new column or band: the block runs on only when its sentence visibly does.
        const last = prev.text;
        start = !(
          open.kind === 'paragraph' &&
          !line.mono &&
          !prev.mono &&
          Math.abs(line.size - prev.size) < 0.1 * prev.size &&
          !ENDS_SENTENCE.test(last) &&
          (/^\p{Ll}/u.test(line.text) || HYPHEN_END.test(last)) &&
          !indented(line)
        );
      } else if (!start && prev) {
        const d = line.base - prev.base;
        if (Math.abs(line.size - prev.size) > 0.12 * prev.size || line.mono !== prev.mono) start = true;
        else if (d > (step > 0 ? step * 1.3 : prev.size * 1.6) + 0.05 * prev.size || d < -0.5 * prev.size) start = true;
        else if (line.mono) start = false;
        else if (LEADERS.test(prev.text)) start = true;
        else if (/^[•◦▪●■]\s/.test(line.text)) start = true;
        // A first-line indent after a short line; after a full one it is a hanging indent.
        else if (indented(line) && !indented(prev) && prev.x1 < right - 1.5 * prev.size) start = true;
        else if (ENDS_SENTENCE.test(prev.text) && prev.x1 < right - 0.25 * (right - left)) start = true;
      }
      if (start) {
        open = { lines: [line], kind: line.mono ? 'code' : /^[•◦▪●■]\s/.test(line.text) ? 'item' : 'paragraph', size: line.size };
        blocks.push(open);
      } else open!.lines.push(line);
    });
  }

  // Footnotes: the trailing blocks in small type low on the page, below all body-size text.
  let zone = blocks.length;
  while (zone > 0) {
    const b = blocks[zone - 1]!;
    if (b.size > body * 0.9 || b.lines[0]!.top < page.height * 0.45) break;
    zone--;
  }
  const notes = blocks.slice(zone).flatMap((b) => b.lines);
  const labelled = (l: Line) => NOTE_LABEL.test(l.text) || (l.raised && /^\S{1,3}\s/.test(l.text));
  const bodyAbove = blocks.slice(0, zone).some((b) => b.size >= body * 0.95);
  let out = blocks;
  if (zone < blocks.length && bodyAbove && notes.some(labelled)) {
    out = blocks.slice(0, zone);
    let current: Block | null = null;
    for (const line of notes) {
      const label = labelled(line) ? (NOTE_LABEL.exec(line.text)?.[1] ?? line.text.split(/\s/)[0]) : undefined;
      // A note's line that begins with a figure ("12 March…") starts no note unless it is the next number.
      const previous = Number(current?.note);
      const next = label !== undefined && (line.raised || !/^\d+$/.test(label) || !Number.isInteger(previous) || Number(label) === previous + 1);
      if (!current || next) {
        current = { lines: [line], kind: 'footnote', note: label, size: line.size };
        out.push(current);
      } else current.lines.push(line);
    }
  }

  for (const b of out) {
    if (b.kind !== 'paragraph') continue;
    const chars = b.lines.reduce((n, l) => n + l.text.length, 0);
    const lastText = b.lines[b.lines.length - 1]!.text;
    if (b.size >= body * 1.15 && b.lines.length <= 4 && chars <= 250) b.kind = 'heading';
    else if (
      b.lines.length === 1 &&
      b.lines[0]!.font !== bodyFont &&
      b.size >= body * 0.95 &&
      chars <= 80 &&
      /^[\p{Lu}\p{N}]/u.test(lastText) &&
      !/[.,;:]$/.test(lastText) &&
      lastText.split(/\s+/).length <= 10
    ) {
      b.kind = 'heading';
    }
  }
  return out;
}

function blockText(b: Block, vocabulary: Vocabulary): string {
  if (b.kind === 'code') return b.lines.map((l) => l.text).join('\n');
  let text = '';
  for (const l of b.lines) text = appendLine(text, l.text, vocabulary);
  return text.replace(/ {2,}/g, ' ').trim();
}

function boxOf(lines: Line[]): [number, number, number, number] {
  const r = (n: number) => Math.round(n * 10) / 10;
  const [x0, x1] = extent(
    lines,
    (l) => l.x0,
    (l) => l.x1,
  );
  const [top, bottom] = extent(
    lines,
    (l) => l.top,
    (l) => l.bottom,
  );
  return [r(x0), r(top), r(x1 - x0), r(bottom - top)];
}

/** `D:20190314101500Z` (a PDF date) or an ISO date as EDTF, to the day. */
function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (m && !/^\d{4}-/.test(value.trim())) return toEdtf([m[1], m[2], m[3]].filter(Boolean).join('-'));
  return toEdtf(value);
}

/** Titles that name a file or a template rather than the work. */
const JUNK_TITLE = /^(?:untitled|microsoft word - .*|.*\.(?:docx?|rtf|odt|pdf|dvi|tex|indd|qxd|p65|ps))$/i;

interface XmpLike {
  get(name: string): unknown;
}

/** An XMP value as text: a language alternative or a list reads as its first or all items. */
function xmpText(xmp: XmpLike | null, name: string): string | undefined {
  return cleanText(xmp?.get(name));
}

/**
 * What a PDF says of itself. XMP (what publishers write: Dublin Core, PRISM) comes before
 * the info dictionary; the file's CreationDate is the date issued only when nothing better
 * (prism:publicationDate, prism:coverDate, dc:date) is given. Subject goes to the note.
 */
function metadataOf(info: Record<string, unknown>, xmp: XmpLike | null): Metadata {
  const title = [xmpText(xmp, 'dc:title'), cleanText(info.Title)].find((t) => t && !JUNK_TITLE.test(t));
  const creators = xmp?.get('dc:creator');
  const author = Array.isArray(creators) && creators.length ? creators.map((c) => String(c)) : (cleanText(creators) ?? cleanText(info.Author));
  const date =
    pdfDate(xmp?.get('prism:publicationdate')) ??
    pdfDate(xmp?.get('prism:coverdate')) ??
    pdfDate(xmp?.get('dc:date')) ??
    pdfDate(info.CreationDate) ??
    pdfDate(xmp?.get('xmp:createdate'));
  const language = cleanText(info.Language) ?? xmpText(xmp, 'dc:language');
  const doi = xmpText(xmp, 'prism:doi') ?? xmpText(xmp, 'pdfx:doi') ?? [xmpText(xmp, 'dc:identifier')].find((v) => v && /^(?:doi:)?10\./i.test(v));
  const container = xmpText(xmp, 'prism:publicationname');
  const firstPage = xmpText(xmp, 'prism:startingpage');
  const lastPage = xmpText(xmp, 'prism:endingpage');
  return {
    title,
    author,
    date,
    language,
    type: container ? 'article-journal' : 'document',
    note: xmpText(xmp, 'dc:description') ?? cleanText(info.Subject),
    publisher: xmpText(xmp, 'dc:publisher'),
    containerTitle: container,
    volume: xmpText(xmp, 'prism:volume'),
    issue: xmpText(xmp, 'prism:number'),
    page: firstPage ? (lastPage && lastPage !== firstPage ? `${firstPage}–${lastPage}` : firstPage) : undefined,
    doi,
    isbn: xmpText(xmp, 'prism:isbn'),
    urls: [xmpText(xmp, 'prism:url')].filter((u): u is string => !!u),
  };
}

function reason(err: unknown): string {
  return ((err as Error)?.message ?? String(err)).replace(/\.$/, '');
}

/** Reads a PDF's text layer into a source; throws ApiError naming the file on bad input. */
export async function readPdfSource(
  fileName: string,
  bytes: Uint8Array,
  options: { maxPages?: number; render?: boolean } = {},
): Promise<ParsedSource> {
  const name = fileName.replace(/^.*[\\/]/, '');
  checkFileSize(name, bytes.length);
  if (bytes.length === 0) throw new ApiError('empty_file', `${name} is empty`);
  const lib = await pdfjs();
  const task = lib.getDocument({
    // PDF.js may take over the buffer it is given: it gets a copy.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    verbosity: 0,
    ...dataFolders(),
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (err) {
      if ((err as Error)?.name === 'PasswordException') {
        throw new ApiError('encrypted', `${name} is encrypted (password-protected): Sourcebench cannot read it; save an unprotected copy`);
      }
      throw new ApiError('damaged_file', `${name} is not a readable PDF: it is damaged, or not a PDF at all (${reason(err)})`);
    }
    const maxPages = options.maxPages ?? MAX_PDF_PAGES;
    if (doc.numPages > maxPages)
      throw new ApiError(
        'too_large',
        tooManyPagesMessage(name, doc.numPages).replace(MAX_PDF_PAGES.toLocaleString('en'), maxPages.toLocaleString('en')),
      );
    const labels = await doc.getPageLabels().catch(() => null);
    const warnings: string[] = [];
    const pages: PageData[] = [];
    const monoFonts = new Set<string>();
    for (let i = 1; i <= doc.numPages; i++) {
      const label = labels?.[i - 1]?.trim() || String(i);
      try {
        const page = await doc.getPage(i);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        for (const [font, style] of Object.entries(content.styles)) if (style.fontFamily === 'monospace') monoFonts.add(font);
        const items = content.items.filter((it): it is typeof it & RawItem => 'str' in it);
        const { frags, turned } = fragmentsOf(items, monoFonts, viewport.transform);
        pages.push({ page: i, label, width: viewport.width, height: viewport.height, frags, turned });
        page.cleanup();
      } catch (err) {
        pages.push({ page: i, label, width: 612, height: 792, frags: [], turned: [], failed: reason(err) });
      }
    }
    const md = await doc.getMetadata().catch(() => null);
    const meta = metadataOf((md?.info ?? {}) as Record<string, unknown>, (md?.metadata as XmpLike | null) ?? null);
    const parsed = build(name, bytes, pages, meta, warnings, {
      version: (md?.info as { PDFFormatVersion?: string } | undefined)?.PDFFormatVersion ?? null,
      producer: cleanText((md?.info as { Producer?: unknown } | undefined)?.Producer) ?? null,
    });
    const facts = (parsed.source.meta as { pdf: PdfFacts }).pdf;
    const withText = facts.textLayer ? pages.length - facts.pagesWithoutText.length : 0;
    // A scan: most pages have no text (a page or two of typed cover sheet does not make it born-digital).
    if (options.render !== false && withText * 2 < pages.length) {
      const images = await renderPages(
        name,
        doc.numPages,
        (n) => doc.getPage(n),
        pages.map((p) => p.label),
      );
      return scanSource(bytes, parsed, images, withText);
    }
    return parsed;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Pages read to the stored text and its passages. */
function build(
  name: string,
  bytes: Uint8Array,
  pages: PageData[],
  meta: Metadata,
  warnings: string[],
  about: { version: string | null; producer: string | null },
): ParsedSource {
  // The body's type size and font: those of the most characters.
  const body = modeOf(pages.flatMap((p) => p.frags.map((f): [number, number] => [Math.round(f.size * 2) / 2, f.chars]))) ?? 10;
  const bodyFont = modeOf(pages.flatMap((p) => p.frags.map((f): [string, number] => [f.font, f.chars]))) ?? '';
  const furniture = findFurniture(pages, body);
  const vocabulary = new Vocabulary();
  for (const p of pages) for (const f of p.frags) if (!furniture.has(f)) vocabulary.add(f.text.replace(/\S+[-\u2010\u00AD]$/u, ''));

  const texts: string[] = [];
  const spans: Span[] = [];
  let length = 0;
  const withoutText: { page: number; label: string }[] = [];
  // Text turned across the page that repeats on other pages is furniture too (a download stamp in the margin).
  const turnedPages = new Map<string, Set<number>>();
  for (const p of pages)
    for (const f of p.turned) turnedPages.set(furnitureKey(f.text), (turnedPages.get(furnitureKey(f.text)) ?? new Set()).add(p.page));
  for (const page of pages) {
    const kept = page.frags.filter((f) => !furniture.has(f));
    const turned = page.turned.filter((f) => turnedPages.get(furnitureKey(f.text))!.size < 2);
    const chars = [...kept, ...turned].reduce((n, f) => n + f.chars, 0);
    if (page.failed) warnings.push(`page ${page.label} could not be read (${page.failed}); it was left out`);
    else if (chars < MIN_PAGE_CHARS) withoutText.push({ page: page.page, label: page.label });
    let blocks: Block[] = [];
    try {
      blocks = kept.length ? pageBlocks(page, kept, body, bodyFont) : [];
    } catch (err) {
      // A layout this reader does not expect: the page's lines, top to bottom, rather than nothing.
      warnings.push(`page ${page.label}: its layout could not be read (${reason(err)}); its lines were kept top to bottom`);
      blocks = linesOf(kept).map((l) => ({ lines: [l], kind: 'paragraph', size: l.size }));
    }
    for (const f of turned) blocks.push({ lines: [lineOf([f])], kind: 'paragraph', size: f.size });
    for (const b of blocks) {
      const text = blockText(b, vocabulary);
      if (!text) continue;
      if (length) {
        texts.push('\n\n');
        length += 2;
      }
      texts.push(text);
      spans.push({
        start: length,
        end: length + text.length,
        kind: b.kind,
        page: page.page,
        pageLabel: page.label,
        info: { ...(b.note ? { note: b.note } : {}), box: boxOf(b.lines) },
      });
      length += text.length;
    }
  }
  const text = texts.join('');
  const passages = spans.flatMap((s) => splitLong(text, s));
  const textLayer = passages.length > 0;
  if (textLayer && withoutText.length) {
    const which =
      withoutText
        .slice(0, 10)
        .map((p) => p.label)
        .join(', ') + (withoutText.length > 10 ? '…' : '');
    warnings.push(
      `${withoutText.length} of ${pages.length} pages have no text (p. ${which}): blank pages, or images of text; the PDF was read by its text layer, which most of its pages have, and these pages were left without text`,
    );
  }
  const pdf: PdfFacts = { pages: pages.length, textLayer, pagesWithoutText: textLayer ? withoutText : [] };
  const csl = citationOf(meta, warnings, {});
  csl.title ??= titleFromFileName(name);
  const hash = createHash('sha256');
  if (textLayer) hash.update(text, 'utf8');
  else hash.update('pdf without a text layer\0').update(bytes);
  return {
    warnings,
    source: {
      ...columnsOf(csl, csl.title),
      csl,
      kind: 'text',
      format: 'pdf',
      fileName: name,
      encoding: 'pdf',
      hash: hash.digest('hex'),
      text,
      bytes: bytes.length,
      tags: [],
      meta: { pdf: { ...pdf, ...about } },
      passages,
    },
  };
}

/**
 * A scanned PDF as an image source: its drawn pages, no text until recognised, and the
 * citation its metadata gave. Named by the PDF's bytes, so importing it again finds it.
 */
function scanSource(bytes: Uint8Array, parsed: ParsedSource, images: PageImage[], withText: number): ParsedSource {
  // Only what the citation found is kept of the text reading's warnings.
  const warnings = parsed.warnings.filter((w) => !/^\d+ of \d+ pages have no text|^page .* could not be read|^page .*: its layout/.test(w));
  if (withText > 0) warnings.unshift(scanWithTextMessage(withText, images.length));
  return {
    warnings,
    images,
    source: {
      ...parsed.source,
      format: 'image',
      encoding: 'binary',
      hash: createHash('sha256').update('scanned pdf\0').update(bytes).digest('hex'),
      text: '',
      passages: [],
      meta: { image: { pages: images.length } },
    },
  };
}
