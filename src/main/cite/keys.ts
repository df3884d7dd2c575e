/**
 * Citation keys for Pandoc (`[@conquest1990, p. 214]`) and the CSL-JSON bibliography written
 * beside a Markdown export, whose `id`s are those keys.
 */
import { yearOf } from './dates';
import { toCslJson, type Locator } from './format';
import type { CiteInput, CslJsonItem, CslName } from './types';

/** Cyrillic to Latin, close to the usual scholarly (Library of Congress, without diacritics) forms. */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  і: 'i',
  ї: 'i',
  є: 'ie',
  ґ: 'g',
  ў: 'u',
};
/** Latin letters that do not decompose into a base letter and a mark. */
const LATIN: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
};

/** Lowercase ASCII letters and digits only: accents dropped, Cyrillic transliterated. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (ch) => CYRILLIC[ch] ?? LATIN[ch] ?? '')
    .replace(/[^a-z0-9]/g, '');
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'on',
  'in',
  'and',
  'to',
  'for',
  'from',
  'at',
  'by',
  'with',
  'as',
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'des',
  'de',
  'du',
  'der',
  'die',
  'das',
  'ein',
  'eine',
  'el',
  'los',
  'las',
  'il',
  'lo',
  'o',
  'ob',
  'v',
  'na',
  'i',
  'k',
  's',
]);

function firstName(names: CslName[] | undefined): string {
  for (const n of names ?? []) {
    const family = n.family?.trim();
    if (family) return asciiFold(family);
    const literal = n.literal?.trim();
    if (literal) return firstWord(literal);
    const given = n.given?.trim();
    if (given) return asciiFold(given);
  }
  return '';
}

function firstWord(text: string): string {
  const words = text.split(/[\s\-–—:;,.!?'"“”‘’()[\]/]+/).filter(Boolean);
  for (const w of words) {
    const folded = asciiFold(w);
    if (folded && !STOP_WORDS.has(folded)) return folded;
  }
  for (const w of words) {
    const folded = asciiFold(w);
    if (folded) return folded;
  }
  return '';
}

/** What a Pandoc citation key may be (letters, digits, `_`, and inner `:.#$%&-+?<>~/`). */
const PANDOC_KEY = /^[A-Za-z0-9_](?:[A-Za-z0-9_:.#$%&+?<>~/-]*[A-Za-z0-9_])?$/;

function suffix(n: number): string {
  // 1 → a … 26 → z, 27 → aa …
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * A citation key for `item`, unique among `taken`, which it is added to.
 *
 * The item's own `citation-key` (from a BibTeX or Zotero export) is kept if Pandoc can use it and
 * it is free. Otherwise: the first author's family name (or editor's, or the first word of an
 * institution's name), lowercase ASCII, and the year: `conquest1990`; without a name, the
 * title's first word that is not an article or preposition (`terror1990`); without either, `ref`.
 * A key already taken gets a letter: `conquest1990a`, `conquest1990b` … The same items in the
 * same order always get the same keys.
 */
export function citationKey(item: CiteInput, taken: Set<string>): string {
  const own = typeof item['citation-key'] === 'string' ? item['citation-key'].trim() : '';
  if (own && PANDOC_KEY.test(own) && !taken.has(own)) {
    taken.add(own);
    return own;
  }
  const name = firstName(item.author) || firstName(item.editor);
  const year = yearOf(item.issued);
  const stem = (name || firstWord(item.title ?? '') || 'ref') + (year !== null && year > 0 ? String(year) : '');
  let key = stem;
  for (let n = 1; taken.has(key); n++) key = stem + suffix(n);
  taken.add(key);
  return key;
}

/** Keys for a list of items, in order (see citationKey). */
export function citationKeys(items: readonly CiteInput[], taken: Set<string> = new Set()): string[] {
  return items.map((item) => citationKey(item, taken));
}

const LOCATOR_TERMS: Record<Locator['label'], [string, string]> = {
  page: ['p.', 'pp.'],
  paragraph: ['para.', 'paras.'],
};

/** A Pandoc citation: `[@conquest1990]`, `[@conquest1990, p. 214]`, `[@conquest1990, paras. 12–14]`. */
export function pandocCitation(key: string, locator?: Locator | null): string {
  const ref = PANDOC_KEY.test(key) ? `@${key}` : `@{${key.replace(/[{}]/g, '')}}`;
  const value = locator?.value.trim().replace(/[[\]]/g, '');
  if (!locator || !value) return `[${ref}]`;
  const [one, many] = LOCATOR_TERMS[locator.label];
  const plural = /[-–—,&]|\band\b/.test(value);
  return `[${ref}, ${plural ? many : one} ${value}]`;
}

/**
 * The CSL-JSON bibliography for a Markdown export (Pandoc's `--bibliography refs.json`): each
 * item with `id` set to its citation key (the `keys` given, or citationKeys(items)), EDTF dates
 * as date-parts, empty fields left out.
 */
export function cslJsonBibliography(items: readonly CiteInput[], keys?: readonly string[]): CslJsonItem[] {
  if (keys && keys.length !== items.length) throw new Error(`${items.length} items but ${keys.length} keys.`);
  const ids = keys ?? citationKeys(items);
  return items.map((item, i) => {
    const out = toCslJson(item, ids[i] as string);
    out['citation-key'] = ids[i] as string;
    return out;
  });
}
