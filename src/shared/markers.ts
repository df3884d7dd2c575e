/**
 * Note references in running text: `[22]`, `[33][34]`, `[^8]`, `[note 3]` and superscript
 * digits (`¹²`) right after a word or punctuation. They point to a footnote; they are not
 * figures (the claim extractor never reads them as counts), not matches a search shows, and
 * the reader sets them as superscripts.
 */

export interface NoteMarker {
  /** Offsets of the whole marker (brackets included) in the text it was found in. */
  start: number;
  end: number;
  /** The note it names, as a footnote's label is kept: `22`, `8`, `note 3`, `12`. */
  label: string;
}

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/**
 * `[^label]` anywhere (Markdown's own footnote syntax); `[22]`, `[22–24]`, `[note 3]` and
 * superscript digits only when they touch the word or punctuation before them ("1937.[22]",
 * "shot²"), so a list entry that opens with "[22]" or a bracketed figure standing alone in
 * a sentence is left as written. A bracket followed by `(` or `:` is a link or a definition.
 * The character before is tested apart: a lookbehind would make the scan of long texts slow.
 */
const MARKER =
  /\[\^([^\]\s]{1,20})\](?!:)|\[((?:(?:note|n|fn|nb)\.?\s?)?\d{1,4}(?:\s?[,–-]\s?\d{1,4})*)\](?![(:])|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])/g;
/** What a bracketed reference may follow: a letter, a digit, punctuation or a symbol. */
const TOUCHES = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** What a superscript reference may follow: a letter or closing punctuation. */
const RAISED_AFTER = /[\p{L}.,;:!?)\]"'”’]/u;
/** Units written with a superscript: "km²" is an area, not a note. */
const UNIT_BEFORE = /(?:^|[^\p{L}])(?:k?m|cm|mm|ft|in|mi|sq|yd)$/u;

/** Every note reference in `text`, in order. */
export function noteMarkers(text: string): NoteMarker[] {
  if (!/[[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text)) return [];
  const out: NoteMarker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const before = m.index > 0 ? text[m.index - 1]! : '';
    if (m[3] !== undefined) {
      if (!before || !RAISED_AFTER.test(before) || /[\p{L}\p{N}]/u.test(text[m.index + m[0].length] ?? '')) continue;
      if (UNIT_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, label: [...m[3]].map((c) => SUPERSCRIPT[c]).join('') });
    } else {
      if (m[2] !== undefined && (!before || !TOUCHES.test(before))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, label: (m[1] ?? m[2]!).trim() });
    }
  }
  return out;
}

/** A cheap first test for maskNoteMarkers: most texts have no bracketed figure or superscript at all. */
const MAYBE_MARKER = /\[\^|\[(?:note|n|fn|nb)?\.? ?\d|[⁰¹²³⁴⁵⁶⁷⁸⁹]/;

/**
 * `text` with every note reference, and every figure standing alone in square brackets
 * ("[22] Conquest, p. 485" opening a reference list), blanked to spaces: same length, so
 * offsets into it are offsets into the text.
 */
export function maskNoteMarkers(text: string): string {
  if (!MAYBE_MARKER.test(text)) return text;
  const blanks: [number, number][] = noteMarkers(text).map((m) => [m.start, m.end]);
  for (const m of text.matchAll(/\[\^?\d{1,4}\](?!\()/g)) blanks.push([m.index, m.index + m[0].length]);
  if (!blanks.length) return text;
  blanks.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of blanks) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    out += text.slice(at, from) + ' '.repeat(e - from);
    at = e;
  }
  return out + text.slice(at);
}

/** The footnote a label names among footnote labels (`22` finds `22`; `note 3` finds `note 3`, else `3`). */
export function noteTarget<T>(label: string, byLabel: ReadonlyMap<string, T>): T | undefined {
  return byLabel.get(label) ?? byLabel.get(label.replace(/^\D+/, '')) ?? byLabel.get(label.toLowerCase());
}
