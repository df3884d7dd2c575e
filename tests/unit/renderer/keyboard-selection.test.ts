import { describe, expect, it } from 'vitest';
import { inlineMarkup, noteMarks } from '../../../src/shared/inline';
import type { KeySelection } from '../../../src/renderer/src/views/keyboardSelection';
import {
  extend,
  moveCaret,
  NOTE_CHAR,
  readable,
  sentences,
  shownAt,
  spanOf,
  storedSpan,
  wholeSpan,
  words,
} from '../../../src/renderer/src/views/keyboardSelection';

const wordsOf = (text: string) => words(text).map((w) => text.slice(w.start, w.end));
const sentencesOf = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end));
const shown = (text: string, sel: KeySelection) => {
  const s = spanOf(sel);
  return text.slice(s.start, s.end);
};
/** Presses a series of moves from a caret at `from`; returns what is selected. */
function press(text: string, moves: ('→' | '←' | 'S→' | 'S←' | 'S↓' | 'S↑')[], from = 0): string {
  let sel: KeySelection = { anchor: from, focus: from };
  for (const m of moves) {
    if (m === '→') sel = moveCaret(text, sel, 1);
    else if (m === '←') sel = moveCaret(text, sel, -1);
    else sel = extend(text, sel, m[1] === '→' || m[1] === '←' ? 'word' : 'sentence', m[1] === '→' || m[1] === '↓' ? 1 : -1);
  }
  return shown(text, sel);
}

describe('words', () => {
  it('splits at spaces and punctuation', () => {
    expect(wordsOf('The census was taken; its results were suppressed.')).toEqual([
      'The',
      'census',
      'was',
      'taken',
      'its',
      'results',
      'were',
      'suppressed',
    ]);
    expect(wordsOf('“Enemies of the people!” (he said) — twice')).toEqual(['Enemies', 'of', 'the', 'people', 'he', 'said', 'twice']);
  });

  it('keeps numbers with their separators as one word', () => {
    expect(wordsOf('1,200,000 people; 681.692 executions, 3.5% of them, in 1937–38.')).toEqual([
      '1,200,000',
      'people',
      '681.692',
      'executions',
      '3.5%',
      'of',
      'them',
      'in',
      '1937–38',
    ]);
    expect(wordsOf('681\u00a0692 shot, 1\u202f200\u202f000 arrested')).toEqual(['681\u00a0692', 'shot', '1\u202f200\u202f000', 'arrested']);
    // A comma after a number and before a word is punctuation.
    expect(wordsOf('In 1937, 1938 and 1939')).toEqual(['In', '1937', '1938', 'and', '1939']);
  });

  it('keeps apostrophes and hyphens inside words, not quotes around them', () => {
    expect(wordsOf("The NKVD's own records, Stalin’s 'list', Nizhny-Novgorod, T-34")).toEqual([
      'The',
      "NKVD's",
      'own',
      'records',
      'Stalin’s',
      'list',
      'Nizhny-Novgorod',
      'T-34',
    ]);
  });

  it('gives abbreviations and initialisms their periods', () => {
    expect(wordsOf('Gen. Yezhov and the U.S. envoy, e.g. in the U.S.S.R., met J. Arch Getty.')).toEqual([
      'Gen.',
      'Yezhov',
      'and',
      'the',
      'U.S.',
      'envoy',
      'e.g.',
      'in',
      'the',
      'U.S.S.R.',
      'met',
      'J.',
      'Arch',
      'Getty',
    ]);
    expect(wordsOf('See No. 5, pp. 12–14, ca. 1937; said no.')).toEqual(['See', 'No.', '5', 'pp.', '12–14', 'ca.', '1937', 'said', 'no']);
  });

  it('leaves note references out of words', () => {
    expect(wordsOf(`executions${NOTE_CHAR}${NOTE_CHAR} in 1937`)).toEqual(['executions', 'in', '1937']);
  });
});

describe('sentences', () => {
  it('ends at . ! ? and … before a space', () => {
    expect(sentencesOf('The census was taken. Its results were suppressed! Why? Nobody knows… Still.')).toEqual([
      'The census was taken.',
      'Its results were suppressed!',
      'Why?',
      'Nobody knows…',
      'Still.',
    ]);
  });

  it('keeps closing quotes, brackets and note references with the sentence', () => {
    expect(sentencesOf('He wrote: “We will never know.” Others disagreed (sharply.) Then came 1938.' + NOTE_CHAR + ' End')).toEqual([
      'He wrote: “We will never know.”',
      'Others disagreed (sharply.)',
      'Then came 1938.' + NOTE_CHAR,
      'End',
    ]);
  });

  it('does not end at abbreviations, initialisms, initials or numbers', () => {
    expect(sentencesOf('Gen. Yezhov reported 681.692 thousand to the U.S. Senate. J. Arch Getty disagreed. See No. 5 and p. 12. Done.')).toEqual([
      'Gen. Yezhov reported 681.692 thousand to the U.S. Senate.',
      'J. Arch Getty disagreed.',
      'See No. 5 and p. 12.',
      'Done.',
    ]);
  });

  it('ends at an abbreviation that may end a sentence only before a capital', () => {
    expect(sentencesOf('Arrests, deportations, etc. were recorded. Conquest et al. The figures differ.')).toEqual([
      'Arrests, deportations, etc. were recorded.',
      'Conquest et al.',
      'The figures differ.',
    ]);
  });

  it('does not end before a word in lower case, and ends at the text’s end without a period', () => {
    expect(sentencesOf('About 1,200,000 died... or more. The rest is unknown')).toEqual(['About 1,200,000 died... or more.', 'The rest is unknown']);
    expect(sentencesOf('   ')).toEqual([]);
  });
});

describe('extending a selection', () => {
  const text = 'The NKVD’s own records list 681,692 executions for 1937–38. Other estimates run higher.';

  it('extends by words from a caret, and shrinks back towards the anchor', () => {
    expect(press(text, ['S→', 'S→'])).toBe('The NKVD’s');
    expect(press(text, ['→', '→', '→', '→', '→', 'S→', 'S→'])).toBe('681,692 executions');
    expect(press(text, ['→', '→', '→', '→', '→', 'S→', 'S→', 'S←'])).toBe('681,692');
    expect(press(text, ['→', '→', '→', '→', '→', 'S→', 'S←'])).toBe('');
    // Backwards from a caret: the word before it, not the space.
    expect(press(text, ['→', '→', '→', 'S←', 'S←'])).toBe('NKVD’s own');
    expect(press(text, ['→', '→', '→', 'S←', 'S←', 'S→'])).toBe('own');
  });

  it('extends by sentences', () => {
    expect(press(text, ['S↓'])).toBe('The NKVD’s own records list 681,692 executions for 1937–38.');
    expect(press(text, ['S↓', 'S↓'])).toBe(text);
    expect(press(text, ['S↓', 'S↓', 'S↑'])).toBe('The NKVD’s own records list 681,692 executions for 1937–38.');
    // From a caret inside a sentence: to its end; back from the end: the whole last sentence.
    expect(press(text, ['→', '→', '→', '→', '→', 'S↓'])).toBe('681,692 executions for 1937–38.');
    expect(press(text, ['S↑'], text.length)).toBe('Other estimates run higher.');
  });

  it('stays within the text', () => {
    expect(press(text, ['S→'], text.length)).toBe('');
    expect(press(text, ['S←', 'S←'], 0)).toBe('');
    expect(press('', ['S→', 'S↓'])).toBe('');
  });

  it('moves the caret by words, and a selection collapses to its end or its start', () => {
    let sel = moveCaret(text, { anchor: 0, focus: 0 }, 1);
    expect(sel).toEqual({ anchor: 4, focus: 4 });
    sel = moveCaret(text, sel, -1);
    expect(sel).toEqual({ anchor: 0, focus: 0 });
    expect(moveCaret(text, { anchor: 4, focus: 14 }, 1)).toEqual({ anchor: 14, focus: 14 });
    expect(moveCaret(text, { anchor: 14, focus: 4 }, -1)).toEqual({ anchor: 4, focus: 4 });
  });
});

describe('the shown text and the stored offsets', () => {
  it('maps words shown across hidden Markdown markers to the stored text', () => {
    const stored = 'The **NKVD** files give *681,692* executions for [1937–38](https://example.org/nkvd).';
    const r = readable(stored, inlineMarkup(stored));
    expect(r.text).toBe('The NKVD files give 681,692 executions for 1937–38.');
    const sel = extend(r.text, extend(r.text, { anchor: 4, focus: 4 }, 'word', 1), 'word', 1);
    const span = storedSpan(r, spanOf(sel))!;
    expect(stored.slice(span.start, span.end)).toBe('NKVD** files');
    const last = words(r.text).at(-1)!;
    const linked = storedSpan(r, last)!;
    expect(stored.slice(linked.start, linked.end)).toBe('1937–38');
    expect(shownAt(r, stored.indexOf('NKVD'))).toBe(4);
    expect(shownAt(r, 4)).toBe(4);
  });

  it('shows note references as such, and sets table cells apart', () => {
    const stored = 'executions[22] in 1937.';
    const r = readable(stored, noteMarks(stored));
    expect(r.text).toBe(`executions${NOTE_CHAR}${NOTE_CHAR} in 1937.`);
    expect(sentences(r.text)).toHaveLength(1);
    const row = '| 1937 | 681,692 |';
    const cells = readable(
      row,
      [],
      [
        [2, 6],
        [9, 16],
      ],
    );
    expect(cells.text).toBe('1937 681,692');
    expect(
      words(cells.text)
        .map((w) => storedSpan(cells, w))
        .map((s) => row.slice(s!.start, s!.end)),
    ).toEqual(['1937', '681,692']);
  });

  it('gives the whole passage without the spaces around it', () => {
    const r = readable('  A line.\n', []);
    const s = storedSpan(r, wholeSpan(r))!;
    expect(s).toEqual({ start: 2, end: 9 });
    expect(storedSpan(r, { start: 3, end: 3 })).toBeNull();
  });
});
