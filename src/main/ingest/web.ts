/**
 * `.html`: the article, found the way browsers' reader modes find it (Mozilla's
 * Readability on a linkedom DOM), read into passages by `readBlocks`. Navigation, share
 * buttons, cookie banners, "Skip to" lines and related-article lists are left out. A page
 * without an article (a short page, a list of links) is read whole by the hand-written
 * reader in html.ts instead.
 *
 * Metadata: citation_*, Dublin Core and Open Graph tags, JSON-LD (headline, author,
 * datePublished, publisher), the byline Readability finds, `<time datetime>`, the canonical
 * URL, and what a saved copy says (Chrome's "saved from url", SingleFile's url and saved
 * date, the Wayback Machine's capture date). What has no column of its own goes to the
 * source's meta JSON: siteName, canonical, accessed, archived, modified, savedFrom,
 * reading ('article' or 'page').
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DomElement } from './blocks';
import { readBlocks } from './blocks';
import type { HtmlResult } from './html';
import { readHtml } from './html';
import type { Metadata } from './metadata';
import { accessedLine, cleanText, toEdtf } from './metadata';
import type { CslType } from '../../shared/csl';
import { isHostingSite } from './citation';
import type { Span } from './text';

/** Readability's own threshold: an article shorter than this was not found with confidence. */
const ARTICLE_CHARS = 500;
/**
 * Markup nested deeper than this is not a page anyone wrote by hand: Readability's time
 * grows with depth times size there (5 s at 6,000 levels, then its stack overflows), so
 * such a page is read whole instead. Real pages stay below 100.
 */
const MAX_DEPTH = 400;

/** Elements that are page furniture whatever the page: removed before Readability looks. */
const CHROME_SELECTOR = [
  'script:not([type="application/ld+json"])',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'nav',
  'dialog',
  'button',
  'select',
  'textarea',
  'input',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
  '#wm-ipp-base',
  '#wm-ipp',
  '#donato',
].join(', ');
/** Class or id words of furniture; such an element goes when it is short and holds no article. */
const CHROME_CLASS =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|skip-?links?|skip-?to|share|sharing|social|newsletter|subscribe|related|sidebar|widget|breadcrumbs?|paywall|promo|advert|advertisement|ad-?slot|sr-only|visually-?hidden|screen-?reader-?text|outbrain|taboola)(?:$|[\s_-])/i;
const MONTH_DAY_YEAR = /\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b/;

type Doc = {
  body: DomElement | null;
  documentElement: DomElement | null;
  querySelector(s: string): DomElement | null;
  querySelectorAll(s: string): ArrayLike<DomElement>;
};

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00ad',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  sect: '§',
  para: '¶',
  dagger: '†',
  Dagger: '‡',
  prime: '′',
  Prime: '″',
};
/** Characters an entity may stand for only as an entity: decoding them would change the markup. */
const MARKUP = new Set(['<', '>', '&', '"', "'"]);

/**
 * Typographic entities (`&rsquo;`, `&#8217;`, `&nbsp;`) decoded before parsing: the parser
 * makes a text node of each, and a page written with thousands of them became thousands of
 * nodes that every later step walks. `&lt;`, `&amp;` and the like are left to the parser.
 */
function decodeTypography(raw: string): string {
  return raw.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g, (m, dec: string, hex: string, name: string) => {
    let ch: string | undefined;
    if (name) ch = NAMED[name];
    else {
      const code = dec ? Number(dec) : parseInt(hex, 16);
      ch =
        code > 0x1f && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && !(code >= 0x7f && code <= 0x9f)
          ? String.fromCodePoint(code)
          : undefined;
    }
    return ch === undefined || MARKUP.has(ch) ? m : ch;
  });
}

/**
 * Scripts (but JSON-LD) and style sheets taken out before parsing: they are most of a
 * modern page's bytes, and nothing in them is text.
 */
function withoutCode(raw: string): string {
  return raw.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '').replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '');
}

/** A whole document for linkedom, whatever the file holds (fragments lose their body otherwise). */
function wholeDocument(raw: string): string {
  if (/<body[\s>]/i.test(raw)) return raw;
  const head = /<\/head\s*>/i.exec(raw);
  if (head) {
    const at = head.index + head[0].length;
    return `${raw.slice(0, at)}<body>${raw.slice(at).replace(/<\/html\s*>\s*$/i, '')}</body></html>`;
  }
  const html = /<html\b[^>]*>/i.exec(raw)?.[0] ?? '<html>';
  return `<!doctype html>${html}<head></head><body>${raw.replace(/<!doctype[^>]*>|<\/?html\b[^>]*>/gi, '')}</body></html>`;
}

interface PageFacts {
  tags: Map<string, string[]>;
  jsonLd: {
    type?: string;
    headline?: string;
    authors?: string[];
    published?: string;
    modified?: string;
    publisher?: string;
    url?: string;
    language?: string;
    isPartOf?: string;
    isbn?: string;
  };
  title?: string;
  lang?: string;
  canonical?: string;
  h1s: string[];
  time?: string;
  savedFrom?: string;
  savedOn?: string;
  archived?: string;
  /** A "Retrieved on …" or "Accessed …" line on the page, outside lists and citations. */
  accessedLine?: string;
  /** The address that line names ("… from https://…"). */
  accessedFrom?: string;
}

function text(el: { textContent: string | null } | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A JSON-LD value's names: a string, an object with `name`, or a list of either. */
function names(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return [(value as { name: string }).name];
  return [];
}

function readJsonLd(doc: Doc): PageFacts['jsonLd'] {
  const found: Record<string, unknown>[] = [];
  const collect = (v: unknown, depth = 0) => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => collect(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (o['@graph']) collect(o['@graph'], depth + 1);
    if (o['@type']) found.push(o);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')));
    } catch {
      // A page's broken JSON-LD is not the article's problem.
    }
  }
  const typeOf = (o: Record<string, unknown>) => [o['@type']].flat().join(' ');
  const article =
    found.find((o) => /Article|BlogPosting|Report|SocialMediaPosting|Chapter|Book|Thesis/.test(typeOf(o))) ??
    found.find((o) => /WebPage|CreativeWork/.test(typeOf(o)));
  if (!article) return {};
  const str = (v: unknown) => (typeof v === 'string' ? cleanText(v) : undefined);
  const authors = names(article.author ?? article.creator)
    .map((n) => cleanText(n))
    .filter((n): n is string => !!n);
  const url = str(article.url) ?? str((article.mainEntityOfPage as { '@id'?: unknown } | undefined)?.['@id']) ?? str(article.mainEntityOfPage);
  return {
    type: typeOf(article),
    headline: str(article.headline) ?? str(article.name),
    authors: authors.length ? authors : undefined,
    isPartOf: names(article.isPartOf)[0] ? cleanText(names(article.isPartOf)[0]) : undefined,
    isbn: str(article.isbn),
    published: str(article.datePublished) ?? str(article.dateCreated),
    modified: str(article.dateModified),
    publisher: names(article.publisher)[0] ? cleanText(names(article.publisher)[0]) : undefined,
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    language: str(article.inLanguage),
  };
}

/** What the page says about itself, read before anything is removed. */
function pageFacts(doc: Doc, raw: string): PageFacts {
  const tags = new Map<string, string[]>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content');
    if (key && content !== null) tags.set(key, [...(tags.get(key) ?? []), content]);
  }
  const canonical =
    Array.from(doc.querySelectorAll('link[rel]'))
      .find((l) => /\bcanonical\b/i.test(l.getAttribute('rel') ?? ''))
      ?.getAttribute('href') ?? undefined;
  const time =
    doc.querySelector('time[itemprop~="datePublished"][datetime], time[pubdate][datetime]') ??
    doc.querySelector('article time[datetime], main time[datetime], header time[datetime]') ??
    doc.querySelector('time[datetime]');
  // What saved copies write: Chrome's and IE's "saved from url", SingleFile's header, the Wayback Machine's footer.
  const savedFrom =
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(raw.slice(0, 2000))?.[1] ??
    /Page saved with SingleFile[\s\S]{0,40}?url:\s*(\S+)/i.exec(raw.slice(0, 4000))?.[1];
  const savedOn = /Page saved with SingleFile[\s\S]{0,600}?saved date:\s*([^\n]+?)\s*(?:\n|-->)/i.exec(raw.slice(0, 4000))?.[1];
  let accessed: string | undefined;
  let accessedFrom: string | undefined;
  const lines = /\b(?:retrieved|accessed|abgerufen|consulté)\b/i.test(raw)
    ? Array.from(doc.querySelectorAll('p, div, small, span, em, footer, address'))
    : [];
  for (const el of lines) {
    // Only elements holding a line, not a wrapper of the page: its text is read once.
    if (el.querySelector('div, p, li, table')) continue;
    const line = text(el);
    if (line.length > 200 || !/^(?:last )?(?:retrieved|accessed|date accessed|abgerufen|consulté)/i.test(line)) continue;
    const found = accessedLine(line);
    if (found && dateOf(found.date) && !el.closest('li, cite, sup, .reference, .citation, .references')) {
      accessed = found.date;
      accessedFrom = found.url;
      break;
    }
  }
  const archived = /FILE ARCHIVED ON \d\d:\d\d:\d\d ([A-Z][a-z]{2} \d{1,2}, \d{4})/.exec(raw.slice(-20000))?.[1];
  return {
    tags,
    jsonLd: readJsonLd(doc),
    title: text(doc.querySelector('title')) || undefined,
    lang: doc.documentElement?.getAttribute('lang') ?? undefined,
    canonical: canonical ?? undefined,
    h1s: Array.from(doc.querySelectorAll('h1'))
      .map((h) => text(h))
      .filter(Boolean),
    time: time?.getAttribute('datetime') ?? undefined,
    savedFrom: savedFrom && /^https?:\/\//i.test(savedFrom) ? savedFrom : undefined,
    savedOn,
    archived,
    accessedLine: accessed,
    accessedFrom,
  };
}

/** A date as EDTF, from the forms pages and saved copies write ("Tue Mar 05 2024 10:00:00 GMT+0100" too). */
function dateOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const direct = toEdtf(raw);
  if (direct) return direct;
  const m = MONTH_DAY_YEAR.exec(raw);
  return m ? toEdtf(`${m[1]} ${m[2]}, ${m[3]}`) : undefined;
}

/** Removes what is page furniture on any page, so that Readability never weighs it. */
function removeChrome(doc: Doc): void {
  const body = doc.body;
  if (!body) return;
  const remove = (el: DomElement) => (el as unknown as { remove(): void }).remove();
  for (const el of Array.from(body.querySelectorAll(CHROME_SELECTOR))) {
    if (el.getAttribute('type') === 'application/ld+json') continue;
    remove(el);
  }
  for (const el of Array.from(body.querySelectorAll('header, footer, aside'))) {
    if (!el.closest('article, main, [role="main"]')) remove(el);
  }
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (!CHROME_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) continue;
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue;
    if ((el.textContent ?? '').length > 1500 || el.querySelector('h1, article, main')) continue;
    remove(el);
  }
  for (const a of Array.from(body.querySelectorAll('a'))) {
    if (/^\s*(?:skip to|jump to)\b/i.test(a.textContent ?? '')) remove(a);
  }
}

const NOTE_ID = /^(?:_?ftn|_?edn|fn|footnote|endnote|cite_note|note|en)[-_:.]?\d|^(?:footnote|endnote|cite_note)[-_]/i;
const NOTES_CLASS = /(?:^|[\s_-])(?:footnotes|endnotes|references|reflist|notes)(?:$|[\s_-])/i;

/**
 * The sections holding the notes the text's references point to, copied before Readability
 * runs: it often leaves them out of the article, and the notes belong to the text.
 */
function noteSections(doc: Doc): DomElement[] {
  const body = doc.body;
  if (!body) return [];
  const ids = new Map<string, DomElement>();
  for (const el of Array.from(body.querySelectorAll('[id], a[name]'))) {
    const key = el.id || el.getAttribute('name') || '';
    if (key && !ids.has(key)) ids.set(key, el);
  }
  const sections: DomElement[] = [];
  for (const a of Array.from(body.querySelectorAll('a[href^="#"]'))) {
    const target = ids.get(decodeURIComponent((a.getAttribute('href') ?? '').slice(1)));
    if (!target) continue;
    const li = target.tagName === 'LI' ? target : target.closest('li');
    const named = [target.id, target.getAttribute('name') ?? '', li?.id ?? '', (target.parentNode as DomElement | null)?.id ?? ''].some((x) =>
      NOTE_ID.test(x),
    );
    if (!named) continue;
    let section: DomElement | null = li ? (li.parentNode as DomElement) : target;
    // Up to the wrapper that names itself a notes section, if there is one close by.
    for (let e = section, depth = 0; e && e.nodeType === 1 && depth < 3; e = e.parentNode as DomElement, depth++) {
      if (e.tagName === 'BODY' || e.tagName === 'ARTICLE' || e.tagName === 'MAIN') break;
      if (NOTES_CLASS.test(`${e.getAttribute('class') ?? ''} ${e.id}`) || /doc-(?:end|foot)notes/.test(e.getAttribute('role') ?? '')) section = e;
    }
    if (!li && section === target) section = (target.closest('div[id], section, aside, footer') as DomElement | null) ?? target;
    if (section.contains(a) || sections.some((s) => s === section || s.contains(section!))) continue;
    for (let i = sections.length - 1; i >= 0; i--) if (section.contains(sections[i]!)) sections.splice(i, 1);
    sections.push(section);
  }
  return sections.map((s) => (s as unknown as { cloneNode(deep: boolean): DomElement }).cloneNode(true));
}

/** Puts back the notes sections the article lost. */
function restoreNotes(content: DomElement, sections: DomElement[]): void {
  const present = new Set(Array.from(content.querySelectorAll('[id], a[name]')).map((e) => e.id || e.getAttribute('name')));
  for (const section of sections) {
    const ids = Array.from(section.querySelectorAll('[id], a[name]')).map((e) => e.id || e.getAttribute('name'));
    if (section.id) ids.push(section.id);
    if (ids.some((id) => present.has(id))) continue;
    (content as unknown as { appendChild(n: unknown): void }).appendChild(section);
  }
}

/** How deep elements nest below `root` (counted without recursion). */
function depthOf(root: DomElement): number {
  let deepest = 0;
  const stack: [DomElement, number][] = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_DEPTH) break;
    const kids = el.children;
    for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, depth + 1]);
  }
  return deepest;
}

/** Characters that are not white space: enough to weigh one part of a page against another. */
function letters(s: string): number {
  return s.replace(/\s+/g, '').length;
}

function similar(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const x = norm(a);
  const y = norm(b);
  return !!x && !!y && (x === y || (x.length > 10 && y.includes(x)) || (y.length > 10 && x.includes(y)));
}

/** "Title - Site" as "Title" when the page's own heading says so. */
function withoutSiteName(title: string | undefined, headings: string[]): string | undefined {
  if (!title) return title;
  for (const h of headings) {
    const rest = title.startsWith(h) ? title.slice(h.length) : '';
    if (rest && rest.length < 80 && /^\s+[-|–—·:»]\s+\S/.test(rest)) return h;
  }
  return title;
}

/** The byline as a name: "By " and what follows a separator (a date, a job) dropped. */
function cleanByline(byline: string | null | undefined): string | undefined {
  const s = cleanText(byline)
    ?.replace(/^by:?\s+/i, '')
    .split(/\s+[|•·–—]\s+|\n/)[0]
    ?.trim()
    .replace(/[,;]$/, '');
  if (!s || s.length > 100 || /\d{4}/.test(s) || /^https?:/i.test(s)) return undefined;
  return s;
}

export interface WebResult extends HtmlResult {
  /** How the text was found: Readability's article, or the whole page. */
  reading: 'article' | 'page';
}

export function readWebPage(raw: string): WebResult {
  const { document } = parseHTML(wholeDocument(decodeTypography(withoutCode(raw)))) as unknown as { document: Doc };
  // Adjacent text nodes (what entities left) joined: Readability weighs text node by node.
  (document.documentElement as unknown as { normalize?(): void } | null)?.normalize?.();
  const facts = pageFacts(document, raw);
  removeChrome(document);
  const notes = noteSections(document);
  const pageChars = letters(document.body?.textContent ?? '');
  let article: ReturnType<Readability<DomElement>['parse']> = null;
  let found: { text: string; spans: Span[] } | null = null;
  try {
    // A page too deeply nested, or with no blocks to choose between, is read whole.
    if (!document.body || depthOf(document.body) > MAX_DEPTH) throw new Error('too deep');
    if (document.body.querySelectorAll('p, pre, td, article, section, h2, h3, h4, blockquote, li').length < 3) throw new Error('no blocks');
    // A page shorter than an article has nothing to leave out once its furniture is gone (and Readability, finding no article, would try four times).
    if (pageChars < ARTICLE_CHARS) throw new Error('short page');
    const readerable = isProbablyReaderable(document as never);
    article = new Readability<DomElement>(document as never, { keepClasses: true, serializer: (n) => n as unknown as DomElement }).parse();
    const content = article?.content;
    if (content) {
      const chars = letters(content.textContent ?? '');
      let linked = 0;
      for (const a of Array.from(content.querySelectorAll('a'))) linked += letters(a.textContent ?? '');
      const isArticle =
        chars > 0 && linked <= chars * 0.5 && (chars >= ARTICLE_CHARS ? readerable || chars >= pageChars * 0.3 : chars >= pageChars * 0.5);
      if (isArticle) {
        restoreNotes(content, notes);
        found = readBlocks(content, { web: true });
        if (!found.text.trim()) found = null;
      }
    }
  } catch {
    // Markup Readability cannot take (nesting too deep for it, say): the page is read whole.
    found = null;
  }

  const curated = firstOf(facts, ['citation_title', 'dc.title', 'dcterms.title']);
  const title =
    curated ??
    withoutSiteName(firstOf(facts, ['og:title']) ?? facts.jsonLd.headline ?? cleanText(article?.title) ?? facts.title ?? facts.h1s[0], facts.h1s);
  let result: { text: string; spans: Span[] };
  let reading: WebResult['reading'];
  if (found) {
    reading = 'article';
    result = found;
    // Readability takes the heading that repeats the title out of the article; the text keeps it.
    const lead = facts.h1s.find((h) => similar(h, title ?? '') || similar(h, article?.title ?? ''));
    const first = result.spans[0];
    if (lead && !(first && first.kind === 'heading' && similar(result.text.slice(first.start, first.end), lead))) result = prepend(lead, result);
  } else {
    reading = 'page';
    const page = readHtml(raw);
    result = { text: page.text, spans: page.spans };
  }

  const isUrl = (v?: string) => (v && /^https?:\/\//i.test(v) ? v : undefined);
  const published =
    firstOf(facts, [
      'citation_publication_date',
      'citation_date',
      'citation_online_date',
      'dc.date',
      'dcterms.date',
      'dcterms.issued',
      'article:published_time',
      'datepublished',
      'date',
    ]) ??
    facts.jsonLd.published ??
    cleanText(article?.publishedTime) ??
    facts.time;
  // The page's own address, best first; a hosting site's (where the file was downloaded from) only when there is no other.
  const urls = [
    firstOf(facts, ['citation_public_url', 'citation_abstract_html_url', 'citation_fulltext_html_url']),
    isUrl(firstOf(facts, ['dc.identifier', 'dcterms.identifier'])),
    isUrl(firstOf(facts, ['og:url'])),
    isUrl(facts.canonical),
    facts.jsonLd.url,
    facts.savedFrom,
    facts.accessedFrom,
  ].filter((u): u is string => !!u && /^https?:\/\//i.test(u));
  const origin = urls.find((u) => !isHostingSite(u)) ?? urls[0];
  const siteName = firstOf(facts, ['og:site_name', 'application-name']) ?? facts.jsonLd.publisher ?? cleanText(article?.siteName);
  const journal = firstOf(facts, ['citation_journal_title', 'prism.publicationname']);
  const book = firstOf(facts, ['citation_inbook_title', 'citation_book_title']);
  const conference = firstOf(facts, ['citation_conference_title']);
  const firstPage = firstOf(facts, ['citation_firstpage', 'prism.startingpage']);
  const lastPage = firstOf(facts, ['citation_lastpage', 'prism.endingpage']);
  const doi =
    firstOf(facts, ['citation_doi', 'prism.doi', 'dc.identifier.doi', 'bepress_citation_doi']) ??
    [firstOf(facts, ['dc.identifier', 'dcterms.identifier'])].find((v) => v && /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\//i.test(v));
  const ldType = facts.jsonLd.type ?? '';
  const ogType = firstOf(facts, ['og:type']);
  const type: CslType = journal
    ? 'article-journal'
    : conference
      ? 'paper-conference'
      : book
        ? 'chapter'
        : firstOf(facts, ['citation_dissertation_institution'])
          ? 'thesis'
          : firstOf(facts, ['citation_technical_report_institution'])
            ? 'report'
            : /NewsArticle|ReportageNewsArticle/.test(ldType)
              ? 'article-newspaper'
              : /BlogPosting/.test(ldType)
                ? 'post-weblog'
                : /ScholarlyArticle/.test(ldType)
                  ? 'article-journal'
                  : /\bChapter\b/.test(ldType)
                    ? 'chapter'
                    : /\bBook\b/.test(ldType) || ogType === 'book' || firstOf(facts, ['citation_isbn'])
                      ? 'book'
                      : /\bReport\b/.test(ldType)
                        ? 'report'
                        : /Thesis/.test(ldType)
                          ? 'thesis'
                          : 'webpage';
  const accessedRaw =
    firstOf(facts, ['accessed', 'dc.date.accessed', 'dcterms.dateaccessed', 'citation_access_date', 'date_accessed']) ??
    facts.savedOn ??
    facts.accessedLine;
  const meta: Metadata = {
    type,
    title,
    author:
      allNames(facts, ['citation_author', 'dc.creator', 'dcterms.creator', 'author', 'article:author', 'byl']) ??
      facts.jsonLd.authors ??
      cleanByline(article?.byline),
    editor: allNames(facts, ['citation_editor', 'dc.contributor.editor']),
    date: published,
    accessed: accessedRaw ? (dateOf(accessedRaw) ?? accessedRaw) : undefined,
    origin,
    urls,
    language:
      firstOf(facts, ['citation_language', 'dc.language', 'dcterms.language']) ??
      cleanText(facts.lang) ??
      facts.jsonLd.language ??
      cleanText(article?.lang),
    containerTitle:
      journal ??
      book ??
      conference ??
      facts.jsonLd.isPartOf ??
      (type === 'webpage' || type === 'post-weblog' || type === 'article-newspaper' ? siteName : undefined),
    publisher:
      firstOf(facts, [
        'citation_publisher',
        'dc.publisher',
        'dcterms.publisher',
        'citation_dissertation_institution',
        'citation_technical_report_institution',
      ]) ?? (journal || type === 'book' || type === 'report' ? facts.jsonLd.publisher : undefined),
    volume: firstOf(facts, ['citation_volume', 'prism.volume']),
    issue: firstOf(facts, ['citation_issue', 'prism.number', 'prism.issueidentifier']),
    page: firstPage ? (lastPage && lastPage !== firstPage ? `${firstPage}–${lastPage}` : firstPage) : undefined,
    doi,
    isbn: firstOf(facts, ['citation_isbn', 'book:isbn']) ?? facts.jsonLd.isbn,
  };

  const extra: Record<string, unknown> = {};
  for (const k of ['citation_journal_title', 'citation_publisher', 'citation_doi', 'dc.publisher', 'og:site_name', 'description']) {
    const v = facts.tags.get(k)?.[0];
    if (v && cleanText(v)) extra[k] = cleanText(v);
  }
  if (siteName) extra.siteName = siteName;
  if (facts.canonical && isUrl(facts.canonical)) extra.canonical = facts.canonical;
  const modified = firstOf(facts, ['article:modified_time', 'dcterms.modified', 'datemodified', 'last-modified']) ?? facts.jsonLd.modified;
  if (modified) extra.modified = dateOf(modified) ?? modified;
  if (meta.accessed) extra.accessed = meta.accessed;
  const wayback = /^https?:\/\/web\.archive\.org\/web\/(\d{4})(\d{2})(\d{2})/.exec(origin ?? '');
  const archived = wayback ? `${wayback[1]}-${wayback[2]}-${wayback[3]}` : dateOf(facts.archived);
  if (archived) extra.archived = archived;
  if (facts.savedFrom) extra.savedFrom = facts.savedFrom;
  extra.reading = reading;
  return { text: result.text, spans: result.spans, meta, extra, reading };

  function firstOf(f: PageFacts, keys: string[]): string | undefined {
    for (const k of keys) {
      const v = f.tags
        .get(k)
        ?.map((x) => cleanText(x))
        .find(Boolean);
      if (v) return v;
    }
    return undefined;
  }
  /** Every value of the first key that has names: one name per tag (citation_author is written once per author). */
  function allNames(f: PageFacts, keys: string[]): string[] | undefined {
    for (const k of keys) {
      const v = f.tags
        .get(k)
        ?.map((x) => cleanText(x))
        .filter((x): x is string => !!x && !/^https?:\/\//i.test(x));
      if (v && v.length) return v;
    }
    return undefined;
  }
}

/** The text with a heading put before it: every offset moves. */
function prepend(heading: string, r: { text: string; spans: Span[] }): { text: string; spans: Span[] } {
  const lead = heading.normalize('NFC');
  const by = lead.length + 2;
  const spans: Span[] = [{ start: 0, end: lead.length, kind: 'heading' }];
  for (const s of r.spans) {
    const moved: Span = { ...s, start: s.start + by, end: s.end + by };
    if (s.info?.cells) moved.info = { ...s.info, cells: s.info.cells.map(([a, b]) => [a + by, b + by]) };
    spans.push(moved);
  }
  return { text: `${lead}\n\n${r.text}`, spans };
}
