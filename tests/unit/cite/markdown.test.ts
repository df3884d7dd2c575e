import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, htmlToMarkdown, htmlToText } from '../../../src/main/cite';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** What CommonMark makes of `md`: its text, with emphasised runs marked as _…_. */
function rendered(md: string): string {
  const walk = (n: Node): string => {
    if (n.type === 'text') return n.value ?? '';
    const inner = (n.children ?? []).map(walk).join('');
    return n.type === 'emphasis' ? `_${inner}_` : n.type === 'strong' ? `__${inner}__` : inner;
  };
  const root = fromMarkdown(md) as Node;
  expect(root.children).toHaveLength(1);
  expect(root.children?.[0]?.type).toBe('paragraph');
  return walk(root);
}

describe('citeproc HTML to Markdown', () => {
  it('renders in CommonMark as the plain text, with the italics', () => {
    const html = 'J. Doe, <i>Notes on *stars*, [links] &#38; `code` &lt;b&gt; _x_ #1 | ~y~ @key $5 \\n</i> (1937), 214.';
    expect(rendered(htmlToMarkdown(html))).toBe('J. Doe, _Notes on *stars*, [links] & `code` <b> _x_ #1 | ~y~ @key $5 \\n_ (1937), 214.');
    expect(htmlToText(html)).toBe('J. Doe, Notes on *stars*, [links] & `code` <b> _x_ #1 | ~y~ @key $5 \\n (1937), 214.');
  });

  it('puts spaces outside the emphasis markers', () => {
    expect(htmlToMarkdown('In<i> Stalin’s Terror </i>(2006)')).toBe('In *Stalin’s Terror* (2006)');
  });

  it('turns a title inside an italic title back to roman', () => {
    const html = '<i>The Voyage of the <span style="font-style:normal;">Beagle</span> Reconsidered</i>';
    const md = htmlToMarkdown(html);
    expect(md).toBe('*The Voyage of the* Beagle *Reconsidered*');
    expect(rendered(md)).toBe('_The Voyage of the_ Beagle _Reconsidered_');
  });

  it('keeps bold, and drops small capitals and superscripts to plain text', () => {
    expect(htmlToMarkdown('<b>Vol. 2</b>, <span style="font-variant:small-caps;">Moscow</span> 2<sup>nd</sup>')).toBe('**Vol. 2**, Moscow 2nd');
  });

  it('escapes what would start a list or a heading', () => {
    expect(htmlToMarkdown('1937. A year')).toBe('1937\\. A year');
    expect(rendered(htmlToMarkdown('1937. A year'))).toBe('1937. A year');
    expect(htmlToMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(htmlToMarkdown('- not a list')).toBe('\\- not a list');
  });

  it('joins the label and the entry of a numeric style', () => {
    const html = '<div class="csl-left-margin">1. </div><div class="csl-right-inline">Conquest, R. <i>Terror</i>.</div>';
    expect(htmlToText(html)).toBe('1. Conquest, R. Terror.');
    expect(htmlToMarkdown(html)).toBe('1\\. Conquest, R. *Terror*.');
  });

  it('escapes every Markdown character in plain text', () => {
    expect(escapeMarkdown('a*b_c[d]e<f&g|h~i@j$k^l`m\\n')).toBe('a\\*b\\_c\\[d\\]e\\<f\\&g\\|h\\~i\\@j\\$k\\^l\\`m\\\\n');
  });
});

describe('URLs in Markdown', () => {
  it('writes URLs as autolinks, so no escape ends up in the address', () => {
    const md = htmlToMarkdown('Memorial, accessed March 5, 2024, https://base.memo.ru/a_b?x=1&amp;y=2.');
    expect(md).toBe('Memorial, accessed March 5, 2024, <https://base.memo.ru/a_b?x=1&y=2>.');
    const root = fromMarkdown(md) as { children: Array<{ children: Array<{ type: string; url?: string }> }> };
    expect(root.children[0]?.children.find((n) => n.type === 'link')?.url).toBe('https://base.memo.ru/a_b?x=1&y=2');
  });

  it('keeps a balanced parenthesis in the URL and the sentence’s out of it', () => {
    expect(htmlToMarkdown('(see https://en.wikipedia.org/wiki/Kirov_(city)).')).toBe('(see <https://en.wikipedia.org/wiki/Kirov_(city)>).');
    expect(htmlToMarkdown('https://doi.org/10.1093/acprof:oso/9780195071320.001.0001.')).toBe(
      '<https://doi.org/10.1093/acprof:oso/9780195071320.001.0001>.',
    );
  });
});
