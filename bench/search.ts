/**
 * Search benchmark: Sourcebench search (FTS5 + vocabulary typo tolerance) beside plain
 * FTS5 and plain MiniSearch over the same passages, with a fixed, seeded query mix drawn
 * from the passages themselves: 1–3 words, prefix, one-typo, phrase, filtered.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import MiniSearch from 'minisearch';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { toFts, parseQuery } from '../src/main/search/query';
import { Workbench } from '../src/main/workbench';
import { Vocabulary } from '../src/main/search/vocabulary';
import type { CorpusFile } from './corpus';
import { pct } from './stats';

export type Row = [string, string, string];
type Kind = 'words' | 'prefix' | 'typo' | 'phrase' | 'filtered';
const KINDS: Kind[] = ['words', 'prefix', 'typo', 'phrase', 'filtered'];
const PER_KIND = 200;
const TOP = 20;

interface Query {
  kind: Kind;
  text: string;
  /** The passage the query was drawn from. */
  passageText: string;
  sourceId: number;
  sourceWords: string[];
  words: string[];
}

/** A small seeded generator, so every run asks the same questions. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const mbOf = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

function typo(word: string, rand: () => number): string {
  const i = 1 + Math.floor(rand() * (word.length - 2));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const op = Math.floor(rand() * 4);
  const c = letters[Math.floor(rand() * 26)]!;
  if (op === 0) return word.slice(0, i) + (c === word[i] ? letters[(letters.indexOf(c) + 1) % 26] : c) + word.slice(i + 1);
  if (op === 1) return word.slice(0, i) + word.slice(i + 1);
  if (op === 2) return word.slice(0, i) + c + word.slice(i);
  return word[i + 1] && word[i + 1] !== word[i] ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
}

export function makeQueries(db: Database.Database, count: number, seed = 1937): Query[] {
  const rand = rng(seed);
  const max = (db.prepare('SELECT max(id) FROM passage').pluck().get() as number) ?? 0;
  const get = db.prepare(
    'SELECT p.text, p.source_id AS sourceId, s.title FROM passage p JOIN source s ON s.id = p.source_id WHERE p.id >= ? LIMIT 1',
  );
  const docFreqStmt = db.prepare('SELECT doc FROM passage_vocab WHERE term = ?').pluck();
  const docFreq = { get: (w: string) => docFreqStmt.get(w) };
  const out: Query[] = [];
  for (const kind of KINDS) {
    let made = 0;
    for (let guard = 0; made < count && guard < count * 50; guard++) {
      const row = get.get(1 + Math.floor(rand() * max)) as { text: string; sourceId: number; title: string } | undefined;
      if (!row) continue;
      const words = row.text.split(/[^A-Za-z]+/).filter((w) => w.length >= 4);
      if (words.length < 4) continue;
      const pick = (list: string[]) => list[Math.floor(rand() * list.length)]!;
      const sourceWords = row.title
        .split(/[^A-Za-z]+/)
        .filter((w) => w.length >= 4)
        .slice(0, 2);
      let text: string;
      if (kind === 'words') text = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(words)).join(' ');
      else if (kind === 'prefix') text = `${pick(words).slice(0, 4)}*`;
      else if (kind === 'typo') {
        // As a historian would: the passage's most distinctive word (a name, a place),
        // misspelled, with its next most distinctive word.
        const rarest = [...new Set(words.map((w) => w.toLowerCase()))]
          .map((w) => [w, (docFreq.get(w) as number | undefined) ?? 0] as const)
          .sort((a, b) => a[1] - b[1]);
        const target = rarest.find(([w]) => w.length >= 6)?.[0];
        const other = rarest.find(([w]) => w !== target)?.[0];
        if (!target || !other) continue;
        text = `${typo(target, rand)} ${other}`;
      } else if (kind === 'phrase') {
        const seq = row.text.split(/\s+/);
        const at = Math.floor(rand() * Math.max(1, seq.length - 3));
        const phrase = seq
          .slice(at, at + 3)
          .join(' ')
          .replace(/[^A-Za-z ]+/g, ' ')
          .trim();
        if (phrase.split(/\s+/).length < 2) continue;
        text = `"${phrase}"`;
      } else {
        if (!sourceWords.length) continue;
        text = `${pick(words)} source:"${sourceWords.join(' ')}"`;
      }
      out.push({ kind, text, passageText: row.text, sourceId: row.sourceId, sourceWords, words });
      made++;
    }
  }
  return out;
}

/** Imports whole files until the project holds at least `target` passages. */
export async function buildProject(files: CorpusFile[], target: number, dir: string) {
  const home = fs.mkdtempSync(path.join(dir, 'search-'));
  const project = path.join(home, 'search.sourcebench');
  const wb = Workbench.open({ home, project, createMissing: true });
  // Enough whole files for the target, counting each file's paragraphs (blank-line
  // separated blocks; the importer splits very long ones, so this slightly undercounts).
  const chosen: CorpusFile[] = [];
  let estimate = 0;
  for (const f of files) {
    if (estimate >= target) break;
    chosen.push(f);
    estimate += fs
      .readFileSync(f.path, 'utf8')
      .split(/\n\s*\n/)
      .filter((p) => p.trim()).length;
  }
  const t0 = performance.now();
  let passages = 0;
  for (const o of await wb.importAll(chosen.map((f) => f.path))) if (o.status === 'imported') passages += o.source.passages;
  const seconds = (performance.now() - t0) / 1000;
  const bytes = chosen.reduce((n, f) => n + f.bytes, 0);
  wb.close();
  return { home, project, passages, bytes, seconds };
}

function hitIsIntended(texts: string[], q: Query): boolean {
  return texts.some((t) => t === q.passageText);
}

/** Runs the real app (browser mode) on the project, queries it, and reads its resident memory. */
async function appMemory(home: string, project: string, queries: string[]): Promise<string | null> {
  if (!fs.existsSync('/proc/self/status')) return null;
  const bin = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'bin', 'sourcebench.mjs');
  const child = spawn(process.execPath, [bin, '--project', project, 'serve', '--port', '0'], {
    env: { ...process.env, SOURCEBENCH_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string | null>((resolve) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => resolve(null));
    });
    if (!url) return null;
    const { origin, searchParams } = new URL(url);
    const ask = async (query: string) => {
      const res = await fetch(`${origin}/api/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sourcebench-Token': searchParams.get('token')! },
        body: JSON.stringify({ query, limit: 50 }),
      });
      return (await res.json()) as { ok: boolean; value?: { typoTolerance: string } };
    };
    for (let i = 0; i < 600; i++) {
      if ((await ask('the'))?.value?.typoTolerance === 'ready') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const q of queries) await ask(q);
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return `${mbOf(kb('VmRSS') * 1024)} / ${mbOf(kb('VmHWM') * 1024)}`;
  } finally {
    child.kill('SIGTERM');
  }
}

export async function benchSearch(files: CorpusFile[], size: number, options: { minisearch: boolean; verbose?: boolean }): Promise<Row[]> {
  const rows: Row[] = [];
  const label = size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
  const row = (what: string, value: string, note = '') => {
    rows.push([`[${label}] ${what}`, value, note]);
    console.error(`  [${label}] ${what}: ${value} ${note}`);
  };
  /** Times each query (the search alone), then checks what typo queries found; one row per kind. */
  const measure = async (engine: string, queries: Query[], search: (q: Query) => Promise<() => string[]>) => {
    const times = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
    let found = 0;
    let typos = 0;
    for (const q of queries) {
      const s = performance.now();
      const texts = await search(q);
      times.get(q.kind)!.push(performance.now() - s);
      if (q.kind === 'typo') {
        typos++;
        if (hitIsIntended(texts(), q)) found++;
      }
    }
    for (const k of KINDS) {
      const t = times.get(k)!;
      row(
        `${engine} ${k}`,
        `p50 ${ms(pct(t, 50))} ms, p95 ${ms(pct(t, 95))} ms`,
        k === 'typo' ? `intended passage in top ${TOP}: ${((found / Math.max(1, typos)) * 100).toFixed(0)}%` : '',
      );
    }
  };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-search-'));
  try {
    const built = await buildProject(files, size, scratch);
    row(
      'Import with indexing',
      `${Math.round(built.passages / built.seconds).toLocaleString()} passages/s`,
      `${built.passages.toLocaleString()} passages, ${(built.bytes / 1048576 / built.seconds).toFixed(1)} MB/s, ${built.seconds.toFixed(0)} s`,
    );

    // Open to first result: a cold open of the project file and one query, before typo tolerance is ready.
    const raw = new Database(built.project, { readonly: true });
    const queries = makeQueries(raw, PER_KIND);
    const firstWord = queries.find((q) => q.kind === 'words')!.text.split(' ')[0]!;
    const t0 = performance.now();
    const wb = Workbench.open({ home: built.home, project: built.project, remember: false });
    const first = await wb.search({ query: firstWord, limit: 20 });
    const openToFirst = performance.now() - t0;
    row('Open to first result', `${ms(openToFirst)} ms`, `${first.hits.length} hits for "${firstWord}"`);
    await wb.whenSearchReady();
    // The vocabulary's own cost, measured on a fresh copy.
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const v0 = performance.now();
    const vocab = new Vocabulary(raw);
    await vocab.build();
    const vocabMs = performance.now() - v0;
    global.gc?.();
    const vocabHeap = process.memoryUsage().heapUsed - heapBefore;
    row(
      'Typo vocabulary load (background)',
      `${ms(vocabMs)} ms`,
      `${vocab.size.toLocaleString()} terms, ${global.gc ? `${mbOf(vocabHeap)} heap` : 'heap not measured (run with --expose-gc)'}`,
    );

    const passageText = raw.prepare('SELECT text FROM passage WHERE id = ?').pluck();
    await measure('Sourcebench', queries, async (q) => {
      const r = await wb.search({ query: q.text, limit: TOP });
      return () => {
        if (
          options.verbose &&
          q.kind === 'typo' &&
          !hitIsIntended(
            r.hits.map((h) => passageText.get(h.passageId) as string),
            q,
          )
        ) {
          console.error(
            `    typo miss: ${q.text}  (alternatives: ${r.expansions.map((x) => `${x.word} → ${x.alternatives.join(' ')}`).join('; ')}; ${r.total} matches)`,
          );
        }
        return r.hits.map((h) => passageText.get(h.passageId) as string);
      };
    });
    wb.close();
    const app = await appMemory(
      built.home,
      built.project,
      queries.slice(0, 100).map((q) => q.text),
    );
    row(
      'App resident memory, project open',
      app ?? 'n/a',
      app ? '`sourcebench serve` after 100 queries, typo vocabulary loaded (VmRSS / peak VmHWM)' : 'needs Linux /proc and a built renderer',
    );

    // Plain FTS5 over the same passages (no typo tolerance).
    const ftsDb = new Database(':memory:');
    const f0 = performance.now();
    ftsDb.exec("CREATE VIRTUAL TABLE t USING fts5(text, source UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')");
    const ins = ftsDb.prepare('INSERT INTO t(rowid, text, source) VALUES (?, ?, ?)');
    ftsDb.transaction(() => {
      for (const p of raw.prepare('SELECT id, text, source_id FROM passage').iterate() as Iterable<{ id: number; text: string; source_id: number }>)
        ins.run(p.id, p.text, p.source_id);
    })();
    row('Plain FTS5: build', `${((performance.now() - f0) / 1000).toFixed(1)} s`, 'in memory');
    const sourcesByWords = (words: string[]) =>
      raw
        .prepare(`SELECT id FROM source WHERE ${words.map(() => 'title LIKE ?').join(' AND ')}`)
        .pluck()
        .all(...words.map((w) => `%${w}%`)) as number[];
    await measure('Plain FTS5', queries, async (q) => {
      const parsed = parseQuery(q.text);
      const filter = q.kind === 'filtered' ? ` AND source IN (${sourcesByWords(parsed.sources[0]!.split(' ')).join(',') || 'NULL'})` : '';
      const texts = ftsDb.prepare(`SELECT text FROM t WHERE t MATCH ?${filter} ORDER BY rank LIMIT ${TOP}`).pluck().all(toFts(parsed)!) as string[];
      return () => texts;
    });
    ftsDb.close();

    if (options.minisearch) {
      // Plain MiniSearch over the passages themselves: typo-tolerant, but all in memory.
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const m0 = performance.now();
      const mini = new MiniSearch<{ id: number; text: string; source: number }>({ fields: ['text'], storeFields: ['text', 'source'] });
      const batch: { id: number; text: string; source: number }[] = [];
      for (const p of raw.prepare('SELECT id, text, source_id AS source FROM passage').iterate() as Iterable<{
        id: number;
        text: string;
        source: number;
      }>) {
        batch.push(p);
        if (batch.length === 10_000) mini.addAll(batch.splice(0));
      }
      mini.addAll(batch);
      row('Plain MiniSearch: build', `${((performance.now() - m0) / 1000).toFixed(1)} s`, `~${mbOf(process.memoryUsage().heapUsed - heap0)} heap`);
      await measure('Plain MiniSearch', queries, async (q) => {
        const parsed = parseQuery(q.text);
        const allowed = q.kind === 'filtered' ? new Set(sourcesByWords(parsed.sources[0]!.split(' '))) : null;
        const results = mini.search(
          parsed.groups
            .flat()
            .map((t) => t.tokens.join(' '))
            .join(' '),
          {
            combineWith: 'AND',
            prefix: q.kind === 'prefix',
            fuzzy: q.kind === 'prefix' ? false : 0.2,
            filter: allowed ? (r) => allowed.has(r.source as number) : undefined,
          },
        );
        return () => results.slice(0, TOP).map((r) => r.text as string);
      });
    }
    raw.close();
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}
