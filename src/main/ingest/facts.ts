/**
 * Fact-sheet lines, `Label: value`, as web pages and infoboxes write them: `Born: 1895`,
 * `**Famine deaths**: 2.5 to 3 million`, `**Died:** 1937`. A run of them is a table of two
 * columns; each line becomes a 'table_row' passage whose cells are the label and the value.
 */

export interface FactLine {
  /** Offsets of the label's words (markers and colon left out) and of the value, in the text. */
  label: [number, number];
  value: [number, number];
  /** The label was set in bold: a label even alone, and even with nothing after it. */
  bold: boolean;
}

const BOLD = /^([ \t]*)(\*\*|__)([^*_\n]{1,40}?)(:?)\2([ \t]*:?)[ \t]*(.*)$/;
const PLAIN = /^([ \t]*)(\p{Lu}[\p{L}\p{N} ,'’()/&-]{1,39}?)[ \t]*:[ \t]+(\S.*)$/u;

/** The label and value of the line text[start, end), or null when it is not a fact line. */
export function factLine(text: string, start: number, end: number): FactLine | null {
  const line = text.slice(start, end).replace(/\s+$/, '');
  const bold = BOLD.exec(line);
  if (bold) {
    const colon = bold[4] === ':' || bold[5]!.includes(':');
    const value = bold[6]!;
    if (!colon || value.length > 300 || !/\p{L}/u.test(bold[3]!)) return null;
    const labelStart = start + bold[1]!.length + bold[2]!.length;
    const valueStart = start + line.length - value.length;
    return { label: [labelStart, labelStart + bold[3]!.trimEnd().length], value: [valueStart, start + line.length], bold: true };
  }
  const plain = PLAIN.exec(line);
  if (!plain) return null;
  const label = plain[2]!;
  const value = plain[3]!;
  if (label.trim().split(/\s+/).length > 5 || value.length > 150 || /^https?$/i.test(label) || label.length < 2) return null;
  const labelStart = start + plain[1]!.length;
  return { label: [labelStart, labelStart + label.length], value: [start + line.length - value.length, start + line.length], bold: false };
}

/** A bold label with a short value that is not a sentence ("**Born**: 16 February 1893"): a fact even standing alone. */
export function shortFact(text: string, f: FactLine): boolean {
  const value = text.slice(f.value[0], f.value[1]);
  return f.bold && value.length <= 60 && !/[.!?]$/.test(value.replace(/\[[^\]]*\]$/, ''));
}
