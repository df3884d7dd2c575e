/**
 * Numeric claims about people in English prose: a quantity, the measure that governs it
 * (killed, died, executed, arrested, imprisoned, deported, purged), its bounds and hedges,
 * the exact quote and a suggested event label. General patterns only: the words that
 * govern a number are looked for in its clause, after it (passive and intransitive: "600,000
 * people were executed", "millions died") or before it (active and nominal: "killed
 * millions", "the death toll at 700,000").
 */
import type { Quantity } from './numbers';
import { findQuantities as readQuantities } from './numbers';

import type { ExtractedClaim, Measure } from '../../shared/types';
import { maskNoteMarkers } from '../../shared/markers';

export type { Measure };

export type Claim = ExtractedClaim;

const MEASURES: [Measure, RegExp, number][] = [
  [
    'executed',
    /\b(?:execut(?:ed|ions?|e)|(?<!\ba\s|-)shot(?!\s+(?:down|up|at)\b)|sentenced\s+to\s+death|death\s+sentences?|firing\s+squads?|put\s+to\s+death|hanged|hangings|guillotined|beheaded|burned\s+at\s+the\s+stake)\b/gi,
    2,
  ],
  [
    'killed',
    /\b(?:kill(?:ed|ings?|s)?|murder(?:ed|s)?|massacr(?:ed|es?)|slaughtered|lynch(?:ed|ings?)|gunned\s+down|(?:taking|takes?|took|cut\s+short|ended)\s+the\s+lives\s+of|exterminated|liquidated|annihilated|(?:beaten|tortured|stoned|clubbed|hacked|burned|burnt|bludgeoned|kicked|whipped)\s+to\s+death|(?:burned|burnt|buried)\s+alive)\b/gi,
    2,
  ],
  [
    'died',
    /\b(?:death\s+toll|died|dead|deaths?|perish(?:ed|ing|es)?|dying|drowned|starved(?:\s+to\s+death)?|lost\s+their\s+lives|lives\s+lost|(?:claimed|cost|took)\s+(?:the\s+)?lives|fatalities|mortality(?:\s+rate)?|(?:did\s+not|didn['’]t|failed\s+to|would\s+not|never\s+to)\s+survive|committed\s+suicide|took\s+their\s+own\s+lives|killed\s+themselves|burials|buried)\b/gi,
    2,
  ],
  ['died', /\bvictims\b/gi, 1],
  // Bodies and corpses found are the dead ("six or seven bodies"); governing or UN bodies are not.
  [
    'died',
    /(?<!\b(?:governing|international|legislative|advisory|public|official|UN|United\s+Nations|state|government|local|judicial|elected|representative|church|professional|treaty|subsidiary|celestial|water)\s+)\b(?:bodies|corpses)\b/gi,
    1,
  ],
  // "The war cost the Soviet Union 27 million lives": the verb, when lives are what it cost.
  ['died', /\b(?:cost|claimed|took)\b(?=[^.;:]{0,60}?\d[\d,.]*(?:\s+(?:thousand|million))?\s+(?:human\s+)?lives\b)/gi, 2],
  [
    'arrested',
    /\b(?:arrest(?:ed|s)?|detained|taken\s+into\s+custody|rounded\s+up|detentions?|(?:were|was|been|being|are|is)\s+accused|accused\s+of)\b/gi,
    2,
  ],
  [
    'imprisoned',
    /\b(?:imprison(?:ed|ment)|incarcerat(?:ed|ion)|jailed|locked\s+up|interned|(?:passed|went)\s+through\s+(?:the\s+)?(?:gulags?|(?:labou?r\s+|concentration\s+|prison\s+)?camps?|prisons?)|sent\s+to\s+(?:the\s+)?(?:gulags?|labou?r\s+camps?|camps?|prisons?)|prisoners|inmates|(?:gulag|camp)\s+population|population\s+of\s+(?:the\s+)?(?:entire\s+)?(?:gulag|camps?|prisons?|labou?r\s+camps?)|forced[- ]labou?r\s+camp|held\s+in\s+(?:the\s+)?camps|held\s+in\s+(?:[A-Z][\w-]*\s+)?custody|(?<!\b(?:deaths?|died|dying|dead|killed|shot|executed)\s+)in\s+(?:[A-Z][\w-]*\s+)?custody)\b/gi,
    2,
  ],
  // "held in camps", not "live in camps like these" (refugees).
  [
    'imprisoned',
    /(?<!\b(?:live|lives|living|lived|housed|sheltered|sheltering|stay|stays|stayed|staying|work|works|worked|working|born)\s+)\bin\s+(?:the\s+)?(?:gulag|(?:labou?r\s+|concentration\s+)?camps|prisons|(?:penal\s+|labou?r\s+)?colonies)\b/gi,
    1,
  ],
  [
    'deported',
    /\b(?:deport(?:ed|ations?)|exiled?|expelled|resettled|special\s+settl(?:ers|ements?)|banished|forc(?:ed|ibly)\s+(?:migrations?|transfer(?:s|red)?|resettle(?:d|ments?)|relocat(?:ed|ions?)|removals?|removed|moved)|(?:were|was|been|being)\s+(?:forcibly\s+)?(?:transported|shipped|relocated|removed)\s+(?:to|from)\b)\b/gi,
    2,
  ],
  // Officers "tried" or "targeted", passive or active ("the collegium tried 36,000 officers").
  [
    'purged',
    /\b(?:purged|repressed|(?:were|was|been|being)\s+(?:tried|targeted)|(?:tried|targeted)(?=\s+(?:(?:about|some|over|nearly|almost|more\s+than|at\s+least|up\s+to|around|roughly|an\s+estimated)\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds|thousands|tens|several|dozens)\b))|persecuted|dismissed|discharged|expelled\s+from\s+(?:the\s+)?(?:communist\s+)?party)\b/gi,
    2,
  ],
];
/** "Casualties" count the wounded too: a figure governed by it is not a claim here. */
const CASUALTIES = /\b(?:casualt(?:y|ies)|wounded|injured)\b/gi;

const PEOPLE =
  /^(?:people|persons?|individuals|men|women|children|adults|civilians|citizens|peasants|workers|victims|prisoners|inmates|officers|soldiers|members|party\s+members|marshals|generals|commanders|leaders|defendants|delegates|priests|bishops|engineers|writers|officials|commissars|kulaks|nomads|refugees|deportees|exiles|inhabitants|residents|lives|souls|jews|poles|ukrainians|kazakhs|russians|germans|chechens|tatars|koreans|ministers|judges|deputies|ambassadors|diplomats|doctors|teachers|students|pupils|professors|artists|poets|clergy|monks|nuns|rabbis|imams|cadres|protesters|strikers|miners|farmers|fishermen|villagers|sailors|pilots|guards|policemen|troops|fighters|partisans|rebels|insurgents|relatives|sons|daughters|brothers|sisters|wives|husbands|mothers|fathers|babies|infants|orphans|boys|girls|patients|passengers|landlords|nobles|aristocrats|muslims|catholics|protestants|others|[a-z]{3,}ists|[a-z]+ians|(?!these\b|those\b)[a-z]{2,}ese|[a-z]+s?\s+(?:people|citizens|peasants|officers|soldiers|prisoners|civilians))\b/i;
const NOT_PEOPLE =
  /^(?:countries|states|nations|governments|organi[sz]ations|parties|republics|provinces|oblasts|regions|institutions|newspapers|years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|tons?|tonnes|hectares|acres|km|kilometers|kilometres|miles|metres|meters|feet|kg|kilograms|pounds|dollars|euros|francs|marks|yen|rubles|roubles|usd|\$|pages?|camps|villages|towns|cities|regions|districts|cases|files|documents|votes|copies|books|volumes|articles|cattle|cows|oxen|goats|pigs|chickens|dogs|camels|mules|buffalo(?:es)?|bison|birds|fish|sheep|head|horses|livestock|animals|grain|poods|calories|km2|sq|crimes|offen[cs]es|assaults|robberies|burglaries|thefts)\b/i;
const MONTH =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;
/**
 * Names of events: a proper name ending in an event noun ("Great Purge", "Cultural
 * Revolution", "Great Leap Forward", "Anti-Rightist Campaign"), a few one-word names, or a
 * described event ("Kazakh famine", "1994 genocide in Rwanda", "Polish operation").
 */
const EVENT_NAME = String.raw`(?:[A-Z][\w'’-]*\s+){1,3}(?:Revolution|Campaign|Movement|Purges?|Terror|Famine|Genocide|Holocaust|Massacre|War(?:\s+(?:I{1,3}|One|Two|1|2))?|Uprising|Rebellion|Revolt|Operation|Deportations?|Collectivi[sz]ation|Dekulaki[sz]ation|Repressions?|Leap\s+Forward|Assassination)`;
const EVENT_WORD = String.raw`Holodomor|Yezhovshchina|Holocaust|Shoah|Gulag(?:\s+system)?|Katyn(?:\s+massacre)?|Purges?|Terror|Collectivi[sz]ation|Dekulaki[sz]ation`;
const EVENT_DESCRIBED = String.raw`(?:[A-Z][\w'’-]+\s+)?(?:${['famine', 'genocide', 'massacre', 'purges?', 'terror', 'deportations?', 'collectivi[sz]ation', 'dekulaki[sz]ation', 'uprising', 'revolution', 'repressions?', 'operation'].map((n) => `[${n[0]!.toUpperCase()}${n[0]}]${n.slice(1)}`).join('|')})(?:\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+and\s+[A-Z][\w'’-]+)?)?`;
const EVENT = new RegExp(String.raw`\b(?:${EVENT_NAME}|${EVENT_WORD}|${EVENT_DESCRIBED})\b`, 'g');

interface Found {
  measure: Measure;
  start: number;
  end: number;
  weight: number;
}

/** Words that name who is counted ("thousands of prisoners died") rather than what happened to them. */
const POPULATION = /^(?:prisoners|inmates|victims|deportees|exiles|special\s+settlers)$/i;
const NEGATED = /\b(?:not|never|no|n't|didn't|did\s+not|wasn't|weren't)\s+(?:\w+\s+)?$|\b(?:rather\s+than|instead\s+of|whether|if|unless)\s+$/i;
/** A number that is the complement of its subject: "the population … was 2,022,976". */
const COPULA = /\b(?:was|were|is|are|be|been|stood\s+at|reached|totall?ed|numbered|amounted\s+to|came\s+to|put\s+at|at)\s+$/i;

/**
 * The same stretches of a sentence are read again and again (asides, the figure before one,
 * the figures beside another): quantities and measure words are kept for the texts last read.
 */
const memo = { quantities: new Map<string, Quantity[]>(), measures: new Map<string, Found[]>() };
function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size > 2000) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}
function findQuantities(text: string): Quantity[] {
  return remember(memo.quantities, text, () => readQuantities(text));
}
function measuresIn(text: string): Found[] {
  return remember(memo.measures, text, () => readMeasures(text));
}

function readMeasures(text: string): Found[] {
  const out: Found[] = [];
  for (const [measure, re, weight] of MEASURES) {
    for (const m of text.matchAll(re)) out.push({ measure, start: m.index, end: m.index + m[0].length, weight });
  }
  // A word inside a longer measure phrase is that phrase ("death" in "sentenced to death",
  // "expelled" in "expelled from the party"): keep the longest.
  const kept = out.filter((f) => !out.some((g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start));
  return kept.sort((a, b) => a.start - b.start);
}

/** A paragraph can hold a claim only if it has a number and a measure word: a cheap test first. */
const NUMBERISH =
  /\d|\b(?:thousands?|millions?|billions?|hundreds?|half|third|quarter|dozen|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;
const CHUNK = 4000;
const MEASURE_WORD = new RegExp(MEASURES.map(([, re]) => re.source).join('|'), 'i');
/** A sentence opening that may restate a figure made before ("This is 2 million"). */
const RESTATES =
  /(?:^|[.!?]["”)]?\s+)(?:this|that|it)\s+(?:is|was|'s|’s|amount(?:s|ed)\s+to|c[oa]me\s+to|means|meant|represent(?:s|ed))\s|\b(?:figure|number|total|toll|count|estimate|minimum|maximum)\s+(?:at|as|of|is|was|to\s+be|close\s+to|near|around)\s/i;

/** The end of a segment that is an abbreviation, not a sentence's end. */
export const ABBREVIATION_END =
  /(?:(?<![\p{L}])(?:\p{Lu}\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Capt|Sgt|Maj|Prof|Rev|Gov|Sen|Rep|No|Nos|Vol|vs|ca|approx|cf|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)\s*$/u;

/** A list item: "- …", "* …", "• …", "1. …", inside a block quote too. */
const LIST_ITEM = /^\s*(?:>\s*)*(?:[-*•+]|\d{1,3}[.)])\s+\S/;
/** A line of a pipe or grid table, or one of its rules: read by tableClaims, not as prose. */
const TABLE_LINE = /^\s*(?:\|.*\|\s*|\+(?:[-=:]+\+)+\s*)$/;
/**
 * A fact line: a short label, a colon or an equals sign, and a figure ("Famine deaths: 2.5 to 3
 * million", "Executions – 681,692", "|fatalities=200,000"). Each is read on its own.
 */
const LABEL_LINE =
  /^\s*(?:>\s*)*(?:[-*•+]\s+)?[^\n.!?:=]{1,60}(?::|=|\s[–—-])\s*(?:[~≈]\s*|(?:about|around|approximately|an\s+estimated|some|over|more\s+than|at\s+least|up\s+to|c\.|ca\.|between|from)\s+)?\d[^\n\p{L}]*(?:\p{L}+[^\n\p{L}]*){0,6}$/iu;

/**
 * Sentences with offsets, of the paragraphs that may hold a claim; a lone newline inside
 * a paragraph does not end a sentence, but a list item, a fact line and a table line stand
 * alone. (Segmenting every paragraph was most of the cost.)
 */
function sentences(text: string, skip: ReadonlySet<number>): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const para of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g)) {
    if (!NUMBERISH.test(para[0])) continue;
    for (const block of blocks(para[0], para.index, skip)) {
      const body = text.slice(block.start, block.end);
      if (!NUMBERISH.test(body) || !(MEASURE_WORD.test(body) || RESTATES.test(body) || block.label)) continue;
      if (block.label) {
        out.push({ start: block.start, end: block.end });
        continue;
      }
      const flat = body.replace(/\n/g, ' ');
      // Intl.Segmenter slows down sharply on long strings: feed it chunks of a few thousand
      // characters, cut after a full stop.
      for (let from = 0; from < flat.length;) {
        let to = Math.min(flat.length, from + CHUNK);
        if (to < flat.length) {
          const stop = flat.lastIndexOf('. ', to);
          if (stop > from + CHUNK / 2) to = stop + 2;
        }
        let joined: { start: number; end: number } | null = null;
        for (const seg of segmenter.segment(flat.slice(from, to))) {
          const span = { start: block.start + from + seg.index, end: block.start + from + seg.index + seg.segment.length };
          // "U.S. Marshals", "R.J. Rummel", "Gen. Blokhin": an abbreviation ends no sentence.
          if (joined && ABBREVIATION_END.test(text.slice(joined.start, joined.end))) joined.end = span.end;
          else {
            if (joined) out.push(...splitAtFigure(text, joined));
            joined = span;
          }
        }
        if (joined) out.push(...splitAtFigure(text, joined));
        from = to;
      }
    }
  }
  return out;
}

/** "… by sniper fire. 30 people were taken": a sentence may open with a figure, which the segmenter does not see. */
function splitAtFigure(text: string, span: { start: number; end: number }): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = span.start;
  for (const m of text.slice(span.start, span.end).matchAll(/(?<=\p{Ll}{2}[.!?]["”’)]*)\s+(?=\d)/gu)) {
    const at = span.start + m.index + m[0].length;
    out.push({ start: from, end: at });
    from = at;
  }
  out.push({ start: from, end: span.end });
  return out;
}

/** A paragraph's lines grouped: a list item with its wrapped lines, a fact line alone, table lines left out. */
function blocks(para: string, at: number, skip: ReadonlySet<number>): { start: number; end: number; label: boolean }[] {
  const out: { start: number; end: number; label: boolean; item: boolean }[] = [];
  let offset = 0;
  for (const line of para.split('\n')) {
    const start = at + offset;
    const end = start + line.length;
    offset += line.length + 1;
    if (TABLE_LINE.test(line) || skip.has(start)) continue;
    const label = LABEL_LINE.test(line);
    const item = LIST_ITEM.test(line);
    const last = out[out.length - 1];
    if (last && !label && !item && !last.label && last.end === start - 1) last.end = end;
    else out.push({ start, end, label, item });
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

const CAUSE_WORDS = String.raw`famines?|hunger|starvation|malnutrition|disease|diseases|epidemics?|pandemics?|plagues?|pestilence|influenza|flu|smallpox|measles|malaria|tuberculosis|AIDS|HIV|COVID(?:-19)?|virus|outbreak|typhus|typhoid|cholera|dysentery|exposure|cold|exhaustion|Holodomor`;
const NATURAL_CAUSE = new RegExp(String.raw`\b(?:${CAUSE_WORDS})\b(?![^,;]*\b(?:guards?|troops|soldiers|police|NKVD|army)\b)`, 'i');
/** The cause named after a killing verb: "were killed by plague", "killed from hunger". */
const KILLED_BY_CAUSE = new RegExp(String.raw`^\s+(?:by|from)\s+(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${CAUSE_WORDS})\b`, 'iu');
/** A share that a measure verb follows: "nearly half died", "a third of them were shot". */
const SHARE_THEN_MEASURE = new RegExp(
  String.raw`^\s+(?:of\s+(?:them|these|those)\s+)?(?:(?:were|was|had|have|been)\s+)*(?:${MEASURES.filter(([, , w]) => w > 1)
    .map(([, re]) => re.source)
    .join('|')})`,
  'i',
);
/** A figure introduced as a comparison keeps the measure of the one it is compared with: "328,618 were shot, against 353,074 in 1937". */
const COMPARISON = /(?:\b(?:against|as\s+against|compared\s+(?:to|with)|versus|vs\.?|up\s+from|down\s+from|rising\s+to|falling\s+to|than)\s+)$/i;
/** A figure that names an earlier count by reference: "Yang puts the figure at 36 million". */
const FIGURE_REF = new RegExp(
  String.raw`\b(?:(?:(?:puts?|placed?|places|estimates?|estimated|gives?|gave|sets?)\s+)?(?:the|this|that|its|his|her|their|a|an)\s+(?:(?:much|far|slightly|significantly|considerably|still|even)\s+)?(?:(?:total|overall|final|official|higher|lower|revised|conservative|likely|probable|["“][^"”]{1,30}["”])\s+)?(?:figure|number|total|toll|count|estimate|minimum|maximum)(?:\s+(?:at|as|of|is|was|to\s+be))?|(?:puts?|placed?|places|sets?|estimates?|estimated)\s+(?:the|this|that|its|his|her|their)\s+(?:(?:total|overall|final|official|higher|lower|revised)\s+)?(?:figure|number|total|toll|count)(?:\s+(?:at|as))?)\s+(?:(?:about|around|roughly|some|nearly|almost|approximately|only|just|over|under|at\s+least|up\s+to|as\s+many\s+as|as\s+high\s+as|as\s+low\s+as|close(?:r)?\s+to|near(?:er)?)\s+)?$`,
  'i',
);
/** A figure that a historian gives: "while Getty counts 681,692", "others give 600,000". */
const REPORTED =
  /\b(?:gives?|gave|says?|said|counts?|counted|estimates?|estimated|suggests?|suggested|reckons?|reckoned|cites?|cited|accepts?|accepted|offers?|offered|arrives?\s+at|arrived\s+at|puts?\s+it\s+at)\s+(?:that\s+)?(?:(?:a|the)\s+(?:figure|number|total)\s+of\s+)?(?:(?:about|around|roughly|some|nearly|almost|approximately|only|just|over|under|at\s+least|up\s+to|as\s+many\s+as|close\s+to)\s+)?$/i;

/** Verbs of what befell people that are not measures here: a figure they govern is no claim. */
const BLOCKERS =
  /\b(?:released|freed|rehabilitated|pardoned|amnestied|acquitted|survived|returned|escaped|interrogated|questioned|saved|spared|evacuated|employed|voted|attended|elected|promoted|wounded|injured|alive|born|escape|escapes|escaping|fled|flee|emigrated|displaced|infected|recovered|rescued|convicted|indicted|charged|abducted|kidnapped|stolen|captured|enslaved|raped|taken\s+hostage)\b/gi;

/** A figure with a verb of its own that is no measure ("800 children were abducted", "500 released"). */
function verbOfItsOwn(sentence: string, q: Quantity, found: Found[]): boolean {
  const ownVerb = OWN_VERB.exec(sentence.slice(q.end));
  if (ownVerb && !found.some((f) => f.start >= q.end && f.start <= q.end + ownVerb[0].length + 25)) return true;
  return nearestBlocker(sentence, q.end, Math.min(sentence.length, q.end + 80)) !== null;
}

/**
 * A figure's own passive verb right after it: "… were abducted", "… had been taken"; not one in a
 * relative clause, which describes whom the figure counts ("the execution of 250 men who had
 * been lined up").
 */
const OWN_VERB =
  /^\s+(?:(?!(?:who|whom|which|that)\s)[\p{L}'’-]+\s+){0,3}?(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en)\b/iu;

/** What may stand between a figure and its own verb: "… of those arrested were", "… victims were later". */
const BLOCKED_BY =
  /^\s+(?:(?:per\s?cent|percent)\s+)?(?:of\s+(?:those|the|all|them)\s+(?:[\p{L}-]+\s+)?)?(?:[\p{L}-]+\s+)?(?:(?:were|was|had|have|has|been|being|later|subsequently|eventually|soon|(?:tried|attempted|managed|able)\s+to)\s+)*$/iu;

/** The offset of the first blocking verb in sentence[from, to) that is the figure's own verb, or null. */
function nearestBlocker(sentence: string, from: number, to: number): number | null {
  BLOCKERS.lastIndex = from;
  const m = BLOCKERS.exec(sentence);
  return m && m.index < to && BLOCKED_BY.test(sentence.slice(from, m.index)) ? m.index : null;
}

/** Between two figures of one list: the first one's noun phrase, then a comma or "and". */
const LIST_GAP =
  /^(?:(?:\s+of\s+(?:the\s+)?\d[\d,]*)?(?:\s+[\p{L}\p{N}'’–-]+){1,4}(?:,\s+(?:and\s+)?|\s+and\s+)|\s*[,;]\s*|\s*\n\s*|\s{3,}|\s*,?\s+(?:and|or|but)\s+)$/u;
/** Between two bracketed figures of one list: "(18% dead), Chongqing (15%)". */
const PAREN_LIST = /^[^()]{0,20}\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)[\p{Lu}][\p{L}'’ .-]{0,40}\(\s*$/u;
/** Labels of fact lines that count no people, whatever the heading: "Population: 5 million". */
const LABEL_NOT_COUNT =
  /\b(?:population|inhabitants|area|size|budget|cost|dates?|years?|founded|capital|length|duration|strength|wounded|injured|casualties|survivors|refugees|displaced|evacuated|released|rescued|pages?|bison|buffalo|cattle|livestock|animals|horses|sheep|pigs|dogs|birds|trees|books|volumes|languages|churches|codices|villages|houses|homes|buildings)\b/i;

const SUBORDINATE = /\b(?:when|while|as|because|after|before|although|though|whereas|if|until|unless)\b/i;
const CLAUSE_OPENER = /\b(?:where|which|who|whom|whose|when|while|whereas|although|though|but)\b/i;

/** A share of the whole people ("roughly a quarter of Cambodia's population"), restating a count. */
const SHARE_OF_POPULATION =
  /^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+(?:'s|’s)\s+|[\p{Lu}][\p{L}-]+\s+)?(?:entire\s+|total\s+|whole\s+|pre-?war\s+)?(?:population|inhabitants|people)\b/iu;
/** A sentence that restates the figure before it: "This is 2 million", "That was about a third". */
const RESTATEMENT = /^\s*(?:this|that|it)\s+(?:is|was|'s|’s|amounts\s+to|amounted\s+to|comes\s+to|came\s+to|means|meant|represents|represented)\s+$/i;

const COORDINATED = /^[\s,]*(?:and|or|either|and\s+then|,)?[\s,]*(?:or|and)?\s*$/i;

/** The measure that governs a quantity, the span it reaches to, or null when nothing does. */
/** What governs a figure: the measure, the span of its word(s), how strong the word is, and whether it only names whom the figure counts ("prisoners"). */
interface Governor {
  measure: Measure;
  from: number;
  to: number;
  weight: number;
  population: boolean;
}

function governing(sentence: string, q: Quantity, found: Found[]): Governor | null {
  const [cs, ce] = clauseBounds(sentence, q.start, q.end);
  // A noun that says whom another figure counts ("162 million people, and 1.3 million
  // prisoners were held") is that figure's, not this one's measure.
  const others = findQuantities(sentence).filter((o) => o.end <= q.start || o.start >= q.end);
  const owned = (f: Found) =>
    POPULATION.test(sentence.slice(f.start, f.end)) &&
    others.some((o) => o.end <= f.start && /^\s*(?:of\s+(?:the\s+|all\s+)?)?(?:[\p{L}'’-]+\s+){0,3}$/iu.test(sentence.slice(o.end, f.start)));
  const inClause = found.filter(
    (f) => f.start >= cs && f.end <= ce && !NEGATED.test(sentence.slice(Math.max(0, f.start - 20), f.start)) && !owned(f),
  );
  // "thousands of prisoners": who is counted, a measure only when nothing else governs.
  const population = inClause.find(
    (f) =>
      f.start >= q.end &&
      POPULATION.test(sentence.slice(f.start, f.end)) &&
      /^\s*(?:of\s+(?:the\s+|all\s+)?)?(?:[\p{L}'’-]+\s+){0,3}$/iu.test(sentence.slice(q.end, f.start)),
  );
  // "2 percent of those arrested were released": the participle describes whom the figure
  // counts; the verb after it says what happened to them.
  const described = inClause.find(
    (f) => f.start >= q.end && /^\s+(?:(?:per\s?cent|percent)\s+)?of\s+(?:those|the|all)\s+$/i.test(sentence.slice(q.end, f.start)),
  );
  const candidates = inClause.filter((f) => f !== population && f !== described);
  // "wounded 14 others, of whom one has since died": the verb after "of whom" is the part's.
  // A verb after the figure that has a figure of its own for object ("a rally of 2,000,
  // killing as many as four") is that figure's.
  const others0 = findQuantities(sentence);
  const ownObject = (f: Found) =>
    others0.some((o) => o.start >= f.end && o.start !== q.start && !o.yearLike && /^\s+$/.test(sentence.slice(f.end, o.start)));
  const after = candidates.filter(
    (f) =>
      f.start >= q.end &&
      wordsBetween(sentence.slice(q.end, f.start)) <= 9 &&
      !/(?:,\s*(?:\w+\s+)?|\s(?:one|some|most|many|none|each|several|half|all|two|three|four|five|\d[\d,]*)\s+)of\s+(?:whom|which)\b/i.test(
        sentence.slice(q.end, f.start),
      ) &&
      !ownObject(f),
  );
  // The figure's own verb, when it is none of the measures ("1,293 children were abducted",
  // "30 people were taken to the camps"), says what the figure counts.
  const ownVerb = OWN_VERB.exec(sentence.slice(q.end, ce));
  if (ownVerb && !found.some((f) => f.start >= q.end + ownVerb.index && f.start <= q.end + ownVerb[0].length + 25)) return null;
  // A figure whose own verb is one no claim is about ("were released", "were rehabilitated")
  // counts something else, whatever measure word stands further off. Prisoners "alive" in a
  // camp are its population.
  const blocker = nearestBlocker(sentence, q.end, Math.min(ce, q.end + 80));
  if (blocker !== null && !after.some((f) => f.weight > 1 && f.start < blocker) && !(population && /^alive/i.test(sentence.slice(blocker))))
    return null;
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
  // "7,165 people died, 6,102 of them of the plague": a part of the figure before counts
  // what that one counts; the verb before is not its own.
  const partitive = /^\s+of\s+(?:them|these|those|whom)\b/i.test(sentence.slice(q.end));
  const prior = partitive ? null : pick(before, true);
  // A relative or contrasting clause opens between a word before and the number
  // ("special settlements, where 390,000 of them died"): the verb after governs.
  // So does a comma: "Of those arrested, 1,000 were shot".
  const detached =
    prior !== null &&
    best !== null &&
    best.weight > 1 &&
    (CLAUSE_OPENER.test(sentence.slice(prior.end, q.start)) || sentence.slice(prior.end, q.start).includes(','));
  // "… were killed on Tuesday when hundreds of men attacked": a figure in a clause of its own
  // that a conjunction opens is not what the verb before it counts (a toll that "was" one is).
  const subordinate = prior !== null && SUBORDINATE.test(sentence.slice(prior.end, q.start)) && !COPULA.test(sentence.slice(prior.end, q.start));
  if (
    prior &&
    !detached &&
    !subordinate &&
    (!best || best.weight === 1 || wordsBetween(sentence.slice(prior.end, q.start)) < wordsBetween(sentence.slice(q.end, best.start)))
  )
    best = prior;
  if (!best && population && q.unit !== 'percent') best = population;
  if (!best) return null;
  // A coordinated list of different measures ("executed or sent to the Gulags",
  // "the imprisonment, exile, and execution of") is a purge as a whole, unless it
  // begins with an arrest ("accused … and either executed or sent to camps").
  const group = [best];
  for (const f of inClause) {
    // A word for whom a figure counts ("prisoners shot") is no fate in the list.
    if (group.includes(f) || f.weight < 2 || POPULATION.test(sentence.slice(f.start, f.end))) continue;
    const near = group.some(
      (g) => COORDINATED.test(sentence.slice(Math.min(g.end, f.end), Math.max(g.start, f.start))) && Math.abs(g.start - f.start) < 60,
    );
    if (near) group.push(f);
  }
  const kinds = new Set(group.map((g) => g.measure));
  const lethal = kinds.has('executed') || kinds.has('killed');
  // Only deaths in the list ("shot and killed") is a killing, "killed or died" a death; a
  // list with a killing in it ("deported, massacred, or marched to their deaths") a killing,
  // one of executions and other fates ("executed or sent to the camps") a purge.
  const onlyDeaths = [...kinds].every((k) => k === 'executed' || k === 'killed' || k === 'died');
  let measure: Measure = best.measure;
  // "rounded up and massacred": an arrest followed by a killing ends in the killing ("accused
  // … and either executed or sent to camps" stays an arrest).
  const taken = group.find((g) => g.measure === 'arrested');
  if (
    taken &&
    lethal &&
    !/accus/i.test(sentence.slice(taken.start, taken.end)) &&
    /\band\b/i.test(sentence.slice(Math.min(...group.map((g) => g.start)), Math.max(...group.map((g) => g.end))))
  ) {
    measure = kinds.has('killed') ? 'killed' : 'executed';
  } else if (kinds.size >= 2 && lethal && best.measure !== 'arrested') {
    const span = sentence.slice(Math.min(...group.map((g) => g.start)), Math.max(...group.map((g) => g.end)));
    if (onlyDeaths) measure = kinds.has('died') && !kinds.has('executed') && /\bor\b/i.test(span) ? 'died' : 'killed';
    else measure = kinds.has('killed') ? 'killed' : 'purged';
  }
  // What a famine or an epidemic "killed" died of it: nobody killed them.
  if (measure === 'killed' && group.length === 1 && NATURAL_CAUSE.test(sentence.slice(Math.max(cs, best.start - 90), best.start))) measure = 'died';
  // "were killed by plague and typhus", "killed from hunger": the agent named after the verb.
  if (measure === 'killed' && group.length === 1 && KILLED_BY_CAUSE.test(sentence.slice(best.end, best.end + 60))) measure = 'died';
  const from = Math.min(...group.map((g) => g.start));
  const to = Math.max(...group.map((g) => g.end));
  return { measure, from, to, weight: Math.max(...group.map((g) => g.weight)), population: best === population };
}

function isPeople(sentence: string, q: Quantity): boolean {
  const after = sentence
    .slice(q.end)
    .replace(/^\s+(?:more|other|more\s+of\s+the|of\s+the|of|of\s+all|additional)\b/i, '')
    .trimStart();
  const next = after.replace(/^[^\p{L}$]+/u, '');
  // A share is of something ("half of the army", "1.2% of the population"), or a rate.
  // "1.5 million (38%) Kazakhs died": a share in brackets beside a count is a share of people.
  if (
    q.unit === 'percent' &&
    /\d[\d,.]*(?:\s+(?:thousand|million|billion))?\s*[(,]\s*(?:[a-z]+\s+)?$/i.test(sentence.slice(Math.max(0, q.start - 40), q.start))
  )
    return true;
  if (q.unit === 'percent')
    return (
      /^\s+of\b/i.test(sentence.slice(q.end)) ||
      SHARE_THEN_MEASURE.test(sentence.slice(q.end)) ||
      /\b(?:in|out\s+of)\b/i.test(q.text) ||
      /\b(?:rate|share|proportion|percentage)\b/i.test(sentence)
    );
  // A small count must say whom it counts: "three marshals", "two of our men", "2 dead",
  // "the three had been killed".
  if (q.high !== null && q.high < 10 && !q.vague) {
    // "killing as many as four": what a killing verb takes are people.
    if (
      /\b(?:killing|killed|murdering|murdered|executing|executed|massacring|massacred|shooting|shot(?:\s+dead)?|leaving|left)\s+$/i.test(
        sentence.slice(Math.max(0, q.start - 20), q.start),
      ) &&
      !/^\s+(?:of\s+)?(?:[\p{L}-]+\s+)?(?:times|days|years|hours|weeks|months|shots|rounds)\b/iu.test(sentence.slice(q.end))
    )
      return true;
    const words = sentence
      .slice(q.end)
      .split(/[^\p{L}'-]+/u)
      .filter(Boolean)
      .slice(0, 4);
    if (/^\s+(?:dead|deaths|fatalities|bodies|corpses|executions|burials)\b/i.test(sentence.slice(q.end))) return true;
    // "seven of them were recaptured and hanged", "the three had been killed".
    const own =
      /^\s+(?:of\s+(?:them|these|those|whom)\s+)?(?:(?:had|have|has)\s+)?(?:been\s+|were\s+|was\s+)(?:[\p{L}-]+\s+){0,4}?(?:killed|executed|shot|murdered|hanged|arrested|deported|massacred|slaughtered|died)\b/iu.exec(
        sentence.slice(q.end),
      );
    if (own && !/[,;]|\b(?:who|which|that)\b/.test(own[0])) return true;
    return words.some((w) => PEOPLE.test(w));
  }

  if (NOT_PEOPLE.test(next)) return false;

  if (/^(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?(?:years?|days?|months?)\b/.test(next) && !PEOPLE.test(next)) return false;
  // "30,000 sex crimes", "212 execution warrants", "thousands of old photographs of
  // prisoners": the noun a few words on says what is counted, unless people come first.
  const words = next
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean)
    .slice(0, 4);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i > 0 && /^(?:of|in|at|on|who|whom|which|that|were|was|had|have|has|from|by|for|to|during|and|or|with)$/i.test(w)) break;
    if (PEOPLE.test(w)) return true;
    // "death sentences" are people sentenced to death; other sentences are documents.
    if (THINGS.test(w) && !(/^sentences$/i.test(w) && /^death$/i.test(words[i - 1] ?? ''))) return false;
  }
  return true;
}

/** Counted things that are not people: documents and proceedings, crimes, places, pictures. */
const THINGS =
  /^(?:crimes|offen[cs]es|assaults|robberies|burglaries|thefts|cases|copies|votes|tons|tonnes|warrants|trials|sentences|verdicts|indictments|charges|counts|lists|orders|decrees|telegrams|letters|reports|dossiers|files|documents|records|protocols|petitions|appeals|denunciations|photographs|photos|pictures|images|graves|incidents|attacks|raids|massacres|pogroms|bombings|shootings|battles|infections|teams|groups|convoys|transports|trains|wagons|trucks|ships|houses|homes|buildings|churches|mosques|synagogues|temples|schools|villages|settlements|hectares|pages|entries|names|families|households|questionnaires|interviews|testimonies|memoirs|volumes|articles|kilometres|kilometers|miles)$/i;

/** "convicted of 4,000 killings", "charged with 12 murders": counts of charges, not of people. */
const CHARGES = /\b(?:convicted|charged|accused|guilty|suspected|indicted|acquitted|tried)\s+(?:of|with|for)\s+(?:[\p{L}\d.,'-]+\s+)*$/iu;

function excluded(sentence: string, q: Quantity): boolean {
  if (q.yearLike) return true;
  // A note reference in markup: <a … epub:type="noteref">2567</a>, <sup>12</sup>.
  if (/<(?:a|sup)\b[^<>]*>\s*$/i.test(sentence.slice(Math.max(0, q.start - 200), q.start)) && /^\s*<\/(?:a|sup)>/i.test(sentence.slice(q.end)))
    return true;
  // "600 less dead than last week", "2,000 more deaths than in 1918": a difference, not a count.
  if (/^\s+(?:less|fewer|more)\s+(?:[\p{L}-]+\s+){0,5}than\b/iu.test(sentence.slice(q.end, q.end + 80))) return true;
  // "is increased 399 this week", "an increase of 600", "fell by 2,000": a change, not a count ("rose to" is one).
  if (
    /\b(?:(?:increased|decreased|rose|risen|fell|fallen|dropped|grew|declined|went\s+up|went\s+down)(?:\s+by)?|(?:an?\s+)?(?:increase|decrease|rise|drop|fall|decline)\s+of)\s+$/i.test(
      sentence.slice(Math.max(0, q.start - 30), q.start),
    )
  )
    return true;
  // "his wife and two daughters", "her three sisters": family members.
  if (
    q.low !== null &&
    q.low < 20 &&
    /\b(?:his|her|their|my|our|your)\s+(?:[\p{L}-]+\s+(?:and|&)\s+)?$/iu.test(sentence.slice(Math.max(0, q.start - 30), q.start)) &&
    /^\s+(?:[\p{L}-]+\s+)?(?:sons|daughters|children|sisters|brothers|siblings|wives|husbands|parents|grandchildren|grandsons|granddaughters|cousins|nephews|nieces|relatives|family\s+members|kids|babies)\b/iu.test(
      sentence.slice(q.end),
    )
  )
    return true;
  // "overtaken by two soldiers and shot": the agent of a passive verb is not whom it befell.
  if (
    /\b(?:by|from)\s+$/i.test(sentence.slice(Math.max(0, q.start - 6), q.start)) &&
    /\b(?:were|was|been|being)\s+[\p{L}-]+\s+(?:by|from)\s+$/iu.test(sentence.slice(Math.max(0, q.start - 60), q.start))
  )
    return true;
  // "children under 14", "men over 60": an age.
  if (
    q.unit === 'count' &&
    !q.vague &&
    (q.high ?? q.low ?? 0) < 120 &&
    /\b(?:children|people|persons|men|women|boys|girls|those|anyone|youths|adults|males|females)\s+(?:(?:aged\s+)?(?:under|over|above|below)|older\s+than|younger\s+than)\s+$/i.test(
      sentence.slice(
        Math.max(0, q.start - 40),
        q.start + (sentence.slice(q.start, q.end).match(/^(?:under|over|above|below|older\s+than|younger\s+than)\s+/i)?.[0].length ?? 0),
      ),
    )
  )
    return true;
  // "the ’72 Olympics", "class of '44": a year cut short.
  if (/^\d{2}$/.test(q.text) && /['’‘]$/.test(sentence.slice(0, q.start))) return true;
  // "85-90% of the 15 million members": the whole a share is of, not a count of its own.
  if (
    /(?:%|\b(?:per\s?cent|percent|half|thirds?|quarters?|fifths?|tenths?))\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|an?\s+)?(?:(?:estimated|total\s+of|original|entire)\s+)?$/i.test(
      sentence.slice(Math.max(0, q.start - 40), q.start),
    )
  )
    return true;
  const charge = CHARGES.exec(sentence.slice(Math.max(0, q.start - 120), q.start));
  if (
    charge &&
    !/\b(?:were|was|are|is|had|have|which|who|whom|where|when|that|in|at|near|during|after|before)\b|[;:]/i.test(
      charge[0].slice(charge[0].search(/\s(?:of|with|for)\s/) + 4),
    )
  )
    return true;
  // The base of a rate: "5 per year per 1,000 men".
  if (/\bper\s+$/i.test(sentence.slice(Math.max(0, q.start - 5), q.start))) return true;
  // A rate, not a count: "1,000 executions a day", "300 arrests per month".
  if (
    /^\s+(?:[\p{L}-]+\s+){0,4}(?:a|per|each|every)\s+(?:day|week|month|year|night)\b|^\s+(?:[\p{L}-]+\s+){0,4}(?:daily|weekly|monthly|annually|yearly)\b/iu.test(
      sentence.slice(q.end, q.end + 60),
    )
  )
    return true;
  // "thousands and thousands", "hundreds upon hundreds": the second word only stresses the first.
  if (q.vague && new RegExp(String.raw`\b${q.text.trim()}\s+(?:and|upon|on)\s+$`, 'i').test(sentence.slice(Math.max(0, q.start - 30), q.start)))
    return true;
  // "kills more than half of its victims", "a third of those infected": a disease's fatality rate.
  if (
    q.unit === 'percent' &&
    /^\s+of\s+(?:its|their|those|the)\s+(?:victims|patients|sufferers|cases|infected|infections)\b/i.test(sentence.slice(q.end, q.end + 40)) &&
    !/\b(?:were|was)\s*$/i.test(sentence.slice(q.end, q.end + 60).split(/[,;.]/)[0] ?? '')
  )
    return true;
  // "not hundreds, but thousands died": the figure denied is not a claim.
  if (/\bnot\s+(?:just\s+|only\s+|merely\s+)?$/i.test(sentence.slice(Math.max(0, q.start - 12), q.start))) return true;
  // A clock time: "at 8:46 a.m.", "9.30 p.m.".
  if (
    /\d[:.]$/.test(sentence.slice(Math.max(0, q.start - 3), q.start)) ||
    /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock\b)/i.test(sentence.slice(q.end, q.end + 12))
  )
    return true;
  // The value of a field in structured data ("min": 100000, population_initial: 6000000): a
  // machine record's number, read apart from the prose around it.
  if (
    (/"[^"\n]{1,60}"\s*:\s*$/.test(sentence.slice(Math.max(0, q.start - 70), q.start)) ||
      /(?:^|\n)\s*[a-z][a-z0-9]*(?:_[a-z0-9]+)+\s*:\s*$/.test(sentence.slice(Math.max(0, q.start - 70), q.start))) &&
    /^\s*(?:[,}\]]|$|\n)/.test(sentence.slice(q.end, q.end + 4))
  )
    return true;
  // "The Trial of the Seventeen": a capitalised number word inside a sentence is a name.
  if (/^[A-Z][a-z]/.test(q.text) && /[a-z,;]\s*$/.test(sentence.slice(0, q.start)) && !/^(?:Millions|Thousands|Hundreds|Tens)\b/.test(q.text))
    return true;
  // "one of the most prominent Bolsheviks", "one historian": a lone "one" is not a count.
  if (/^(?:one|a|an)$/i.test(q.text)) return true;
  const head = sentence.slice(Math.max(0, q.start - 24), q.start);
  const tail = sentence.slice(q.end, q.end + 24);
  if (/[$£€¥]\s*$/.test(head) || /^\s*(?:dollars|rubles|roubles|pounds|euros|marks|usd)\b/i.test(tail)) return true;
  // Identifiers: "Order 00447", "Article 58", "No. 12", "Barrack 11", "Block 10", "Camp 2".
  if (/^0\d/.test(q.text) || /\b(?:order|decree|article|directive|resolution|operation|paragraph|section)\s*(?:no\.?\s*)?$/i.test(head)) return true;
  if (
    !q.vague &&
    q.low !== null &&
    q.low === q.high &&
    Number.isInteger(q.low) &&
    q.low < 1000 &&
    !/[,.]/.test(q.text) &&
    /\b(?:block|barracks?|hut|camp|sub-?camp|region|district|zone|sector|unit|room|cell|wing|platoon|battalion|regiment|brigade|division|corps|army|table|figure|row|column|item|grave|plot|site|route|road|street|highway|train|transport|convoy|shaft|tunnel|gate|building|ward|precinct|lot)\s*(?:no\.?\s*)?$/i.test(
      head,
    ) &&
    !/\b(?:the|a|an|these|those|its|their|his|her|of)\s+\S+\s*$/i.test(head)
  )
    return true;
  if (
    /\b(?:aged?|ages?\s+of|pp?\.|pages?|notes?|fn\.?|chapter|vol\.|volume|no\.|(?<!\b(?:the|a|this|that|its|his|her|their)\s+)number)\s*$/i.test(
      head,
    ) ||
    /^\s*(?:years?\s+old|-year-old)/i.test(tail)
  )
    return true;
  if (/\[\s*$/.test(head) && /^\s*\]/.test(tail)) return true;
  // "the second half of the year", "the latter half": a part of time, not of people.
  if (q.unit === 'percent' && /\b(?:first|second|third|last|latter|former|other|early|late|earlier|later)\s+$/i.test(head)) return true;
  // "Name, 67, theatrical producer", "David Nocher (26)": an age beside a name; "died at 95".
  if (/[A-Z][a-z]*\.?,\s*$/.test(head) && /^\s*,/.test(tail) && q.low !== null && q.low < 120) return true;
  if (q.unit === 'count' && /\p{Lu}[\p{L}'’-]+\s*\(\s*$/u.test(head) && /^\s*\)/.test(tail) && q.low !== null && q.low < 120 && q.low === q.high)
    return true;
  if (/\b(?:died|dies|dying|death|executed|killed|shot)\s+(?:at|aged)\s+(?:the\s+age\s+of\s+)?$/i.test(head)) return true;
  if (MONTH.test(head.trimEnd()) || /^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(tail))
    return true;
  if (q.low !== null && q.low < 1000 && q.unit === 'count' && /^\s*(?:years?|months?|days?|weeks?)\b/i.test(tail)) return true;
  return false;
}

function namedEvent(text: string, properOnly = false): string | undefined {
  const found = [...text.matchAll(EVENT)].map((m) =>
    m[0].replace(/^(?:the|in|during|after|before|under|by|from|of|at|on|and|as|with|while|a|an)\s+/i, '').trim(),
  );
  return found.find((f) => /[A-Z]/.test(f[0]!)) ?? (properOnly ? undefined : found[0]);
}

/**
 * The nearest named event: in the sentence around the claim, else in the heading above it,
 * else the one the document opens with (its title), else the heading's own words.
 */
function eventLabel(sentence: string, heading: string, opening = ''): string {
  // A heading that names something ("The Khmer Rouge", "The Red Army") says more than the document's title.
  const namingHeading =
    heading.split(/\s+/).length <= 6 && (heading.match(/\b[A-Z][\w'’-]+/g) ?? []).filter((w) => !/^(?:The|A|An|In|On|Of)$/.test(w)).length >= 2
      ? heading
      : undefined;
  const label =
    namedEvent(sentence, true) ??
    namedEvent(heading) ??
    namingHeading?.replace(/^the\s+/i, '') ??
    namedEvent(opening, true) ??
    namedEvent(sentence) ??
    heading;
  const years = /\b(1[89]\d\d)(?:\s*[–-]\s*(\d{2,4}))?\b/.exec(sentence) ?? /\b(1[89]\d\d)(?:\s*[–-]\s*(\d{2,4}))?\b/.exec(heading);
  const clean = label.replace(/\s+/g, ' ').trim();
  if (!clean) return years ? `${years[0]}` : '';
  return years && !clean.includes(years[1]!) ? `${clean} ${years[0].replace('-', '–')}` : clean;
}

function headingBefore(text: string, at: number): string {
  const lines = text
    .slice(Math.max(0, at - 4000), at)
    .split('\n')
    .reverse();
  for (const line of lines.slice(1)) {
    const t = line.trim();
    const md = /^#{1,6}\s+(.+)$/.exec(t);
    if (md) return md[1]!.replace(/[*_#]/g, '').trim();
    if (t && t.length < 80 && !/[.!?,;:"”]$/.test(t) && /^[A-Z]/.test(t)) return t;
  }
  return '';
}

const Y = String.raw`(1[0-9]{3}|20[0-9]{2})(?!\d|,\d)`;
const MONTHS = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
/**
 * Years as a sentence gives them: a span ("between 1937 and 1938", "from 1929 to 1950",
 * "1918–1945", "1932-33"), one year with its preposition or date ("in 1937", "during 1940",
 * "on 5 March 1953", "since 1945", "by 1939"), or a year alone.
 */
const YEARS = new RegExp(
  String.raw`\bbetween\s+(?:${MONTHS}\s+)?${Y}\s+and\s+(?:${MONTHS}\s+)?${Y}` +
    String.raw`|\bfrom\s+(?:${MONTHS}\s+)?${Y}\s+(?:to|until|till|through|[–—-])\s+(?:${MONTHS}\s+)?${Y}` +
    String.raw`|(?<![\d,.])${Y}\s*[–—-]\s*(\d{4}|\d{2})(?!\d|,\d)` +
    String.raw`|\b(in|during|throughout|of|on|since|from|until|till|through|by|after|before)?\s*(?:(?:early|late|mid-?|the\s+(?:spring|summer|autumn|fall|winter)\s+of)\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:${MONTHS}\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?<![\d,.])${Y}(?:\s*[–—-]\s*(\d{4}|\d{2})(?!\d|,\d))?`,
  'gi',
);
/** A year that dates a document or a count, not the events: "the 1937 census", "Conquest (1990)". */
const DATED_THING =
  /^\s*(?:census|report|study|survey|estimate|book|edition|article|paper|speech|law|decree|resolution|constitution|election|conference|interview|count|data|figures?|statistics|investigation|commission|tribunal)\b/i;

/** The same, named before its year: "a survey (2001)", "the census of 1939", "Conquest's estimate in 1990". */
const DATED_BEFORE =
  /\b(?:census|report|study|survey|analysis|estimate|book|edition|article|paper|count|data|statistics|investigation|commission|tribunal)(?:es|s)?\s*(?:\(\s*|,\s*|of\s+|in\s+)$/i;
/** A row of a table or a list that names a study or an estimate, not an event: "Census analysis (1999)". */
const NAMES_A_COUNT =
  /\b(?:census|report|study|survey|analysis|estimate|count|data|statistics|investigation|commission|historians?|scholars?|researchers?)\b/i;

interface YearSpan {
  start: number;
  end: number;
  from: number | null;
  to: number | null;
}

function yearSpans(sentence: string): YearSpan[] {
  const out: YearSpan[] = [];
  for (const m of sentence.matchAll(YEARS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (DATED_THING.test(sentence.slice(end, end + 20))) continue;
    // "a survey (2001)", "the census of 1939": the year dates the count.
    if (DATED_BEFORE.test(sentence.slice(Math.max(0, start - 40), start + (m[0].match(/^\D*/)?.[0].length ?? 0)))) continue;
    // "Conquest (1990)", "(Werth 2007: 45)": a citation.
    if (
      /[\p{Lu}][\p{L}'’-]+,?\s*\(\s*$/u.test(sentence.slice(Math.max(0, start - 30), start)) ||
      /\(\s*[\p{Lu}][\p{L}'’-]+,?\s*$/u.test(sentence.slice(Math.max(0, start - 30), start))
    )
      continue;
    if (m[1] && m[2]) out.push({ start, end, from: +m[1], to: +m[2] });
    else if (m[3] && m[4]) out.push({ start, end, from: +m[3], to: +m[4] });
    else if (m[5] && m[6]) {
      const a = +m[5];
      const b = m[6].length === 2 ? Math.floor(a / 100) * 100 + +m[6] : +m[6];
      if (b > a && b - a < 200) out.push({ start, end, from: a, to: b });
    } else if (m[8] && m[9]) {
      const a = +m[8];
      const b = m[9].length === 2 ? Math.floor(a / 100) * 100 + +m[9] : +m[9];
      if (b > a && b - a < 200) out.push({ start, end, from: a, to: b });
    } else if (m[8]) {
      const year = +m[8];
      const prep = (m[7] ?? '').toLowerCase();
      if (prep === 'since' || prep === 'from' || prep === 'after') out.push({ start, end, from: year, to: null });
      else if (prep === 'until' || prep === 'till' || prep === 'through' || prep === 'by' || prep === 'before')
        out.push({ start, end, from: null, to: year });
      else out.push({ start, end, from: year, to: year });
    }
  }
  return out;
}

/**
 * The years a claim covers: the year or span its clause gives, nearest the claim; else the
 * one its sentence gives, if only one. Offsets are into the sentence.
 */
function yearsOf(sentence: string, figStart: number, figEnd: number, from: number, to: number): { fromYear: number | null; toYear: number | null } {
  const spans = yearSpans(sentence).filter((y) => y.end <= figStart || y.start >= figEnd);
  const [cs, ce] = clauseBounds(sentence, figStart, figEnd);
  const inClause = spans.filter((y) => y.start >= cs && y.end <= ce);
  const pool = inClause.length ? inClause : spans.length === 1 ? spans : [];
  const gap = (y: YearSpan) => (y.end <= from ? from - y.end : y.start >= to ? y.start - to : 0);
  const best = pool.sort((a, b) => gap(a) - gap(b))[0];
  return { fromYear: best?.from ?? null, toYear: best?.to ?? null };
}

/** A claim being read, with the figure it was read from (offsets into the text). */
interface Reading extends Claim {
  figStart: number;
  figEnd: number;
  confidence: number;
}

interface SentenceContext {
  /** The text as written (quotes come from it) and as read (note references blanked). */
  written: string;
  text: string;
  /** The claim a sentence opening "This is …" restates. */
  anaphora: Claim | undefined;
  event: () => string;
  /** The heading over the sentence and the document's opening: what it is about. */
  setting: () => string;
  /** A table cell's prose: no fact line, whatever its heading says. */
  cell?: boolean;
}

/**
 * Asides inside a sentence: a parenthesis, a pair of dashes, a dash or an "including" / "of
 * whom" phrase that ends it. Offsets of the aside and of its content, into the sentence.
 */
interface Aside {
  start: number;
  end: number;
  from: number;
  to: number;
  /** Where a part's quote starts: at "including", else at its figure. */
  lead?: number;
}

const STARTS_WITH_FIGURE =
  /^\s*(?:(?:about|around|roughly|some|nearly|almost|approximately|over|more\s+than|at\s+least|up\s+to|perhaps|an\s+estimated|just\s+over|just\s+under|fewer\s+than|less\s+than)\s+)*(?:\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds|thousands|tens|millions|half)\b)/i;

function asides(sentence: string): Aside[] {
  const out: Aside[] = [];
  const taken = (s: number, e: number) => out.some((a) => s < a.end && a.start < e);
  // "(260,000 in 1937 and 280,000 in 1938)", "(38%)", "(mostly kulaks)".
  for (const m of sentence.matchAll(/\(([^()]{1,300})\)/g))
    out.push({ start: m.index, end: m.index + m[0].length, from: m.index + 1, to: m.index + m[0].length - 1 });
  // "6 million Jews — one out of every three — were murdered": a pair of dashes.
  for (const m of sentence.matchAll(/(\s[—–-]\s|—)([^—–()]{1,250}?)(\s[—–-]\s|—)/g)) {
    if (m[2]!.includes(' - ') || taken(m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, from: m.index + m[1]!.length, to: m.index + m[1]!.length + m[2]!.length });
  }
  // "1.7 million people - a quarter of the population.": a dash that restates the figure
  // before it ("Arrested – 1,548,366" is a label and its figure).
  for (const m of sentence.matchAll(/\s[—–-]\s|—/g)) {
    const rest = sentence.slice(m.index + m[0].length);
    if (taken(m.index, m.index + 1) || !STARTS_WITH_FIGURE.test(rest) || !figureBefore(sentence, m.index)) continue;
    const stop = /[;:]|\s[—–]\s/.exec(rest);
    const to = m.index + m[0].length + (stop ? stop.index : rest.replace(/[.!?"”)\s]+$/, '').length);
    out.push({ start: m.index, end: to, from: m.index + m[0].length, to });
  }
  // ", including 3.5 million in Ukraine", ", of whom 85,000 were shot", "and of them 6,878":
  // to the next comma, unless the list of figures goes on after it.
  for (const m of sentence.matchAll(/,?\s+(?:and\s+)?(?:including|among\s+(?:them|whom)|of\s+(?:whom|them))\s+/gi)) {
    const from = m.index + m[0].length;
    if (taken(m.index, from) || !STARTS_WITH_FIGURE.test(sentence.slice(from))) continue;
    let to = from;
    for (;;) {
      const stop = /[,;:]|\s[—–]\s/.exec(sentence.slice(to));
      if (!stop) {
        to = sentence.length - sentence.slice(to).match(/[.!?"”\s]*$/)![0].length;
        break;
      }
      to += stop.index;
      if (stop[0] !== ',' || !STARTS_WITH_FIGURE.test(sentence.slice(to + 1).replace(/^\s*and\b/, ''))) break;
      to += 1;
    }
    if (to > from) out.push({ start: m.index, end: to, from, to, lead: m.index + m[0].search(/\p{L}/u) });
  }
  // An aside with figures and no figure before it is read as part of its sentence
  // ("precisely how many died (estimates range from 1.3 million to 2 million)").
  // Nor is one that cuts through a figure ("10,000 – 72,000", "102,800 (+/- 12,000)").
  const whole = findQuantities(sentence);
  return out
    .filter(
      (a) => !whole.some((q) => (q.start < a.start && a.start < q.end) || (q.start < a.end && a.end < q.end) || (q.start < a.from && a.to < q.end)),
    )
    .filter((a) => !findQuantities(sentence.slice(a.from, a.to)).some((q) => !q.yearLike) || figureBefore(sentence, a.start))
    .sort((a, b) => a.start - b.start);
}

/** The figure a few words before `at`, in the same clause, if any. */
function figureBefore(sentence: string, at: number): Quantity | undefined {
  // The sentence's figures are read once; the last to end before `at` is the one.
  const all = findQuantities(sentence);
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  let q: Quantity | undefined;
  for (let i = lo - 1; i >= 0 && !q; i--) if (!all[i]!.yearLike) q = all[i];
  return q && wordsBetween(sentence.slice(q.end, at)) <= 4 && !/[.;:()]/.test(sentence.slice(q.end, at)) ? q : undefined;
}

/** `text` with the spans blanked to spaces: same length, so offsets stay. */
function blank(text: string, spans: { start: number; end: number }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/**
 * Every numeric claim about people in `written`, in text order. Note references ("1937.[22]",
 * "[33][34]", "[^8]", "shot²") are read as blanks: they name a footnote, never a count, and
 * a bracket after a full stop would otherwise open the next sentence with the note's number.
 * Quotes are taken from the text as written, markers and all.
 */
export function extractClaims(written: string, options: { minConfidence?: number } = {}): Claim[] {
  const text = maskNoteMarkers(written);
  const claims: (Claim & { confidence: number })[] = [];
  const opening = text.slice(0, 1500);
  const found = tables(text);
  for (const s of sentences(text, new Set(found.flatMap((t) => t.lines)))) {
    const sentence = text.slice(s.start, s.end);
    if (!/\d|\b(?:thousand|million|billion|hundred|half|third|quarter|dozen|one|two|three|four|five|six|seven|eight|nine|ten)s?\b/i.test(sentence))
      continue;
    // The claim just before, under the same heading: what "This is …" restates.
    const previous = claims[claims.length - 1];
    const anaphora =
      previous && s.start - previous.end < 6000 && RESTATES.test(sentence) && headingBefore(text, previous.start) === headingBefore(text, s.start)
        ? previous
        : undefined;
    // The event is the sentence's, the heading's or the document's: found once per sentence.
    let sentenceEvent: string | undefined;
    const event = () => (sentenceEvent ??= eventLabel(sentence, headingBefore(text, s.start), opening));
    const setting = () => `${headingBefore(text, s.start)}\n${opening}`;
    const read = readSentence(sentence, s.start, { written, text, anaphora, event, setting }).map(({ figStart, figEnd, ...claim }) => ({
      ...claim,
      ...yearsOf(sentence, figStart - s.start, figEnd - s.start, claim.start - s.start, claim.end - s.start),
      figEnd,
    }));
    for (const { figEnd, ...claim } of read) {
      // A total with its parts in brackets ("nearly 540,000 (260,000 in 1937 and 280,000 in 1938)")
      // covers the years of its parts together, when each part gives them.
      const parts = read.filter((p) => p !== claim && p.start >= figEnd && p.end <= claim.end && p.measure === claim.measure);
      const dated = parts.filter((p) => p.fromYear != null && p.toYear != null);
      const years =
        parts.length >= 2 && dated.length === parts.length
          ? { fromYear: Math.min(...dated.map((p) => p.fromYear!)), toYear: Math.max(...dated.map((p) => p.toYear!)) }
          : { fromYear: claim.fromYear, toYear: claim.toYear };
      claims.push({ ...claim, ...years, confidence: adjusted(sentence, claim, claim.start - s.start, claim.end - s.start) });
    }
  }
  claims.push(...tableClaims(written, text, opening, found));
  const min = options.minConfidence ?? MIN_CONFIDENCE;
  return claims
    .filter((c) => c.confidence >= min)
    .map((c) => ({ ...c, confidence: Math.round(c.confidence * 100) / 100 }))
    .sort((a, b) => a.start - b.start);
}

/** The claims of one sentence (or of an aside in one), `base` its offset in the text. */
function readSentence(sentence: string, base: number, ctx: SentenceContext): Reading[] {
  const inner = asides(sentence);
  // Figures and measure words outside the asides are read with the asides blanked.
  const outer = inner.length ? blank(sentence, inner) : sentence;
  const found = measuresIn(outer);
  const readings = readClause(outer, base, ctx, found, ctx.anaphora);
  for (const aside of inner) readAside(sentence, outer, aside, base, ctx, readings);
  return readings.sort((a, b) => a.start - b.start);
}

/**
 * The figures of an aside: read on their own when the aside has its own measure word
 * ("Anhui (18% dead)", ", of whom 85,000 were shot"), else as parts or restatements of the
 * figure the aside follows ("nearly 540,000 (260,000 in 1937 and 280,000 in 1938) were
 * executed", "6 million Jews — one out of every three Jews — were murdered").
 */
function readAside(sentence: string, outer: string, aside: Aside, base: number, ctx: SentenceContext, readings: Reading[]): void {
  const content = sentence.slice(aside.from, aside.to);
  const own = readSentence(content, base + aside.from, { ...ctx, anaphora: undefined });
  // The figure the aside follows, a few words before it at most.
  const near = figureBefore(outer, aside.start);
  let host = near ? readings.find((r) => r.figStart === base + near.start) : undefined;
  // "36 million people — 36 million people … have died": a figure restated in the aside
  // takes the measure the restatement has.
  const restating = own.find((r) => r.figStart - base - aside.from <= 12);
  if (near && !host && restating && isPeople(outer, near)) {
    host = readingOf(ctx, base, near, near.start, near.end, restating.measure, CONFIDENCE.part);
    readings.push(host);
  }
  readings.push(...own);
  let measure = host?.measure;
  // "more than 5,000 families (over 20,000 people) were deported": what governs the figure
  // before the aside governs the aside's figure.
  if (!measure && near) {
    const gov = governing(outer, { ...near, end: aside.end }, measuresIn(outer));
    measure = gov?.measure;
  }
  // "(roughly 1.2% of the population)" beside a population: a share of the count before.
  const anchor = readings.filter((r) => r.end <= base + aside.start && r.unit === 'people').pop();
  const figures = findQuantities(content);
  for (const q of figures) {
    const share = !measure && anchor && q.unit === 'percent' && SHARE_OF_POPULATION.test(content.slice(q.end));
    if (!measure && !share) continue;
    if (own.some((r) => r.figStart < base + aside.from + q.end && base + aside.from + q.start < r.figEnd)) continue;
    if (excluded(content, q) || q.yearLike || verbOfItsOwn(content, q, measuresIn(content))) continue;
    // "(200 identified by name)": a figure with a verb of its own in the aside is no part.
    if (/^\s+(?:[\p{L}-]+\s+)?\p{L}+(?:ed|en)\s+(?:by|in|at|as|from|with)\b/iu.test(content.slice(q.end))) continue;
    if (q.unit !== 'percent' && !isPeople(content, q)) continue;
    const tail = /^(?:\s+(?!and\b|or\b|in\b|of\b)[\p{L}'-]+){0,2}/u.exec(content.slice(q.end))![0];
    const from = aside.lead !== undefined && q === figures[0] ? aside.lead - aside.from : q.start;
    const to = share
      ? q.end + SHARE_OF_POPULATION.exec(content.slice(q.end))![0].length
      : q.end + (tail.split(/\s+/).some((w) => w && PEOPLE.test(w)) ? tail.length : 0);
    readings.push(readingOf(ctx, base + aside.from, q, from, to, measure ?? anchor!.measure, CONFIDENCE.part));
  }
}

function readingOf(ctx: SentenceContext, base: number, q: Quantity, from: number, to: number, measure: Measure, confidence: number): Reading {
  return {
    confidence,
    quote: ctx.written.slice(base + from, base + to),
    start: base + from,
    end: base + to,
    measure,
    low: q.low,
    high: q.high,
    unit: q.unit === 'percent' ? 'percent' : 'people',
    approx: q.approx,
    event: ctx.event(),
    figStart: base + q.start,
    figEnd: base + q.end,
  };
}

/**
 * How sure a reading is, by how it was made: a measure word right beside its figure is
 * surest; a word further off, one that only says whom the figure counts ("hundreds of
 * prisoners"), a measure taken from a heading or given by reference less so. Suggestions
 * under MIN_CONFIDENCE are not made.
 */
const CONFIDENCE = { table: 0.85, label: 0.85, list: 0.75, part: 0.75, heading: 0.7, reference: 0.65, shared: 0.6 } as const;
export const MIN_CONFIDENCE = 0.5;

function governedConfidence(gov: Governor, distance: number): number {
  if (gov.population) return 0.5;
  const near = distance <= 2 ? 0.9 : distance <= 5 ? 0.8 : 0.65;
  return gov.weight > 1 ? near : near - 0.15;
}

/** A plan, an order or a threat: "would have to be destroyed", "were to be deported", "ordered the arrest of". */
const UNREAL =
  /\b(?:would|should|shall|will|must)\s+(?:(?:have\s+to|need\s+to)\s+)?be\s+\p{L}+ed\b|\bwould\s+(?:otherwise\s+)?have\s+(?:died|perished|been\s+\p{L}+(?:ed|en))\b|\b(?:were|was|are|is)\s+to\s+be\s+\p{L}+ed\b|\b(?:plann?(?:ed|ing|s)?|ordered|(?<!\bon\s+the\s+|\bin\s+)orders?|threatened|intend(?:ed|s)?|proposed|quotas?)\s+(?:to\s+|for\s+|of\s+|that\s+|the\s+)/iu;

/** A reading's confidence, less for vague and small counts and for plans, orders and threats. */
function adjusted(sentence: string, c: Claim & { confidence: number }, from: number, to: number): number {
  let confidence = c.confidence;
  if (
    c.unit === 'people' &&
    c.low !== null &&
    c.high === null &&
    c.approx &&
    c.low >= 100 &&
    /^(?:1|10|100)(?:0{3})*$/.test(String(c.low)) &&
    /\b(?:hundreds|thousands|millions|several|few)\b/i.test(c.quote)
  )
    confidence -= 0.1;
  if (c.unit === 'people' && (c.high ?? c.low ?? 0) < 10) confidence -= 0.1;
  const around = sentence.slice(Math.max(0, from - 60), Math.min(sentence.length, to + 40));
  if (UNREAL.test(around)) confidence = Math.min(confidence, 0.3);
  return confidence;
}

const REFUGEES =
  /^(?:[\p{L}-]+\s+){0,2}(?:refugees|migrants|evacuees|emigrants|immigrants|asylum[- ]seekers|survivors|hostages|captives|suspects|displaced)\b/iu;

/** Between the measure word and a figure that shares it: "perished alongside millions". */
const ALONGSIDE = /^\s*(?:alongside|along\s+with|together\s+with|as\s+well\s+as|besides)\s+$/i;

/** A figure after the verb of an earlier one, in a clause of its own that leaves the verb out, or joined to the earlier one. */
function sharesVerb(
  sentence: string,
  base: number,
  c: { figStart: number; figEnd: number; govFrom: number; govTo: number },
  rivals: { figStart: number; figEnd: number }[],
): boolean {
  if (c.govFrom < 0 || c.govTo > c.figStart - base) return false;
  const between = sentence.slice(c.govTo, c.figStart - base);
  if (!rivals.some((o) => o.figEnd - base <= c.govFrom)) return false;
  if (ALONGSIDE.test(between)) return true;
  // The verb's own clause, then conjuncts without a verb: "in 1930, 300,000 townspeople in 1933, and ".
  const parts = between.split(',');
  const verbless = (t: string) =>
    !/\b(?:were|was|is|are|had|have|has|been|being|while|whereas|but)\b/i.test(t) && !measuresIn(t).length && !/[;:]/.test(t);
  if (parts.length < 2 || !parts.every(verbless)) return false;
  const clause = /^[^,;.]*/.exec(sentence.slice(c.figEnd - base))![0];
  return verbless(clause);
}

/**
 * Figures that are subjects of one verb together: "2,182 women and children and 959 men were
 * killed" (the nearer figure is the verb's by distance, the other is joined to it by "and").
 */
function sharesSubjectVerb(
  sentence: string,
  base: number,
  c: { figEnd: number; govFrom: number; figStart: number },
  rivals: { figStart: number; figEnd: number; govFrom: number }[],
): boolean {
  if (c.govFrom < 0 || c.govFrom < c.figEnd - base) return false;
  return rivals.some((o) => {
    if (o.figStart <= c.figStart || o.figEnd - base > c.govFrom) return false;
    const gap = sentence.slice(c.figEnd - base, o.figStart - base);
    return (
      /^(?:\s+[\p{L}'’-]+){0,4}(?:\s*,\s*|\s+)(?:and|or|as\s+well\s+as)\s+$/u.test(gap) &&
      !measuresIn(gap).length &&
      !/\b(?:were|was|had|have|has|are|is)\b/i.test(gap)
    );
  });
}

/** The claims of a sentence read with its asides blanked. */
function readClause(sentence: string, base: number, ctx: SentenceContext, found: Found[], anaphora: Claim | undefined): Reading[] {
  const out: Reading[] = [];
  if (!found.length && !anaphora && !LABEL_LINE.test(sentence) && !/\btoll\b/i.test(sentence)) return out;
  const casualties = [...sentence.matchAll(CASUALTIES)];
  const inSentence: (Reading & { distance: number; governs: string; govFrom: number; govTo: number })[] = [];
  const restated: Reading[] = [];
  const claimOf = (
    q: Quantity,
    from: number,
    to: number,
    measure: Measure,
    distance: number,
    governs: string,
    govFrom: number,
    govTo: number,
    confidence: number,
  ) => ({ ...readingOf(ctx, base, q, from, to, measure, confidence), distance, governs, govFrom, govTo });
  // The figure last claimed through a measure word, for lists that share it.
  let lastFigure: { q: Quantity; measure: Measure; from: number; confidence: number } | null = null;
  for (const q of findQuantities(sentence)) {
    if (excluded(sentence, q)) continue;
    const restating = restatement(
      sentence,
      q,
      anaphora,
      [...restated, ...inSentence].filter((c) => c.end <= base + q.start),
    );
    if (restating) {
      restated.push({
        ...restating,
        event: restating.event || ctx.event(),
        start: base + restating.start,
        end: base + restating.end,
        quote: ctx.written.slice(base + restating.start, base + restating.end),
        figStart: base + q.start,
        figEnd: base + q.end,
        confidence: CONFIDENCE.reference,
      });
      continue;
    }
    // "claimed the lives of 3 of the 5 marshals, 13 of 15 army commanders and 154 of 186
    // division commanders", "Anhui (18% dead), Hunan (8%)", "17 million to 50 million, and
    // possibly as high as 100 million": figures listed after a claimed one share its measure word.
    const gap = lastFigure ? sentence.slice(lastFigure.q.end, q.start) : '';
    const listed =
      !!lastFigure &&
      q.unit === lastFigure.q.unit &&
      (LIST_GAP.test(gap) || PAREN_LIST.test(gap)) &&
      !measuresIn(gap.slice(gap.lastIndexOf(')') + 1)).some((f) => f.weight > 1);
    if (!isPeople(sentence, q) && !(listed && q.unit === 'percent')) continue;
    const gov = governing(sentence, q, found);
    if (lastFigure && listed && (!gov || gov.from === lastFigure.from) && !verbOfItsOwn(sentence, q, found)) {
      const tail = /^(?:\s+of\s+(?:the\s+)?\d[\d,]*)?(?:\s+(?!and\b|or\b)[\p{L}'-]+){0,3}/u.exec(sentence.slice(q.end))![0];
      if (tail.split(/\s+/).some((w) => w && NOT_PEOPLE.test(w))) continue;
      inSentence.push(
        claimOf(q, q.start, q.end + tail.length, lastFigure.measure, 0, `list:${q.start}`, -1, -1, Math.min(CONFIDENCE.list, lastFigure.confidence)),
      );
      lastFigure = { q, measure: lastFigure.measure, from: lastFigure.from, confidence: lastFigure.confidence };
      continue;
    }
    if (!gov && /^\s+of\s+(?:them|these|those|whom)\b/i.test(sentence.slice(q.end))) {
      const whole = [...inSentence].reverse().find((c) => c.figEnd <= base + q.start && c.unit === 'people');
      if (whole && /^[\s,;]*(?:and\s+|but\s+)?$/.test(sentence.slice(whole.end - base, q.start))) {
        const tail = /^\s+of\s+(?:them|these|those|whom)(?:\s+(?:of|from|by|in)\s+(?:the\s+)?[\p{L}-]+)?/iu.exec(sentence.slice(q.end))![0];
        restated.push(readingOf(ctx, base, q, q.start, q.end + tail.length, whole.measure, CONFIDENCE.part));
      }
      continue;
    }
    if (!gov) {
      // "Executions: 681,692", "Arrested – 1,548,366", "|fatalities=200,000": a label and its
      // figure, as in a table.
      const label = /([^.;:\n=]{1,60}?)\s*(?:[:–—=]|\s-)\s*$/.exec(sentence.slice(0, q.start));
      const named = label
        ? measuresIn(label[1]!)
            .filter((f) => f.weight > 1)
            .pop()
        : undefined;
      if (label && named && !sentence.slice(label.index + named.end, q.start).match(/\d{5,}|[.;]/)) {
        inSentence.push(claimOf(q, label.index + named.start, q.end, named.measure, 0, `label:${q.start}`, -1, -1, CONFIDENCE.label));
        lastFigure = { q, measure: named.measure, from: base + label.index + named.start, confidence: CONFIDENCE.label };
        continue;
      }
      // "Census analysis: 4.2 to 5.1 million" under "Estimates of deaths": a fact line whose
      // label names no measure takes the one its heading or lead-in names.
      const line =
        label && !ctx.cell && /^[\s>*•+-]*$/.test(sentence.slice(0, label.index)) && !/\d/.test(label[1]!) && !LABEL_NOT_COUNT.test(label[1]!)
          ? captionMeasure(ctx.text, base)
          : undefined;
      if (label && line) {
        inSentence.push(claimOf(q, label.index + label[0].search(/\S/), q.end, line, 0, `label:${q.start}`, -1, -1, CONFIDENCE.heading));
        lastFigure = { q, measure: line, from: -1, confidence: CONFIDENCE.heading };
      }
      continue;
    }
    // A figure whose nearest noun is "casualties" is not a count of the dead ("2 dead and 14
    // wounded" is, for the 2); nor is one the wounding verb governs ("wounded 14 others").
    if (
      casualties.some(
        (c) =>
          c.index >= q.end &&
          wordsBetween(sentence.slice(q.end, c.index)) <= 3 &&
          !measuresIn(sentence.slice(q.end, c.index)).some((f) => f.weight > 1),
      )
    )
      continue;
    if (/\b(?:wounded|injured|wounding|injuring)\s+$/i.test(sentence.slice(Math.max(0, q.start - 12), q.start))) continue;
    // Refugees, migrants, survivors, hostages and suspects counted as such ("millions of refugees
    // are living in exile") are no claim; killed, dead or executed, they are.
    if (!['killed', 'died', 'executed'].includes(gov.measure) && REFUGEES.test(sentence.slice(q.end).replace(/^\s+(?:of\s+)?/, ''))) continue;
    // "Victims" of a famine or an epidemic died; of anything else, they were killed.
    if (/^victims$/i.test(sentence.slice(gov.from, gov.to)))
      gov.measure = NATURAL_CAUSE.test(sentence) || NATURAL_CAUSE.test(ctx.setting()) ? 'died' : 'killed';
    const distance = wordsBetween(sentence.slice(Math.min(q.end, gov.to), Math.max(q.start, gov.from)));
    // A measure word governs one count and one share ("1.5 million, about 38%, died").
    const compared = gov.to <= q.start && COMPARISON.test(sentence.slice(Math.max(0, q.start - 30), q.start));
    inSentence.push(
      claimOf(
        q,
        Math.min(q.start, gov.from),
        Math.max(q.end, gov.to),
        gov.measure,
        distance,
        `${gov.from}:${gov.to}:${q.unit}${compared ? ':compared' : ''}`,
        gov.from,
        gov.to,
        governedConfidence(gov, distance),
      ),
    );
    // Only a measure word before the list reaches along it; one after belongs to the nearest
    // figure, unless it closes a bracket with it ("Anhui (18% dead), Hunan (8%)").
    const bracketed =
      /\([^()]*$/.test(sentence.slice(0, q.start)) && !/[()]/.test(sentence.slice(q.end, gov.from)) && /^\s*\)/.test(sentence.slice(gov.to));
    lastFigure = gov.to <= q.start || bracketed ? { q, measure: gov.measure, from: gov.from, confidence: governedConfidence(gov, distance) } : null;
  }
  // A measure word governs one figure: the nearest of those that reach it; but a figure after
  // it in a clause whose verb is left out ("1.8 million were deported in 1930, 1.0 million in
  // 1932") or joined to it ("perished alongside millions of others") has it too.
  for (const c of inSentence) {
    const rivals = inSentence.filter((o) => o.governs === c.governs);
    const nearest = rivals.every((o) => o === c || o.distance > c.distance || (o.distance === c.distance && o.start > c.start));
    const shared = !nearest && (sharesVerb(sentence, base, c, rivals) || sharesSubjectVerb(sentence, base, c, rivals));
    if (nearest || shared) {
      const { distance: _d, governs: _g, govFrom: _f, govTo: _t, ...claim } = c;
      out.push(shared ? { ...claim, confidence: Math.min(claim.confidence, CONFIDENCE.shared) } : claim);
    }
  }
  out.push(...restated);
  return out;
}

/** A cell of a table row: its text and offsets into the text. */
interface Cell {
  start: number;
  end: number;
  text: string;
  /** A cell over several lines (a grid or multiline table's): its slice of each line. */
  parts?: { start: number; end: number }[];
}

/** A cell's text with offsets kept: over several lines, what lies outside its column is blanked. */
function cellBody(text: string, cell: Cell): string {
  if (!cell.parts || cell.parts.length < 2) return text.slice(cell.start, cell.end);
  const chars = Array.from({ length: cell.end - cell.start }, () => ' ');
  for (const p of cell.parts) for (let i = p.start; i < p.end; i++) chars[i - cell.start] = text[i]!;
  return chars.join('');
}

/** The sentences of a cell's prose, offsets into it. */
function cellSentences(body: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const seg of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(body)) {
    const last = out[out.length - 1];
    if (last && ABBREVIATION_END.test(body.slice(last.start, last.end))) last.end = seg.index + seg.segment.length;
    else out.push({ start: seg.index, end: seg.index + seg.segment.length });
  }
  return out;
}

/**
 * Pipe tables ("| Source | Deaths |" over "|---|---|") and grid tables ("+----+" rules, "+====+"
 * under the header): rows of cells with their header. A line of pipes is read here, never as
 * prose.
 */
interface Table {
  headers: string[];
  rows: Cell[][];
  start: number;
  /** Offsets of the first character of each of its lines: they are not read as prose. */
  lines: number[];
}

/** A simple or multiline table's rule under its header: runs of dashes, one per column. */
const DASH_RULE = /^\s*-{2,}(?:[ \t]+-{2,})+\s*$/;
/** The rule a multiline table opens and closes with. */
const FULL_DASH = /^\s*-{6,}\s*$/;

function tables(text: string): Table[] {
  const out: Table[] = [];
  const lines: { start: number; text: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: at, text: line });
    at += line.length + 1;
  }
  for (let i = 0; i < lines.length;) {
    if (DASH_RULE.test(lines[i]!.text)) {
      const t = simpleTable(lines, i);
      if (t) {
        out.push(t.table);
        i = t.next;
        continue;
      }
    }
    if (!TABLE_LINE.test(lines[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && TABLE_LINE.test(lines[j]!.text)) j++;
    const run = lines.slice(i, j);
    const table = /^\s*\+/.test(run[0]!.text) ? gridTable(run) : pipeTable(run);
    if (table && table.rows.length) out.push({ ...table, start: run[0]!.start, lines: run.map((l) => l.start) });
    i = j;
  }
  return out;
}

/**
 * Pandoc's simple and multiline tables: a header over a rule of dashes, one run per column,
 * rows under it to a blank line (simple) or, rows parted by blank lines, to a closing rule
 * (multiline).
 */
function simpleTable(lines: { start: number; text: string }[], rule: number): { table: Table; next: number } | null {
  let top = rule;
  while (top > 0 && rule - top < 3 && lines[top - 1]!.text.trim() && !FULL_DASH.test(lines[top - 1]!.text)) top--;
  const multiline = top > 0 && FULL_DASH.test(lines[top - 1]!.text);
  const runs = [...lines[rule]!.text.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const cuts = runs.slice(1).map(([s], k) => Math.floor((runs[k]![1] + s) / 2));
  const cellsOf = (l: { start: number; text: string }): Cell[] =>
    runs.map((_, k) => {
      const from = k === 0 ? 0 : cuts[k - 1]!;
      const to = k === runs.length - 1 ? l.text.length : cuts[k]!;
      const raw = l.text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      return { start: l.start + from + lead, end: l.start + from + lead + raw.trim().length, text: raw.trim() };
    });
  const headers: string[] = [];
  for (const l of lines.slice(top, rule)) cellsOf(l).forEach((c, k) => (headers[k] = `${headers[k] ?? ''} ${c.text}`.trim()));
  const rows: Cell[][] = [];
  let group: Cell[][] = [];
  let j = rule + 1;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    if (FULL_DASH.test(l.text) || DASH_RULE.test(l.text)) {
      j++;
      break;
    }
    if (!l.text.trim()) {
      if (group.length) rows.push(mergeRow(group));
      group = [];
      if (!multiline) break;
      continue;
    }
    if (multiline) group.push(cellsOf(l));
    else rows.push(cellsOf(l));
  }
  if (group.length) rows.push(mergeRow(group));
  if (!rows.length) return null;
  const first = multiline ? top - 1 : top;
  return { table: { headers, rows, start: lines[first]!.start, lines: lines.slice(first, j).map((l) => l.start) }, next: j };
}

function pipeCells(line: { start: number; text: string }): Cell[] {
  const cells: Cell[] = [];
  const bars = [...line.text.matchAll(/(?<!\\)\|/g)].map((m) => m.index);
  for (let k = 0; k + 1 < bars.length; k++) {
    const raw = line.text.slice(bars[k]! + 1, bars[k + 1]);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ start: line.start + bars[k]! + 1 + lead, end: line.start + bars[k]! + 1 + lead + raw.trim().length, text: raw.trim() });
  }
  return cells;
}

function pipeTable(run: { start: number; text: string }[]): Pick<Table, 'headers' | 'rows'> | null {
  const rule = run.findIndex((l) => /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$/.test(l.text));
  const headerLines = rule > 0 ? run.slice(0, rule) : run.slice(0, 1);
  const body = rule > 0 ? run.slice(rule + 1) : run.slice(1);
  const headers: string[] = [];
  for (const l of headerLines) pipeCells(l).forEach((c, k) => (headers[k] = `${headers[k] ?? ''} ${c.text}`.trim()));
  return { headers, rows: body.filter((l) => !/^\s*\|?[\s:|-]+$/.test(l.text)).map(pipeCells) };
}

function gridTable(run: { start: number; text: string }[]): Pick<Table, 'headers' | 'rows'> | null {
  const border = run[0]!.text;
  const cols = [...border.matchAll(/\+/g)].map((m) => m.index);
  if (cols.length < 2) return null;
  const cellsOf = (l: { start: number; text: string }): Cell[] =>
    cols.slice(0, -1).map((c, k) => {
      const raw = l.text.slice(c + 1, cols[k + 1]);
      const lead = raw.length - raw.trimStart().length;
      return { start: l.start + c + 1 + lead, end: l.start + c + 1 + lead + raw.trim().length, text: raw.trim() };
    });
  const headerEnd = run.findIndex((l) => /^\s*\+(?:=+\+)+\s*$/.test(l.text));
  const headers: string[] = [];
  if (headerEnd > 0) {
    for (const l of run.slice(1, headerEnd))
      if (/^\s*\|/.test(l.text)) cellsOf(l).forEach((c, k) => (headers[k] = `${headers[k] ?? ''} ${c.text}`.trim()));
  }
  // A row runs from rule to rule; each line of it is kept, a cell's figure is quoted where it stands.
  const rows: Cell[][] = [];
  let row: Cell[][] = [];
  for (const l of run.slice(headerEnd > 0 ? headerEnd + 1 : 1)) {
    if (/^\s*\+/.test(l.text)) {
      if (row.length) rows.push(mergeRow(row));
      row = [];
    } else row.push(cellsOf(l));
  }
  if (row.length) rows.push(mergeRow(row));
  return { headers, rows };
}

/** The lines of a grid row, cell by cell: the first line holding text gives the offsets; the text is all of it. */
function mergeRow(lines: Cell[][]): Cell[] {
  return lines[0]!.map((_, k) => {
    const parts = lines.map((l) => l[k]!).filter((c) => c.text);
    if (!parts.length) return lines[0]![k]!;
    return {
      start: parts[0]!.start,
      end: parts[parts.length - 1]!.end,
      text: parts.map((c) => c.text).join(' '),
      parts: parts.map((c) => ({ start: c.start, end: c.end })),
    };
  });
}

const MONTH_NAME = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Headers that say a column counts something without saying what: "Number", "Estimate", "Total". */
const COUNT_HEADER = /\b(?:numbers?|totals?|counts?|estimates?|estimated|figures?|tolls?|victims|people|persons|lives)\b/i;

/**
 * The claims of tables: each figure in a column whose header names a measure ("Estimated
 * deaths", "People deported"), or a counting column under a caption or heading that names
 * one; prose in other cells is read as prose, a part in a note ("including 5,278 children")
 * counted as the row's figure is.
 */
function tableClaims(written: string, text: string, opening: string, found: Table[]): (Claim & { confidence: number })[] {
  const out: (Claim & { confidence: number })[] = [];
  for (const table of found) {
    const context = captionMeasure(text, table.start);
    const columns = table.headers.map((h) => {
      const strong = [
        ...new Set(
          measuresIn(h)
            .filter((f) => f.weight > 1)
            .map((f) => f.measure),
        ),
      ];
      const measure = strong.length === 1 ? strong[0] : !strong.length && COUNT_HEADER.test(h) ? context : undefined;
      return { measure, named: strong.length === 1, approx: /\bestimat|\bapprox/i.test(h) };
    });
    const heading = headingBefore(text, table.start);
    for (const row of table.rows) {
      // The row's name: its first cell with words that is not a date.
      const label = row
        .find((c, k) => !columns[k]?.measure && /\p{L}/u.test(c.text) && !/^\d/.test(c.text) && !MONTH_NAME.test(c.text))
        ?.text.replace(/\s*\(\s*\d{4}[^)]*\)|\[[^\]]*\]|[*_`]/g, '')
        .trim();
      // The row names the event; the heading, when it names one, what it is part of.
      const event = label && !NAMES_A_COUNT.test(label) ? [namedEvent(heading), label].filter(Boolean).join(': ') : eventLabel('', heading, opening);
      const rowClaims: (Claim & { confidence: number })[] = [];
      // The years the row gives, in a cell that is not a count ("September 20–21, 1951").
      const rowYears = row
        .filter((c, k) => !columns[k]?.measure && c.text)
        .map((c) => yearSpans(cellBody(text, c))[0])
        .find((y) => y);
      const years = { fromYear: rowYears?.from ?? null, toYear: rowYears?.to ?? null };
      row.forEach((cell, k) => {
        const column = columns[k];
        if (!cell.text) return;
        const body = cellBody(text, cell);
        if (column?.measure) {
          for (const q of findQuantities(body)) {
            if (q.yearLike || excluded(body, q) || (q.unit !== 'percent' && !isPeople(body, q))) continue;
            rowClaims.push({
              quote: written.slice(cell.start + q.start, cell.start + q.end),
              start: cell.start + q.start,
              end: cell.start + q.end,
              measure: column.measure,
              low: q.low,
              high: q.high,
              unit: q.unit === 'percent' ? 'percent' : 'people',
              approx: q.approx || column.approx,
              event,
              ...years,
              confidence: column.named ? CONFIDENCE.table : CONFIDENCE.heading,
            });
          }
          return;
        }
        // Prose in a cell: its own sentences, and a part of the row's figure.
        const ctx: SentenceContext = { written, text, anaphora: undefined, event: () => event, setting: () => `${heading}\n${opening}`, cell: true };
        const own = cellSentences(body).flatMap((seg) => readSentence(body.slice(seg.start, seg.end), cell.start + seg.start, ctx));
        rowClaims.push(...own.map(({ figStart: _s, figEnd: _e, ...c }) => ({ ...c, ...years })));
        const part = /^(?:including|among\s+them|of\s+whom|of\s+them)\s+/i.exec(body);
        const whole = rowClaims[0];
        if (part && whole) {
          const q = findQuantities(body)[0];
          if (q && q.start <= part[0].length + 25 && !own.some((r) => r.figStart === cell.start + q.start) && isPeople(body, q)) {
            rowClaims.push({
              ...whole,
              quote: written.slice(cell.start, cell.start + q.end),
              start: cell.start,
              end: cell.start + q.end,
              low: q.low,
              high: q.high,
              approx: q.approx || whole.approx,
              confidence: CONFIDENCE.part,
            });
          }
        }
      });
      out.push(...rowClaims);
    }
  }
  return out;
}

/**
 * The measure a heading or the line introducing a table or list names ("Famine deaths by
 * region:", "## Estimates of deaths"), when it names exactly one.
 */
function captionMeasure(text: string, at: number): Measure | undefined {
  const lines = text
    .slice(Math.max(0, at - 2000), at)
    .split('\n')
    .reverse();
  let looked = 0;
  for (const line of lines.slice(1)) {
    const t = line.trim();
    if (!t || TABLE_LINE.test(t) || LABEL_LINE.test(t) || LIST_ITEM.test(t)) continue;
    if (++looked > 2) break;
    // A heading, a short title line, or a lead-in ending with a colon.
    if (/^#{1,6}\s/.test(t) || /:\s*$/.test(t) || (t.length < 80 && !/[.!?,;"”]$/.test(t))) {
      const strong = [
        ...new Set(
          measuresIn(t)
            .filter((f) => f.weight > 1)
            .map((f) => f.measure),
        ),
      ];
      if (strong.length === 1) return strong[0];
      if (strong.length > 1) return undefined;
      if (/^#{1,6}\s/.test(t)) continue;
    }
    if (!/:\s*$/.test(t)) break;
  }
  const heading = headingBefore(text, at);
  const strong = [
    ...new Set(
      measuresIn(heading)
        .filter((f) => f.weight > 1)
        .map((f) => f.measure),
    ),
  ];
  return strong.length === 1 ? strong[0] : undefined;
}

/**
 * A figure no measure word governs, restating a claim already made: the opening of a
 * sentence that refers back ("This is 2 million", after "the camp population … was
 * 2,022,976"), or a share of the population beside a count ("1.5 to 2 million, roughly a
 * quarter of the population"). It takes the measure and event of the claim it restates.
 * Offsets are into the sentence.
 */
function restatement(sentence: string, q: Quantity, previous: Claim | undefined, earlier: Claim[]): Omit<Claim, 'quote'> | null {
  const head = sentence.slice(0, q.start);
  const base = { low: q.low, high: q.high, approx: q.approx };
  const opener = RESTATEMENT.test(head);
  const reference = opener ? null : (FIGURE_REF.exec(head) ?? REPORTED.exec(head));
  if (reference && q.unit !== 'percent' && !isPeople(sentence, q)) return null;
  // A figure with its own measure word ("20 million deaths") is read by that word.
  const tail = sentence.slice(q.end, q.end + 40);
  if (measuresIn(tail).some((f) => f.weight > 1 && wordsBetween(tail.slice(0, f.start)) <= 2)) return null;
  const next = sentence.slice(q.end).replace(/^[^\p{L}$]+/u, '');
  // "Estimates of the number of deaths … run from the official figure of 681,692": the
  // sentence names what the figure counts, before the reference.
  const named = reference
    ? measuresIn(head.slice(0, reference.index))
        .filter((f) => f.weight > 1)
        .pop()
    : undefined;
  const sameSentence = earlier[earlier.length - 1];
  const toll = reference && /\btoll\b/i.test(reference[0]) ? 'died' : undefined;
  if (
    (previous || named || sameSentence || toll) &&
    (opener || reference) &&
    !NOT_PEOPLE.test(next) &&
    !measuresIn(reference ? head.slice(reference.index) : head.slice(-60)).some((f) => f.weight > 1)
  ) {
    const unit = q.unit === 'percent' ? 'percent' : 'people';
    if (unit === 'people' && !q.vague && (q.high ?? q.low ?? 0) < 10) return null;
    // "This is 20 percent higher than …", "2 million more than": a difference, not the count.
    if (/^\s*(?:higher|lower|more|less|fewer|greater|larger|smaller|above|below|over|under|up|down)\b/i.test(sentence.slice(q.end))) return null;
    // A rounder figure for the same count ("2,022,976" … "This is 2 million") is approximate.
    const rounded = opener && previous !== undefined && unit === previous.unit && (q.low !== previous.low || q.high !== previous.high);
    const from = opener ? head.search(/\S/) : reference!.index;
    // A toll counts the dead; a figure set against one made earlier in the sentence counts
    // what it counts ("146,000 deaths; Rummel, an analyst of killings, estimates 150,000").
    const measure: Measure = toll ?? (reference ? sameSentence?.measure : undefined) ?? named?.measure ?? previous?.measure ?? sameSentence!.measure;
    const event = named || (reference && sameSentence) ? (reference && sameSentence ? sameSentence.event : '') : (previous?.event ?? '');
    return { ...base, unit, measure, event, start: from, end: q.end, approx: q.approx || rounded };
  }
  const share = q.unit === 'percent' ? SHARE_OF_POPULATION.exec(sentence.slice(q.end)) : null;
  const anchor = earlier[earlier.length - 1];
  if (share && anchor && anchor.unit === 'people') {
    return { ...base, unit: 'percent', measure: anchor.measure, event: anchor.event, start: q.start, end: q.end + share[0].length };
  }
  return null;
}

/** The values a selection states, for a claim recorded by hand: the extracted claim, else its first figure. */
export function readClaim(selection: string): Omit<Claim, 'quote' | 'start' | 'end'> {
  // The historian chose the words: whatever the extractor's confidence, its reading is the best guess.
  const [claim] = extractClaims(selection, { minConfidence: 0 });
  if (claim)
    return {
      measure: claim.measure,
      low: claim.low,
      high: claim.high,
      unit: claim.unit,
      approx: claim.approx,
      event: claim.event,
      fromYear: claim.fromYear ?? null,
      toYear: claim.toYear ?? null,
    };
  const q = findQuantities(selection).find((x) => !x.yearLike);
  const found = measuresIn(selection)[0];
  return {
    measure: found?.measure ?? 'died',
    low: q ? q.low : null,
    high: q ? q.high : null,
    unit: q?.unit === 'percent' ? 'percent' : 'people',
    approx: q?.approx ?? false,
    event: eventLabel(selection, ''),
    ...(q ? yearsOf(selection, q.start, q.end, q.start, q.end) : { fromYear: null, toYear: null }),
  };
}
