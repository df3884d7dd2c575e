/**
 * Numeric claims about people in English prose: a quantity, the measure that governs it
 * (killed, died, executed, arrested, imprisoned, deported, purged), its bounds and hedges,
 * the exact quote and a suggested event label. General patterns only: the words that
 * govern a number are looked for in its clause, after it (passive and intransitive: "600,000
 * people were executed", "millions died") or before it (active and nominal: "killed
 * millions", "the death toll at 700,000").
 */
import type { Quantity } from './numbers';
import { findQuantities } from './numbers';

import type { ExtractedClaim, Measure } from '../../shared/types';

export type { Measure };

export type Claim = ExtractedClaim;

const MEASURES: [Measure, RegExp, number][] = [
  ['executed', /\b(?:execut(?:ed|ions?|e)|(?<!\ba\s|-)shot(?!\s+(?:down|up|at)\b)|sentenced\s+to\s+death|death\s+sentences?|firing\s+squads?|put\s+to\s+death)\b/gi, 2],
  ['killed', /\b(?:kill(?:ed|ing|s)?|murder(?:ed|s)?|massacr(?:ed|es?)|slaughtered|exterminated|liquidated)\b/gi, 2],
  ['died', /\b(?:died|dead|deaths?|death\s+toll|perish(?:ed)?|starved(?:\s+to\s+death)?|lost\s+their\s+lives|(?:claimed|cost|took)\s+(?:the\s+)?lives|fatalities|mortality(?:\s+rate)?)\b/gi, 2],
  ['died', /\bvictims\b/gi, 1],
  ['arrested', /\b(?:arrest(?:ed|s)?|detained|detentions?|accused|(?:were|was|been|being)\s+charged|convicted|indicted)\b/gi, 2],
  ['imprisoned', /\b(?:imprison(?:ed|ment)|incarcerat(?:ed|ion)|jailed|sent\s+to\s+(?:the\s+)?(?:gulags?|labou?r\s+camps?|camps?|prisons?)|prisoners|inmates|(?:gulag|camp)\s+population|population\s+of\s+(?:the\s+)?(?:entire\s+)?(?:gulag|camps?|prisons?|labou?r\s+camps?)|forced[- ]labou?r\s+camp|held\s+in\s+(?:the\s+)?camps)\b/gi, 2],
  ['deported', /\b(?:deport(?:ed|ations?)|exiled?|expelled|resettled|special\s+settl(?:ers|ements?)|banished)\b/gi, 2],
  ['purged', /\b(?:purged|repressed|(?:were|was|been|being)\s+(?:tried|targeted)|persecuted)\b/gi, 2],
];
/** "Casualties" count the wounded too: a figure governed by it is not a claim here. */
const CASUALTIES = /\b(?:casualt(?:y|ies)|wounded|injured)\b/gi;

const PEOPLE =
  /^(?:people|persons?|individuals|men|women|children|adults|civilians|citizens|peasants|workers|victims|prisoners|inmates|officers|soldiers|members|party\s+members|marshals|generals|commanders|leaders|defendants|delegates|priests|bishops|engineers|writers|officials|commissars|kulaks|nomads|refugees|deportees|exiles|inhabitants|residents|lives|souls|jews|poles|ukrainians|kazakhs|russians|germans|chechens|tatars|koreans|[a-z]+ians|[a-z]+ese|[a-z]+s?\s+(?:people|citizens|peasants|officers|soldiers|prisoners|civilians))\b/i;
const NOT_PEOPLE =
  /^(?:countries|states|nations|governments|organi[sz]ations|parties|republics|provinces|oblasts|regions|institutions|newspapers|years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|tons?|tonnes|hectares|acres|km|kilometers|kilometres|miles|metres|meters|feet|kg|kilograms|pounds|dollars|rubles|roubles|usd|\$|pages?|camps|villages|towns|cities|regions|districts|cases|files|documents|votes|copies|books|volumes|articles|cattle|sheep|head|horses|livestock|animals|grain|poods|calories|km2|sq)\b/i;
const MONTH = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;
const EVENT =
  /\b(?:(?:the\s+)?(?:Great\s+(?:Purge|Terror|Famine)|Holodomor|Yezhovshchina|Red\s+Terror|Kazakh\s+famine|Soviet\s+famine(?:\s+of\s+1932[–-]33)?|(?:[A-Z][a-z]+\s+)?[Ff]amine|(?:[A-Z][a-z]+\s+)?[Dd]eportations?|Gulag(?:\s+system)?|(?:Red\s+Army|military)\s+purge|[Cc]ollectivi[sz]ation|Dekulaki[sz]ation|Katyn(?:\s+massacre)?|Kirov\s+assassination|World\s+War\s+(?:II|Two|2)|Civil\s+War|Purges?))\b/g;

interface Found {
  measure: Measure;
  start: number;
  end: number;
  weight: number;
}

/** Words that name who is counted ("thousands of prisoners died") rather than what happened to them. */
const POPULATION = /^(?:prisoners|inmates|victims|deportees|exiles|special\s+settlers)$/i;
const NEGATED = /\b(?:not|never|no|n't|didn't|did\s+not|wasn't|weren't)\s+(?:\w+\s+)?$/i;
/** A number that is the complement of its subject: "the population … was 2,022,976". */
const COPULA = /\b(?:was|were|is|are|stood\s+at|reached|totall?ed|numbered|amounted\s+to|came\s+to|put\s+at|at)\s+$/i;

function measuresIn(text: string): Found[] {
  const out: Found[] = [];
  for (const [measure, re, weight] of MEASURES) {
    for (const m of text.matchAll(re)) out.push({ measure, start: m.index, end: m.index + m[0].length, weight });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A paragraph can hold a claim only if it has a number and a measure word: a cheap test first. */
const NUMBERISH = /\d|\b(?:thousands?|millions?|billions?|hundreds?|half|third|quarter|dozen|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;
const CHUNK = 4000;
const MEASURE_WORD = new RegExp(MEASURES.map(([, re]) => re.source).join('|'), 'i');

/**
 * Sentences with offsets, of the paragraphs that may hold a claim; a lone newline inside
 * a paragraph does not end a sentence. (Segmenting every paragraph was most of the cost.)
 */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const para of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g)) {
    if (!NUMBERISH.test(para[0]) || !MEASURE_WORD.test(para[0])) continue;
    const flat = para[0].replace(/\n/g, ' ');
    // Intl.Segmenter slows down sharply on long strings: feed it chunks of a few thousand
    // characters, cut after a full stop.
    for (let from = 0; from < flat.length; ) {
      let to = Math.min(flat.length, from + CHUNK);
      if (to < flat.length) {
        const stop = flat.lastIndexOf('. ', to);
        if (stop > from + CHUNK / 2) to = stop + 2;
      }
      for (const seg of segmenter.segment(flat.slice(from, to))) {
        out.push({ start: para.index + from + seg.index, end: para.index + from + seg.index + seg.segment.length });
      }
      from = to;
    }
  }
  return out;
}

function wordsBetween(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** The clause around a position: not across semicolons, colons or sentence ends. */
function clauseBounds(sentence: string, at: number, end: number): [number, number] {
  const before = sentence.slice(0, at);
  const after = sentence.slice(end);
  const left = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' – '), before.lastIndexOf(' — '));
  const rightMatch = /[;:]|\s[–—]\s/.exec(after);
  return [left < 0 ? 0 : left + 1, rightMatch ? end + rightMatch.index : sentence.length];
}

const COORDINATED = /^[\s,]*(?:and|or|either|and\s+then|,)?[\s,]*(?:or|and)?\s*$/i;

/** The measure that governs a quantity, the span it reaches to, or null when nothing does. */
function governing(sentence: string, q: Quantity, found: Found[]): { measure: Measure; from: number; to: number } | null {
  const [cs, ce] = clauseBounds(sentence, q.start, q.end);
  const inClause = found.filter((f) => f.start >= cs && f.end <= ce && !NEGATED.test(sentence.slice(Math.max(0, f.start - 20), f.start)));
  // "thousands of prisoners": who is counted, a measure only when nothing else governs.
  const population = inClause.find(
    (f) => f.start >= q.end && POPULATION.test(sentence.slice(f.start, f.end)) && /^\s*(?:of\s+(?:the\s+|all\s+)?)?(?:[\w-]+\s+)?$/i.test(sentence.slice(q.end, f.start)),
  );
  const candidates = inClause.filter((f) => f !== population);
  const after = candidates.filter((f) => f.start >= q.end && wordsBetween(sentence.slice(q.end, f.start)) <= 9);
  const reach = COPULA.test(sentence.slice(cs, q.start)) ? 25 : 7;
  const before = candidates.filter((f) => f.end <= q.start && wordsBetween(sentence.slice(f.end, q.start)) <= reach);
  const pick = (list: Found[], fromEnd: boolean) => {
    if (!list.length) return null;
    const strong = list.filter((f) => f.weight > 1);
    const pool = strong.length ? strong : list;
    return fromEnd ? pool[pool.length - 1]! : pool[0]!;
  };
  // The nearer of the governing words after and before the number; after wins a tie
  // ("the arrest of 111,091 Poles, of whom 111,091 were shot": each figure its own verb).
  let best = pick(after, false);
  const prior = pick(before, true);
  if (prior && (!best || best.weight === 1 || wordsBetween(sentence.slice(prior.end, q.start)) < wordsBetween(sentence.slice(q.end, best.start)))) best = prior;
  if (!best && population && q.unit !== 'percent') best = population;
  if (!best) return null;
  // A coordinated list of different measures ("executed or sent to the Gulags",
  // "the imprisonment, exile, and execution of") is a purge as a whole, unless it
  // begins with an arrest ("accused … and either executed or sent to camps").
  const group = [best];
  for (const f of inClause) {
    if (group.includes(f)) continue;
    const near = group.some((g) => COORDINATED.test(sentence.slice(Math.min(g.end, f.end), Math.max(g.start, f.start))) && Math.abs(g.start - f.start) < 60);
    if (near) group.push(f);
  }
  const kinds = new Set(group.map((g) => g.measure));
  const lethal = kinds.has('executed') || kinds.has('killed');
  const measure = kinds.size >= 2 && lethal && best.measure !== 'arrested' ? 'purged' : best.measure;
  const from = Math.min(...group.map((g) => g.start));
  const to = Math.max(...group.map((g) => g.end));
  return { measure, from, to };
}

function isPeople(sentence: string, q: Quantity): boolean {
  const after = sentence.slice(q.end).replace(/^\s+(?:more|other|more\s+of\s+the|of\s+the|of|of\s+all|additional)\b/i, '').trimStart();
  const next = after.replace(/^[^\p{L}$]+/u, '');
  // A share is of something ("half of the army", "1.2% of the population"), or a rate.
  if (q.unit === 'percent') return /^\s+of\b/i.test(sentence.slice(q.end)) || /\b(?:in|out\s+of)\b/i.test(q.text) || /\b(?:rate|share|proportion|percentage)\b/i.test(sentence);
  // A small count must say whom it counts: "three marshals", "two of our men".
  if (q.high !== null && q.high < 10 && !q.vague) {
    const words = sentence.slice(q.end).split(/[^\p{L}'-]+/u).filter(Boolean).slice(0, 4);
    return words.some((w) => PEOPLE.test(w));
  }

  if (NOT_PEOPLE.test(next)) return false;
  if (/^(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?(?:years?|days?|months?)\b/.test(next) && !PEOPLE.test(next)) return false;
  return true;
}

function excluded(sentence: string, q: Quantity): boolean {
  if (q.yearLike) return true;
  // "The Trial of the Seventeen": a capitalised number word inside a sentence is a name.
  if (/^[A-Z][a-z]/.test(q.text) && /[a-z,;]\s*$/.test(sentence.slice(0, q.start)) && !/^(?:Millions|Thousands|Hundreds|Tens)\b/.test(q.text)) return true;
  // "one of the most prominent Bolsheviks", "one historian": a lone "one" is not a count.
  if (/^(?:one|a|an)$/i.test(q.text)) return true;
  const head = sentence.slice(Math.max(0, q.start - 24), q.start);
  const tail = sentence.slice(q.end, q.end + 24);
  if (/[$£€¥]\s*$/.test(head) || /^\s*(?:dollars|rubles|roubles|pounds|euros|marks|usd)\b/i.test(tail)) return true;
  // Identifiers: "Order 00447", "Article 58", "No. 12".
  if (/^0\d/.test(q.text) || /\b(?:order|decree|article|directive|resolution|operation|paragraph|section)\s*(?:no\.?\s*)?$/i.test(head)) return true;
  if (/\b(?:aged?|ages?\s+of|pp?\.|pages?|notes?|fn\.?|chapter|vol\.|volume|no\.|number)\s*$/i.test(head) || /^\s*(?:years?\s+old|-year-old)/i.test(tail)) return true;
  if (/\[\s*$/.test(head) && /^\s*\]/.test(tail)) return true;
  // "the second half of the year", "the latter half": a part of time, not of people.
  if (q.unit === 'percent' && /\b(?:first|second|third|last|latter|former|other|early|late|earlier|later)\s+$/i.test(head)) return true;
  // "Name, 67, theatrical producer": an age between commas after a name; "died at 95".
  if (/[A-Z][a-z]*\.?,\s*$/.test(head) && /^\s*,/.test(tail) && q.low !== null && q.low < 120) return true;
  if (/\b(?:died|death)\s+at\s+(?:the\s+age\s+of\s+)?$/i.test(head)) return true;
  if (MONTH.test(head.trimEnd()) || /^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(tail)) return true;
  if (q.low !== null && q.low < 1000 && q.unit === 'count' && /^\s*(?:years?|months?|days?|weeks?)\b/i.test(tail)) return true;
  return false;
}

function namedEvent(text: string): string | undefined {
  const found = [...text.matchAll(EVENT)].map((m) => m[0].replace(/^the\s+/i, ''));
  return found.find((f) => /[A-Z]/.test(f[0]!)) ?? found[0];
}

/**
 * The nearest named event: in the sentence around the claim, else in the heading above it,
 * else the one the document opens with (its title), else the heading's own words.
 */
function eventLabel(sentence: string, heading: string, opening = ''): string {
  const label = namedEvent(sentence) ?? namedEvent(heading) ?? namedEvent(opening) ?? heading;
  const years = /\b(1[89]\d\d)(?:\s*[–-]\s*(\d{2,4}))?\b/.exec(sentence) ?? /\b(1[89]\d\d)(?:\s*[–-]\s*(\d{2,4}))?\b/.exec(heading);
  const clean = label.replace(/\s+/g, ' ').trim();
  if (!clean) return years ? `${years[0]}` : '';
  return years && !clean.includes(years[1]!) ? `${clean} ${years[0].replace('-', '–')}` : clean;
}

function headingBefore(text: string, at: number): string {
  const lines = text.slice(Math.max(0, at - 4000), at).split('\n').reverse();
  for (const line of lines.slice(1)) {
    const t = line.trim();
    const md = /^#{1,6}\s+(.+)$/.exec(t);
    if (md) return md[1]!.replace(/[*_#]/g, '').trim();
    if (t && t.length < 80 && !/[.!?,;:"”]$/.test(t) && /^[A-Z]/.test(t)) return t;
  }
  return '';
}

/** Every numeric claim about people in `text`, in text order. */
export function extractClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  const opening = text.slice(0, 1500);
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end);
    if (!/\d|\b(?:thousand|million|billion|hundred|half|third|quarter|dozen|one|two|three|four|five|six|seven|eight|nine|ten)s?\b/i.test(sentence)) continue;
    const found = measuresIn(sentence);
    if (!found.length) continue;
    const casualties = [...sentence.matchAll(CASUALTIES)];
    const inSentence: (Claim & { distance: number; governs: string })[] = [];
    for (const q of findQuantities(sentence)) {
      if (excluded(sentence, q) || !isPeople(sentence, q)) continue;
      const gov = governing(sentence, q, found);
      if (!gov) continue;
      // A figure whose nearest noun is "casualties" is not a count of the dead.
      if (casualties.some((c) => c.index >= q.end && wordsBetween(sentence.slice(q.end, c.index)) <= 3)) continue;
      const start = Math.min(q.start, gov.from);
      const end = Math.max(q.end, gov.to);
      inSentence.push({
        distance: wordsBetween(sentence.slice(Math.min(q.end, gov.to), Math.max(q.start, gov.from))),
        governs: `${gov.from}:${gov.to}`,
        quote: text.slice(s.start + start, s.start + end),
        start: s.start + start,
        end: s.start + end,
        measure: gov.measure,
        low: q.low,
        high: q.high,
        unit: q.unit === 'percent' ? 'percent' : 'people',
        approx: q.approx,
        event: eventLabel(sentence, headingBefore(text, s.start), opening),
      });
    }
    // A measure word governs one figure: the nearest of those that reach it.
    for (const c of inSentence) {
      const rivals = inSentence.filter((o) => o.governs === c.governs);
      if (rivals.every((o) => o === c || o.distance > c.distance || (o.distance === c.distance && o.start > c.start))) {
        const { distance: _d, governs: _g, ...claim } = c;
        claims.push(claim);
      }
    }
  }
  return claims;
}

/** The values a selection states, for a claim recorded by hand: the extracted claim, else its first figure. */
export function readClaim(selection: string): Omit<Claim, 'quote' | 'start' | 'end'> {
  const [claim] = extractClaims(selection);
  if (claim) return { measure: claim.measure, low: claim.low, high: claim.high, unit: claim.unit, approx: claim.approx, event: claim.event };
  const q = findQuantities(selection).find((x) => !x.yearLike);
  const found = measuresIn(selection)[0];
  return {
    measure: found?.measure ?? 'died',
    low: q ? q.low : null,
    high: q ? q.high : null,
    unit: q?.unit === 'percent' ? 'percent' : 'people',
    approx: q?.approx ?? false,
    event: eventLabel(selection, ''),
  };
}
