/**
 * How CommonMark + GFM read a Markdown string (micromark, the reference tokenizer, into an
 * mdast tree), reduced to what a reader sees: the element types and the visible text.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/**
 * mdast-util-gfm also links URLs and e-mail addresses it finds in decoded text, escaped or
 * not, which GFM's tokenizer (micromark, like cmark-gfm) does not: that rewrite is left out
 * here, and the HTML check below holds the tokenizer to it.
 */
const mdastExtensions = gfmFromMarkdown().map((e) => ({ ...e, transforms: [] }));

export function parse(markdown: string): Node {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions }) as Node;
}

/** Every element type in the tree (root excluded), and the text a reader sees: breaks as "\n", paragraphs apart by "\n\n". */
export function read(markdown: string): { types: Set<string>; text: string } {
  const types = new Set<string>();
  const walk = (n: Node): string => {
    if (n.type !== 'root') types.add(n.type);
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') return n.value ?? '';
    if (n.type === 'break') return '\n';
    const inner = (n.children ?? []).map(walk);
    return n.type === 'root' || n.type === 'blockquote' ? inner.join('\n\n') : inner.join('');
  };
  const text = walk(parse(markdown));
  return { types, text };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** The HTML GFM makes of it, with only the tags allowed kept as markers and the text decoded; null when another tag appears. */
export function html(markdown: string, allowed: readonly string[] = ['p']): string | null {
  const out = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  let bad = false;
  const text = out
    .replace(/<\/?([a-z0-9]+)[^>]*>/g, (tag, name: string) => {
      if (!allowed.includes(name)) bad = true;
      return name === 'br' ? '\n' : '';
    })
    .replace(/&(?:amp|lt|gt|quot);/g, (e) => ENTITIES[e]!);
  return bad ? null : text.replace(/\n+$/, '');
}
