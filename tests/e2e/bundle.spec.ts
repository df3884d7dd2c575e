/**
 * The window's first script, as built: what is parsed before the library can show. The
 * views other than the library load as their own chunks, and the window carries no
 * validation library (the contract's schemas stay in main). Reads the build output only.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './fixtures';

const OUT = path.join(ROOT, 'out', 'renderer');

/** The entry script and every chunk it imports statically, transitively. */
function firstScripts(): { file: string; text: string }[] {
  const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in out/renderer/index.html');
  const seen = new Map<string, string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    const text = fs.readFileSync(path.join(OUT, rel), 'utf8');
    seen.set(rel, text);
    // Static imports only (`import … from "./x.js"` or `import "./x.js"`); dynamic import() is lazy.
    for (const m of text.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+)["']/g))
      visit(path.posix.join(path.posix.dirname(rel), m[1]!));
  };
  visit(entry);
  return [...seen].map(([file, text]) => ({ file, text }));
}

test('the first script is small: the reader, notes, evidence and compare load later, and no schema library is shipped', () => {
  const scripts = firstScripts();
  const bytes = scripts.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  for (const s of scripts) {
    expect(s.text, `${s.file} carries the note editor`).not.toContain('Lexical error');
    expect(s.text, `${s.file} carries zod`).not.toContain('ZodError');
  }
  // 1.44 MB before the views were split off and the build minified; about 310 KB after.
  expect(bytes).toBeLessThan(450_000);
  const chunks = fs.readdirSync(path.join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
  for (const view of ['ReaderView', 'NotesView', 'EvidenceView', 'CompareView']) expect(chunks.some((f) => f.startsWith(view))).toBe(true);
});
