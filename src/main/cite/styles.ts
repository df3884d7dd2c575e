/**
 * CSL styles: those shipped in resources/csl/, and a user's own `.csl` file, checked before use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../paths';

export { BUILTIN_STYLES, type BuiltinStyleId, DEFAULT_STYLE } from '../../shared/styles';
import { BUILTIN_STYLES, type BuiltinStyleId, DEFAULT_STYLE } from '../../shared/styles';

/** A CSL style ready for the formatter. */
export interface CslStyle {
  /** The style's `<id>` (a URI for the shipped ones), or the file's name if it has none. */
  id: string;
  title: string;
  /** `note`: citations are footnotes; `in-text`: parenthetical (author-date, numeric). */
  class: 'note' | 'in-text';
  xml: string;
}

/** A style that is not a usable CSL style; the message names the problem. */
export class CslStyleError extends Error {
  override name = 'CslStyleError';
}

const CSL_NS = 'http://purl.org/net/xbiblio/csl';

export function cslDir(): string {
  return path.join(resourcesDir(), 'csl');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first nesting problem in an XML text (unclosed, mismatched or stray tags), or null. */
function xmlNestingProblem(xml: string): string | null {
  const stack: Array<{ name: string; at: number }> = [];
  const tag =
    /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|</g;
  let roots = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [whole, close, name, , selfClose] = m;
    if (whole.startsWith('<!--')) {
      if (!whole.endsWith('-->')) return `an unclosed comment at line ${lineAt(xml, m.index)}`;
      continue;
    }
    if (whole.startsWith('<![CDATA[') || whole.startsWith('<?') || whole.startsWith('<!DOCTYPE')) continue;
    if (!name) return `a "<" that starts no tag at line ${lineAt(xml, m.index)}`;
    if (close) {
      const open = stack.pop();
      if (!open) return `a closing </${name}> with nothing open at line ${lineAt(xml, m.index)}`;
      if (open.name !== name) {
        return `<${open.name}> (line ${lineAt(xml, open.at)}) closed by </${name}> at line ${lineAt(xml, m.index)}`;
      }
      continue;
    }
    if (stack.length === 0) {
      roots++;
      if (roots > 1) return `a second top-level element <${name}> at line ${lineAt(xml, m.index)}`;
    }
    if (!selfClose) stack.push({ name, at: m.index });
  }
  const open = stack.pop();
  if (open) return `<${open.name}> opened at line ${lineAt(xml, open.at)} is never closed`;
  return null;
}

function attr(tagText: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tagText);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeXmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/**
 * Checks that `xml` is an independent CSL 1.0 style and reads its id, title and class.
 * Throws a CslStyleError naming the problem (prefixed with `source`, e.g. the file name).
 */
export function loadStyle(xml: string, source = 'The style'): CslStyle {
  const fail = (problem: string): never => {
    throw new CslStyleError(`${source} is not a CSL style: ${problem}.`);
  };
  if (typeof xml !== 'string' || !xml.trim()) fail('it is empty');
  const text = xml.replace(/^\uFEFF/, '');
  // The root element: the first tag that is not a declaration, comment or processing instruction.
  const root = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(text);
  if (!root) fail(/^\s*[{[]/.test(text) ? 'it looks like JSON, not XML' : 'it does not start with an XML element');
  const [, rootName, rootAttrs] = root as RegExpExecArray;
  if (rootName !== 'style') {
    fail(`its root element is <${rootName}>, not <style>${rootName === 'locale' ? ' (this is a CSL locale file)' : ''}`);
  }
  const ns = attr(rootAttrs ?? '', 'xmlns');
  if (ns !== CSL_NS) fail(ns ? `its <style> is in the namespace "${ns}", not "${CSL_NS}"` : `its <style> has no xmlns="${CSL_NS}"`);
  const version = attr(rootAttrs ?? '', 'version');
  if (!version) fail('its <style> has no version attribute');
  if (!/^1\.0(\.\d+)?$/.test(version as string)) fail(`it is CSL version ${version}; only CSL 1.0 styles can be used`);
  const cls = attr(rootAttrs ?? '', 'class');
  if (cls !== 'note' && cls !== 'in-text') fail(cls ? `its class is "${cls}", not "note" or "in-text"` : 'its <style> has no class attribute');
  const nesting = xmlNestingProblem(text);
  if (nesting) fail(`the XML is not well formed (${nesting})`);
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const parent = /<link\b[^>]*\brel\s*=\s*["']independent-parent["'][^>]*>/.exec(body);
  if (parent && !/<citation\b/.test(body)) {
    const href = attr(parent[0], 'href');
    fail(`it is a dependent style that only points to its parent${href ? ` (${href})` : ''}; use the parent style's file instead`);
  }
  if (!/<info\b/.test(body)) fail('it has no <info> element');
  if (!/<citation\b/.test(body)) fail('it has no <citation> element');
  if (/<citation\b[^>]*\/>/.test(body) || !/<citation\b[\s\S]*?<layout\b[\s\S]*?<\/citation>/.test(body)) {
    fail('its <citation> has no <layout>');
  }
  const bib = /<bibliography\b[\s\S]*?<\/bibliography>/.exec(body);
  if (bib && !/<layout\b/.test(bib[0])) fail('its <bibliography> has no <layout>');
  const info = /<info\b[\s\S]*?<\/info>/.exec(body)?.[0] ?? '';
  const id = decodeXmlText(/<id>([\s\S]*?)<\/id>/.exec(info)?.[1]?.trim() ?? '');
  const title = decodeXmlText(/<title>([\s\S]*?)<\/title>/.exec(info)?.[1]?.trim() ?? '');
  return { id: id || source, title: title || id || source, class: cls as 'note' | 'in-text', xml: text };
}

const builtinCache = new Map<string, CslStyle>();

/** A shipped style by its id (see BUILTIN_STYLES), read from `dir` (resources/csl/ by default). */
export function builtinStyle(id: BuiltinStyleId = DEFAULT_STYLE, dir = cslDir()): CslStyle {
  const entry = BUILTIN_STYLES.find((s) => s.id === id);
  if (!entry) throw new CslStyleError(`There is no shipped style "${id}".`);
  const file = path.join(dir, entry.file);
  const cached = builtinCache.get(file);
  if (cached) return cached;
  const style = loadStyle(fs.readFileSync(file, 'utf8'), entry.file);
  builtinCache.set(file, style);
  return style;
}

const localeCache = new Map<string, string | null>();

/**
 * The locale XML for a language (`en-US`), from `dir`; null if not shipped. Only `en-US` is
 * shipped: citeproc falls back to it for any other language.
 */
export function localeXml(lang: string, dir = cslDir()): string | null {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) return null;
  const file = path.join(dir, `locales-${lang}.xml`);
  if (!localeCache.has(file)) {
    let xml: string | null = null;
    try {
      xml = fs.readFileSync(file, 'utf8');
    } catch {
      xml = null;
    }
    localeCache.set(file, xml);
  }
  return localeCache.get(file) ?? null;
}
