/**
 * What surrounds a saved web page's text rather than telling it: page chrome ("Skip to main
 * content", "Toggle menu", cookie notices, "Share this", a line of `* Link * Link * Link`),
 * and the sections that only point elsewhere ("See also", "References", "External links").
 * Both readers (plain text and Markdown) make such text 'apparatus' passages: kept, so no
 * word of the file is hidden and a wrong guess costs nothing but styling, but set apart in
 * the reader, ranked last by search and left out of comparisons.
 */

/** Short lines that are a page's controls, not its text. */
const CHROME_PHRASE = new RegExp(
  String.raw`^(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search|footer|menu|article)|jump\s+to\s+(?:the\s+)?(?:navigation|search|content|main\s+content)|toggle\s+(?:the\s+)?(?:menu|navigation|search|sidebar|table\s+of\s+contents|dark\s+mode|theme)|(?:main|site|open|close)\s+(?:menu|navigation)|menu|navigation|search(?:\s+this\s+site)?|sign\s+(?:in|up)|log\s*(?:in|out)|subscribe(?:\s+now)?|newsletter|share(?:\s+this(?:\s+(?:article|page|story|post))?)?(?:\s+on\s+\w+)?|share\s+via\s+\w+|tweet|print(?:\s+this\s+page)?|e-?mail\s+this(?:\s+page)?|advertisement|sponsored|back\s+to\s+top|scroll\s+to\s+top|read\s+more|continue\s+reading|related\s+(?:articles|posts|stories)|you\s+may\s+also\s+like|table\s+of\s+contents|contents|hide|show|edit|edit\s+links|view\s+history|talk|privacy\s+policy|terms\s+of\s+(?:use|service)|all\s+rights\s+reserved|copyright\b.*|©.*|from\s+wikipedia,\s+the\s+free\s+encyclopedia)[\s.:!|»›→]*$`,
  'i',
);

/** A cookie or consent notice. */
const COOKIES = /\bcookies?\b/i;
const CONSENT = /\b(?:we\s+use|this\s+(?:web)?site\s+uses|uses\s+cookies|accept|consent|agree|preferences|settings|policy|opt[\s-]?out)\b/i;

/** Separators of a run of links on one line: "* Home * News * About", "Home | News | About". */
const LINK_RUN_SEPARATOR = /\s+[*•·|»›]\s+|\s+\/\s+/;

/** Markdown's inline marks, dropped before a line is judged. */
function plain(line: string): string {
  return line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~|`)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s](?:[^*_]*?[^*_\s])?)[*_](?!\w)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A cheap first test: what chrome starts with, or holds somewhere. */
const MAYBE_CHROME =
  /^[\s*•·|>[_-]*(?:skip|jump|toggle|main|site|open|close|menu|navigation|search|sign|log|subscribe|newsletter|share|tweet|print|e-?mail|advertisement|sponsored|back|scroll|read|continue|related|you|table|contents|hide|show|edit|view|talk|privacy|terms|all|copyright|©|from)|ookie| [*•·»›] /i;

/** Whether a line (or a one-line passage) is page chrome of a saved web page. */
export function isChrome(text: string): boolean {
  if (text.length > 400 || !MAYBE_CHROME.test(text) || text.includes('\n\n')) return false;
  const line = plain(text).replace(/^(?:[*•·|>-]\s+)+/, '');
  if (!line) return false;
  if (line.length <= 80 && CHROME_PHRASE.test(line)) return true;
  // A run of the first parts: "Skip to main content * Skip to search * Toggle menu".
  const parts = line
    .split(LINK_RUN_SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length >= 2 && CHROME_PHRASE.test(parts[0]!) && parts.every((p) => p.length <= 60)) return true;
  if (COOKIES.test(line) && CONSENT.test(line) && line.length <= 400 && !/\d{3,}/.test(line)) return true;
  // Three or more short labels on one line, none a sentence, between bullets: a menu.
  const bulleted = line
    .split(/\s+[*•·»›]\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (bulleted.length >= 3 && bulleted.every((p) => p.split(' ').length <= 4 && !/[.!?;,]$/.test(p) && !/\d{3,}/.test(p))) return true;
  return false;
}

/**
 * Headings of sections that only point elsewhere: what follows them, to the next heading of
 * the same or a higher level, is apparatus.
 */
export const APPARATUS_HEADING =
  /^(?:\d+(?:\.\d+)*\.?\s+)?(?:see\s+also|references?|external\s+links?|links|notes(?:\s+and\s+references)?|footnotes|endnotes|citations|sources(?:\s+and\s+further\s+reading)?|further\s+reading|bibliography|select(?:ed)?\s+bibliography|works\s+cited|literature|additional\s+resources|resources|related\s+(?:articles|links|posts|pages|reading)|read\s+more|share\s+this|navigation\s+menu|categories|bibliography\s+of\s+.{1,80})\s*:?\s*$/i;

/** Headings whose numbered entries are the notes the text's markers point to. */
export const NOTES_HEADING = /^(?:\d+(?:\.\d+)*\.?\s+)?(?:notes(?:\s+and\s+references)?|references?|footnotes|endnotes|citations)\s*:?\s*$/i;
