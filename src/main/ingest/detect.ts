/**
 * Whether a `.txt` file is really Markdown, decided from its content by a score.
 *
 * Each sign of Markdown adds points, each kind up to a cap, so that one habit repeated
 * (a text full of hyphen lists, an e-mail full of `>` quotes) cannot decide alone:
 *
 *   YAML front matter at the top ........................ 3
 *   `# Heading` lines (1–6 `#`, then a space) ........... 2 each, at most 6
 *   fenced code blocks (``` or ~~~) ..................... 3 each, at most 6
 *   images `![alt](src)` ................................ 3 each, at most 6
 *   inline links `[words](url)` ......................... 2 each, at most 6
 *   link definitions `[id]: url` ........................ 2 each, at most 4
 *   tables (a `|` row over a `|---|` delimiter row) ..... 4 each, at most 8
 *   `**bold**` or `__bold__` ............................ 1 each, at most 3
 *   `inline code` ....................................... 1 each, at most 3
 *   lists (two or more `-`, `*`, `+` or `1.` lines) ..... 1 each, at most 2
 *   block quotes (`> ` lines) ........................... 1 each, at most 2
 *   `*emphasis*` ........................................ 0.5 each, at most 1
 *
 * A text scoring MARKDOWN_THRESHOLD (5) or more is read as Markdown. Lists, quotes and
 * asterisks together reach 5 at most: plain prose with an occasional asterisk, an e-mail
 * with quoted lines, or notes with hyphen lists stay plain text. `_underscores_` (how
 * Project Gutenberg marks italics), `* * *` section breaks and `[Illustration]` or
 * `[Footnote 1: …]` brackets do not count at all, and a Project Gutenberg header or
 * licence keeps a text plain whatever it scores.
 */

export const MARKDOWN_THRESHOLD = 5;

export interface MarkdownGuess {
  markdown: boolean;
  score: number;
  /** The signs found, e.g. `headings 2`, `links 3`. */
  signs: string[];
}

const FRONT_MATTER = /^---[ \t]*\n(?:[A-Za-z_][\w-]*:.*\n|[ \t]+.*\n|-[ \t].*\n)+(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const IMAGE = /!\[[^\]\n]*\]\([^)\s]+(?:\s+"[^"\n]*")?\)/g;
const LINK = /(?<!!)\[[^\]\n]+\]\((?:https?:\/\/|mailto:|#|\.{0,2}\/)?[^)\s]+(?:\s+"[^"\n]*")?\)/g;
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]+(?:https?:\/\/|\/|#)\S*/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/;
const BOLD = /(?:\*\*|__)(?=\S)[^*_\n]*?\S(?:\*\*|__)/g;
const CODE = /(?<!`)`[^`\n]+`(?!`)/g;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S/;
const QUOTE = /^ {0,3}>[ \t]?\S/;
const EMPHASIS = /(?<![*\w])\*(?=[^\s*])[^*\n]{1,80}?(?<=[^\s*])\*(?![*\w])/g;
const GUTENBERG = /\*\*\* ?START OF (?:THE|THIS) PROJECT GUTENBERG|Project Gutenberg(?:'s|™)? (?:E(?:Book|text)|License)/i;

/** Scores how much a text looks like Markdown; see the table above. */
export function guessMarkdown(text: string): MarkdownGuess {
  const counts: Record<string, number> = {};
  const add = (sign: string, n = 1) => (counts[sign] = (counts[sign] ?? 0) + n);
  if (GUTENBERG.test(text.slice(0, 5000)) || GUTENBERG.test(text.slice(-25000))) {
    return { markdown: false, score: 0, signs: ['Project Gutenberg text'] };
  }
  if (FRONT_MATTER.test(text)) add('front matter');
  const lines = text.split('\n');
  let fence: string | null = null;
  let listRun = 0;
  let quoteRun = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) {
        fence = null;
        add('code blocks');
      }
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (HEADING.test(line)) add('headings');
    if (LINK_DEFINITION.test(line)) add('link definitions');
    if (TABLE_DELIMITER.test(line) && i > 0 && lines[i - 1]!.includes('|')) add('tables');
    if (LIST_ITEM.test(line)) {
      if (++listRun === 2) add('lists');
    } else if (line.trim()) listRun = 0;
    if (QUOTE.test(line)) {
      if (++quoteRun === 1) add('quotes');
    } else quoteRun = 0;
    if (line.includes('](')) {
      add('images', line.match(IMAGE)?.length ?? 0);
      add('links', line.match(LINK)?.length ?? 0);
    }
    if (line.includes('**') || line.includes('__')) add('bold', line.match(BOLD)?.length ?? 0);
    if (line.includes('`')) add('inline code', line.match(CODE)?.length ?? 0);
    if (line.includes('*')) add('emphasis', line.match(EMPHASIS)?.length ?? 0);
  }
  const WEIGHTS: Record<string, [number, number]> = {
    'front matter': [3, 3],
    headings: [2, 6],
    'code blocks': [3, 6],
    images: [3, 6],
    links: [2, 6],
    'link definitions': [2, 4],
    tables: [4, 8],
    bold: [1, 3],
    'inline code': [1, 3],
    lists: [1, 2],
    quotes: [1, 2],
    emphasis: [0.5, 1],
  };
  let score = 0;
  const signs: string[] = [];
  for (const [sign, n] of Object.entries(counts)) {
    if (!n) continue;
    const [each, cap] = WEIGHTS[sign]!;
    score += Math.min(cap, each * n);
    signs.push(`${sign} ${n}`);
  }
  return { markdown: score >= MARKDOWN_THRESHOLD, score, signs };
}
