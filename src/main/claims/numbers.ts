/**
 * Quantities in English prose, with their offsets: digits ("681,692", "1.2 million",
 * "3.5m", "~700,000"), number words ("two million", "a third", "half"), vague magnitudes
 * ("tens of thousands", "millions"), percentages, ranges ("600,000 to 1.2 million",
 * "7–10 million", "between 5 and 7 million") and the bounds and hedges before them
 * ("at least", "up to", "about", "an estimated", "on the order of").
 *
 * Written here rather than taken from a library: the number-word packages on npm read
 * "two million" but none reads vague magnitudes, fractions and ranges with the offsets a
 * quote needs, which is most of the job.
 */

export interface Quantity {
  start: number;
  end: number;
  low: number | null;
  high: number | null;
  unit: 'count' | 'percent';
  approx: boolean;
  /** A vague magnitude ("thousands") rather than a figure. */
  vague: boolean;
  /** The bare number was a plain 4-digit integer (maybe a year), or a span of years. */
  yearLike: boolean;
  /** The first number as written. */
  text: string;
}

const SMALL: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
  several: 3,
  dozen: 12,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, m: 1e6, mln: 1e6, bn: 1e9, k: 1e3 };
const FRACTIONS: Record<string, number> = { half: 50, third: 100 / 3, quarter: 25, fifth: 20, tenth: 10 };
const VAGUE: [RegExp, number][] = [
  [/^hundreds of millions$/i, 1e8],
  [/^tens of millions$/i, 1e7],
  [/^hundreds of thousands$/i, 1e5],
  [/^tens of thousands$/i, 1e4],
  [/^millions$/i, 1e6],
  [/^thousands$/i, 1e3],
  [/^hundreds$/i, 100],
];

const W = Object.keys(SMALL)
  .filter((w) => w !== 'a' && w !== 'an' && w !== 'several' && w !== 'dozen')
  .join('|');
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:hundred\s+)?(?:thousand|million|billion)|\s?(?:mln|bn)\b|(?:m|k)\b)`;
const WORDNUM = String.raw`(?:an?|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and\s+(?:${W})(?:[- ](?:${W}))?)?(?:\s+(?:thousand|million|billion))?|(?:a|one|two|three)[- ](?:quarter|third)s?\s+of\s+an?\s+(?:thousand|million|billion)|(?:an?|one)\s+(?:thousand|million|billion)\s+and\s+a\s+half|(?:(?:${W})\s+and\s+a\s+half|half\s+a)\s+(?:thousand|million|billion)|(?:(?:${W})(?:[- ](?:${W}))?|an?|several|a\s+few)\s+(?:hundred\s+)?(?:thousand|million|billion)|(?:${W})(?:[- ](?:${W}))?`;
const FRACTION = String.raw`(?:a|one|two|three)[- ](?:half|third|quarter|fifth|tenth)s?(?!\s+(?:thousand|million|billion|of\s+an?\s+(?:thousand|million|billion)))|(?:a|one)\s+(?:mere|bare|full|good|scant)\s+(?:half|third|quarter|fifth|tenth)|half(?!\s+a\s+(?:thousand|million|billion))`;
const VAGUE_RE = String.raw`(?:tens|hundreds)\s+of\s+(?:thousands|millions)|millions|thousands|hundreds`;
/** "several thousand", "a few hundred": a vague magnitude, its scale the low end. */
const FEW = String.raw`(?:several|a\s+few)\s+(?:hundred\s+)?(?:thousand|million|billion)|(?:several|a\s+few)\s+hundred`;
/**
 * A hyphen joins two figures into a range ("12,000-15,000", "2.1-2.6 million", "85- 90%",
 * "200,000[4]-2,000,000" once the note is blanked) but not a word to a figure ("COVID-19",
 * "Tu-154", "12-year").
 */
const ATOM = new RegExp(
  String.raw`(?<![\w.,])(?<!&#x?)(?<!(?<!(?:[\d%]|\d[kKmMbB]|\d\s?(?:million|thousand|billion|mln|bn))[\s\u00a0]{0,12})-)(?:(?<frac>${FRACTION})|(?<vague>${VAGUE_RE})|(?<few>${FEW})|(?<digits>${DIGITS})(?<scale>${SCALE})?|(?<words>${WORDNUM}))(?<pct>\s?(?:%|per\s?cent\b|percent\b))?(?![\w]|-(?![\s\u00a0]?\d))`,
  'gi',
);
/** Three or more figures joined by hyphens or slashes are a date, a code or a number to call ("1945-05-08", "978-3-16"). */
const CHAIN = /\d[\d,.]*(?:[\s\u00a0]?[-/][\s\u00a0]?\d[\d,.]*){2,}/g;

function wordValue(words: string): number | null {
  // "a quarter of a million", "three-quarters of a million", "a million and a half".
  const part = /^(a|one|two|three)[- ](quarter|third)s?\s+of\s+an?\s+(thousand|million|billion)$/i.exec(words.trim());
  if (part)
    return (
      (part[1]!.toLowerCase() === 'a' ? 1 : SMALL[part[1]!.toLowerCase()]!) *
      (part[2]!.toLowerCase() === 'quarter' ? 0.25 : 1 / 3) *
      SCALES[part[3]!.toLowerCase()]!
    );
  const andHalf = /^(?:an?|one)\s+(thousand|million|billion)\s+and\s+a\s+half$/i.exec(words.trim());
  if (andHalf) return 1.5 * SCALES[andHalf[1]!.toLowerCase()]!;
  // "one and a half million", "half a million".
  const half = /^(?:(\w+)\s+and\s+a\s+half|half\s+a)\s+(thousand|million|billion)$/i.exec(words.trim());
  if (half) return ((half[1] ? (SMALL[half[1].toLowerCase()] ?? NaN) : 0) + 0.5) * SCALES[half[2]!.toLowerCase()]!;
  let total = 0;
  let current = 0;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'few' || w === 'and') continue;
    if (w in SMALL) current += SMALL[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else return null;
  }
  return total + current;
}

interface Atom {
  start: number;
  end: number;
  value: number;
  scaled: boolean;
  unit: 'count' | 'percent';
  vague: boolean;
  approx: boolean;
  yearLike: boolean;
  text: string;
}

function atoms(text: string): Atom[] {
  const out: Atom[] = [];
  const chains = [...text.matchAll(CHAIN)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const m of text.matchAll(ATOM)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (chains.some(([s, e]) => start >= s && start < e)) continue;
    const pct = !!g.pct;
    if (g.few) {
      // "several thousand" is at least a thousand: the scale, not three of it.
      const value = g.few
        .toLowerCase()
        .split(/\s+/)
        .reduce((v, w) => v * (SCALES[w] ?? 1), 1);
      out.push({ start, end, value, scaled: true, unit: pct ? 'percent' : 'count', vague: true, approx: true, yearLike: false, text: m[0] });
    } else if (g.frac) {
      const parts = g.frac.toLowerCase().split(/[- ]/);
      const base = FRACTIONS[parts[parts.length - 1]!.replace(/s$/, '')]!;
      const n = parts.length > 1 ? (SMALL[parts[0]!] ?? 1) : 1;
      out.push({
        start,
        end,
        value: Math.round(n * base * 10) / 10,
        scaled: false,
        unit: 'percent',
        vague: false,
        approx: false,
        yearLike: false,
        text: m[0],
      });
    } else if (g.vague) {
      const v = VAGUE.find(([re]) => re.test(g.vague!.replace(/\s+/g, ' ')))?.[1];
      if (v === undefined) continue;
      out.push({ start, end, value: v, scaled: true, unit: 'count', vague: true, approx: true, yearLike: false, text: m[0] });
    } else if (g.digits) {
      let value = Number(g.digits.replace(/[,\s\u00a0\u202f]/g, ''));
      const scale = g.scale?.trim().toLowerCase().split(/\s+/) ?? [];
      for (const s of scale) value *= SCALES[s] ?? 1;
      const yearLike = !g.scale && !pct && /^\d{4}$/.test(g.digits) && value >= 1000 && value <= 2100;
      out.push({ start, end, value, scaled: scale.length > 0, unit: pct ? 'percent' : 'count', vague: false, approx: false, yearLike, text: m[0] });
    } else if (g.words) {
      const value = wordValue(g.words);
      if (value === null || Number.isNaN(value)) continue;
      const few = /\b(?:several|few)\b/i.test(g.words);
      out.push({
        start,
        end,
        value,
        scaled: /thousand|million|billion/i.test(g.words),
        unit: pct ? 'percent' : 'count',
        vague: few,
        approx: few,
        yearLike: false,
        text: m[0],
      });
    }
  }
  return out;
}

const LOW_BOUND =
  /(?:\b(?:at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|well\s+over|well\s+above|above|exceeding|higher\s+than|greater\s+than|(?:an?\s+(?:absolute\s+|bare\s+)?)?minimum\s+of|more\s+(?:[a-z'-]+\s+){1,3}than)\s+)$/i;
const HIGH_BOUND =
  /(?:\b(?:up\s+to|as\s+many\s+as|as\s+high\s+as|as\s+much\s+as|fewer\s+than|less\s+than|lower\s+than|no\s+more\s+than|at\s+most|under|below|(?:an?\s+)?maximum\s+of|(?:fewer|less)\s+(?:[a-z'-]+\s+){1,3}than)\s+)$/i;
const HEDGE =
  /(?:(?:\b(?:about|around|roughly|approximately|an\s+estimated|estimated|nearly|almost|some|circa|ca\.|c\.|close(?:r)?\s+to|on\s+the\s+order\s+of|perhaps|possibly|probably|maybe|an\s+approximate|approx\.|somewhere\s+around|in\s+the\s+region\s+of)\s+)|~\s*)$/i;
const RANGE_JOIN = /^\s*(?:to|–|—|-|and|or)\s*$/i;
/** "681,692 to nearly 2 million" (a hedge: the range is approximate), "400,000 to, by some estimates, 10 million" (not). */
const HEDGED_JOIN =
  /^\s*(to|–|—|-)\s*(?:(nearly|almost|about|around|roughly|some|perhaps|possibly|probably|maybe|close\s+to|approximately)|,?\s*(?:by|according\s+to|in)\s+(?:some|other|several|one|many)\s+(?:estimates?|accounts?|sources?|counts?|calculations?),?)\s+$/i;
const RANGE_START = /(?:\b(?:between|from)\s+)$/i;
/** "102,800 (+/- 12,000)": a margin makes the figure approximate; the margin is no figure. */
const MARGIN = /^\s*\(\s*(?:\+\s*\/?\s*-|±)\s*[\d,.]+\s*(?:%|per\s?cent)?\s*\)/i;

/** Every quantity in `text`, ranges joined and bounds and hedges applied. */
export function findQuantities(text: string): Quantity[] {
  const list = atoms(text);
  const out: Quantity[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    let start = a.start;
    let end = a.end;
    let low: number | null = a.value;
    let high: number | null = a.value;
    let approx = a.approx;
    let unit = a.unit;
    let b = list[i + 1];
    let ranged = false;
    const plain = (x: Atom | undefined): x is Atom => !!x && x.unit === 'count' && !x.vague;
    // "one in five", "one out of every three": a share.
    if (
      plain(b) &&
      plain(a) &&
      /^\s+(?:in|out\s+of\s+every)\s+(?:every\s+)?$/i.test(text.slice(a.end, b.start)) &&
      a.value < b.value &&
      b.value <= 1000
    ) {
      out.push({
        start: a.start,
        end: b.end,
        low: Math.round((a.value / b.value) * 1000) / 10,
        high: Math.round((a.value / b.value) * 1000) / 10,
        unit: 'percent',
        approx: false,
        vague: false,
        yearLike: false,
        text: text.slice(a.start, b.end),
      });
      i++;
      continue;
    }
    // "all but seven of the twenty thousand prisoners": the whole less the exception.
    if (
      plain(b) &&
      plain(a) &&
      /\ball\s+but\s+$/i.test(text.slice(Math.max(0, a.start - 10), a.start)) &&
      /^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?$/i.test(text.slice(a.end, b.start)) &&
      a.value < b.value
    ) {
      const from = a.start - /all\s+but\s+$/i.exec(text.slice(Math.max(0, a.start - 10), a.start))![0].length;
      out.push({
        start: from,
        end: b.end,
        low: b.value - a.value,
        high: b.value - a.value,
        unit: 'count',
        approx: false,
        vague: false,
        yearLike: false,
        text: text.slice(from, b.end),
      });
      i++;
      continue;
    }
    // "three of the five marshals", "seven out of nine ministers", "95,000 out of an expected
    // 730,000": the part is the figure, the whole is not a claim.
    if (
      plain(b) &&
      plain(a) &&
      /^\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+|an?\s+(?:expected|estimated|projected|total\s+of|population\s+of)\s+)?$/i.test(
        text.slice(a.end, b.start),
      ) &&
      a.value < b.value
    ) {
      list.splice(i + 1, 1);
      b = list[i + 1];
    }
    // "102,800 (+/- 12,000)": approximate; the margin is read with it, not as a figure.
    const margin = MARGIN.exec(text.slice(a.end));
    let marginEnd = 0;
    if (margin) {
      approx = true;
      const to = a.end + margin[0].length;
      marginEnd = to;
      while (list[i + 1] && list[i + 1]!.start < to) list.splice(i + 1, 1);
      b = list[i + 1];
    }
    // "16,150 + 335": a sum written out.
    if (plain(b) && plain(a) && !a.yearLike && !b.yearLike && /^\s*\+\s*$/.test(text.slice(a.end, b.start))) {
      out.push({
        start,
        end: b.end,
        low: a.value + b.value,
        high: a.value + b.value,
        unit: 'count',
        approx,
        vague: false,
        yearLike: false,
        text: text.slice(a.start, b.end),
      });
      i++;
      continue;
    }
    let yearSpan = false;
    // "hundreds of thousands to millions": both ends vague, the range opens above its low end.
    if (b && a.vague && b.vague && b.value > a.value && /^\s*(?:to|–|—|-|or)\s*$/.test(text.slice(a.end, b.start))) {
      const between = RANGE_START.exec(text.slice(Math.max(0, a.start - 12), a.start));
      out.push({
        start: a.start - (between ? between[0].length : 0),
        end: b.end,
        low: a.value,
        high: null,
        unit: 'count',
        approx: true,
        vague: true,
        yearLike: false,
        text: a.text,
      });
      i++;
      continue;
    }
    // "from hundreds of thousands to 1.5 million": a vague low end, a figure for the high one.
    if (
      b &&
      a.vague &&
      !b.vague &&
      b.unit === 'count' &&
      b.value > a.value &&
      /^\s*(?:to|–|—|-)\s*$/.test(text.slice(a.end, b.start)) &&
      RANGE_START.test(text.slice(Math.max(0, a.start - 12), a.start))
    ) {
      const between = RANGE_START.exec(text.slice(0, a.start))!;
      out.push({
        start: a.start - between[0].length,
        end: b.end,
        low: a.value,
        high: b.value,
        unit: 'count',
        approx: true,
        vague: false,
        yearLike: false,
        text: a.text,
      });
      i++;
      continue;
    }
    // "681,692 to nearly 2 million": a hedge on the upper end makes the range approximate.
    const hedgedJoin = b && !a.vague && !b.vague ? HEDGED_JOIN.exec(text.slice(a.end, b.start)) : null;
    if (b && (RANGE_JOIN.test(text.slice(a.end, b.start)) || hedgedJoin) && !a.vague && !b.vague) {
      if (hedgedJoin?.[2]) approx = true;
      const joiner = (hedgedJoin ? hedgedJoin[1]! : text.slice(a.end, b.start)).trim().toLowerCase();
      const before = text.slice(Math.max(0, a.start - 12), a.start);
      const dash = joiner === '–' || joiner === '—' || joiner === '-';
      // "two or three", "forty or fifty": neighbouring figures are an approximate range.
      const neighbours =
        joiner === 'or' && !a.scaled && !b.scaled && !a.yearLike && !b.yearLike && a.unit === b.unit && a.value < b.value && b.value <= 2 * a.value;
      // "5 and 7 million" and "5 or 6" are ranges only after "between" or with a shared scale.
      if (joiner === 'to' || dash || RANGE_START.test(before) || (!a.scaled && b.scaled) || neighbours) {
        let lo = a.value;
        const hi = b.value;
        // "3.5 to 5 million": the scale of the second applies to the first.
        if (!a.scaled && b.scaled) {
          const scale = hi >= 1e9 ? 1e9 : hi >= 1e6 ? 1e6 : hi >= 1e3 ? 1e3 : 1;
          if (a.value < 1000) lo = a.value * scale;
        }
        // "1974-5", "1918-19": a span of years; "123-45" is no range of figures either.
        if (dash && lo > hi && !a.yearLike) {
          out.push({ start, end, low, high, unit, approx, vague: false, yearLike: false, text: a.text });
          i++;
          continue;
        }
        if (b.unit === 'percent') unit = 'percent';
        if (neighbours) approx = true;
        low = Math.min(lo, hi);
        high = Math.max(lo, hi);
        end = b.end;
        ranged = true;
        // "1932-1933", "from 1918 to 1956", "1974-5": a span of years, not a range of figures.
        if (a.yearLike && (b.yearLike || /^\d{1,2}$/.test(b.text))) yearSpan = true;
        i++;
        const between = RANGE_START.exec(text.slice(0, start));
        if (between) start -= between[0].length;
        // "from 1.3 million to well over 2 million": a hedge inside the range.
        if (
          /well\s+over|over|more\s+than/i.test(text.slice(a.end, b.start + 1)) ||
          /(?:well\s+over|more\s+than)\s+$/i.test(text.slice(a.end, b.start))
        )
          approx = true;
      }
    }
    if (!ranged && b && /^\s*(?:to|–|-)\s*(?:well\s+over|over|more\s+than)\s+$/i.test(text.slice(a.end, b.start)) && !a.vague) {
      low = Math.min(a.value, b.value);
      high = Math.max(a.value, b.value);
      end = b.end;
      approx = true;
      ranged = true;
      i++;
    }
    // Bounds and hedges before the number (two may stack: "up to about").
    for (let k = 0; k < 3; k++) {
      const head = text.slice(Math.max(0, start - 40), start);
      const lowB = LOW_BOUND.exec(head);
      const highB = HIGH_BOUND.exec(head);
      const hedge = HEDGE.exec(head);
      if (hedge) {
        approx = true;
        start -= hedge[0].length;
      } else if (lowB && !ranged) {
        high = null;
        if (/well/i.test(lowB[0])) approx = true;
        start -= lowB[0].length;
      } else if (highB && !ranged) {
        low = null;
        start -= highB[0].length;
      } else break;
    }
    if (a.vague) {
      high = null;
      approx = true;
    }
    // "a minimum number of conflict-related deaths of 102,800": the bound is the noun's.
    const bound =
      !ranged &&
      /\b(minimum|maximum)\s+(?:number|total|count|toll|figure|estimate)\s+of\s+(?:[\p{L}-]+\s+){1,3}(?:of|at|was|is)\s+$/iu.exec(
        text.slice(Math.max(0, start - 80), start),
      );
    if (bound && bound[1]!.toLowerCase() === 'minimum') high = null;
    else if (bound) low = null;
    end = Math.max(end, marginEnd);
    const tail = text.slice(end, end + 16);
    // "a million, perhaps a bit more" / "or more" / "200,000 or higher": an open upper end.
    const more = /^\s*(?:or\s+(?:more|higher|above|greater|over)\b|and\s+(?:more|over|above|upwards)\b|\+(?!\s*\d))/i.exec(tail);
    // "100,000 or less": an open lower end.
    const less = /^\s*or\s+(?:less|fewer|lower|below|under)\b/i.exec(tail);
    if (more && high !== null && low !== null) {
      high = null;
      end += more[0].length;
    } else if (less && high !== null && low !== null && !ranged) {
      low = null;
      end += less[0].length;
    }
    // "1.8 million is a conservative figure": a floor.
    if (
      /^\s+(?:is|was|being|as)\s+(?:a\s+|the\s+)?(?:conservative|minimum|lower|low)\s+(?:figure|estimate|bound|number|count)\b/i.test(
        text.slice(end, end + 40),
      ) &&
      low !== null &&
      !ranged
    )
      high = null;
    // "2,000 or so": approximate.
    const orSo = /^\s*or\s+so\b/i.exec(tail);
    if (orSo) {
      approx = true;
      end += orSo[0].length;
    }
    out.push({
      start,
      end,
      low,
      high,
      unit,
      approx,
      vague: a.vague,
      yearLike: (a.yearLike && !ranged) || yearSpan,
      text: text.slice(a.start, a.end),
    });
  }
  return joinBounds(text, out);
}

/** "no fewer than 15 million and perhaps as many as 45 million": a lower and an upper bound make one range. */
function joinBounds(text: string, list: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    if (
      b &&
      a.low !== null &&
      a.high === null &&
      !a.vague &&
      b.low === null &&
      b.high !== null &&
      a.unit === b.unit &&
      b.high > a.low &&
      /^\s*,?\s*(?:and|but|or|to)\s*$/i.test(text.slice(a.end, b.start))
    ) {
      out.push({ ...a, end: b.end, high: b.high, approx: a.approx || b.approx });
      i++;
    } else out.push(a);
  }
  return out;
}
