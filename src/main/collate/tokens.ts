/**
 * A witness's words as collation compares them. Each token keeps the witness's own text (what
 * the table shows and the exports write); its key is what alignment compares: lower case,
 * punctuation dropped, a figure's thousands separators dropped, so `681,692`, `681 692` and
 * `681.692` line up as one figure while `680,000` stays a different one.
 */

export interface Token {
  /** The witness's own text, punctuation included, without the space after it. */
  text: string;
  /** What alignment compares. */
  key: string;
  /** The figure it states (digits, a decimal point), or null when it states none. */
  figure: string | null;
}

/**
 * A token: a figure written with spaces between its groups of three digits (`681 692`,
 * `12 000`, thin and no-break spaces too) is one token; anything else runs to the next space.
 */
const TOKEN = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)[^\s]*|[^\s]+/gu;
/** A separator between groups of three digits: `681,692`, `681.692`, `681'692`, `681 692`. */
const GROUP_SEPARATOR = /(\d)[ \u00a0\u202f,.'’](?=\d{3}(?!\d))/gu;
const PUNCTUATION = /[\p{P}\p{S}]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.normalize('NFC').matchAll(TOKEN)) {
    out.push(tokenOf(m[0]));
  }
  return out;
}

export function tokenOf(text: string): Token {
  if (!/\d/.test(text)) {
    const key = text.toLowerCase().replace(PUNCTUATION, '');
    return { text, key: key || text, figure: null };
  }
  // Groups of three run together; a point or comma between digits that is left is a decimal one.
  const joined = text.replace(GROUP_SEPARATOR, '$1').replace(GROUP_SEPARATOR, '$1');
  const figure = /\d+(?:[.,]\d+)?/u.exec(joined)![0].replace(',', '.');
  const key = joined
    .toLowerCase()
    .replace(/(\d)[.,](?=\d)/gu, '$1\u0000')
    .replace(PUNCTUATION, '')
    .replace(/\u0000/gu, '.');
  return { text, key: key || text, figure };
}

/** The figures a run of tokens states, in order. */
export function figuresOf(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) if (t.figure !== null) out += `${t.figure};`;
  return out;
}
