import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { collate, collationTei } from '../../../src/main/collate';
import { fixture } from '../helpers';

const decree = (name: string) => fs.readFileSync(fixture(`collate/${name}`), 'utf8');
const three = (base: number | null) =>
  collate(
    ['decree-a.txt', 'decree-b.txt', 'decree-c.txt'].map((f, i) => ({
      id: i + 1,
      title: f,
      citation: `Council of People’s Commissars, <${f}> & copy ${i + 1}`,
      text: decree(f),
    })),
    base,
  );

/** Validates each document against TEI P5 (tei_all) with RELAX NG: the schema is compiled once for all of them. */
async function validate(docs: Record<string, string>) {
  const schema = fs.readFileSync(fixture('tei/tei_all.rng'), 'utf8');
  const r = await validateXML({
    xml: Object.entries(docs).map(([fileName, contents]) => ({ fileName, contents })),
    schema: [{ fileName: 'tei_all.rng', contents: schema }],
    extension: 'relaxng',
  });
  const errors: Record<string, string[]> = Object.fromEntries(Object.keys(docs).map((k) => [k, []]));
  for (const e of r.errors) errors[e.loc?.fileName ?? '?']?.push(e.message);
  return errors;
}

describe('the TEI export of a collation', () => {
  it('is TEI P5 parallel segmentation, valid against tei_all, with and without a base text; a broken one is refused', async () => {
    const withBase = collationTei(three(0), '2026-01-01T00:00:00Z');
    const parallel = collationTei(three(null), '2026-01-01T00:00:00Z');
    // The same document with a reading outside its <app>: not TEI.
    const broken = withBase.replace('<app type="figure">', '<rdg wit="#w9">stray</rdg><app type="figure">');
    expect(broken).not.toBe(withBase);
    const errors = await validate({ 'base.xml': withBase, 'parallel.xml': parallel, 'broken.xml': broken });
    expect(errors['base.xml']).toEqual([]);
    expect(errors['parallel.xml']).toEqual([]);
    expect(errors['broken.xml']!.join('\n')).toMatch(/element p: Relax-NG validity error/);

    expect(withBase).toContain('<variantEncoding method="parallel-segmentation" location="internal"/>');
    expect(withBase).toContain('<witness xml:id="w1" n="1">Council of People’s Commissars, &lt;decree-a.txt&gt; &amp; copy 1</witness>');
    expect(withBase).toContain('<app type="figure"><lem wit="#w1">75,950</lem><rdg wit="#w2">75 950</rdg><rdg wit="#w3">72,950</rdg></app>');
    expect(withBase).toContain('<app type="substantive"><lem wit="#w1 #w3">shot;</lem><rdg wit="#w2">executed;</rdg></app>');
    expect(withBase).toContain('<app type="figure"><lem wit="#w1 #w2">186,500</lem><rdg wit="#w3"/></app>');
    expect(parallel).not.toContain('<lem');
    expect(parallel).toContain('<app type="substantive"><rdg wit="#w1 #w3">shot;</rdg><rdg wit="#w2">executed;</rdg></app>');
  });
});
