/**
 * citeproc's HTML output to Markdown: italics as `*…*`, bold as `**…**`, URLs as autolinks
 * (`<https://…>`), and every other character of the text escaped (by default) so that
 * CommonMark shows it as written.
 */

/** A run of text with one formatting. */
interface Run {
  text: string;
  italic: boolean;
  bold: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeHtmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * Backslash-escapes what CommonMark (and GFM) would read as markup inside a line of text:
 * emphasis, code, links and images, autolinks and HTML, entities, tables, strikethrough; and
 * what Pandoc's Markdown would: citations (`@`), math (`$`), super- and subscripts (`^`, `~`).
 * Every one is ASCII punctuation, whose backslash escape CommonMark shows as the bare character.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<&|~@$^]/g, '\\$&');
}

/** Escapes what would start a block at the beginning of a line: headings, quotes, lists, rules. */
function guardLineStart(markdown: string): string {
  return markdown.replace(/^(\s*)(?:([#>+=-])|(\d{1,9})([.)]))/, (_w, sp: string, mark?: string, num?: string, delim?: string) =>
    mark ? `${sp}\\${mark}` : `${sp}${num}\\${delim}`,
  );
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/g;

/**
 * Text with its URLs as CommonMark autolinks (`<https://…>`), the rest escaped. An escaped URL
 * would still show right, but GitHub's bare-URL links would keep the backslashes in the
 * address. A URL's final punctuation (the sentence's) and an unmatched `)` stay outside.
 */
function escapeWithLinks(text: string, escape: (text: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    let url = m[0];
    for (;;) {
      const trimmed = url.replace(/[.,;:!?'"”’\]*]+$/, '');
      const opens = (trimmed.match(/\(/g) ?? []).length;
      const closes = (trimmed.match(/\)/g) ?? []).length;
      const next = trimmed.endsWith(')') && closes > opens ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    const at = m.index ?? 0;
    if (url.length <= 'https://'.length) continue;
    out += escape(text.slice(last, at)) + `<${url}>`;
    last = at + url.length;
  }
  return out + escape(text.slice(last));
}

/** citeproc HTML (one citation or one bibliography entry) as formatted runs. */
function htmlRuns(html: string): Run[] {
  const runs: Run[] = [];
  const stack: Array<{ tag: string; italic: boolean; bold: boolean }> = [];
  let italic = false;
  let bold = false;
  const token = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>|([^<]+)|</gi;
  let pendingSpace = false;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [whole, close, tagName, attrs, text] = m;
    if (text !== undefined || whole === '<') {
      let t = decodeHtmlEntities(text ?? '<').replace(/\s*\n\s*/g, ' ');
      if (pendingSpace && t && !/^\s/.test(t) && runs.length && !/\s$/.test(runs[runs.length - 1]?.text ?? '')) t = ` ${t}`;
      pendingSpace = false;
      if (t) runs.push({ text: t, italic, bold });
      continue;
    }
    const tag = (tagName ?? '').toLowerCase();
    if (tag === 'br') {
      runs.push({ text: ' ', italic, bold });
      continue;
    }
    if (close) {
      // Unwind to the matching open tag; stray closing tags are ignored.
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) {
        const state = stack[at] as { italic: boolean; bold: boolean };
        italic = state.italic;
        bold = state.bold;
        stack.length = at;
      }
      // Between a numeric style's label and its entry (csl-left-margin, csl-right-inline).
      if (tag === 'div') pendingSpace = true;
      continue;
    }
    stack.push({ tag, italic, bold });
    const style = (/style\s*=\s*"([^"]*)"/i.exec(attrs ?? '')?.[1] ?? '').replace(/\s/g, '').toLowerCase();
    if (tag === 'i' || tag === 'em' || style.includes('font-style:italic') || style.includes('font-style:oblique')) italic = true;
    if (style.includes('font-style:normal')) italic = false;
    if (tag === 'b' || tag === 'strong' || style.includes('font-weight:bold')) bold = true;
    if (style.includes('font-weight:normal')) bold = false;
  }
  return runs;
}

/** Plain text from citeproc HTML. */
export function htmlToText(html: string): string {
  return htmlRuns(html)
    .map((r) => r.text)
    .join('')
    .trim();
}

/**
 * Markdown from citeproc HTML; `escape` escapes plain text (escapeMarkdown by default; pass the
 * exporter's own to match the rest of a document).
 */
export function htmlToMarkdown(html: string, escape: (text: string) => string = escapeMarkdown): string {
  const runs = htmlRuns(html);
  // Merge neighbours with the same formatting, so that "*a**b*" never happens.
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.italic === r.italic && last.bold === r.bold) last.text += r.text;
    else merged.push({ ...r });
  }
  let out = '';
  for (const r of merged) {
    const marker = (r.bold ? '**' : '') + (r.italic ? '*' : '');
    if (!marker || !r.text.trim()) {
      out += escapeWithLinks(r.text, escape);
      continue;
    }
    // Emphasis markers must touch the text: spaces go outside them.
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text) as RegExpExecArray;
    const closing = marker.split('').reverse().join('');
    out += `${m[1]}${marker}${escapeWithLinks(m[2] ?? '', escape)}${closing}${m[3]}`;
  }
  return guardLineStart(out.trim());
}
