import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, tempWorkbench } from '../helpers';

const WEB = `---
title: Stalin's Lists
author: Memorial Society
date: 2004
url: https://stalin.memo.ru/
accessed: 2024-03-05
---

# The lists

The lists carry 44,000 names of people condemned in 1937 and 1938.
`;

const NO_AUTHOR = 'A memorandum without a name on it.\n\nIt counts 1,200 deportees from the district.\n';

async function annotated(wb: ReturnType<typeof tempWorkbench>['wb'], name: string, text: string, words: string) {
  const out = await wb.importFile({ name, bytes: bytes(text) });
  if (out.status !== 'imported') throw new Error(`${name} was not imported`);
  const detail = await wb.getSource({ id: out.source.id });
  const passage = detail.passageList.find((p) => p.text.includes(words))!;
  const start = passage.start + passage.text.indexOf(words);
  await wb.createAnnotation({ sourceId: out.source.id, start, end: start + words.length, colour: 'yellow' });
  return out.source.id;
}

describe('citations in the Markdown export', () => {
  it('cite each quote in the project’s style (Chicago notes by default), with its paragraph, and invent nothing', async () => {
    const { wb } = tempWorkbench();
    const web = await annotated(wb, 'lists.md', WEB, '44,000 names');
    const [file] = await wb.exportMarkdown({ sourceId: web });
    expect(file!.content).toMatch(/— Memorial Society, “Stalin’s Lists,” 2004, para\. 2, <https:\/\/stalin\.memo\.ru\/>\. · \[open in Sourcebench\]/);
    const anonymous = await annotated(wb, 'memo.txt', NO_AUTHOR, '1,200 deportees');
    const [memo] = await wb.exportMarkdown({ sourceId: anonymous });
    expect(memo!.content).not.toMatch(/Unknown author|n\.d\./);
    expect(memo!.content).toMatch(/— “Memo,” para\. 2\. · \[open in Sourcebench\]/);
  });

  it('write another style when asked, or the project’s own .csl file once added', async () => {
    const { wb } = tempWorkbench();
    const web = await annotated(wb, 'lists.md', WEB, '44,000 names');
    const [apa] = await wb.exportMarkdown({ sourceId: web, style: 'apa' });
    expect(apa!.content).toMatch(/\n— \(Memorial Society, 2004, para\. 2\) · \[open in Sourcebench\]/);
    await expect(wb.setCitationStyle({ style: 'custom' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(wb.setCitationStyle({ style: 'custom', csl: { name: 'mine.csl', xml: '<html>not a style</html>' } })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('mine.csl is not a CSL style'),
    });
    const xml = fs.readFileSync(path.join(__dirname, '../../../resources/csl/modern-language-association.csl'), 'utf8');
    const settings = await wb.setCitationStyle({ style: 'custom', csl: { name: 'mine.csl', xml } });
    expect(settings).toMatchObject({ style: 'custom', custom: { title: 'MLA Handbook 9th edition (in-text citations)' } });
    const [mine] = await wb.exportMarkdown({ sourceId: web });
    expect(mine!.content).toMatch(/\n— \(Memorial Society, par\. 2\) · \[open in Sourcebench\]/);
    expect((await wb.getCitationSettings()).style).toBe('custom');
  });

  it('write Pandoc citations with a CSL-JSON bibliography beside the notes', async () => {
    const { wb } = tempWorkbench();
    const web = await annotated(wb, 'lists.md', WEB, '44,000 names');
    const files = await wb.exportMarkdown({ sourceId: web, citations: 'pandoc' });
    expect(files.map((f) => f.name)).toEqual(['stalin-s-lists.md', 'references.json']);
    expect(files[0]!.content).toContain('bibliography: "references.json"');
    expect(files[0]!.content).toMatch(/— \[@memorial2004, para\. \d+\] · \[open in Sourcebench\]/);
    const [entry] = JSON.parse(files[1]!.content) as { id: string; issued: unknown; accessed: unknown; URL: string }[];
    expect(entry).toMatchObject({
      id: 'memorial2004',
      URL: 'https://stalin.memo.ru/',
      issued: { 'date-parts': [[2004]] },
      accessed: { 'date-parts': [[2024, 3, 5]] },
    });
  });
});
