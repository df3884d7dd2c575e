/**
 * Progressive alignment of several witnesses, after CollateX: the witnesses are taken in turn
 * and each is aligned against the table the previous ones made (the variant graph, kept here
 * in its linear order as columns: a column holds at most one token of each witness).
 *
 * No maintained JavaScript implementation of CollateX exists, so this is written here. To stay
 * near-linear on witnesses that are mostly alike, a new witness is first anchored on trigrams
 * that occur once in it and once in an earlier witness; the anchors that keep their order
 * (the longest increasing run of columns) are kept, which is how a transposed passage is left
 * out rather than allowed to cross the table. The gaps between anchors are anchored again on
 * words unique within the gap, and what remains, small, is aligned by Needleman–Wunsch, where
 * a word may stand in a column against a different word (a substitution).
 */
import type { Token } from './tokens';

export interface Column {
  /** Per witness, the index of its token in this column, or -1. */
  cells: number[];
  /** The keys of the tokens in it (as numbers: see `intern`). */
  keys: number[];
  /** Its place in the table during one witness's alignment. */
  pos: number;
}

/** Gaps up to this many cells (columns × tokens) are aligned by Needleman–Wunsch directly. */
const NW_CELLS = 60_000;
/** A gap without any unique word is aligned by Needleman–Wunsch up to this size; past it, its words go side by side. */
const NW_CELLS_MAX = 4_000_000;

export function alignWitnesses(witnesses: readonly (readonly Token[])[]): Column[] {
  const n = witnesses.length;
  let columns: Column[] = [];
  /** Per witness aligned so far, the column of each of its tokens. */
  const columnOf: Column[][] = [];
  // Keys as small numbers: maps and comparisons on numbers rather than strings.
  const vocabulary = new Map<string, number>();
  const keyIds = witnesses.map((tokens) =>
    Int32Array.from(tokens, (t) => vocabulary.get(t.key) ?? (vocabulary.set(t.key, vocabulary.size), vocabulary.size - 1)),
  );
  const grams = keyIds.map((ids) => uniqueGrams(ids, vocabulary.size));
  witnesses.forEach((tokens, w) => {
    columns.forEach((c, i) => (c.pos = i));
    const anchors = w === 0 ? [] : trigramAnchors(grams, w, columnOf);
    const out: Column[] = [];
    const place = new Array<Column>(tokens.length);
    const ctx: Ctx = { columns, ids: keyIds[w]!, w, n, out, place };
    let c = 0;
    let i = 0;
    for (const [ti, col] of anchors) {
      gap(ctx, c, col.pos, i, ti);
      take(ctx, col, ti);
      c = col.pos + 1;
      i = ti + 1;
    }
    gap(ctx, c, columns.length, i, tokens.length);
    columns = out;
    columnOf.push(place);
  });
  return columns;
}

interface Ctx {
  columns: Column[];
  /** The new witness's keys. */
  ids: Int32Array;
  w: number;
  n: number;
  out: Column[];
  place: Column[];
}

function take(ctx: Ctx, col: Column, ti: number) {
  col.cells[ctx.w] = ti;
  if (!col.keys.includes(ctx.ids[ti]!)) col.keys.push(ctx.ids[ti]!);
  ctx.place[ti] = col;
  ctx.out.push(col);
}

function added(ctx: Ctx, ti: number) {
  const cells = new Array<number>(ctx.n).fill(-1);
  cells[ctx.w] = ti;
  const col: Column = { cells, keys: [ctx.ids[ti]!], pos: -1 };
  ctx.place[ti] = col;
  ctx.out.push(col);
}

/** Aligns columns [c0, c1) with tokens [i0, i1), appending to the new table in order. */
function gap(ctx: Ctx, c0: number, c1: number, i0: number, i1: number) {
  const nc = c1 - c0;
  const ni = i1 - i0;
  if (ni === 0) {
    for (let c = c0; c < c1; c++) ctx.out.push(ctx.columns[c]!);
    return;
  }
  if (nc === 0) {
    for (let i = i0; i < i1; i++) added(ctx, i);
    return;
  }
  if (nc * ni <= NW_CELLS) return needlemanWunsch(ctx, c0, c1, i0, i1);
  const anchors = uniqueAnchors(ctx, c0, c1, i0, i1);
  if (anchors.length === 0) {
    if (nc * ni <= NW_CELLS_MAX) return needlemanWunsch(ctx, c0, c1, i0, i1);
    for (let c = c0; c < c1; c++) ctx.out.push(ctx.columns[c]!);
    for (let i = i0; i < i1; i++) added(ctx, i);
    return;
  }
  let c = c0;
  let i = i0;
  for (const [ti, col] of anchors) {
    gap(ctx, c, col.pos, i, ti);
    take(ctx, col, ti);
    c = col.pos + 1;
    i = ti + 1;
  }
  gap(ctx, c, c1, i, i1);
}

/**
 * Trigrams found once in the new witness and once in an earlier one: token → column. Where the
 * earlier witnesses disagree on a token's column, their majority wins (Boyer–Moore vote).
 */
function trigramAnchors(grams: readonly Map<number | string, number>[], w: number, columnOf: Column[][]): [number, Column][] {
  const mine = grams[w]!;
  const candidate = new Map<number, Column>();
  const count = new Map<number, number>();
  for (let j = 0; j < w; j++) {
    const theirs = grams[j]!;
    for (const [gram, i] of mine) {
      const p = theirs.get(gram);
      if (p === undefined) continue;
      for (let t = 0; t < 3; t++) {
        const col = columnOf[j]![p + t]!;
        const c = count.get(i + t) ?? 0;
        if (candidate.get(i + t) === col) count.set(i + t, c + 1);
        else if (c === 0) {
          candidate.set(i + t, col);
          count.set(i + t, 1);
        } else count.set(i + t, c - 1);
      }
    }
  }
  const pairs = [...candidate].sort((a, b) => a[0] - b[0]);
  return increasing(pairs);
}

/** Each trigram of keys found once, with where it starts. */
function uniqueGrams(ids: Int32Array, size: number): Map<number | string, number> {
  const seen = new Map<number | string, number>();
  const v = Math.max(size, 2);
  // Past about 200,000 different words the number would not be exact: a string then.
  const exact = v ** 3 < Number.MAX_SAFE_INTEGER;
  for (let i = 0; i + 2 < ids.length; i++) {
    const gram = exact ? (ids[i]! * v + ids[i + 1]!) * v + ids[i + 2]! : `${ids[i]},${ids[i + 1]},${ids[i + 2]}`;
    seen.set(gram, seen.has(gram) ? -1 : i);
  }
  for (const [g, i] of seen) if (i < 0) seen.delete(g);
  return seen;
}

/** Words found once among the gap's tokens and in one only of its columns. */
function uniqueAnchors(ctx: Ctx, c0: number, c1: number, i0: number, i1: number): [number, Column][] {
  const inTokens = new Map<number, number>();
  for (let i = i0; i < i1; i++) {
    const k = ctx.ids[i]!;
    inTokens.set(k, inTokens.has(k) ? -1 : i);
  }
  const inColumns = new Map<number, Column | null>();
  for (let c = c0; c < c1; c++) {
    const col = ctx.columns[c]!;
    for (const k of col.keys) if (inTokens.has(k)) inColumns.set(k, inColumns.has(k) ? null : col);
  }
  const pairs: [number, Column][] = [];
  for (const [k, col] of inColumns) {
    const i = inTokens.get(k)!;
    if (col && i >= 0) pairs.push([i, col]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return increasing(pairs);
}

/** The longest run of pairs whose columns increase with their tokens (patience sorting, O(n log n)). */
export function increasing<T extends { pos: number }>(pairs: [number, T][]): [number, T][] {
  const tails: number[] = [];
  const prev = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const pos = pairs[k]![1].pos;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1].pos < pos) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: [number, T][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

const MATCH = 2;
const SUBSTITUTE = -1;
const SKIP = -1;

/** Needleman–Wunsch over columns [c0, c1) and tokens [i0, i1): a token goes into a column (same word or a substitute) or into a column of its own. */
function needlemanWunsch(ctx: Ctx, c0: number, c1: number, i0: number, i1: number) {
  const rows = c1 - c0 + 1;
  const cols = i1 - i0 + 1;
  const score = new Int32Array(rows * cols);
  // 0 diagonal, 1 column skipped (the witness has nothing there), 2 token added.
  const move = new Uint8Array(rows * cols);
  for (let r = 1; r < rows; r++) [score[r * cols], move[r * cols]] = [r * SKIP, 1];
  for (let k = 1; k < cols; k++) [score[k], move[k]] = [k * SKIP, 2];
  for (let r = 1; r < rows; r++) {
    const keys = ctx.columns[c0 + r - 1]!.keys;
    for (let k = 1; k < cols; k++) {
      const key = ctx.ids[i0 + k - 1]!;
      const diag = score[(r - 1) * cols + k - 1]! + (keys.includes(key) ? MATCH : SUBSTITUTE);
      const up = score[(r - 1) * cols + k]! + SKIP;
      const left = score[r * cols + k - 1]! + SKIP;
      const at = r * cols + k;
      if (diag >= up && diag >= left) [score[at], move[at]] = [diag, 0];
      else if (up >= left) [score[at], move[at]] = [up, 1];
      else [score[at], move[at]] = [left, 2];
    }
  }
  const steps: number[] = [];
  for (let r = rows - 1, k = cols - 1; r > 0 || k > 0;) {
    const m = move[r * cols + k]!;
    steps.push(m);
    if (m === 0) [r, k] = [r - 1, k - 1];
    else if (m === 1) r--;
    else k--;
  }
  let c = c0;
  let i = i0;
  for (let s = steps.length - 1; s >= 0; s--) {
    const m = steps[s]!;
    if (m === 0) take(ctx, ctx.columns[c++]!, i++);
    else if (m === 1) ctx.out.push(ctx.columns[c++]!);
    else added(ctx, i++);
  }
}
