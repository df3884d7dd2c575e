import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import type { SourceForExport } from '../../../src/main/export/markdown';
import { frontMatter, markdownPerSource, markdownSingle, safeNote } from '../../../src/main/export/markdown';
import type { Annotation } from '../../../src/shared/types';
import { parse } from './markdown-oracle';

interface Node {
  type: string;
  url?: string;
  value?: string;
  depth?: number;
  children?: Node[];
}

const PROJECT = { id: '3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c10', path: '/home/someone/Research.sourcebench' };
const HOSTILE = {
  title: '# Order №00447 <img src=x onerror=alert(1)> *draft*',
  author: '=HYPERLINK("http://evil.example","x") [me](javascript:alert(1))',
  origin: 'javascript:alert(document.cookie)',
  tags: ['1937', "Dr.-Yezhov's-order", 'great purge'],
};
const QUOTE =
  '# Not a heading\n> not quoted\n- not a list\n1) nor this\n*not emphasis* __nor__ `code` [x](javascript:alert(1)) ![i](http://e.org/t.png) <b>bold</b> &amp; a | b';

function text(n: Node): string {
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  if (n.type === 'break') return '\n';
  return (n.children ?? []).map(text).join(n.type === 'blockquote' ? '\n\n' : '');
}

function all(n: Node, out: Node[] = []): Node[] {
  out.push(n);
  for (const k of n.children ?? []) all(k, out);
  return out;
}

function item(source: Partial<SourceForExport['source']>, quote: string, note = '', tags: string[] = []): SourceForExport {
  const body = `Intro.\n\n${quote}\n\nEnd.`;
  const start = body.indexOf(quote);
  const a: Annotation = {
    id: 1,
    uuid: '0b8e9a52-5c39-4f0e-8d0e-6a3c1f7b2d11',
    sourceId: 7,
    sourceTitle: source.title ?? 'T',
    start,
    end: start + quote.length,
    exact: quote,
    prefix: '',
    suffix: '',
    orphaned: false,
    colour: 'yellow',
    body: null,
    markdown: note,
    plain: note,
    tags,
    passage: 2,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
  return {
    source: {
      id: 7,
      uuid: '9d1c2b3a-5c39-4f0e-8d0e-6a3c1f7b2d11',
      title: 'T',
      author: null,
      date: null,
      origin: null,
      kind: 'text',
      fileName: null,
      tags: [],
      passages: 3,
      chars: body.length,
      bytes: body.length,
      importedAt: '',
      ...source,
    },
    passages: [
      { id: 1, ordinal: 1, start: 0, end: 6, kind: 'heading', text: '*Intro* <i>', page: null, pageLabel: null, info: null },
      { id: 2, ordinal: 2, start, end: start + quote.length, kind: 'paragraph', text: quote, page: null, pageLabel: null, info: null },
    ],
    text: body,
    annotations: [a],
  };
}

/** The Markdown after the front matter, parsed. */
function body(md: string): Node {
  return parse(md.replace(/^---\n[\s\S]*?\n---\n/, '')) as Node;
}

function checkSafe(tree: Node): void {
  for (const n of all(tree)) {
    expect(['html', 'image', 'imageReference', 'definition', 'footnoteReference', 'footnoteDefinition'], n.type).not.toContain(n.type);
    if (n.type === 'link') expect(n.url).toMatch(/^(?:https?|sourcebench):\/\//);
  }
}

describe('Markdown export of hostile text', () => {
  it('writes titles, authors, origins, tags, headings and quotes as text', () => {
    const [file] = markdownPerSource([item(HOSTILE, QUOTE, '', ['1937', "Dr. Yezhov's order"])], PROJECT, '2024-01-01');
    const tree = body(file!.content);
    checkSafe(tree);
    const headings = all(tree).filter((n) => n.type === 'heading');
    expect(headings.map((h) => [h.depth, text(h)])).toEqual([
      [1, HOSTILE.title],
      [2, '¶ 2 — *Intro* <i>'],
    ]);
    const quote = all(tree).find((n) => n.type === 'blockquote')!;
    expect(text(quote)).toBe(QUOTE);
    expect(file!.content).toContain('tags: #y1937 #Dr-Yezhovs-order');
    const last = tree.children![tree.children!.length - 1]!;
    expect(text(last)).toContain(`${HOSTILE.author}, ${HOSTILE.title}, ¶ 2`);
    expect(file!.content).not.toContain(PROJECT.path);
  });

  it('links an origin only when it is http(s), in the file of several sources', () => {
    const [file] = markdownSingle(
      [item(HOSTILE, 'one'), item({ ...HOSTILE, origin: 'https://e.org/a(b)' }, 'two')],
      PROJECT,
      '2024-01-01',
      '<b>Notes</b>',
    );
    const tree = body(file!.content);
    checkSafe(tree);
    const paragraphs = all(tree)
      .filter((n) => n.type === 'paragraph')
      .map(text);
    expect(paragraphs).toContain(`${HOSTILE.author} · ${HOSTILE.origin}`);
    expect(
      all(tree)
        .filter((n) => n.type === 'link')
        .map((n) => n.url),
    ).toContain('https://e.org/a%28b%29');
  });

  it('keeps the formatting of a note and makes unsafe links, images and HTML text', () => {
    const note =
      '## Why\n\nSee [the order](javascript:alert(1)), [the article](https://e.org/x), <script>alert(1)</script>, ![pic](http://e.org/t.png) and `<b>` in code.\n\n```\n<i>kept</i>\n```\n\n[ref]: data:text/html,x';
    const out = safeNote(note, 2);
    const tree = parse(out) as Node;
    checkSafe(tree);
    expect(out).toContain('#### Why');
    expect(out).toContain('See the order, [the article](https://e.org/x), \\<script>alert(1)\\</script>');
    expect(out).toContain('[pic](http://e.org/t.png)');
    expect(out).toContain('`<b>`');
    expect(out).toContain('```\n<i>kept</i>\n```');
  });

  it('stays one structure whatever the text (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '#',
        '> ',
        '- ',
        '1. ',
        '*',
        '_',
        '`',
        '[x](javascript:y)',
        '![i](http://e.org/i.png)',
        '<b>',
        '&amp;',
        '|',
        '\n',
        '\\',
        '~',
        '@x',
        '=',
        'a',
        ' ',
      ),
      fc.string({ maxLength: 3 }),
    );
    const str = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(str, str, str, str, (title, author, quote, tag) => {
        fc.pre(quote.trim().length > 0);
        const [file] = markdownPerSource([item({ title, author, origin: author, tags: [tag] }, quote, '', [tag])], PROJECT, 'now');
        const tree = body(file!.content);
        checkSafe(tree);
        const blocks = tree.children!.map((n) => n.type);
        expect(blocks).toEqual(['heading', 'heading', 'blockquote', 'paragraph']);
        expect(parseDocument(file!.content.split('---\n')[1]!).errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('front matter', () => {
  it('double-quotes every string, and reads back to the same values', () => {
    const values = {
      title: 'Counting: the "victims" of 1937 # not a comment',
      author: '- not a list item',
      date: '1937',
      origin: '*alias',
      empty: '',
      multi: 'line one\nline two\ttab \\ backslash \u0007 bell \u2028 sep',
      yes: 'yes',
      nul: 'null',
      doc: '---\n...',
      tags: ['y1937', 'great-purge'],
      count: 3,
    };
    const fm = frontMatter(values);
    expect(fm.startsWith('---\n') && fm.endsWith('\n---\n')).toBe(true);
    const inner = fm.slice(4, -5);
    const doc = parseDocument(inner);
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toEqual(values);
    visit(doc, {
      Scalar(_key, node) {
        if (typeof node.value === 'string' && isScalar(node)) expect(['QUOTE_DOUBLE', 'PLAIN'].includes(String(node.type))).toBe(true);
      },
      Pair(_key, pair) {
        if (isScalar(pair.value) && typeof pair.value.value === 'string') expect(pair.value.type).toBe('QUOTE_DOUBLE');
      },
    });
    for (const line of inner.split('\n')) expect(line).toMatch(/^(?:[a-z]+: (?:"(?:[^"\\]|\\.)*"|\d+)|[a-z]+:| {2}- "(?:[^"\\]|\\.)*")$/);
  });

  it('quotes any string and reads it back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }), (title, tags) => {
        const fm = frontMatter({ title, tags });
        const doc = parseDocument(fm.slice(4, -5));
        expect(doc.errors).toEqual([]);
        expect(doc.toJS()).toEqual(tags.length ? { title, tags } : { title });
      }),
      { numRuns: 500 },
    );
  });
});
