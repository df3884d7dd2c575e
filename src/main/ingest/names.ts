/**
 * Author strings as CSL names. "Robert Conquest" and "Conquest, Robert" are {family:
 * "Conquest", given: "Robert"}; an organisation ("Memorial Society", "United Nations
 * Security Council", "Contributors to Wikimedia projects") is {literal}. Several names are
 * separated by ";", " and ", "&" or ", " — a comma between a family and a given name is told
 * apart from one between two names by the shape of what it separates.
 */
import type { CslName } from '../../shared/csl';
import { cleanPlain } from './metadata';

/** Words that make a name an organisation's. */
const ORGANISATION =
  /\b(?:society|council|committee|commission|association|union|university|universit[äé]t|institute|institut|institution|foundation|ministry|department|office|agency|bureau|board|centre|center|government|corporation|company|inc|ltd|llc|gmbh|organi[sz]ation|nations|party|press|museum|archives?|library|academy|college|school|church|parliament|congress|assembly|federation|league|group|network|project|projects|team|staff|editors|editorial|service|services|trust|fund|bank|news|times|herald|tribune|gazette|journal|review|magazine|radio|television|broadcasting|wikipedia|wikimedia|contributors|memorial|nkvd|ogpu|kgb|cia|fbi|bbc|unesco|unicef|republic|commissariat|administration|directorate|secretariat|collective|coalition|alliance|movement)\b/i;
/** Lower-case words a person's name may hold (particles); any other lower-case word makes it an organisation's. */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'zu',
  'af',
  'al',
  'bin',
  'ibn',
  'y',
  'e',
]);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|phd|ph\.d\.)$/i;
const CORPORATE_SUFFIX = /^(?:inc\.?|ltd\.?|llc|gmbh|plc|s\.a\.|co\.)$/i;
const EDITOR_MARK = /\s*(?:\((?:eds?|hrsg|red)\.?\)|,?\s+(?:eds?|hrsg)\.)$/i;

/** Whether a name (without commas) reads as an organisation's rather than a person's. */
export function isOrganisation(name: string): boolean {
  if (ORGANISATION.test(name)) return true;
  const words = name.split(/\s+/);
  if (words.length > 5) return true;
  if (/\d/.test(name)) return true;
  if (words.length === 1 && /^[\p{Lu}\d]{2,}$/u.test(name)) return true; // an acronym: BBC, NKVD
  return words.some((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w.toLowerCase()));
}

/** One name, without commas between names: a person's split into given and family, an organisation's kept whole. */
function personOrOrganisation(raw: string): CslName | null {
  let s = raw
    .replace(/^by:?\s+/i, '')
    .replace(/[,;:]+$/, '')
    .trim();
  if (/\p{L}{3,}\.$/u.test(s)) s = s.slice(0, -1); // a sentence's full stop, not an initial's
  if (!s || s.length > 200) return null;
  if (isOrganisation(s)) return { literal: s };
  const words = s.split(/\s+/);
  if (words.length === 1) return { family: s };
  // The family name is the last word, with any particles before it ("Ludwig van Beethoven").
  let at = words.length - 1;
  while (at > 1 && PARTICLES.has(words[at - 1]!.toLowerCase())) at--;
  return { family: words.slice(at).join(' '), given: words.slice(0, at).join(' ') };
}

/** "Family, Given" (with a suffix: "King, Martin Luther, Jr."), or null when it is not that shape. */
function inverted(part: string): CslName | null {
  const pieces = part.split(/\s*,\s*/);
  if (pieces.length < 2 || pieces.length > 3) return null;
  const [family, given, suffix] = pieces as [string, string, string?];
  if (suffix !== undefined && !SUFFIX.test(suffix)) return null;
  if (!family || !given || isOrganisation(family) || isOrganisation(given)) return null;
  const familyWords = family.split(/\s+/);
  if (familyWords.length > 3 || given.split(/\s+/).length > 4) return null;
  // "Robert Conquest, Anne Applebaum": two names, each written given name first.
  if (familyWords.length > 1 && given.includes(' ') && !familyWords.some((w) => PARTICLES.has(w.toLowerCase()))) return null;
  return { family, given: suffix ? `${given}, ${suffix}` : given };
}

/** The names in one string ("A and B", "Family, Given; Family, Given", "A, B and C"). */
function namesIn(text: string): CslName[] {
  const s = text.trim();
  if (!s) return [];
  // An organisation with a corporate suffix ("Wikimedia Foundation, Inc.") is one name.
  const comma = s.split(/\s*,\s*/);
  if (comma.length === 2 && CORPORATE_SUFFIX.test(comma[1]!)) return [{ literal: s }];
  if (s.includes(';')) return s.split(/\s*;\s*/).flatMap(namesIn);
  const joined = s.split(/\s+(?:and|&|und|et|и)\s+/i);
  // "A and B" is two names unless what comes before "and" is an organisation's name going on
  // ("Society for Cooperation and Development", "Ministry of Education and Science").
  if (joined.length > 1 && joined.slice(0, -1).every((p) => !isOrganisation(p))) return joined.flatMap(namesIn);
  if (comma.length === 1) {
    const one = personOrOrganisation(s);
    return one ? [one] : [];
  }
  const whole = inverted(s);
  if (whole) return [whole];
  // "Conquest, Robert, Applebaum, Anne": pairs of single words.
  if (comma.length % 2 === 0 && comma.every((p) => !/\s/.test(p) && !isOrganisation(p))) {
    const out: CslName[] = [];
    for (let i = 0; i < comma.length; i += 2) out.push({ family: comma[i]!, given: comma[i + 1]! });
    return out;
  }
  return comma.flatMap((p) => {
    const one = personOrOrganisation(p);
    return one ? [one] : [];
  });
}

export interface ParsedNames {
  author: CslName[];
  editor: CslName[];
}

/**
 * Names from what a file says: a string that may hold several, or a list whose items are one
 * name each (an item may still hold several, separated by ";"). Markup is dropped, URLs and
 * e-mail addresses are not names; a name marked "(ed.)" is an editor's.
 */
export function parseNames(input: string | readonly string[] | undefined | null): ParsedNames {
  const out: ParsedNames = { author: [], editor: [] };
  if (!input) return out;
  const items = typeof input === 'string' ? [input] : input;
  for (const item of items) {
    const clean = cleanPlain(item);
    if (!clean) continue;
    const parts = clean.split(/\s*;\s*/);
    for (const raw of parts) {
      if (/https?:\/\/|@\S+\.\w/.test(raw)) continue;
      const editor = EDITOR_MARK.test(raw);
      const text = raw.replace(EDITOR_MARK, '').trim();
      const names = typeof input === 'string' ? namesIn(text) : inverted(text) ? [inverted(text)!] : namesIn(text);
      (editor ? out.editor : out.author).push(...names);
    }
  }
  const seen = new Set<string>();
  const unique = (list: CslName[]) =>
    list.filter((n) => {
      const key = JSON.stringify([n.family, n.given, n.literal]).toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { author: unique(out.author), editor: unique(out.editor) };
}
