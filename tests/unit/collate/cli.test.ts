import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli-run';
import { fixture, useTempHome } from '../helpers';

const home = useTempHome();

describe('sourcebench collate', () => {
  it('writes the collation as Markdown, TEI or JSON, through the same contract, and says what is wrong with the ids', async () => {
    await cli('import', ...['decree-a.txt', 'decree-b.txt', 'decree-c.txt'].map((f) => fixture(`collate/${f}`)));
    const md = await cli('collate', '1', '2', '3');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| # | Kind | w1 | w2 | w3 |');
    const out = path.join(home(), 'decree.xml');
    expect(await cli('collate', '1', '2', '3', '--base', '2', '--format', 'tei', '--out', out)).toMatchObject({ code: 0, out: `Wrote ${out}` });
    expect(fs.readFileSync(out, 'utf8')).toContain('<witness xml:id="w2" n="2">');
    const json = JSON.parse((await cli('collate', '1', '2', '--json')).out);
    expect(json.witnesses).toHaveLength(2);

    expect((await cli('collate', '1')).err).toMatch(/at least 2 sources/);
    expect((await cli('collate', '1', 'two')).err).toMatch(/"two" is not one/);
    expect((await cli('collate', '1', '9')).err).toMatch(/no source with id 9/);
    expect((await cli('collate', '1', '2', '--base', '3')).err).toMatch(/base text must be one of the sources/);
    expect((await cli('collate', '1', '2', '--format', 'pdf')).err).toMatch(/markdown or tei/);
  });
});
