/**
 * Event labels: which ones name an event, and their parts. The extractor falls back on the
 * heading above a figure when no event is named near it, so some labels are the words of a
 * heading, a list of places or a footnote mark rather than an event's name.
 */

/** The years a label ends with, and a dangling "of" before them: "Soviet famine| of 1932–33". */
const YEAR_TAIL = /(?:\s+(?:of|in|from|during))?\s*\(?\b\d{3,4}(?:\s*[–-]\s*\d{2,4})?\)?\s*$/i;

/** A label without the years it ends with: "Great Purge 1937" → "Great Purge". */
export function bareLabel(label: string): string {
  return label.replace(YEAR_TAIL, '').trim();
}

/** The years a label ends with, as written (" 1937", " of 1932–33"), or ''. */
export function yearTail(label: string): string {
  const bare = bareLabel(label);
  return bare ? label.trim().slice(bare.length) : '';
}

/**
 * Words that make a label an event's name whatever else it holds: event nouns and the
 * one-word names of events. A label with one of them is never taken for junk.
 */
const EVENT_WORD =
  /\b(?:purges?|terror|famines?|genocides?|holocaust|shoah|massacres?|wars?|revolutions?|campaigns?|movements?|uprisings?|rebellions?|revolts?|operations?|deportations?|collectivi[sz]ation|dekulaki[sz]ation|repressions?|leap|assassinations?|trials?|holodomor|yezhovshchina|gulags?|katyn|pogroms?|sieges?|blockades?|occupations?|invasions?|battles?|bombings?|executions?|killings?|shootings?|insurrections?|coups?|riots?|persecutions?|cleansing|expulsions?|resettlements?|exodus|starvation|affair|plot|crackdown|pacification|liquidation|extermination|atrocit(?:y|ies)|crisis|emergency|raids?|strikes?|mutin(?:y|ies)|intifada|nakba|kristallnacht|anfal|porajmos)\b/i;

/** The words headings are made of; a label of these words only is a heading, not a name. */
const HEADING_WORDS = new Set(
  `abstract aftermath analysis appendix archival archive archives aspects assessment background beginnings bibliography career casualties
  causes chapter chronology citations commemoration comparison conclusion conclusions consequences context contents controversy count counts course
  criticism data death deaths debate demographic demographics denial details discussion early effects end estimate estimates events evidence
  extent external facts figures findings further general historical historiography history impact introduction key late later legacy life links
  list losses main memory method methodology methods more notes number numbers official origins other outcome overall overview part population
  prelude process question questions reaction reactions reading recognition references region regions related remarks reports research response
  result results role scale section see sources statistics summary table tables timeline toll total totals victims view views year years also
  new final first second third last major minor recent modern`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words a heading's words are joined with; a label cannot end with one. */
const JOINING = new Set([
  'of',
  'the',
  'and',
  'in',
  'on',
  'to',
  'a',
  'an',
  'for',
  'by',
  'from',
  'with',
  'at',
  'as',
  'or',
  'during',
  'after',
  'before',
  'its',
  'their',
  'his',
  'her',
]);

/** A footnote or note mark: "[3]", "[a]", "[note 2]", "^3", superscript figures, daggers. */
const NOTE_MARK = /\[(?:\d{1,3}|[a-z]|note\s*\d{1,3}|citation needed)\]|\^\d|[⁰¹²³⁴⁵⁶⁷⁸⁹]|[†‡]/i;

/**
 * Whether a label names an event. Not: a label with a footnote mark ("Kiev, Kharkiv and
 * Odessa[3]"), a list of proper names with no event word ("Kiev, Kharkiv and Odessa"), a
 * heading's words ("Death Toll Estimates", "Background", "Process"), a fragment that ends
 * on a joining word ("Estimates of the"), a heading that asks or tells ("How Many Died?",
 * "Counting the Victims", words in lower case), years alone, or a long heading. A label
 * with an event word ("Great Purge", "famine in Ukraine") is kept, and so is one it
 * cannot tell apart from a name ("Katyn", "Khmer Rouge", "Night of the Long Knives").
 */
export function isEventLabel(label: string): boolean {
  const text = label.replace(/\s+/g, ' ').trim();
  if (!text || NOTE_MARK.test(text)) return false;
  const bare = bareLabel(text);
  if (!/\p{L}/u.test(bare)) return false;
  if (/[?!]$/.test(bare)) return false;
  const words = bare.split(/[\s:–—-]+/).filter((w) => /\p{L}/u.test(w));
  const last = words[words.length - 1]!.toLowerCase();
  if (JOINING.has(last)) return false;
  if (EVENT_WORD.test(bare)) return true;
  // A list of names: "Kiev, Kharkiv and Odessa", "Poland and Ukraine".
  const parts = bare.split(/\s*(?:,|;|&|\band\b|\bor\b)\s*/i).filter(Boolean);
  if (parts.length >= 2 && parts.every((p) => /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u.test(p))) return false;
  // A heading's words only: "Background", "Death Toll Estimates", "Number of Victims by Region".
  const content = words.map((w) => w.toLowerCase().replace(/['’]s$/, '')).filter((w) => !JOINING.has(w));
  if (content.length && content.every((w) => HEADING_WORDS.has(w))) return false;
  // A heading that asks or tells, not a name: "How the Regime Counted Its Dead", "Counting the Victims of 1937",
  // "The dead in the archives".
  if (/^(?:how|why|what|when|where|who|which)$/.test(words[0]!.toLowerCase())) return false;
  if (words.length > 2 && /\p{L}{3}ing$/u.test(words[0]!) && JOINING.has(words[1]!.toLowerCase())) return false;
  if (words.filter((w) => !JOINING.has(w.toLowerCase()) && /^\p{Ll}/u.test(w)).length >= 2) return false;
  if (content.length > 6) return false;
  return true;
}

/** An event label without its years ("Great Purge 1937" and "Great Purge" are one event). */
export function eventKey(event: string): string {
  // Years and plurals aside, "Great Purges 1939" and "Great Purge" are the same event.
  return event
    .replace(/\s*\(?\b\d{3,4}(?:\s*[–-]\s*\d{2,4})?\)?\s*$/, '')
    .replace(/\s+(?:of|in|from|during)\s*$/i, '')
    .trim()
    .toLowerCase()
    .replace(/\b(\p{L}{3,})s\b/gu, (word, stem: string) => (/(?:ss|us|is)$/.test(word) ? word : stem));
}

/** A label the historian renamed or merged into another event, keyed by its eventKey. */
export interface AliasRow {
  alias_key: string;
  alias: string;
  event: string;
}

export type Aliases = Map<string, AliasRow>;

/** `to` with the years `from` ends with, unless `to` gives its own: renaming "Great Terror 1937" to "Great Purge" gives "Great Purge 1937". */
export function withYears(to: string, from: string): string {
  return yearTail(to) ? to : `${to}${yearTail(from)}`;
}

/** The label the project uses for a label: the event an alias names (its years kept), else the label itself. */
export function canonical(label: string, aliases: Aliases): string {
  const alias = aliases.get(eventKey(label));
  return alias ? withYears(alias.event, label) : label;
}

/** A label capitalised as a proposal's title starts. */
export function titled(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The most frequent of some labels (the first seen on a tie). */
export function mostFrequent(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best = labels[0]!;
  for (const [l, n] of counts) if (n > counts.get(best)!) best = l;
  return best;
}

/**
 * Labels grouped by event (eventKey), the most used event first; each event by its most
 * used spelling.
 */
export function byEvent(labels: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const l of labels) {
    const key = eventKey(l);
    const group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, [l]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length).map(mostFrequent);
}
