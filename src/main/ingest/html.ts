/**
 * `.html`/`.htm`: readable text only. Scripts, styles, navigation, forms and page chrome are
 * dropped; headings, paragraphs, list items, quotes and preformatted blocks become passages;
 * `<title>`, `citation_*`, Dublin Core (`dc.*`) and Open Graph (`og:`) meta tags become
 * metadata. The page is never rendered: only its text is kept.
 */
import { Parser } from 'htmlparser2';
import type { PassageKind } from '../../shared/types';
import type { Metadata } from './metadata';
import { cleanText } from './metadata';
import type { Span } from './text';
import { splitLong } from './text';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'nav',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'aside',
  'footer',
  'menu',
  'dialog',
  'head',
]);
const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog']);
const CHROME_CLASS = /(?:^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|sidebar|cookie|skip-link|share|social)(?:$|[\s_-])/i;
const BLOCKS: Record<string, PassageKind> = {
  p: 'paragraph',
  div: 'paragraph',
  section: 'paragraph',
  article: 'paragraph',
  main: 'paragraph',
  body: 'paragraph',
  address: 'paragraph',
  figcaption: 'paragraph',
  caption: 'paragraph',
  td: 'paragraph',
  th: 'paragraph',
  tr: 'paragraph',
  table: 'paragraph',
  ul: 'paragraph',
  ol: 'paragraph',
  dl: 'paragraph',
  figure: 'paragraph',
  header: 'paragraph',
  center: 'paragraph',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'item',
  dt: 'item',
  dd: 'item',
  blockquote: 'quote',
  pre: 'code',
};
const BR = '\u0000';

export interface HtmlResult {
  text: string;
  meta: Metadata;
  extra: Record<string, unknown>;
  spans: Span[];
}

/** The charset a page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
}

interface Frame {
  name: string;
  skip: boolean;
  main: boolean;
  pre: boolean;
  kind: PassageKind;
}

export function readHtml(source: string): HtmlResult {
  const metaTags = new Map<string, string[]>();
  const blocks: { text: string; kind: PassageKind; main: boolean }[] = [];
  const stack: Frame[] = [{ name: '#root', skip: false, main: false, pre: false, kind: 'paragraph' }];
  let buffer = '';
  let title = '';
  let inTitle = false;
  let lang: string | undefined;
  let canonical: string | undefined;
  let firstH1: string | undefined;
  let sawMain = false;

  const top = () => stack[stack.length - 1]!;
  const flush = () => {
    const frame = top();
    const raw = frame.pre ? buffer.replace(/^\n+|\s+$/g, '') : buffer.replace(/[ \t\n\r\f]+/g, ' ');
    const text = raw
      .split(BR)
      .map((l) => (frame.pre ? l : l.trim()))
      .join('\n')
      .trim();
    buffer = '';
    if (!text) return;
    blocks.push({ text, kind: frame.kind, main: frame.main });
    if (frame.kind === 'heading' && firstH1 === undefined) firstH1 = text;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const parent = top();
        if (name === 'html' && attrs.lang) lang = attrs.lang;
        if (name === 'title' && !stack.some((f) => f.name === 'svg')) inTitle = true;
        if (name === 'meta') {
          const key = (attrs.name ?? attrs.property ?? attrs.itemprop ?? '').trim().toLowerCase();
          if (key && attrs.content !== undefined) metaTags.set(key, [...(metaTags.get(key) ?? []), attrs.content]);
        }
        if (name === 'link' && /\bcanonical\b/i.test(attrs.rel ?? '') && attrs.href) canonical = attrs.href;
        if (name === 'br' && !parent.skip) buffer += BR;
        const role = (attrs.role ?? '').toLowerCase();
        const isMain = name === 'main' || name === 'article' || role === 'main';
        const skip =
          parent.skip ||
          SKIP.has(name) ||
          SKIP_ROLES.has(role) ||
          attrs['aria-hidden'] === 'true' ||
          attrs.hidden !== undefined ||
          (name === 'header' && !parent.main) ||
          CHROME_CLASS.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`);
        const block = BLOCKS[name];
        if (block && !parent.skip) flush();
        if (isMain && !skip) sawMain = true;
        stack.push({
          name,
          skip,
          main: parent.main || isMain,
          pre: parent.pre || name === 'pre',
          kind: block && block !== 'paragraph' ? block : parent.kind,
        });
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (!top().skip) buffer += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        const frame = top();
        if (BLOCKS[name] && !frame.skip) flush();
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(source);
  parser.end();
  flush();

  // Where the page marks its main content, its text is the source; the rest is chrome.
  const mainText = blocks.filter((b) => b.main).reduce((n, b) => n + b.text.length, 0);
  const kept = sawMain && mainText >= 200 ? blocks.filter((b) => b.main) : blocks;

  let text = '';
  const spans: Span[] = [];
  for (const b of kept) {
    if (text) text += '\n\n';
    const start = text.length;
    text += b.text;
    spans.push(...splitLong(text, { start, end: text.length, kind: b.kind }));
  }

  const first = (...keys: string[]) => {
    for (const k of keys) {
      const v = metaTags
        .get(k)
        ?.map((x) => cleanText(x))
        .filter(Boolean);
      if (v && v.length) return v as string[];
    }
    return undefined;
  };
  const isUrl = (v?: string) => (v && /^https?:\/\//i.test(v) ? v : undefined);
  const meta: Metadata = {
    title: first('citation_title', 'dc.title', 'dcterms.title', 'og:title')?.[0] ?? cleanText(title) ?? firstH1,
    author: first('citation_author', 'dc.creator', 'dcterms.creator', 'author')?.join('; '),
    date: first(
      'citation_publication_date',
      'citation_date',
      'citation_online_date',
      'dc.date',
      'dcterms.date',
      'dcterms.issued',
      'article:published_time',
      'date',
    )?.[0],
    origin:
      first('citation_public_url', 'citation_abstract_html_url', 'citation_fulltext_html_url')?.[0] ??
      isUrl(first('dc.identifier', 'dcterms.identifier')?.[0]) ??
      first('og:url')?.[0] ??
      canonical,
    language: first('citation_language', 'dc.language', 'dcterms.language')?.[0] ?? cleanText(lang),
  };
  const extra: Record<string, unknown> = {};
  for (const k of ['citation_journal_title', 'citation_publisher', 'citation_doi', 'dc.publisher', 'og:site_name', 'description']) {
    const v = metaTags.get(k)?.[0];
    if (v) extra[k] = cleanText(v);
  }
  return { text, meta, extra, spans };
}
