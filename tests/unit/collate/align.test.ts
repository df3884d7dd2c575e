import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collate, collationMarkdown } from '../../../src/main/collate';
import { increasing } from '../../../src/main/collate/align';
import { tokenize } from '../../../src/main/collate/tokens';
import { fixture } from '../helpers';

const decree = (name: string) => fs.readFileSync(fixture(`collate/${name}`), 'utf8');
const three = (base: number | null = null) =>
  collate(
    ['decree-a.txt', 'decree-b.txt', 'decree-c.txt'].map((f, i) => ({ id: i + 1, title: f, citation: `Archive file ${f}`, text: decree(f) })),
    base,
  );
/** The segments where the witnesses differ, as their readings. */
const variants = (c: ReturnType<typeof three>) => c.segments.filter((s) => s.kind === 'variant').map((s) => s.readings);

describe('tokens', () => {
  it('keeps each witness’s own text and compares without case, punctuation or the way a figure is grouped', () => {
    const t = tokenize('Council, shot 681,692 and 681 692, 681.692 or 680,000 in 1937; 3.5 km');
    expect(t.map((x) => x.text)).toEqual(['Council,', 'shot', '681,692', 'and', '681 692,', '681.692', 'or', '680,000', 'in', '1937;', '3.5', 'km']);
    expect(t.map((x) => x.key)).toEqual(['council', 'shot', '681692', 'and', '681692', '681692', 'or', '680000', 'in', '1937', '3.5', 'km']);
    expect(t.filter((x) => x.figure).map((x) => x.figure)).toEqual(['681692', '681692', '681692', '680000', '1937', '3.5']);
  });
});

describe('collating three witnesses', () => {
  it('aligns an addition, an omission, a substitution, a transposition and a changed figure, each witness in its own words', () => {
    const c = three();
    expect(c.witnesses.map((w) => [w.siglum, w.words])).toEqual([
      ['w1', 62],
      ['w2', 63],
      ['w3', 61],
    ]);
    expect(variants(c)).toEqual([
      // Addition in w2.
      ['', 'other', ''],
      // Transposition in w3: the moved words stand where w3 has them and are missing where the others do.
      ['', '', 'last four months and'],
      ['and last four months.', 'and last four months.', ''],
      // A changed figure (w3), and the same figure grouped differently (w2).
      ['75,950', '75 950', '72,950'],
      // Substitution in w2.
      ['shot;', 'executed;', 'shot;'],
      // Omission of a figure in w3.
      ['186,500', '186,500', ''],
    ]);
    // Differences of case and punctuation only are kept apart from variants, with the witnesses' own text.
    expect(c.segments.filter((s) => s.kind === 'normalised').map((s) => s.readings)).toEqual([
      ['Council,', 'Council,', 'council,'],
      ['1937', '1937', '1937.'],
    ]);
    // Every witness reads back whole from the table.
    c.witnesses.forEach((_, w) => {
      const words = c.segments
        .map((s) => s.readings[w])
        .filter(Boolean)
        .join(' ');
      expect(words).toBe(decree(`decree-${'abc'[w]}.txt`).split(/\s+/).filter(Boolean).join(' '));
    });
  });

  it('marks the figures that differ, and not a figure only written another way', () => {
    const c = three();
    const figures = c.segments.filter((s) => s.figure);
    expect(figures.map((s) => s.readings)).toEqual([
      ['75,950', '75 950', '72,950'],
      ['186,500', '186,500', ''],
    ]);
    expect(figures[0]!.groups).toEqual([0, 0, 1]);
    expect(c.figures).toBe(2);
    expect(c.variants).toBe(6);
    const two = collate(
      [
        { id: 1, title: 'a', citation: 'a', text: 'In 1937 some 681,692 were shot.' },
        { id: 2, title: 'b', citation: 'b', text: 'In 1937 some 681 692 were shot.' },
      ],
      null,
    );
    expect(two.segments.map((s) => [s.kind, s.figure])).toEqual([
      ['same', false],
      ['normalised', false],
      ['same', false],
    ]);
  });

  it('takes a base text or none', () => {
    expect(three(1).base).toBe(1);
    expect(three().base).toBeNull();
    const md = collationMarkdown(three(1), '2026-01-01');
    expect(md).toContain('| # | Kind | w1 | w2 (base) | w3 |');
    // Against the base (w2), w1 and w3 differ where w2 says "executed".
    expect(md).toContain('| variant | shot; | executed; | shot; |'.replace('shot; | executed; | shot;', '**shot;** | executed; | **shot;**'));
    const parallel = collationMarkdown(three(), '2026-01-01');
    expect(parallel).toContain('| variant | **shot;** | **executed;** | **shot;** |');
  });

  it('writes a Markdown table with pipes escaped, omissions as a dash and figures named', () => {
    const c = collate(
      [
        { id: 1, title: 'a', citation: 'Fond 89 | op. 1', text: 'Total | 1,000 dead' },
        { id: 2, title: 'b', citation: 'b', text: 'Total | 1,200 dead' },
        { id: 3, title: 'c', citation: 'c', text: 'Total 1,000 dead' },
      ],
      0,
    );
    const md = collationMarkdown(c, '2026-01-01');
    expect(md).toContain('- **w1** (base text): Fond 89 \\| op. 1');
    // Neighbouring differences make one place: the pipe w3 lacks and the figure w2 changed.
    expect(md).toContain('| 2 | figure | \\| 1,000 | **\\| 1,200** | **1,000** |');
    // Every table row has as many cells as the header.
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    for (const r of rows) expect(r.split(/(?<!\\)\|/).length).toBe(rows[0]!.split('|').length);
  });

  it('keeps to the order of the table when anchors cross (a transposition)', () => {
    const at = (pos: number) => ({ pos });
    expect(
      increasing([
        [0, at(5)],
        [1, at(1)],
        [2, at(2)],
        [3, at(9)],
        [4, at(3)],
      ]).map(([i]) => i),
    ).toEqual([1, 2, 4]);
  });
});
