/** Two sources side by side: the alignment, diffs for near-identical pairs, and their claims about the same things. */
import type { AlignedPair, AlignedSection, ClaimRecord, Comparison, PairClaims, SourceDetail } from '../../shared/types';
import { align, MATCH_THRESHOLD, wordDiff } from './align';
import { escapeInline } from '../export/escape';
import { eventKey } from '../claims/labels';

/** A heading over a list of references or links: what is under it is apparatus, numbered notes included. */
const APPARATUS_HEADING =
  /^(?:references|notes|footnotes|sources|bibliography|works cited|citations|further reading|see also|external links|literature)$/i;

/**
 * The passages a comparison pairs: not apparatus (chrome, images, link lists, "See also"),
 * nor what stands under a heading such as "References", "Notes" or "Further reading" (a
 * numbered reference list reads as notes), nor a heading with nothing but apparatus under it.
 */
export function comparable(list: SourceDetail['passageList']): SourceDetail['passageList'] {
  let underApparatus = false;
  const apparatus = list.map((p) => {
    if (p.kind === 'heading') {
      underApparatus = APPARATUS_HEADING.test(p.text.trim().replace(/[:.]$/, ''));
      return false;
    }
    return p.kind === 'apparatus' || (underApparatus && (p.kind === 'footnote' || p.kind === 'item' || p.kind === 'paragraph'));
  });
  return list.filter((p, i) => {
    if (apparatus[i]) return false;
    if (p.kind !== 'heading') return true;
    let j = i + 1;
    while (j < list.length && apparatus[j]) j++;
    return j === i + 1 || (j < list.length && list[j]!.kind !== 'heading');
  });
}

export function compare(a: SourceDetail, b: SourceDetail, claimsA: ClaimRecord[], claimsB: ClaimRecord[]): Comparison {
  const pa = comparable(a.passageList);
  const pb = comparable(b.passageList);
  const r = align(pa, pb);
  const pairs = r.pairs.map((p) => {
    const x = pa[p.a]!;
    const y = pb[p.b]!;
    const ta = x.text.slice(p.aStart - x.start, p.aEnd - x.start);
    const tb = y.text.slice(p.bStart - y.start, p.bEnd - y.start);
    return {
      a: { passageId: x.id, ordinal: x.ordinal, start: p.aStart, end: p.aEnd, sentences: p.aSentences },
      b: { passageId: y.id, ordinal: y.ordinal, start: p.bStart, end: p.bEnd, sentences: p.bSentences },
      similarity: p.similarity,
      kind: p.kind,
      ...(p.kind === 'near' ? { diff: wordDiff(ta, tb) } : {}),
    };
  });
  return {
    a,
    b,
    pairs,
    onlyA: r.onlyA.map((i) => pa[i]!.id),
    onlyB: r.onlyB.map((j) => pb[j]!.id),
    sharedA: r.sharedA,
    sharedB: r.sharedB,
    threshold: MATCH_THRESHOLD,
    sections: sections(pairs),
    claims: claimGroups(claimsA, claimsB),
    pairClaims: pairClaims(pairs, claimsA, claimsB),
  };
}

/** A section goes on while the next pair is at most this many passages on from the last, on both sides. */
const SECTION_GAP = 3;

/**
 * The stretches of A and B that tell the same events: pairs (in A's order) that go on in
 * both texts, forwards and without a long gap, make one section.
 */
export function sections(pairs: readonly Pick<AlignedPair, 'a' | 'b'>[]): AlignedSection[] {
  const out: AlignedSection[] = [];
  pairs.forEach((p, k) => {
    const s = out[out.length - 1];
    const goesOn = (from: number, to: number, at: number) => at >= from && at <= to + SECTION_GAP;
    if (s && goesOn(s.a.from, s.a.to, p.a.ordinal) && goesOn(s.b.from, s.b.to, p.b.ordinal)) {
      s.a.to = Math.max(s.a.to, p.a.ordinal);
      s.b.to = Math.max(s.b.to, p.b.ordinal);
      s.pairs.to = k;
    } else out.push({ a: { from: p.a.ordinal, to: p.a.ordinal }, b: { from: p.b.ordinal, to: p.b.ordinal }, pairs: { from: k, to: k } });
  });
  return out;
}

/** The claims whose quotes lie inside each pair's sentences, for the pairs with claims on both sides. */
function pairClaims(pairs: AlignedPair[], a: ClaimRecord[], b: ClaimRecord[]): PairClaims[] {
  const inside = (list: ClaimRecord[], span: AlignedPair['a']) =>
    list.filter((c) => c.status !== 'rejected' && !c.orphaned && c.start >= span.start && c.end <= span.end);
  const out: PairClaims[] = [];
  pairs.forEach((p, pair) => {
    const x = inside(a, p.a);
    const y = inside(b, p.b);
    if (!x.length || !y.length) return;
    const differ = x.some((c) => {
      const same = y.filter((d) => d.measure === c.measure);
      return (
        same.length > 0 &&
        figuresDiffer(
          x.filter((e) => e.measure === c.measure),
          same,
        )
      );
    });
    out.push({ pair, a: x, b: y, differ });
  });
  return out;
}

/** Claims of both sources in the same question, or with the same event label and measure. */
function claimGroups(a: ClaimRecord[], b: ClaimRecord[]): Comparison['claims'] {
  const key = (c: ClaimRecord) => (c.questionId !== null ? `q${c.questionId}` : `e${eventKey(c.event)}|${c.measure}|${c.unit}`);
  const live = (list: ClaimRecord[]) => list.filter((c) => c.status !== 'rejected');
  const groups = new Map<string, Comparison['claims'][number]>();
  for (const [side, list] of [
    ['a', live(a)],
    ['b', live(b)],
  ] as const) {
    for (const c of list) {
      const k = key(c);
      // A label that is only a year names no event: those claims are grouped as such.
      const g = groups.get(k) ?? { label: eventKey(c.event) ? c.event : 'no event named', measure: c.measure, a: [], b: [], differ: false };
      g[side].push(c);
      groups.set(k, g);
    }
  }
  return [...groups.values()].filter((g) => g.a.length && g.b.length).map((g) => ({ ...g, differ: figuresDiffer(g.a, g.b) }));
}

type Figure = Pick<ClaimRecord, 'low' | 'high' | 'unit'>;

/** Two bounds are the same figure: equal, or apart by no more than floating-point noise ("2.05 million" is 2049999.9999999998). */
function sameBound(x: number | null, y: number | null): boolean {
  if (x === null || y === null) return x === y;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

function sameFigure(x: Figure, y: Figure): boolean {
  return x.unit === y.unit && sameBound(x.low, y.low) && sameBound(x.high, y.high);
}

/**
 * Whether two sources give different figures for the same thing: the set of values one gives is
 * not the set the other gives. Order and repetition do not count ("681,692 … 3" against "3 … 681,692",
 * or one figure quoted twice), nor does a hedge: "about 680,000" and "680,000" are the same figure,
 * and the values shown beside the flag keep their "~". A range is one figure, so "600,000–1.2 million"
 * matches the same range only, not a figure inside it, and "at least 600,000" is not "600,000".
 */
export function figuresDiffer(a: readonly Figure[], b: readonly Figure[]): boolean {
  const covered = (from: readonly Figure[], by: readonly Figure[]) => from.every((x) => by.some((y) => sameFigure(x, y)));
  return !(covered(a, b) && covered(b, a));
}

const range = (r: { from: number; to: number }) => (r.from === r.to ? `¶ ${r.from}` : `¶ ${r.from}–${r.to}`);

/** The comparison as Markdown: a two-column table of aligned passages with the diff marked, then what only one has. */
export function comparisonMarkdown(c: Comparison): string {
  // Every piece of source text escaped (escape.ts), so the table renders it literally; only
  // the strike-through and bold this export adds around changed words are markup.
  const cell = (s: string) => escapeInline(s);
  const piece = (t: string) => {
    const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(t)!;
    return `${lead ? ' ' : ''}${escapeInline(body, false)}${trail ? ' ' : ''}`;
  };
  const marked = (t: string, mark: string) => (t.trim() ? `${mark}${escapeInline(t.trim(), false)}${mark} ` : piece(t));
  // A pair's sentences, not the whole of its passages.
  const text = (d: SourceDetail, span: AlignedPair['a']) => {
    const p = d.passageList.find((x) => x.id === span.passageId)!;
    return p.text.slice(span.start - p.start, span.end - p.start);
  };
  const lines = [
    `# ${cell(c.a.title)} ⇆ ${cell(c.b.title)}`,
    '',
    `${c.pairs.length} aligned pairs · ${Math.round(c.sharedA * 100)}% of A and ${Math.round(c.sharedB * 100)}% of B shared · ${c.onlyA.length} passages only in A, ${c.onlyB.length} only in B (similarity threshold ${c.threshold})`,
    '',
    ...(c.sections.length ? [`Same events: ${c.sections.map((s) => `A ${range(s.a)} ⇆ B ${range(s.b)}`).join(' · ')}`, ''] : []),
    `| ¶ A | ${cell(c.a.title)} | ¶ B | ${cell(c.b.title)} | Similarity |`,
    '|---|---|---|---|---|',
  ];
  for (const p of c.pairs) {
    let left = cell(text(c.a, p.a));
    let right = cell(text(c.b, p.b));
    if (p.diff) {
      // Deleted words struck through on the left, added words in bold on the right.
      left = p.diff
        .filter((d) => d.op !== 'added')
        .map((d) => (d.op === 'removed' ? marked(d.text, '~~') : piece(d.text)))
        .join('')
        .replace(/ +/g, ' ')
        .trim();
      right = p.diff
        .filter((d) => d.op !== 'removed')
        .map((d) => (d.op === 'added' ? marked(d.text, '**') : piece(d.text)))
        .join('')
        .replace(/ +/g, ' ')
        .trim();
    }
    lines.push(`| ${p.a.ordinal} | ${left} | ${p.b.ordinal} | ${right} | ${p.similarity.toFixed(2)} ${p.kind} |`);
  }
  const only = (title: string, d: SourceDetail, ids: number[]) => {
    if (!ids.length) return;
    lines.push('', `## Only in ${cell(title)}`, '');
    for (const id of ids) {
      const p = d.passageList.find((x) => x.id === id)!;
      lines.push(`- ¶ ${p.ordinal}: ${cell(p.text)}`);
    }
  };
  only(c.a.title, c.a, c.onlyA);
  only(c.b.title, c.b, c.onlyB);
  return `${lines.join('\n')}\n`;
}
