/**
 * `sourcebench` on the command line: the same service, called in-process through the
 * same validating boundary as the desktop and browser transports.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Input, MethodName, Output } from '../shared/api';
import type { ImportOutcome, SourceSummary } from '../shared/types';
import { dispatch, validate } from './dispatch';
import type { Claim } from './claims/extract';
import { extractClaims } from './claims/extract';
import { decodeBytes } from './ingest/decode';
import { ApiError } from '../shared/errors';
import { defaultProjectPath, rendererDir, userDataDir } from './paths';
import { startServer } from './server';
import { Workbench } from './workbench';

const USAGE = `usage: sourcebench [--project FILE] <command> [options]

commands:
  import <paths…>            import files or folders (.txt, .md, .html)
  sources [--json]           list the project's sources
  show <source-id> [--json]  print a source's metadata and passages
  search <query> [--json] [--limit N]
                             find passages (words, "phrases", -exclude, prefix*,
                             a OR b, source:, tag:, in:, date:1936..1938)
  export markdown [--source ID | --tag NAME] [--out PATH]
                             notes with their passages and citations as Markdown
                             (--out FOLDER/ for one file per source; stdout without --out)
  export annotations --format jsonld [--out PATH]
                             annotations as W3C Web Annotation JSON-LD
  compare <source-a> <source-b> [--json]
                             align two sources: matching passages, and what only one has
  claims <file> [--json]     the numeric claims about people a text makes (the file is
                             read, not imported)
  claims <source-id> [--json]
                             the claims stored for a source
  serve [--port N]           serve the workbench in browser mode on 127.0.0.1

The project defaults to the app's default project (${path.join(userDataDir(), 'Default.sourcebench')}).`;

class CliError extends Error {}

interface Parsed {
  command?: string;
  args: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--project', '--port', '--limit', '--out', '--format', '--source', '--tag']);

export function parseArgs(argv: string[]): Parsed {
  const out: Parsed = { args: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.split('=', 2) as [string, string | undefined];
      if (v !== undefined) out.flags.set(k, v);
      else if (VALUE_FLAGS.has(k)) {
        const next = argv[++i];
        if (next === undefined) throw new CliError(`${k} needs a value`);
        out.flags.set(k, next);
      } else out.flags.set(k, true);
    } else if (!out.command) out.command = a;
    else out.args.push(a);
  }
  return out;
}

async function call<M extends MethodName>(wb: Workbench, method: M, input: Input<M>): Promise<Output<M>> {
  const reply = await dispatch(wb, method, input);
  if (!reply.ok) throw new CliError(reply.error.message);
  return reply.value as Output<M>;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
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
}

const stdio: CliIo = {
  out: (s) => void process.stdout.write(`${s}\n`),
  err: (s) => void process.stderr.write(`${s}\n`),
};

export async function runCli(argv: string[], io: CliIo = stdio): Promise<number> {
  let wb: Workbench | undefined;
  try {
    const p = parseArgs(argv);
    if (!p.command || p.flags.has('--help') || p.command === 'help') {
      io.out(USAGE);
      return p.command || p.flags.has('--help') ? 0 : 2;
    }
    const json = p.flags.has('--json');
    const project = p.flags.get('--project');
    if (project === true) throw new CliError('--project needs a file');
    const commands = ['import', 'sources', 'show', 'search', 'export', 'claims', 'compare', 'serve'];
    if (!commands.includes(p.command)) throw new CliError(`unknown command "${p.command}" (try --help)`);
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
      onWaiting: (message) => io.err(message),
    });

    switch (p.command) {
      case 'import': {
        if (!p.args.length) throw new CliError('import needs at least one file or folder');
        // Validated like any API call, then imported as one batched run.
        for (const target of p.args) validate('importPath', { path: target });
        const outcomes = wb.importPaths(p.args);
        if (json) io.out(JSON.stringify(outcomes, null, 2));
        else for (const o of outcomes) (o.status === 'failed' ? io.err : io.out)(describeOutcome(o));
        return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
      }
      case 'sources': {
        const list = await call(wb, 'listSources', {});
        if (json) io.out(JSON.stringify(list.map(sourceJson), null, 2));
        else if (!list.length) io.out(`No sources in ${wb.projectPath} yet: sourcebench import <files…>`);
        else {
          io.out(
            table([
              ['ID', 'TITLE', 'AUTHOR', 'DATE', 'TAGS', 'PASSAGES', 'CHARS'],
              ...list.map((s) => [String(s.id), clip(s.title, 48), clip(s.author, 24), s.date ?? '—', clip(s.tags.join(', '), 24) , String(s.passages), String(s.chars)]),
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
          io.out(JSON.stringify({ ...sourceJson(s), kind: s.kind, fileName: s.fileName, language: s.language, importedAt: s.importedAt, passageList: s.passageList }, null, 2));
        } else {
          io.out(`#${s.id} ${s.title}`);
          io.out([s.author, s.date, s.origin].filter(Boolean).join(' · ') || '(no author, date or origin)');
          if (s.tags.length) io.out(`tags: ${s.tags.join(', ')}`);
          io.out('');
          for (const ps of s.passageList) io.out(`¶${ps.ordinal}\t${ps.text}\n`);
        }
        return 0;
      }
      case 'search': {
        const query = p.args.join(' ');
        if (!query.trim()) throw new CliError('search needs a query');
        const limitFlag = p.flags.get('--limit');
        const limit = limitFlag === undefined ? 20 : Number(limitFlag);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError(`--limit must be a whole number from 1 to 500, not "${String(limitFlag)}"`);
        await wb.whenSearchReady();
        const r = await call(wb, 'search', { query, limit });
        if (json) {
          io.out(JSON.stringify(r.hits.map(({ kind, sourceId, sourceTitle, passageId, start, end, snippet, score }) => ({ kind, sourceId, sourceTitle, passageId, start, end, snippet, score })), null, 2));
        } else {
          for (const problem of r.problems) io.err(`note: ${problem}`);
          if (!r.hits.length) io.out('No passage matches.');
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
            const hint = h.matched.length ? `  (matched ${h.matched.map((m) => `${m.found} for ${m.typed}`).join(', ')})` : '';
            io.out(`  ¶${h.ordinal}  ${marked}${hint}`);
          }
          if (r.hits.length) io.out(`\n${r.hits.length} shown of ${r.total.toLocaleString()}${r.totalCapped ? '+' : ''} matching passages`);
        }
        return 0;
      }
      case 'export': {
        const what = p.args[0];
        const out = p.flags.get('--out');
        if (out === true) throw new CliError('--out needs a path');
        const write = (files: { name: string; content: string }[], folder: boolean) => {
          if (out === undefined) return io.out(files.map((f) => f.content).join('\n'));
          if (folder) {
            fs.mkdirSync(out, { recursive: true });
            for (const f of files) fs.writeFileSync(path.join(out, f.name), f.content);
            io.out(`Wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${out}`);
          } else {
            fs.writeFileSync(out, files[0]!.content);
            io.out(`Wrote ${out}`);
          }
        };
        if (what === 'markdown') {
          const source = p.flags.get('--source');
          const tag = p.flags.get('--tag');
          if (source !== undefined && tag !== undefined) throw new CliError('give --source or --tag, not both');
          const sourceId = source === undefined ? undefined : Number(source);
          if (sourceId !== undefined && (!Number.isInteger(sourceId) || sourceId <= 0)) throw new CliError(`--source needs a source id, not "${String(source)}"`);
          if (tag === true) throw new CliError('--tag needs a tag name');
          const folder = out !== undefined && (out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(out) && fs.statSync(out).isDirectory()));
          write(await call(wb, 'exportMarkdown', { sourceId, tag, perSource: folder }), folder);
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
      case 'compare': {
        const [a, b] = p.args.map(Number);
        if (!Number.isInteger(a) || !Number.isInteger(b) || a! <= 0 || b! <= 0) throw new CliError('compare needs two source ids');
        const c = await call(wb, 'compareSources', { a: a!, b: b! });
        if (json) {
          io.out(
            JSON.stringify(
              {
                pairs: c.pairs.map(({ a: x, b: y, similarity, kind }) => ({ a: { passageId: x.passageId, start: x.start, end: x.end }, b: { passageId: y.passageId, start: y.start, end: y.end }, similarity, kind })),
                onlyA: c.onlyA,
                onlyB: c.onlyB,
              },
              null,
              2,
            ),
          );
        } else {
          io.out(`#${c.a.id} ${c.a.title}  ⇆  #${c.b.id} ${c.b.title}`);
          io.out(`${c.pairs.length} pairs; ${Math.round(c.sharedA * 100)}% of A and ${Math.round(c.sharedB * 100)}% of B shared; ${c.onlyA.length} passages only in A, ${c.onlyB.length} only in B`);
          for (const pr of c.pairs) io.out(`  ¶${pr.a.ordinal} ⇆ ¶${pr.b.ordinal}  ${pr.similarity.toFixed(2)} ${pr.kind}`);
        }
        return 0;
      }
      case 'claims': {
        const claims = wb.claimsOf(Number(p.args[0]));
        printClaims(claims, json, `source #${p.args[0]}`, io);
        return 0;
      }
      case 'serve': {
        const portFlag = p.flags.get('--port');
        const port = portFlag === undefined ? 0 : Number(portFlag);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, not "${String(portFlag)}"`);
        if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) {
          throw new CliError('the workbench UI is not built yet: run `npm run build` first (npm run serve does both)');
        }
        const server = await startServer({ service: wb, staticDir: rendererDir(), port });
        io.out(`Sourcebench (browser mode) on ${wb.projectPath}`);
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
    io.err(`sourcebench: ${err instanceof Error ? err.message : String(err)}`);
    return err instanceof CliError || (err as { code?: string }).code ? 2 : 1;
  } finally {
    wb?.close();
  }
}

/** `claims <file>`: offsets are into the file's text exactly as read (nothing normalised). */
function claimsOfFile(file: string | undefined, json: boolean, io: CliIo): number {
  if (!file) throw new CliError('claims needs a file');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  const name = path.basename(file);
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text: string;
  try {
    decodeBytes(name, bytes);
    text = utf8.decode(bytes);
  } catch (err) {
    if (err instanceof ApiError && err.code !== 'bad_encoding') throw new CliError(err.message);
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
    io.out(`${c.measure.padEnd(10)} ${(c.approx ? '~' : '') + value}${c.unit === 'percent' ? '%' : ''}  “${c.quote.replace(/\s+/g, ' ')}”${c.event ? `  [${c.event}]` : ''}${status}`);
  }
}

const isMain = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
