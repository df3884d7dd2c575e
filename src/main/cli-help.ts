/**
 * What `sourcebench` accepts, and its help: one table of commands, from which the
 * top-level help, each command's help and the per-command flag checks all come.
 */
import path from 'node:path';
import { EXTENSIONS } from '../shared/formats';
import { defaultProjectPath, userDataDir } from './paths';
import { editDistance } from './text/tokens';

export interface CommandSpec {
  name: string;
  /** Each way of calling it (after `sourcebench`), with a one-line summary for the command list. */
  synopses: [string, string][];
  /** What it does: paragraphs (wrapped to the terminal's 80 columns) and indented lines (kept as they are). */
  about: string[];
  /** Its own options, as shown in its help. */
  options: [string, string][];
  /** Command lines, each with an optional comment. */
  examples: [string, string?][];
  /** The flags it takes besides the global ones, per subcommand where it has subcommands. */
  flags: readonly string[] | Readonly<Record<string, readonly string[]>>;
  /** The most arguments (not counting flags) it takes; unlimited when absent. */
  maxArgs?: number;
  /** What --project means for it, when not the usual. */
  project?: string;
}

/** Flags every command takes. */
export const GLOBAL_FLAGS = ['--project', '--help', '--version'] as const;

/** Flags that take a value (`--limit 5` or `--limit=5`); every other flag is a switch. */
export const VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--project',
  '--port',
  '--limit',
  '--out',
  '--format',
  '--source',
  '--tag',
  '--into',
  '--base',
  '--order',
  '--add',
  '--type',
  '--language',
  '--archive',
  '--archive-place',
  '--collection',
  '--series',
  '--box',
  '--folder',
  '--item',
  '--location',
  '--template',
  '--save-template',
]);

/** Single-letter spellings. */
export const SHORT_FLAGS: Readonly<Record<string, string>> = { '-h': '--help', '-V': '--version' };

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'import',
    synopses: [['import <paths…> [--json]', 'import files or folders (.txt, .md, .html, .docx, .pdf)']],
    about: [
      `Imports files, and every supported file in folders and their subfolders (hidden ones skipped), into the project. Supported: ${EXTENSIONS.join(' ')}. A file that is already in the project is reported and not imported twice.`,
      'A web page (.html) is read as its article, as reader modes find it, without navigation, share buttons or cookie banners; its byline, dates and address become metadata. A Word file (.docx) keeps its headings, lists, tables and footnotes. A .txt written in Markdown (headings, links, lists, tables, front matter) is read as Markdown; "Read as" in the reader switches it back.',
      'Files of other kinds found in folders are skipped and listed; a file named on the command line that cannot be imported is reported with its problem. Exits with 1 when a file could not be imported, or when nothing at all was imported (an empty folder, say).',
      'Ctrl-C cancels the import: the files already imported stay in the project, the rest (the file being read included) are not imported, and it exits with 130.',
    ],
    options: [['--json', "print each file's outcome as JSON"]],
    examples: [
      ['sourcebench import letters/ diary.md'],
      ['sourcebench --project thesis.sourcebench import archive/', 'creates thesis.sourcebench if needed'],
    ],
    flags: ['--json'],
  },
  {
    name: 'sources',
    synopses: [['sources [--json]', "list the project's sources"]],
    about: ["Lists the project's sources: id, title, author, date, tags, passages and characters."],
    options: [['--json', 'print the list as JSON (id, title, author, date, origin, tags, passages, chars)']],
    examples: [['sourcebench sources'], ["sourcebench sources --json | jq -r '.[].title'"]],
    flags: ['--json'],
    maxArgs: 0,
  },
  {
    name: 'show',
    synopses: [['show <source-id> [--json]', "print a source's metadata and passages"]],
    about: ["Prints a source's title, author, date, origin and tags, then its passages, numbered ¶1, ¶2…"],
    options: [['--json', 'print the source as JSON, its passages in passageList']],
    examples: [['sourcebench show 3 | less'], ['sourcebench show 3 --json']],
    flags: ['--json'],
    maxArgs: 1,
  },
  {
    name: 'search',
    synopses: [['search <query> [--json] [--limit N]', 'find passages']],
    about: [
      'Finds the passages that match a query and prints them by source, the matched words in [brackets]. The query (its words may be separate arguments, or one quoted argument):',
      '  words             all must match; small typos are tolerated in longer words',
      '  "a phrase"        the words in this order (in the shell: \'"a phrase"\')',
      '  -word             must not match',
      '  prefix*           words starting with it (3 letters or more)',
      '  a OR b            either',
      '  source:"title"    only sources whose title has these words',
      '  source:#12        only source 12 (its number in `sources`)',
      '  tag:NAME          only sources tagged NAME',
      '  in:notes          only notes (or in:sources, in:claims)',
      '  date:1936..1938   only sources dated in these years (date:1937, date:..1938)',
      'Put -- before a query that starts with -h or -V.',
    ],
    options: [
      ['--limit N', 'show at most N passages, 1 to 500 (default 20)'],
      ['--json', 'print the hits as JSON (kind, sourceId, sourceTitle, passageId, start, end, snippet, score)'],
    ],
    examples: [['sourcebench search census 1937'], ['sourcebench search \'"mass operations" -kulak date:1937..1938\' --limit 50']],
    flags: ['--json', '--limit'],
  },
  {
    name: 'export',
    synopses: [
      ['export markdown [--source ID | --tag NAME] [--out PATH]', 'notes with their passages and citations as Markdown'],
      ['export annotations --format jsonld [--out PATH]', 'annotations as W3C Web Annotation JSON-LD'],
    ],
    about: [
      'export markdown writes the notes (annotations) with the passages they are on and their citations as Markdown: to stdout, to the file --out names, or one file per source when --out names a folder (ending in / or existing). With no notes to export (in the project, the source or the tag) it writes nothing, says so on stderr and exits with 1.',
      'export annotations writes every annotation as a W3C Web Annotation collection (JSON-LD).',
    ],
    options: [
      ['--source ID', 'markdown: only the notes on this source'],
      ['--tag NAME', 'markdown: only the notes with this tag, or on sources with it'],
      ['--out PATH', 'write to this file (or, for markdown, this folder/) instead of stdout'],
      ['--format jsonld', 'annotations: the format (JSON-LD, the only one)'],
    ],
    examples: [
      ['sourcebench export markdown --tag census --out census-notes.md'],
      ['sourcebench export markdown --out notes/', 'one file per source'],
      ['sourcebench export annotations --format jsonld --out annotations.jsonld'],
    ],
    flags: { markdown: ['--source', '--tag', '--out'], annotations: ['--format', '--out'] },
    maxArgs: 1,
  },
  {
    name: 'references',
    synopses: [['references <file> [--apply] [--create] [--json]', "match a reference manager's items (.bib, .ris, .json) to sources"]],
    about: [
      "Reads a reference manager's export (BibTeX .bib, RIS .ris or CSL-JSON .json, as Zotero, Mendeley or JabRef write them) and lists each item with the source it matches: by DOI, by address, by title, or by a similar title (to be confirmed in the app). Without --apply nothing is written.",
      "--apply writes the sure matches: each item's metadata replaces its source's where the item has a value. Similar titles are never applied here: confirm them in the app (Library, References…). --create also makes an empty source (no text yet) of each item that matches none; attach a file to it in the reader with Replace text….",
    ],
    options: [
      ['--apply', 'update the sources the items surely match'],
      ['--create', 'with --apply: make an empty source of each item with no match'],
      ['--json', 'print the items and their matches (or what was updated and created) as JSON'],
    ],
    examples: [['sourcebench references zotero.bib'], ['sourcebench references zotero.bib --apply --create']],
    flags: ['--apply', '--create', '--json'],
    maxArgs: 1,
  },
  {
    name: 'compare',
    synopses: [['compare <source-a> <source-b> [--json]', 'align two sources: matching passages, and what only one has']],
    about: [
      'Aligns the passages of two sources (versions or editions of a text, say): the pairs that match, with their similarity and kind of match, and the passages only one of them has.',
    ],
    options: [['--json', 'print pairs (with passage ids and offsets), onlyA and onlyB as JSON']],
    examples: [['sourcebench compare 1 2'], ['sourcebench compare 1 2 --json']],
    flags: ['--json'],
    maxArgs: 2,
  },
  {
    name: 'collate',
    synopses: [
      ['collate <source> <source>… [--base ID] [--format markdown|tei] [--out PATH] [--json]', 'collate 2 to 10 witnesses of one text, word by word'],
    ],
    about: [
      'Aligns 2 to 10 sources (copies, editions or translations of one text) word by word and writes the collation: a Markdown table (the default) or TEI P5 parallel segmentation (--format tei). Words are aligned ignoring case and punctuation, figures by their digits; each witness keeps its own words. A figure that differs between the witnesses is marked.',
    ],
    options: [
      ['--base ID', 'the base text (one of the sources): its readings are the lemma; without it, a parallel view'],
      ['--format markdown|tei', 'the format written (markdown by default)'],
      ['--out PATH', 'write to this file instead of stdout'],
      ['--json', 'print the collation (witnesses, segments) as JSON'],
    ],
    examples: [['sourcebench collate 1 2 3'], ['sourcebench collate 1 2 3 --base 2 --format tei --out decree.xml']],
    flags: ['--base', '--format', '--out', '--json'],
    maxArgs: 11,
  },
  {
    name: 'claims',
    synopses: [
      ['claims <file> [--json]', 'the numeric claims about people a text makes (read, not imported)'],
      ['claims <source-id> [--json]', 'the claims stored for a source'],
    ],
    about: [
      'Finds numeric claims about people ("681,692 executed", "about a million deaths"): the measure, the figure or range, and the words quoted.',
      "Given a file, it reads the file and imports nothing (the offsets in --json are into the file's text as read); given a source id, it lists the claims stored for that source with their status.",
    ],
    options: [['--json', 'print the claims as JSON, with start and end offsets of each quote']],
    examples: [['sourcebench claims report.txt'], ['sourcebench claims 4 --json']],
    flags: ['--json'],
    maxArgs: 1,
    project: `the project of claims <source-id> (default: ${path.basename(defaultProjectPath(userDataDir()))} in the app's folder)`,
  },
  {
    name: 'events',
    synopses: [
      ['events [list] [--json]', 'the events the claims are about: claims, measures, years, aliases'],
      ['events rename <event> <new-label>', 'give an event a new label in every claim'],
      ['events merge <event…> --into LABEL', 'make several events one, under one label'],
    ],
    about: [
      "Lists the events the stored claims are about, each under the label the project uses for it: how many claims (rejected ones aside), what they count, the years they cover, and the other labels recorded as naming it. A label marked * does not look like an event's name (the words of a heading, a list of places, a footnote mark): its claims are not proposed as a question.",
      'rename gives every claim about an event the new label (the years a label ends with are kept); merge does so for several events at once. Either way the old labels are remembered as aliases: claims found later under them get the new label. Renaming back undoes a rename.',
    ],
    options: [
      ['--into LABEL', 'merge: the label of the merged event (one of theirs, or a new one)'],
      ['--json', 'print the events (or the renamed or merged event) as JSON'],
    ],
    examples: [
      ['sourcebench events'],
      ['sourcebench events rename "Great Terror" "Great Purge"'],
      ['sourcebench events merge "Great Terror" Purges --into "Great Purge"'],
    ],
    flags: { list: ['--json'], rename: ['--json'], merge: ['--into', '--json'] },
  },
  {
    name: 'pages',
    synopses: [['pages <source-id> [--order 3,1,2] [--json]', "a photographed source's pages, or put them in a new order"]],
    about: [
      'Lists the page images of a photographed or scanned source: each page with the file it came from, its size in pixels, its type and the date the camera recorded.',
      "--order puts the pages in a new order: list every page number once, in the order wanted. The transcription follows its pages (each page's passages move whole and take the page's new number), and annotations and claims move with their text. A note whose quote ran across the edge of a moved page can no longer be placed: it is counted, and kept. One transaction: if anything fails, nothing changed.",
      'Only photographs and scans have pages; any other source is refused, named. A source whose text is being recognised is refused until that is done.',
    ],
    options: [
      ['--order N,N,…', 'the page numbers in their new order (each page once)'],
      ['--json', 'print the pages (page, fileName, mime, width, height, sha256, exifDate, orientation) as JSON'],
    ],
    examples: [['sourcebench pages 3'], ['sourcebench pages 3 --order 2,1,3', 'the first two pages swapped']],
    flags: ['--order', '--json'],
    maxArgs: 1,
  },
  {
    name: 'merge',
    synopses: [['merge <into-id> <source-id…> [--json]', "make photographed sources one: their pages follow the first's"]],
    about: [
      'Makes photographed or scanned sources one (photographs of one register taken on two days, say). The first keeps its id, title and metadata; the pages of the others follow its own in the order given, with their transcription, words, annotations, claims and tags, and the others leave the library. Only photographs and scans merge: any other source is refused, named. One transaction: if anything fails, nothing changed.',
    ],
    options: [['--json', 'print the merged source (as sources --json does), its page count and the annotations moved']],
    examples: [['sourcebench merge 3 4', "source 4's pages after source 3's"], ['sourcebench merge 3 5 4']],
    flags: ['--json'],
  },
  {
    name: 'languages',
    synopses: [['languages [--add FILE] [--json]', 'the languages text recognition reads, or add one (.traineddata)']],
    about: [
      "Lists the languages text recognition can read: English, built in, and those added. --add adds one from its Tesseract .traineddata file (from tesseract-ocr/tessdata_best, or a Linux package: Debian's tesseract-ocr-rus installs /usr/share/tesseract-ocr/5/tessdata/rus.traineddata); the file is checked first, and anything else is refused, named. Nothing is downloaded.",
      "Added languages are kept in the app's folder, not in the project: one file serves every project. Choose them for a source in the reader (Recognise again in eng+rus).",
    ],
    options: [
      ['--add FILE', 'add the language in this .traineddata file (its name gives the code: rus.traineddata)'],
      ['--json', 'print the folder and the languages (code, builtIn, bytes), or the language added, as JSON'],
    ],
    examples: [['sourcebench languages'], ['sourcebench languages --add /usr/share/tesseract-ocr/5/tessdata/rus.traineddata']],
    flags: ['--add', '--json'],
    maxArgs: 0,
    project: "not needed: languages are kept in the app's folder, for every project",
  },
  {
    name: 'metadata',
    synopses: [
      ['metadata <source-id…> [--box TEXT …] [--template NAME] [--json]', 'archival metadata of sources: show it, or set fields on all of them'],
    ],
    about: [
      "Without fields, prints each source's type, language and archival fields, and the place in the archive as citations print it.",
      "With fields, sets them on every source listed, every other field kept, all in one transaction: a source that is not there, or a value that is refused, and nothing is written. '' clears a field (the type cannot be cleared). Setting any of series, box, folder or item without --location removes a place written out before, so that citations print the new box and folder.",
      '--template fills the fields from a template kept in the project (its name in any case); fields given as flags win over it. --save-template keeps the fields set under a name, replacing a template of that name.',
    ],
    options: [
      ['--archive TEXT', 'the archive (repository): "Hoover Institution Archives"'],
      ['--archive-place TEXT', 'where the archive is: "Stanford, CA"'],
      ['--collection TEXT', 'the collection or fonds: "f. R-9401"'],
      ['--series TEXT', 'the series'],
      ['--box TEXT', 'the box'],
      ['--folder TEXT', 'the folder'],
      ['--item TEXT', 'the item'],
      ['--location TEXT', 'the place in the archive, written out (instead of series, box, folder, item)'],
      ['--type TYPE', 'the CSL type: manuscript, letter, document…'],
      ['--language CODE', 'the language of the sources (ru, de-AT)'],
      ['--template NAME', 'set the fields this template keeps'],
      ['--save-template NAME', 'keep the fields set as a template of this name'],
      ['--json', 'print the fields of each source (or the sources updated) as JSON'],
    ],
    examples: [
      ['sourcebench metadata 3'],
      ['sourcebench metadata 3 4 5 --archive "GARF" --collection "f. R-9401" --box 14 --save-template "Fonds 9401 / Box 14"'],
      ['sourcebench metadata 6 7 --template "Fonds 9401 / Box 14" --folder 3'],
    ],
    flags: [
      '--archive',
      '--archive-place',
      '--collection',
      '--series',
      '--box',
      '--folder',
      '--item',
      '--location',
      '--type',
      '--language',
      '--template',
      '--save-template',
      '--json',
    ],
  },
  {
    name: 'serve',
    synopses: [['serve [--port N]', 'serve the workbench in browser mode on 127.0.0.1']],
    about: [
      'Serves the workbench to a browser on this machine (127.0.0.1 only) and prints the address to open, with its access token. Without --project it opens the project the app would (the last opened). Needs the UI built (npm run build). Stop it with Ctrl-C.',
    ],
    options: [['--port N', 'listen on this port (default: any free port)']],
    examples: [['sourcebench serve'], ['sourcebench --project thesis.sourcebench serve --port 8080']],
    flags: ['--port'],
    maxArgs: 0,
    project: 'the project (default: the one the app opened last)',
  },
  {
    name: 'help',
    synopses: [['help [<command>]', "show the help, or a command's help"]],
    about: ["Shows the list of commands, or a command's usage, options and examples."],
    options: [],
    examples: [['sourcebench help search'], ['sourcebench search --help', 'the same']],
    flags: [],
  },
];

export function commandNamed(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The flags a command takes (its subcommand's, where it has them), the global ones included. */
export function flagsOf(spec: CommandSpec, subcommand: string | undefined): string[] {
  const own = Array.isArray(spec.flags)
    ? spec.flags
    : ((spec.flags as Record<string, readonly string[]>)[subcommand ?? ''] ?? Object.values(spec.flags).flat());
  return [...new Set([...own, ...GLOBAL_FLAGS])];
}

/** The nearest of the candidates to what was typed, if one is near enough to be a likely typo. */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // A prefix ("imp" for import) counts as near; otherwise at most two edits, and fewer than the word has letters.
    const d = typed.length >= 3 && c.startsWith(typed) ? 1 : editDistance(typed, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  const bare = typed.replace(/^-+/, '');
  return bestDistance <= Math.min(2, Math.max(1, bare.length - 2)) ? best : undefined;
}

export function unknownCommandMessage(name: string): string {
  const guess = nearest(
    name,
    COMMANDS.map((c) => c.name),
  );
  return `unknown command "${name}"; ${guess ? `did you mean ${guess}?` : 'see sourcebench --help'}`;
}

const GLOBAL_OPTIONS: [string, string][] = [
  ['--project FILE', 'the project to work on (a .sourcebench file, created if missing)'],
  ['-h, --help', "show this help, or a command's: sourcebench help <command>"],
  ['-V, --version', 'print the version'],
];

export const EXIT_CODES: [number, string][] = [
  [0, 'success'],
  [
    1,
    'the command ran but failed for some inputs or had nothing to do: a file could not be imported, nothing was imported, no source with that id, no notes to export',
  ],
  [2, 'usage error: unknown command or option, or a missing or malformed argument'],
  [75, 'the project is in use by another program and waiting for it gave up (EX_TEMPFAIL): try again later'],
  [130, 'interrupted (Ctrl-C): an import stopped, keeping the files it had imported'],
];

/** Two columns, the second wrapped to the terminal's usual 80 characters. */
function columns(rows: [string, string][], indent: number, width: number): string {
  const lines: string[] = [];
  for (const [left, right] of rows) {
    const wrapped = wrap(right, 80 - indent - width - 1);
    if (left.length < width) lines.push(`${' '.repeat(indent)}${left.padEnd(width)} ${wrapped[0] ?? ''}`.trimEnd());
    else lines.push(`${' '.repeat(indent)}${left}`, `${' '.repeat(indent + width + 1)}${wrapped[0] ?? ''}`);
    for (const more of wrapped.slice(1)) lines.push(`${' '.repeat(indent + width + 1)}${more}`);
  }
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function topHelp(version: string): string {
  return [
    `sourcebench ${version}: a research workbench for historians, on the command line`,
    '',
    'usage: sourcebench [--project FILE] <command> [options]',
    '',
    'commands:',
    columns(
      COMMANDS.flatMap((c) => c.synopses),
      2,
      36,
    ),
    '',
    'options:',
    columns(GLOBAL_OPTIONS, 2, 16),
    '',
    `The project defaults to the app's default project (${defaultProjectPath(userDataDir())});`,
    'SOURCEBENCH_HOME sets the folder it is in.',
    '',
    'exit codes:',
    columns(
      EXIT_CODES.map(([code, text]) => [String(code), text]),
      2,
      3,
    ),
    '',
    "Run 'sourcebench help <command>' (or 'sourcebench <command> --help') for a command's options and examples.",
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const usage = spec.synopses.map(([s], i) => `${i === 0 ? 'usage: ' : '       '}sourcebench ${spec.name === 'help' ? '' : '[--project FILE] '}${s}`);
  const options: [string, string][] = [...spec.options];
  if (spec.name !== 'help')
    options.push([
      '--project FILE',
      spec.project ?? `the project (default: ${path.basename(defaultProjectPath(userDataDir()))} in the app's folder)`,
    ]);
  options.push(['-h, --help', 'show this help']);
  return [
    ...usage,
    '',
    ...spec.about.flatMap((text, i) => {
      if (text.startsWith(' ')) return [text];
      // Two paragraphs in a row are set apart by an empty line.
      const previous = spec.about[i - 1];
      return [...(previous !== undefined && !previous.startsWith(' ') ? [''] : []), ...wrap(text, 78)];
    }),
    '',
    'options:',
    columns(options, 2, 16),
    '',
    'examples:',
    ...spec.examples.map(([line, comment]) => `  ${line}${comment ? `    # ${comment}` : ''}`),
  ].join('\n');
}
