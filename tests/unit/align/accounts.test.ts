import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AlignInput } from '../../../src/main/align/align';
import { align, MATCH_THRESHOLD, MIN_SHARED, similarities } from '../../../src/main/align/align';
import { sentences } from '../../../src/main/align/sentences';
import { scoreAt, loadParaphraseSet } from '../../../bench/paraphrase';
import { fixture, tempWorkbench } from '../helpers';

function passages(...texts: string[]): AlignInput[] {
  let at = 0;
  return texts.map((text, i) => {
    const p = { id: i + 1, ordinal: i + 1, start: at, end: at + text.length, text, kind: 'paragraph' };
    at += text.length + 2;
    return p;
  });
}

describe('sentences', () => {
  it('are not cut after an abbreviation or a title, and are after a year that ends one', () => {
    const t = 'Dr. Smith met Gen. Blokhin in May 1937. The trial began on 19 August 1936.\nIt lasted five days. U.S. Marshals came.';
    expect(sentences(t).map((s) => t.slice(s.start, s.end))).toEqual([
      'Dr. Smith met Gen. Blokhin in May 1937.',
      'The trial began on 19 August 1936.',
      'It lasted five days.',
      'U.S. Marshals came.',
    ]);
    const marked = 'They were shot on 25 August 1936.[2] The next trial opened in January.';
    expect(sentences(marked).map((s) => marked.slice(s.start, s.end))).toEqual([
      'They were shot on 25 August 1936.[2]',
      'The next trial opened in January.',
    ]);
  });
});

describe('aligning two differently written accounts', () => {
  let last: { wb: ReturnType<typeof tempWorkbench>['wb']; ids: { a: number; b: number } };
  async function accounts() {
    const { wb } = tempWorkbench();
    const a = await wb.importFile({ name: 'accounts-a.md', bytes: fs.readFileSync(fixture('accounts-a.md')) });
    const b = await wb.importFile({ name: 'accounts-b.md', bytes: fs.readFileSync(fixture('accounts-b.md')) });
    if (a.status !== 'imported' || b.status !== 'imported') throw new Error('not imported');
    last = { wb, ids: { a: a.source.id, b: b.source.id } };
    return wb.compareSources(last.ids);
  }

  it('pairs their sentences trial by trial, and never headings, links, images or references', async () => {
    const c = await accounts();
    const passage = (side: 'a' | 'b', id: number) => (side === 'a' ? c.a : c.b).passageList.find((p) => p.id === id)!;
    const said = (side: 'a' | 'b', span: (typeof c.pairs)[number]['a']) => {
      const p = passage(side, span.passageId);
      return p.text.slice(span.start - p.start, span.end - p.start);
    };
    // Every pair is prose against prose.
    for (const p of c.pairs) {
      expect(passage('a', p.a.passageId).kind).toBe('paragraph');
      expect(passage('b', p.b.passageId).kind).toBe('paragraph');
    }
    const find = (words: string) => c.pairs.find((p) => said('a', p.a).includes(words));
    expect(said('b', find('Vyshinsky')!.b)).toMatch(/^The state prosecutor, Andrei Vyshinsky/);
    expect(said('b', find('Radek')!.b)).toMatch(/^Earlier, in January 1937, Radek/);
    expect(said('b', find('Tukhachevsky and seven')!.b)).toMatch(/^In June 1937 he and seven/);
    expect(said('b', find('Bukharin admitted')!.b)).toContain('Bukharin accepted a general political responsibility');
    // The first trial: one paragraph of A told over three paragraphs of B, each paired.
    const first = c.a.passageList.find((p) => p.text.startsWith('The first trial'))!;
    expect(new Set(c.pairs.filter((p) => p.a.passageId === first.id).map((p) => p.b.ordinal)).size).toBe(3);
    // Most of both is shared; what B alone says (the reception abroad) is only in B.
    expect(c.sharedA).toBeGreaterThan(0.6);
    expect(c.sharedB).toBeGreaterThan(0.6);
    expect(c.sharedA).toBeLessThan(1);
    expect(c.onlyB.map((id) => passage('b', id).text)).toContain(
      'The trials were followed abroad with disbelief, and many Western observers took the confessions at their word.',
    );
    // The generals come before the second trial in B: transposed, so in a section of their own.
    expect(c.sections.length).toBeGreaterThan(1);
    expect(c.sections[0]!.a.from).toBe(3);
    // The export names them too, and holds the paired sentences, not whole paragraphs.
    const { wb, ids } = last;
    const file = await wb.exportComparison(ids);
    expect(file.content).toMatch(/Same events: A ¶ 3–5 ⇆ B ¶ 2–6 · /);
    expect(file.content).toMatch(
      /\| 5 \| Andrei Vyshinsky conducted the prosecution[^|]*executed on 25 August 1936\.\\\[2\\\] \| 6 \| The state prosecutor/,
    );
    // The claims each makes inside paired sentences, side by side.
    expect(c.pairClaims.some((g) => g.a.some((x) => x.quote.includes('Eighteen')) && g.b.some((x) => x.quote.includes('Eighteen')))).toBe(true);
  });

  it('pairs no reference mark, file name or heading of apparatus with another', () => {
    const a = passages('See also', '[13]', 'File:Tukhachevsky 1935.jpg|Marshal Tukhachevsky, 1935');
    const b = passages('References', 'Marshal Tukhachevsky 1935.jpg', '[13] [14]');
    expect(align(a, b).pairs).toEqual([]);
  });

  it('does not call two different link lines reworded', () => {
    const a = passages(
      'Read more: [Great Purge](https://en.example.org/wiki/Great_Purge) and [Moscow trials](https://en.example.org/wiki/Moscow_trials).',
    );
    const b = passages(
      'Read more: [Great Terror](https://en.example.org/wiki/Great_Terror) and [Yezhovshchina](https://en.example.org/wiki/Yezhovshchina).',
    );
    expect(align(a, b).pairs).toEqual([]);
    // Below the threshold nothing is a pair: a similarity of 0.22 says nothing is shared.
    expect(MATCH_THRESHOLD).toBeGreaterThan(0.22);
  });

  it('pairs a paragraph of A with each of the three paragraphs of B that tell it', () => {
    const a = passages(
      'In August 1936 Zinoviev and Kamenev were tried with fourteen others in the House of the Unions. Both men confessed to organising the murder of Kirov in December 1934. Vyshinsky asked the court to shoot them all like mad dogs.',
    );
    const b = passages(
      'The trial of Zinoviev, Kamenev and fourteen others opened in August 1936 in the House of the Unions.',
      'Before the court both confessed that they had organised the murder of Kirov in 1934.',
      'The prosecutor Vyshinsky demanded that the court shoot all of them like mad dogs.',
    );
    const r = align(a, b);
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
    ]);
    expect(r.sharedA).toBe(1);
  });

  it('finds a sentence moved to another place, and one sentence told in two', () => {
    const a = passages(
      'Tukhachevsky was arrested in May 1937 with seven other commanders of the Red Army. The military tribunal tried them in secret in June 1937 and they were shot by firing squad the same night.',
      'The purge of the army removed three of the five marshals and most senior officers.',
    );
    const b = passages(
      'Three of five marshals and most of the senior officers were removed by the purge of the army.',
      'In May 1937 Tukhachevsky was arrested along with seven other Red Army commanders. A military tribunal tried them in secret in June 1937. They were all shot by a firing squad the same night.',
    );
    const r = align(a, b);
    const moved = r.pairs.find((p) => p.a === 1)!;
    expect(moved.b).toBe(0);
    const tribunal = r.pairs.find((p) => p.a === 0 && p.aSentences === 2)!;
    expect(tribunal.bSentences).toBe(3);
    expect(r.onlyA).toEqual([]);
  });
});

describe('the labelled set of real sentence pairs', () => {
  it('has enough pairs of both kinds, and the threshold keeps precision and recall where the table says', () => {
    const set = loadParaphraseSet();
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(set.filter((p) => p.paraphrase).length).toBeGreaterThanOrEqual(50);
    const s = scoreAt(set, similarities(set.map((p) => [p.a, p.b] as const)), MATCH_THRESHOLD);
    expect(s.precision).toBeGreaterThanOrEqual(0.68);
    expect(s.recall).toBeGreaterThanOrEqual(0.74);
    expect(MIN_SHARED).toBe(3);
  });
});
