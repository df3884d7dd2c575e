/**
 * `sourcebench` on the command line: the same service, called in-process through the
 * same validating boundary as the desktop and browser transports.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Input, MethodName, Output } from '../shared/api';
import { MAX_IMPORT_PATHS } from '../shared/api';
import type { EventSummary, ImportOutcome, ImportProgress, ReplaceTextResult, SourceDetail, SourceSummary } from '../shared/types';
import type { CslItem } from '../shared/csl';
import { ARCHIVAL_FIELDS, archiveLocationOf, SHARED_FIELD_LABELS, SHARED_FIELDS } from '../shared/archival';
import { dispatch, validate } from './dispatch';
import type { Claim } from './claims/extract';
import { extractClaims } from './claims/extract';
import { foundSummary } from '../shared/searchSummary';
import { EXTENSIONS, isSupportedFile } from '../shared/formats';
import { decodeBytes } from './ingest/decode';
import { ApiError } from '../shared/errors';
import type { CommandSpec } from './cli-help';
import { commandHelp, commandNamed, flagsOf, GLOBAL_FLAGS, nearest, SHORT_FLAGS, topHelp, unknownCommandMessage, VALUE_FLAGS } from './cli-help';
import { appRoot, defaultProjectPath, rendererDir, userDataDir } from './paths';
import { startServer } from './server';
import { listFiles, Workbench } from './workbench';

/** A usage error: the command line asked for something wrong (exit code 2). */
class CliError extends Error {}

/** The command ran but could not do what was asked for some input (exit code 1). */
class Failure extends Error {}

interface Parsed {
  command?: string;
  args: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits the command line into the command, its arguments and its flags (`--flag`,
 * `--flag value`, `--flag=value`, `-h`, `-V`; everything after `--` is an argument). Which
 * flags a command takes is checked afterwards, against its entry in COMMANDS. For `search`,
 * `-word` is part of the query (it excludes the word), not a flag.
 */
export function parseArgs(argv: string[]): Parsed {
  const out: Parsed = { args: [], flags: new Map() };
  const argument = (a: string) => {
    if (!out.command) out.command = a;
    else out.args.push(a);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      argv.slice(i + 1).forEach(argument);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const [k, v] = eq < 0 ? [a, undefined] : [a.slice(0, eq), a.slice(eq + 1)];
      if (v !== undefined) out.flags.set(k, v);
      else if (VALUE_FLAGS.has(k)) {
        const next = argv[++i];
        if (next === undefined) throw new CliError(`${k} needs a value`);
        out.flags.set(k, next);
      } else out.flags.set(k, true);
    } else if (a.length > 1 && a.startsWith('-') && (SHORT_FLAGS[a] || out.command !== 'search')) {
      out.flags.set(SHORT_FLAGS[a] ?? a, true);
    } else argument(a);
  }
  return out;
}

/** Only the flags the command takes, values only where a flag takes one, no extra arguments. */
function checkUsage(spec: CommandSpec, p: Parsed): void {
  const sub = !Array.isArray(spec.flags) && p.args[0] !== undefined && p.args[0] in spec.flags ? p.args[0] : undefined;
  const allowed = flagsOf(spec, sub);
  const name = sub ? `${spec.name} ${sub}` : spec.name;
  for (const [flag, value] of p.flags) {
    if (!allowed.includes(flag)) {
      const guess = nearest(flag, allowed);
      throw new CliError(`unknown option ${flag} for ${name}${guess ? `; did you mean ${guess}?` : ''} (see sourcebench help ${spec.name})`);
    }
    if (value !== true && !VALUE_FLAGS.has(flag)) throw new CliError(`${flag} takes no value`);
  }
  if (spec.maxArgs !== undefined && p.args.length > spec.maxArgs) {
    throw new CliError(`unexpected argument "${p.args[spec.maxArgs]}" for ${name} (see sourcebench help ${spec.name})`);
  }
}

/** The version in package.json (one folder above src/ and out/). */
export function version(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The exit code for an error: 2 for usage, 75 (EX_TEMPFAIL) when the project stayed locked, otherwise 1. */
function exitCodeOf(err: unknown): number {
  if (err instanceof CliError) return 2;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'project_locked' || code === 'project_busy') return 75;
  if (code === 'invalid_request') return 2;
  return 1;
}

async function call<M extends MethodName>(wb: Workbench, method: M, input: Input<M>): Promise<Output<M>> {
  const reply = await dispatch(wb, method, input);
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
  return reply.value as Output<M>;
}

/** The open project's file, as the contract tells it. */
async function projectPath(wb: Workbench): Promise<string> {
  return (await call(wb, 'getProject', {})).path;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function clip(s: string | null, n: number): string {
  if (!s) return '—';
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function sourceJson(s: SourceSummary) {
  return { id: s.id, title: s.title, author: s.author, date: s.date, origin: s.origin, tags: s.tags, passages: s.passages, chars: s.chars };
}

function describeOutcome(o: ImportOutcome): string {
  if (o.status === 'failed') return `✗ ${o.error.message}`;
  const verb = o.status === 'imported' ? 'imported' : 'already in the project';
  const warn = o.warnings.map((w) => `\n    warning: ${o.fileName}: ${w}`).join('');
  return `✓ ${o.fileName}: ${verb} as #${o.source.id} "${o.source.title}" (${o.source.passages} passages)${warn}`;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** A status line redrawn in place (a terminal only; null clears it). */
  progress?(line: string | null): void;
  /** Calls `stop` on Ctrl-C (SIGINT) until the function returned is called; a second Ctrl-C is the default (quit). */
  onInterrupt?(stop: () => void): () => void;
}

/** Thrown by the output once nothing reads it any more: the command stops quietly, its `finally` run. */
class OutputClosed extends Error {
  constructor(readonly reason?: NodeJS.ErrnoException | null) {
    super('the output was closed');
  }
}

let watchingStdio = false;

/**
 * The process's stdout and stderr. When the reader of a pipe goes away early
 * (`sourcebench show 1 | head -2`), writing fails with EPIPE: without a listener that
 * error would crash the process with a stack trace. Instead the output is dropped and the
 * next line written stops the command, which closes the project on its way out.
 */
function processIo(): CliIo {
  if (!watchingStdio) {
    watchingStdio = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED' || process.exitCode) return;
      process.exitCode = 1;
      process.stderr.write(`sourcebench: the output could not be written: ${err.message}\n`);
    });
    process.stderr.on('error', () => {});
  }
  return {
    out: (s) => {
      if (process.stdout.destroyed) throw new OutputClosed(process.stdout.errored as NodeJS.ErrnoException | null);
      process.stdout.write(`${s}\n`);
    },
    err: (s) => {
      if (!process.stderr.destroyed) process.stderr.write(`${s}\n`);
    },
    onInterrupt: (stop) => {
      process.once('SIGINT', stop);
      return () => process.off('SIGINT', stop);
    },
    // Only on a terminal: a log or a pipe gets the outcomes, not the redrawn line.
    ...(process.stderr.isTTY
      ? {
          progress: (line: string | null) => {
            if (process.stderr.destroyed) return;
            const width = Math.max(20, (process.stderr.columns || 80) - 1);
            process.stderr.write(`\r\x1b[K${line === null ? '' : line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
          },
        }
      : {}),
  };
}

/** The import's status line: files done of all, megabytes, passages, the file being read. */
function progressLine(e: Pick<ImportProgress, 'done' | 'total' | 'bytes' | 'passages' | 'current'>): string {
  const percent = e.total ? Math.floor((e.done / e.total) * 100) : 0;
  const mb = (e.bytes / 1048576).toFixed(1);
  return `Importing: ${e.done.toLocaleString('en')} of ${e.total.toLocaleString('en')} files (${percent}%), ${mb} MB, ${e.passages.toLocaleString('en')} passages${e.current ? ` — ${e.current}` : ''}`;
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let wb: Workbench | undefined;
  try {
    const p = parseArgs(argv);
    if (p.flags.has('--version')) {
      io.out(`sourcebench ${version()}`);
      return 0;
    }
    if (p.command === 'help' || p.flags.has('--help')) {
      const topic = p.command === 'help' ? (p.args[0] ?? (p.flags.has('--help') ? 'help' : undefined)) : p.command;
      if (!topic) io.out(topHelp(version()));
      else {
        const spec = commandNamed(topic);
        if (!spec) throw new CliError(unknownCommandMessage(topic));
        io.out(commandHelp(spec));
      }
      return 0;
    }
    if (!p.command) {
      for (const flag of p.flags.keys()) {
        if (!(GLOBAL_FLAGS as readonly string[]).includes(flag)) throw new CliError(`unknown option ${flag} (see sourcebench --help)`);
      }
      io.err(topHelp(version()));
      return 2;
    }
    const spec = commandNamed(p.command);
    if (!spec) throw new CliError(unknownCommandMessage(p.command));
    checkUsage(spec, p);
    const json = p.flags.has('--json');
    const project = p.flags.get('--project');
    if (project === true) throw new CliError('--project needs a file');
    // `claims <file>` reads a file; `claims <source-id>` lists a source's stored claims.
    if (p.command === 'claims' && !(p.args[0] && /^\d+$/.test(p.args[0]) && !fs.existsSync(p.args[0]))) return claimsOfFile(p.args[0], json, io);
    // One-off commands work on --project or the default project and leave the app's
    // "last opened" alone; `serve` is the app, so it opens what the app would.
    const serving = p.command === 'serve';
    const home = userDataDir();
    wb = Workbench.open({
      home,
      project: project ?? (serving ? undefined : defaultProjectPath(home)),
      // A named project file is created on first use, as long as it is named like one.
      createMissing: !!project?.endsWith('.sourcebench'),
      remember: serving,
      // A one-shot command ends before a background backup could; the app and `serve` make it.
      dailyBackup: serving,
      warmCitations: serving,
      onWaiting: (message) => io.err(message),
    });

    switch (p.command) {
      case 'import': {
        if (!p.args.length) throw new CliError('import needs at least one file or folder');
        // Every path checked before anything is imported (a malformed one is a usage error).
        for (let i = 0; i < p.args.length; i += MAX_IMPORT_PATHS) validate('importPaths', { paths: p.args.slice(i, i + MAX_IMPORT_PATHS) });
        const folders = scanFolders(p.args);
        const { outcomes, cancelled, complete } = await importJobs(wb, p.args, io);
        // Another program kept the project: one message for all the files it kept out, not one each.
        const busy = outcomes.find((o) => o.status === 'failed' && o.error.code === 'project_busy');
        if (busy && busy.status === 'failed') {
          for (const o of outcomes) if (o.status !== 'failed') io.out(describeOutcome(o));
          const waiting = outcomes.filter((o) => o.status === 'failed' && o.error.code === 'project_busy').length;
          io.err(`sourcebench: ${busy.error.message} (${waiting} file${waiting === 1 ? '' : 's'} not imported)`);
          return 75;
        }
        if (json) io.out(JSON.stringify(outcomes, null, 2));
        else for (const o of outcomes) (o.status === 'failed' ? io.err : io.out)(describeOutcome(o));
        if (cancelled) {
          const kept = outcomes.filter((o) => o.status !== 'failed').length;
          const done = `${outcomes.length} file${outcomes.length === 1 ? '' : 's'} done (${kept} in the project)`;
          io.err(
            complete
              ? `sourcebench: import interrupted as it finished: ${done}`
              : `sourcebench: import cancelled: ${done}; the rest, the file being read included, were not imported`,
          );
          return 130;
        }
        // Files of other kinds found in a folder were skipped (not failures): listed here.
        for (const f of folders) {
          const others = f.skipped.length ? `${f.skipped.length} unsupported file${f.skipped.length === 1 ? '' : 's'} (${listed(f.skipped)})` : '';
          if (!f.files)
            io.err(`No files to import in ${f.target}${others ? `: skipped ${others}; Sourcebench imports ${EXTENSIONS.join(', ')}` : ''}`);
          else if (others) io.err(`Skipped ${others} in ${f.target}`);
        }
        // 1 when a file could not be imported, or when nothing at all was (an empty folder, say).
        const failed = outcomes.some((o) => o.status === 'failed');
        return failed || !outcomes.some((o) => o.status !== 'failed') ? 1 : 0;
      }
      case 'sources': {
        const list = await call(wb, 'listSources', {});
        if (json) io.out(JSON.stringify(list.map(sourceJson), null, 2));
        else if (!list.length) io.out(`No sources in ${await projectPath(wb)} yet: sourcebench import <files…>`);
        else {
          io.out(
            table([
              ['ID', 'TITLE', 'AUTHOR', 'DATE', 'TAGS', 'PASSAGES', 'CHARS'],
              ...list.map((s) => [
                String(s.id),
                clip(s.title, 48),
                clip(s.author, 24),
                s.date ?? '—',
                clip(s.tags.join(', '), 24),
                String(s.passages),
                String(s.chars),
              ]),
            ]),
          );
        }
        return 0;
      }
      case 'show': {
        const id = Number(p.args[0]);
        if (!Number.isInteger(id) || id <= 0) throw new CliError(`show needs a source id (a whole number), not "${p.args[0] ?? ''}"`);
        const s = await call(wb, 'getSource', { id });
        if (json) {
          io.out(
            JSON.stringify(
              {
                ...sourceJson(s),
                kind: s.kind,
                format: s.format,
                fileName: s.fileName,
                language: s.language,
                importedAt: s.importedAt,
                ...(s.pdf ? { pdf: s.pdf } : {}),
                passageList: s.passageList,
              },
              null,
              2,
            ),
          );
        } else {
          io.out(`#${s.id} ${s.title}`);
          io.out([s.author, s.date, s.origin].filter(Boolean).join(' · ') || '(no author, date or origin)');
          if (s.tags.length) io.out(`tags: ${s.tags.join(', ')}`);
          io.out('');
          if (s.pdf && !s.pdf.textLayer)
            io.out(`(${s.pdf.pages} pages, no text layer: a scan; import the PDF again to have its pages drawn and read by text recognition)`);
          let page: number | null = null;
          for (const ps of s.passageList) {
            // A paginated source shows where each page begins.
            if (ps.page !== null && ps.page !== page) io.out(`— p. ${ps.pageLabel ?? ps.page} —\n`);
            page = ps.page;
            io.out(`¶${ps.ordinal}\t${ps.text}\n`);
          }
        }
        return 0;
      }
      case 'search': {
        const query = p.args.join(' ');
        if (!query.trim()) throw new CliError('search needs a query');
        const limitFlag = p.flags.get('--limit');
        const limit = limitFlag === undefined ? 20 : Number(limitFlag);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          throw new CliError(`--limit must be a whole number from 1 to 500, not "${String(limitFlag)}"`);
        // One answer, complete: typo tolerance is waited for, not reported as still loading.
        const r = await call(wb, 'search', { query, limit, complete: true });
        if (json) {
          io.out(
            JSON.stringify(
              r.hits.map(({ kind, sourceId, sourceTitle, passageId, pageLabel, start, end, snippet, score }) => ({
                kind,
                sourceId,
                sourceTitle,
                passageId,
                ...(pageLabel !== undefined ? { pageLabel } : {}),
                start,
                end,
                snippet,
                score,
              })),
              null,
              2,
            ),
          );
        } else {
          for (const problem of r.problems) io.err(`note: ${problem}`);
          if (!r.hits.length) io.out(`${foundSummary(r)}.`);
          // The spellings found for words as typed, once for the query rather than on every hit.
          if (r.matched.length) io.out(`Matched ${r.matched.map((m) => `${m.found} for ${m.typed}`).join(', ')}.`);
          let lastSource = -1;
          for (const h of r.hits) {
            if (h.sourceId !== lastSource) io.out(`\n#${h.sourceId} ${h.sourceTitle}`);
            lastSource = h.sourceId;
            let marked = '';
            let at = 0;
            for (const [s, e] of h.highlights) {
              marked += `${h.snippet.slice(at, s)}[${h.snippet.slice(s, e)}]`;
              at = e;
            }
            marked += h.snippet.slice(at);
            io.out(`  ${h.pageLabel !== undefined ? `p. ${h.pageLabel}` : `¶${h.ordinal}`}  ${marked}`);
          }
          if (r.hits.length) io.out(`\n${r.hits.length} shown of ${foundSummary(r)}`);
        }
        return 0;
      }
      case 'export': {
        const what = p.args[0];
        const out = p.flags.get('--out');
        if (out === true) throw new CliError('--out needs a path');
        const write = (files: { name: string; content: string; bytes?: Uint8Array }[], folder: boolean) => {
          // Crops of marked regions (PNG) are binary: they go beside the Markdown, never to standard output.
          const binary = files.filter((f) => f.bytes);
          if (out === undefined)
            return io.out(
              files
                .filter((f) => !f.bytes)
                .map((f) => f.content)
                .join('\n'),
            );
          if (folder) {
            fs.mkdirSync(out, { recursive: true });
            for (const f of files) fs.writeFileSync(path.join(out, f.name), f.bytes ?? f.content);
            io.out(`Wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${out}`);
          } else {
            fs.writeFileSync(out, files[0]!.content);
            for (const f of binary) fs.writeFileSync(path.join(path.dirname(out), f.name), f.bytes!);
            io.out(`Wrote ${out}${binary.length ? ` and ${binary.length} image${binary.length === 1 ? '' : 's'} beside it` : ''}`);
          }
        };
        if (what === 'markdown') {
          const source = p.flags.get('--source');
          const tag = p.flags.get('--tag');
          if (source !== undefined && tag !== undefined) throw new CliError('give --source or --tag, not both');
          const sourceId = source === undefined ? undefined : Number(source);
          if (sourceId !== undefined && (!Number.isInteger(sourceId) || sourceId <= 0))
            throw new CliError(`--source needs a source id, not "${String(source)}"`);
          if (tag === true) throw new CliError('--tag needs a tag name');
          const folder = out !== undefined && (out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(out) && fs.statSync(out).isDirectory()));
          const files = await call(wb, 'exportMarkdown', { sourceId, tag, perSource: folder });
          // Without notes the export is front matter and no word: say so, and write nothing.
          if (!(await hasNotesToExport(wb, sourceId, tag))) {
            const which = sourceId !== undefined ? `on source #${sourceId}` : tag !== undefined ? `tagged "${tag}"` : `in ${await projectPath(wb)}`;
            io.err(`No notes to export ${which}: nothing written`);
            return 1;
          }
          write(files, folder);
          return 0;
        }
        if (what === 'annotations') {
          const format = p.flags.get('--format') ?? 'jsonld';
          if (format !== 'jsonld') throw new CliError(`unknown format "${String(format)}" (jsonld)`);
          write([await call(wb, 'exportAnnotations', { format: 'jsonld' })], false);
          return 0;
        }
        throw new CliError('export what? "export markdown" or "export annotations --format jsonld"');
      }
      case 'references': {
        const file = p.args[0];
        if (!file) throw new CliError('references needs a file: sourcebench references zotero.bib');
        const apply = p.flags.has('--apply');
        const create = p.flags.has('--create');
        if (create && !apply) throw new CliError('--create goes with --apply: sourcebench references zotero.bib --apply --create');
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(file);
        } catch (err) {
          throw new Failure(`${file} could not be read: ${(err as Error).message}`);
        }
        const { items } = await call(wb, 'readReferences', { name: path.basename(file), bytes: new Uint8Array(bytes) });
        if (!apply) {
          if (json) io.out(JSON.stringify(items, null, 2));
          else {
            const how = { doi: 'by DOI', url: 'by address', title: 'by title', 'title-fuzzy': 'similar title: confirm in the app' } as const;
            io.out(
              table([
                ['#', 'TITLE', 'YEAR', 'SOURCE'],
                ...items.map((i) => [
                  String(i.index + 1),
                  clip(i.title, 48),
                  i.year ?? '—',
                  i.match.sourceId === null
                    ? '—'
                    : `#${i.match.sourceId} (${i.match.how ? how[i.match.how] : ''}${i.match.how === 'title' && !i.match.sure ? ', several sources have it' : ''})`,
                ]),
              ]),
            );
            for (const i of items) for (const d of i.dropped) io.err(`${i.index + 1}. ${clip(i.title, 40)}: left out ${d}`);
          }
          return 0;
        }
        const chosen = items.filter((i) => (i.match.sourceId !== null ? i.match.sure : create));
        if (!chosen.length) {
          io.err(
            `Nothing to apply from ${file}: no item surely matches a source${create ? '' : ' (--create makes empty sources of those with no match)'}`,
          );
          return 1;
        }
        const r = await call(wb, 'applyReferences', {
          items: chosen.map((i) => ({
            csl: i.match.sourceId === null && !i.csl.title ? { ...i.csl, title: i.title } : i.csl,
            sourceId: i.match.sourceId,
          })),
        });
        const unsure = items.filter((i) => i.match.sourceId !== null && !i.match.sure).length;
        if (json) io.out(JSON.stringify(r, null, 2));
        else
          io.out(
            `${r.updated.length} ${r.updated.length === 1 ? 'source' : 'sources'} updated, ${r.created.length} created${unsure ? `; ${unsure} to confirm in the app (References…)` : ''}`,
          );
        return 0;
      }
      case 'compare': {
        const [a, b] = p.args.map(Number);
        if (!Number.isInteger(a) || !Number.isInteger(b) || a! <= 0 || b! <= 0) throw new CliError('compare needs two source ids');
        const c = await call(wb, 'compareSources', { a: a!, b: b! });
        if (json) {
          io.out(
            JSON.stringify(
              {
                pairs: c.pairs.map(({ a: x, b: y, similarity, kind }) => ({
                  a: { passageId: x.passageId, start: x.start, end: x.end },
                  b: { passageId: y.passageId, start: y.start, end: y.end },
                  similarity,
                  kind,
                })),
                onlyA: c.onlyA,
                onlyB: c.onlyB,
              },
              null,
              2,
            ),
          );
        } else {
          io.out(`#${c.a.id} ${c.a.title}  ⇆  #${c.b.id} ${c.b.title}`);
          io.out(
            `${c.pairs.length} pairs; ${Math.round(c.sharedA * 100)}% of A and ${Math.round(c.sharedB * 100)}% of B shared; ${c.onlyA.length} passages only in A, ${c.onlyB.length} only in B`,
          );
          for (const pr of c.pairs) io.out(`  ¶${pr.a.ordinal} ⇆ ¶${pr.b.ordinal}  ${pr.similarity.toFixed(2)} ${pr.kind}`);
        }
        return 0;
      }
      case 'collate': {
        const ids = p.args.map(Number);
        const bad = p.args.find((a, i) => !Number.isInteger(ids[i]) || ids[i]! <= 0);
        if (bad !== undefined) throw new CliError(`collate takes source ids: "${bad}" is not one`);
        const baseFlag = p.flags.get('--base');
        const base = baseFlag === undefined ? undefined : Number(baseFlag);
        if (base !== undefined && (!Number.isInteger(base) || base <= 0))
          throw new CliError(`--base takes a source id: "${String(baseFlag)}" is not one`);
        const input = { ids, ...(base !== undefined ? { base } : {}) };
        if (json) {
          io.out(JSON.stringify(await call(wb, 'collateSources', input), null, 2));
          return 0;
        }
        const format = p.flags.get('--format') ?? 'markdown';
        if (format !== 'markdown' && format !== 'tei') throw new CliError(`--format is markdown or tei, not "${String(format)}"`);
        const file = await call(wb, 'exportCollation', { ...input, format });
        const out = p.flags.get('--out');
        if (out === true) throw new CliError('--out needs a path');
        if (out === undefined) io.out(file.content);
        else {
          fs.writeFileSync(out, file.content);
          io.out(`Wrote ${out}`);
        }
        return 0;
      }
      case 'claims': {
        const claims = await call(wb, 'listClaims', { sourceId: Number(p.args[0]) });
        printClaims(claims, json, `source #${p.args[0]}`, io);
        return 0;
      }
      case 'events': {
        const [sub = 'list', ...rest] = p.args;
        if (sub === 'list') {
          if (rest.length) throw new CliError(`unexpected argument "${rest[0]}" for events list (see sourcebench help events)`);
          if (p.flags.has('--into')) throw new CliError('--into is for events merge (see sourcebench help events)');
          const events = await call(wb, 'listEvents', {});
          if (json) io.out(JSON.stringify(events, null, 2));
          else if (!events.length) io.out(`No events in ${await projectPath(wb)} yet: claims and their events are found when sources are imported`);
          else printEvents(events, io);
          return 0;
        }
        if (sub === 'rename') {
          if (rest.length !== 2)
            throw new CliError('events rename needs the event and its new label: sourcebench events rename "Great Terror" "Great Purge"');
          const event = await call(wb, 'renameEvent', { from: rest[0]!, to: rest[1]! });
          if (json) io.out(JSON.stringify(event, null, 2));
          else io.out(`Renamed "${rest[0]}" to "${event.label}": ${describeEvent(event)}`);
          return 0;
        }
        if (sub === 'merge') {
          const into = p.flags.get('--into');
          if (into === undefined || into === true) throw new CliError('events merge needs --into LABEL, the label of the merged event');
          if (!rest.length)
            throw new CliError('events merge needs the events to merge: sourcebench events merge "Great Terror" Purges --into "Great Purge"');
          const event = await call(wb, 'mergeEvents', { events: rest, into });
          if (json) io.out(JSON.stringify(event, null, 2));
          else io.out(`Merged ${rest.map((e) => `"${e}"`).join(', ')} into "${event.label}": ${describeEvent(event)}`);
          return 0;
        }
        throw new CliError(`unknown events command "${sub}": events list, events rename or events merge (see sourcebench help events)`);
      }
      case 'pages': {
        const id = sourceIdArg('pages', p.args[0]);
        const orderFlag = p.flags.get('--order');
        if (orderFlag === true) throw new CliError('--order needs the pages in their new order: --order 3,1,2');
        const source = await call(wb, 'getSource', { id, first: 1 });
        if (source.format !== 'image' || !source.image) {
          throw new ApiError('invalid_request', `${source.title} (source #${id}) is not a photograph or scan: only image sources have page images`);
        }
        if (orderFlag === undefined) {
          printPages(source, json, io);
          return 0;
        }
        const pages = orderFlag.split(',').map((n) => n.trim());
        const bad = pages.find((n) => !/^[1-9]\d*$/.test(n));
        if (bad !== undefined) throw new CliError(`--order takes page numbers separated by commas (3,1,2): "${bad}" is not one`);
        await recognised(wb, [id], io);
        const result = await call(wb, 'setPageOrder', { id, pages: pages.map(Number) });
        const after = await call(wb, 'getSource', { id, first: 1 });
        if (json) io.out(JSON.stringify({ ...replaced(result), pages: after.image?.pages ?? [] }, null, 2));
        else {
          io.out(`The pages of #${id} ${after.title} are now in the order ${pages.join(', ')}${movedNote(result)}`);
          printPages(after, false, io);
        }
        return 0;
      }
      case 'merge': {
        if (p.args.length < 2) throw new CliError('merge needs the source to merge into and at least one more: sourcebench merge 3 4 5');
        const ids = p.args.map((a, i) => sourceIdArg('merge', a, i === 0 ? 'the source to merge into' : 'a source to merge'));
        await recognised(wb, ids, io);
        const result = await call(wb, 'mergeImageSources', { ids });
        const after = await call(wb, 'getSource', { id: ids[0]!, first: 1 });
        const pageCount = after.image?.pages.length ?? 0;
        if (json) io.out(JSON.stringify({ ...replaced(result), pages: pageCount }, null, 2));
        else {
          const others = ids.slice(1).map((i) => `#${i}`);
          io.out(
            `Merged ${others.join(', ')} into #${ids[0]} ${after.title}: ${pageCount} page${pageCount === 1 ? '' : 's'}; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} no longer in the library${movedNote(result)}`,
          );
        }
        return 0;
      }
      case 'languages': {
        const add = p.flags.get('--add');
        if (add === true) throw new CliError('--add needs a .traineddata file: sourcebench languages --add rus.traineddata');
        if (add !== undefined) {
          const language = await call(wb, 'addOcrLanguage', { name: path.basename(add), bytes: readInput(add) });
          if (json) io.out(JSON.stringify(language, null, 2));
          else io.out(`Added ${language.code} (${megabytes(language.bytes)}) from ${add}: recognise a source in it with eng+${language.code}`);
          return 0;
        }
        const { folder, languages } = await call(wb, 'listOcrLanguages', {});
        if (json) io.out(JSON.stringify({ folder, languages }, null, 2));
        else {
          io.out(table([['CODE', 'SOURCE', 'SIZE'], ...languages.map((l) => [l.code, l.builtIn ? 'built in' : 'added', megabytes(l.bytes)])]));
          io.out(`\nAdded languages are kept in ${folder}; add one with sourcebench languages --add <code>.traineddata`);
        }
        return 0;
      }
      case 'metadata': {
        if (!p.args.length) throw new CliError('metadata needs at least one source id: sourcebench metadata 3 --box 14');
        const ids = p.args.map((a) => sourceIdArg('metadata', a));
        // Each field's flag, read by name.
        const given: Record<string, string | true | undefined> = {
          type: p.flags.get('--type'),
          language: p.flags.get('--language'),
          archive: p.flags.get('--archive'),
          'archive-place': p.flags.get('--archive-place'),
          archive_collection: p.flags.get('--collection'),
          archive_series: p.flags.get('--series'),
          archive_box: p.flags.get('--box'),
          archive_folder: p.flags.get('--folder'),
          archive_item: p.flags.get('--item'),
          archive_location: p.flags.get('--location'),
        };
        const templateName = p.flags.get('--template');
        const saveAs = p.flags.get('--save-template');
        if (templateName === true) throw new CliError('--template needs the name of a template (see sourcebench metadata --help)');
        if (saveAs === true) throw new CliError('--save-template needs a name for the template');
        const templates = templateName !== undefined || saveAs !== undefined ? await call(wb, 'listTemplates', {}) : [];
        const named = (name: string) => templates.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
        const values: Record<string, string> = {};
        if (templateName !== undefined) {
          const template = named(templateName);
          if (!template) {
            throw new ApiError(
              'not_found',
              `There is no template named "${templateName}" in ${await projectPath(wb)}${templates.length ? ` (it has ${templates.map((t) => `"${t.name}"`).join(', ')})` : ' (it has none yet: make one with --save-template NAME)'}`,
            );
          }
          Object.assign(values, template.values);
        }
        for (const [field, value] of Object.entries(given)) {
          if (value === true) throw new CliError(`--${FIELD_FLAG[field]} needs a value ('' clears the field)`);
          if (value !== undefined) values[field] = value;
        }
        if (!Object.keys(values).length) {
          if (saveAs !== undefined) throw new CliError('--save-template needs fields to keep: give --archive, --box… or --template');
          const shown = await Promise.all(ids.map((id) => call(wb!, 'getSource', { id, first: 1 })));
          if (json)
            io.out(
              JSON.stringify(
                shown.map((s) => ({ id: s.id, title: s.title, ...archivalOf(s.csl) })),
                null,
                2,
              ),
            );
          else for (const s of shown) printArchival(s, io);
          return 0;
        }
        // Checked as the contract checks them, before anything is written; a refused value is named by its flag.
        let checked: Input<'applyMetadata'>;
        try {
          checked = validate('applyMetadata', { ids, values }).input as Input<'applyMetadata'>;
        } catch (err) {
          const [, field, why] = /^applyMetadata: values\.([^:]+): (.*)$/.exec((err as Error).message) ?? [];
          if (field && FIELD_FLAG[field]) throw new CliError(`--${FIELD_FLAG[field]}: ${why}`);
          throw err;
        }
        const result = await call(wb, 'applyMetadata', checked);
        const saved = saveAs === undefined ? null : await call(wb, 'saveTemplate', { id: named(saveAs)?.id, name: saveAs, values: checked.values });
        if (json) io.out(JSON.stringify({ updated: result.updated, values: checked.values, ...(saved ? { template: saved } : {}) }, null, 2));
        else {
          const fields = Object.keys(checked.values).map((f) => `--${FIELD_FLAG[f]}`);
          io.out(
            `Set ${fields.join(', ')} on ${result.updated.length} source${result.updated.length === 1 ? '' : 's'} (${result.updated.map((i) => `#${i}`).join(', ')})${saved ? `; kept as the template "${saved.name}"` : ''}`,
          );
        }
        return 0;
      }
      case 'serve': {
        const portFlag = p.flags.get('--port');
        const port = portFlag === undefined ? 0 : Number(portFlag);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, not "${String(portFlag)}"`);
        if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) {
          throw new Failure('the workbench UI is not built yet: run `npm run build` first (npm run serve does both)');
        }
        const server = await startServer({ service: wb, staticDir: rendererDir(), port });
        io.out(`Sourcebench (browser mode) on ${await projectPath(wb)}`);
        io.out(`Open ${server.url}`);
        // Stays open while serving; however serving ends (Ctrl-C, a terminal closed, `kill`,
        // the launching process gone), the project is closed cleanly: background work
        // settled, the write-ahead log folded into the file.
        const served = wb;
        wb = undefined;
        return await new Promise<number>((resolve) => {
          let stopping = false;
          const stop = () => {
            if (stopping) return;
            stopping = true;
            void server
              .close()
              .then(() => served.shutdown())
              .then(
                () => {
                  if (process.connected) process.disconnect();
                  resolve(0);
                },
                (err: Error) => {
                  io.err(`sourcebench: ${err.message}`);
                  resolve(1);
                },
              );
          };
          for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
          // Started by a launcher with an IPC channel (`npm start`): its end is ours.
          if (process.connected) process.once('disconnect', stop);
        });
      }
    }
    return 0;
  } catch (err) {
    // A closed pipe is how a reader says it has enough (`| head`): not an error.
    if (err instanceof OutputClosed) return !err.reason || err.reason.code === 'EPIPE' ? 0 : 1;
    io.err(`sourcebench: ${err instanceof Error ? err.message : String(err)}`);
    return exitCodeOf(err);
  } finally {
    wb?.close();
  }
}

/**
 * The folders among import targets: how many files in each Sourcebench imports, and the
 * others (skipped by the import job), named relative to the folder.
 */
function scanFolders(targets: string[]): { target: string; files: number; skipped: string[] }[] {
  const folders: { target: string; files: number; skipped: string[] }[] = [];
  for (const target of targets) {
    const folder = path.resolve(target);
    try {
      if (!fs.statSync(folder).isDirectory()) continue;
    } catch {
      continue; // reported by the import
    }
    const files = listFiles(folder);
    const others = files.filter((f) => !isSupportedFile(f));
    folders.push({ target, files: files.length - others.length, skipped: others.map((f) => path.relative(folder, f)) });
  }
  return folders;
}

/**
 * Imports through the contract, as the app does: an `importPaths` job (one per
 * MAX_IMPORT_PATHS paths), followed with `importProgress` (a long poll) to draw the
 * progress line. Ctrl-C calls `cancelImport`: the job stops before its next write, so the
 * files already done stay in and the one being read is left out; a second Ctrl-C quits
 * at once (nothing is half-written either way: each batch is one transaction).
 */
async function importJobs(
  wb: Workbench,
  targets: string[],
  io: CliIo,
): Promise<{ outcomes: ImportOutcome[]; cancelled: boolean; complete: boolean }> {
  const show = io.progress;
  const outcomes: ImportOutcome[] = [];
  let job: number | null = null;
  let cancelled = false;
  const cancel = (id: number) => void call(wb, 'cancelImport', { job: id }).catch((err: Error) => io.err(`sourcebench: ${err.message}`));
  const stopListening = io.onInterrupt?.(() => {
    cancelled = true;
    show?.(null);
    io.err('Cancelling: the files already imported stay in; stopping before the next one (Ctrl-C again to quit at once)');
    if (job !== null) cancel(job);
  });
  // The jobs before this one: their files, megabytes and passages, for one progress line over all.
  const before = { done: 0, total: 0, bytes: 0, passages: 0 };
  // Every job ran to its end (a Ctrl-C may still come as the last one finishes).
  let complete = true;
  try {
    for (let i = 0; i < targets.length && !cancelled; i += MAX_IMPORT_PATHS) {
      let p = await call(wb, 'importPaths', { paths: targets.slice(i, i + MAX_IMPORT_PATHS) });
      job = p.job;
      if (cancelled) cancel(job);
      for (;;) {
        outcomes.push(...p.results);
        if (p.state !== 'running') break;
        // Drawn once the job has listed its files.
        if (!cancelled && p.total) {
          show?.(
            progressLine({
              done: before.done + p.done,
              total: before.total + p.total,
              bytes: before.bytes + p.bytes,
              passages: before.passages + p.passages,
              current: p.current,
            }),
          );
        }
        p = await call(wb, 'importProgress', { job: p.job, after: p.next });
      }
      job = null;
      before.done += p.done;
      before.total += p.total;
      before.bytes += p.bytes;
      before.passages += p.passages;
      if (p.state === 'cancelled') cancelled = true;
      if (p.state !== 'done' || (cancelled && i + MAX_IMPORT_PATHS < targets.length)) complete = false;
    }
  } finally {
    // A Ctrl-C that came while a write held the thread is read in the event loop's next
    // poll for I/O: a turn of the loop is given to it before the listener goes.
    if (stopListening) for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    stopListening?.();
    show?.(null);
  }
  return { outcomes, cancelled, complete };
}

/** A source id given as an argument, or a usage error naming the command and what it is for. */
function sourceIdArg(command: string, arg: string | undefined, what = 'a source id'): number {
  const id = Number(arg);
  if (arg === undefined || !/^\d+$/.test(arg) || !Number.isInteger(id) || id <= 0) {
    throw new CliError(`${command} needs ${what} (a whole number, as sourcebench sources lists them), not "${arg ?? ''}"`);
  }
  return id;
}

/**
 * Waits until the text of these image sources is recognised: recognition left unfinished
 * starts again when a project opens, and pages are not moved while it runs (ocr/pages.ts).
 * A source that is not there or not an image is left for the service to refuse, named.
 */
async function recognised(wb: Workbench, ids: number[], io: CliIo): Promise<void> {
  const busy: string[] = [];
  for (const id of ids) {
    const s = await call(wb, 'getSource', { id, first: 1 }).catch(() => null);
    if (s?.image && (s.image.ocr.state === 'pending' || s.image.ocr.state === 'running')) busy.push(`${s.title} (source #${id})`);
  }
  if (!busy.length) return;
  io.err(`Waiting for the text of ${busy.join(', ')} to be recognised first (Ctrl-C stops waiting; nothing is changed)`);
  await wb.ocrIdle();
}

/** A file's bytes, or a failure naming it (exit code 1). */
function readInput(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    throw new Failure(`${file} could not be read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** A page order or merge's result for --json: the source as `sources --json` prints it, and the annotations moved. */
function replaced(r: ReplaceTextResult) {
  return { source: sourceJson(r.source), annotations: r.annotations, moved: r.moved, orphaned: r.orphaned };
}

/** What became of the annotations when pages moved: said only when some could not be placed again. */
function movedNote(r: ReplaceTextResult): string {
  return r.orphaned
    ? `. ${r.orphaned} of ${r.annotations} annotations could not be placed again (a quote across a moved page's edge): see them in the app`
    : '';
}

function printPages(s: SourceDetail, json: boolean, io: CliIo): void {
  const pages = s.image?.pages ?? [];
  if (json) {
    io.out(JSON.stringify({ id: s.id, title: s.title, pages }, null, 2));
    return;
  }
  io.out(`#${s.id} ${s.title}: ${pages.length} page${pages.length === 1 ? '' : 's'}`);
  io.out(
    table([
      ['PAGE', 'FILE', 'SIZE', 'TYPE', 'DATE'],
      ...pages.map((pg) => [String(pg.page), clip(pg.fileName, 48), `${pg.width} × ${pg.height}`, pg.mime, pg.exifDate ?? '—']),
    ]),
  );
}

/** The flag that sets each shared field (`metadata`). */
const FIELD_FLAG: Record<string, string> = {
  type: 'type',
  language: 'language',
  archive: 'archive',
  'archive-place': 'archive-place',
  archive_collection: 'collection',
  archive_series: 'series',
  archive_box: 'box',
  archive_folder: 'folder',
  archive_item: 'item',
  archive_location: 'location',
};

/** A source's archival fields, the place in the archive as citations print it (composed when not written out). */
function archivalOf(csl: CslItem) {
  const fields = Object.fromEntries(ARCHIVAL_FIELDS.map((f) => [f, typeof csl[f] === 'string' ? (csl[f] as string) : null]));
  return { type: csl.type, language: typeof csl.language === 'string' ? csl.language : null, ...fields, cited: archiveLocationOf(csl) ?? null };
}

function printArchival(s: SourceDetail, io: CliIo): void {
  const a = archivalOf(s.csl);
  io.out(`#${s.id} ${s.title}`);
  for (const f of SHARED_FIELDS) {
    const value = (a as Record<string, string | null>)[f];
    if (value) io.out(`  ${`${SHARED_FIELD_LABELS[f]}:`.padEnd(36)} ${value}`);
  }
  io.out(`  ${'Cited as:'.padEnd(36)} ${a.cited || '—'}`);
}

/** Whether any note (annotation) is on the source, or tagged (or on a source tagged) so, as `exportMarkdown` picks them. */
async function hasNotesToExport(wb: Workbench, sourceId: number | undefined, tag: string | undefined): Promise<boolean> {
  const notes = await call(wb, 'listAnnotations', sourceId === undefined ? {} : { sourceId });
  if (tag === undefined) return notes.length > 0;
  const wanted = tag.trim().toLowerCase();
  const tagged = (tags: string[]) => tags.some((t) => t.toLowerCase() === wanted);
  const sourceTags = new Map((await call(wb, 'listSources', {})).map((s) => [s.id, s.tags]));
  return notes.some((a) => tagged(a.tags) || tagged(sourceTags.get(a.sourceId) ?? []));
}

/** The years an event's claims cover, as a span. */
function yearsOf(e: EventSummary): string {
  if (e.fromYear === null) return '—';
  return e.fromYear === e.toYear ? String(e.fromYear) : `${e.fromYear}–${e.toYear}`;
}

function describeEvent(e: EventSummary): string {
  const aliases = e.aliases.length ? `; also named ${e.aliases.join(', ')}` : '';
  return `${e.claims} claim${e.claims === 1 ? '' : 's'}${e.measures.length ? ` (${e.measures.join(', ')})` : ''}${aliases}`;
}

function printEvents(events: EventSummary[], io: CliIo): void {
  io.out(
    table([
      ['EVENT', 'CLAIMS', 'MEASURES', 'YEARS', 'ALIASES'],
      ...events.map((e) => [
        `${clip(e.label, 40)}${e.named ? '' : ' *'}`,
        String(e.claims),
        e.measures.join(', '),
        yearsOf(e),
        e.aliases.join(', ') || '—',
      ]),
    ]),
  );
  if (events.some((e) => !e.named))
    io.out("\n* does not look like an event's name: not proposed as a question (rename it, or merge it into an event)");
}

/** A few names, and how many more. */
function listed(names: string[], shown = 5): string {
  return names.length <= shown ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/** `claims <file>`: offsets are into the file's text exactly as read (nothing normalised). */
function claimsOfFile(file: string | undefined, json: boolean, io: CliIo): number {
  if (!file) throw new CliError('claims needs a file');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new Failure(`${file}: no such file`);
  }
  const name = path.basename(file);
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text: string;
  try {
    decodeBytes(name, bytes);
    text = utf8.decode(bytes);
  } catch (err) {
    if (err instanceof ApiError && err.code !== 'bad_encoding') throw new Failure(err.message);
    text = decodeBytes(name, bytes).text;
  }
  printClaims(extractClaims(text), json, name, io);
  return 0;
}

function printClaims(claims: (Claim & { status?: string })[], json: boolean, name: string, io: CliIo): void {
  if (json) return io.out(JSON.stringify(claims, null, 2));
  if (!claims.length) return io.out(`${name}: no numeric claims about people found`);
  for (const c of claims) {
    const value = c.low === c.high ? `${c.low}` : `${c.low ?? '…'}–${c.high ?? '…'}`;
    const status = c.status ? ` (${c.status})` : '';
    io.out(
      `${c.measure.padEnd(10)} ${(c.approx ? '~' : '') + value}${c.unit === 'percent' ? '%' : ''}  “${c.quote.replace(/\s+/g, ' ')}”${c.event ? `  [${c.event}]` : ''}${status}`,
    );
  }
}

const isMain = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode ||= code;
  });
}
