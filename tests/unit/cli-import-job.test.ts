/**
 * `sourcebench import` runs through the API contract, as the app does: an `importPaths`
 * job through `dispatch`, followed with `importProgress`, and Ctrl-C is `cancelImport`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as boundary from '../../src/main/dispatch';
import { runCli } from '../../src/main/cli';
import { Workbench } from '../../src/main/workbench';
import { tempDir, useTempHome } from './helpers';

// The CLI's dispatcher, watched: every call it makes is recorded, and still answered.
vi.mock('../../src/main/dispatch', async (original) => {
  const actual = await original<typeof import('../../src/main/dispatch')>();
  return { ...actual, dispatch: vi.fn(actual.dispatch) };
});

const home = useTempHome();
beforeEach(() => {
  vi.mocked(boundary.dispatch).mockClear();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A folder of `n` small texts, named so they sort in order, each with a word of its own. */
function folderOf(n: number): string {
  const dir = path.join(tempDir(), 'letters');
  fs.mkdirSync(dir);
  for (let i = 1; i <= n; i++) {
    const id = String(i).padStart(3, '0');
    fs.writeFileSync(path.join(dir, `${id}.txt`), `Letter ${id}.\n\nIt speaks of marker${id}quill and of 1,${id} people counted in 1901.`);
  }
  return dir;
}

/** The methods the CLI called through the dispatcher, in order, repeated polls counted once. */
function methodsCalled(): string[] {
  const methods = vi.mocked(boundary.dispatch).mock.calls.map((c) => String(c[1]));
  return methods.filter((m, i) => m !== methods[i - 1]);
}

/** Runs the CLI in-process with a terminal's progress line and a Ctrl-C the test presses. */
async function run(argv: string[], onProgress?: (line: string, interrupt: () => void) => void) {
  const out: string[] = [];
  const err: string[] = [];
  const lines: string[] = [];
  let interrupt: (() => void) | null = null;
  const code = await runCli(argv, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    progress: (line) => {
      if (line === null) return;
      lines.push(line);
      onProgress?.(line, () => interrupt?.());
    },
    onInterrupt: (stop) => {
      interrupt = stop;
      return () => {
        interrupt = null;
      };
    },
  });
  return { code, out, err, lines, listening: interrupt !== null };
}

describe('sourcebench import through the contract', () => {
  it('starts an importPaths job through dispatch and follows it with importProgress, never importAll', async () => {
    const importAll = vi.spyOn(Workbench.prototype, 'importAll');
    const dir = folderOf(3);
    fs.writeFileSync(path.join(dir, 'scan.gif'), 'GIF89a');
    const r = await run(['import', dir]);
    expect(r.code).toBe(0);
    // Named from the folder's parent, as before; the image skipped and listed, not failed.
    expect(r.out).toEqual(['001', '002', '003'].map((id) => expect.stringMatching(new RegExp(`^✓ letters/${id}\\.txt: imported as #\\d+`))));
    expect(r.err).toEqual([`Skipped 1 unsupported file (scan.gif) in ${dir}`]);
    expect(importAll).not.toHaveBeenCalled();
    expect(methodsCalled()).toEqual(['importPaths', 'importProgress']);
    // Any progress line is drawn from the job's progress; Ctrl-C is listened for only while it runs.
    expect(r.lines.every((l) => /^Importing: \d of 3 files \(\d+%\), \d+\.\d MB, \d+ passages/.test(l))).toBe(true);
    expect(r.listening).toBe(false);

    const again = await run(['import', dir, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out.join('\n'))).toEqual(
      ['001', '002', '003'].map((id) => expect.objectContaining({ fileName: path.join('letters', `${id}.txt`), status: 'duplicate' })),
    );
    expect(importAll).not.toHaveBeenCalled();
  });

  it('cancels the job on Ctrl-C: the files done stay in, the rest (the one being read included) do not, and it exits with 130', async () => {
    // Small batches, so that the job is stopped between two of them.
    const open = Workbench.open.bind(Workbench);
    vi.spyOn(Workbench, 'open').mockImplementation((options) => open({ ...options, importBatch: { files: 2, ms: 1e9 } }));
    const dir = folderOf(60);
    const project = path.join(home(), 'cancel.sourcebench');
    let pressed = false;
    const r = await run(['--project', project, 'import', dir, '--json'], (line, interrupt) => {
      if (!pressed && /^Importing: [1-9]/.test(line)) {
        pressed = true;
        interrupt();
      }
    });
    expect(pressed).toBe(true);
    expect(r.lines[0]).toMatch(/^Importing: \d+ of 60 files \(\d+%\), \d+\.\d MB, \d+ passages/);
    expect(r.code).toBe(130);
    expect(methodsCalled()).toContain('cancelImport');
    expect(r.err[0]).toMatch(/^Cancelling: the files already imported stay in/);
    expect(r.err.at(-1)).toMatch(
      /^sourcebench: import cancelled: \d+ files? done \(\d+ in the project\); the rest, the file being read included, were not imported$/,
    );
    const outcomes = JSON.parse(r.out.join('\n')) as { fileName: string; status: string }[];
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.length).toBeLessThan(60);
    // Exactly the files reported are in the project: none after them, none half-written.
    const wb = Workbench.open({ home: home(), project, remember: false, dailyBackup: false });
    try {
      const sources = await wb.listSources();
      expect(sources.map((s) => s.fileName).sort()).toEqual(outcomes.filter((o) => o.status === 'imported').map((o) => path.basename(o.fileName)));
      expect(sources.every((s) => s.passages === 2)).toBe(true);
    } finally {
      wb.close();
    }
    // The rest come in when imported again.
    vi.mocked(Workbench.open).mockRestore();
    const again = await run(['--project', project, 'import', dir]);
    expect(again.code).toBe(0);
    expect(again.out.filter((l) => l.includes(': imported as'))).toHaveLength(60 - outcomes.length);
  });
});
