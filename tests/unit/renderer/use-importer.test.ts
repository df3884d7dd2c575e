// @vitest-environment happy-dom
/**
 * Files dropped or picked (browser mode) are imported as importFiles jobs, a few requests
 * at most, followed into the progress bar and cancellable like a job over paths. The hook
 * talks to a real workbench through the contract's dispatcher, as a transport would.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { Workbench } from '../../../src/main/workbench';
import type { ImportOutcome } from '../../../src/shared/types';
import { tempDir } from '../helpers';

/** The service the mocked client calls, and every call made (method and input). */
const service = vi.hoisted(() => ({ wb: null as unknown, calls: [] as { method: string; input: unknown }[], replies: [] as unknown[] }));

vi.mock('../../../src/renderer/src/api', () => ({
  messageOf: (err: unknown) => (err instanceof Error ? err.message : String(err)),
  api: new Proxy(
    {},
    {
      get: (_target, method: string) => async (input: unknown) => {
        service.calls.push({ method, input });
        const reply = await dispatch(service.wb as Workbench, method, input);
        if (!reply.ok) throw new Error(reply.error.message);
        service.replies.push(reply.value);
        return reply.value;
      },
    },
  ),
}));

// One request carries at most 200 bytes of files here, so that a few small files make several.
vi.mock('../../../src/shared/limits', async (original) => ({ ...(await original<object>()), MAX_FILE_BYTES: 200 }));

// Imported by a path the type-check does not follow: the renderer is checked as a project of its own, with the DOM and JSX.
const modulePath = '../../../src/renderer/src/hooks/useImporter';
interface Importer {
  running: boolean;
  done: number;
  total: number;
  passages: number;
  cancelling: boolean;
  outcomes: ImportOutcome[];
  importFiles(files: File[]): Promise<void>;
  cancel(): void;
}
const { useImporter } = (await import(/* @vite-ignore */ modulePath)) as { useImporter(onChange: () => void): Importer };

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const dom = globalThis as unknown as { document: { createElement(tag: string): object } };

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
  service.calls.length = 0;
  service.replies.length = 0;
});

function workbench(importBatch: { files?: number; ms?: number }): Workbench {
  const wb = Workbench.open({ home: tempDir(), dailyBackup: false, importBatch });
  service.wb = wb;
  cleanup.push(() => wb.close());
  return wb;
}

/** Renders the hook; `seen` is every state it returned, `changes` how often it said the library changed. */
async function renderImporter() {
  const seen: Importer[] = [];
  let changes = 0;
  function Probe() {
    seen.push(useImporter(() => changes++));
    return null;
  }
  const root = createRoot(dom.document.createElement('div') as never);
  cleanup.push(() => act(() => root.unmount()));
  await act(async () => root.render(createElement(Probe)));
  return {
    seen,
    get latest() {
      return seen[seen.length - 1]!;
    },
    get changes() {
      return changes;
    },
  };
}

/** A small text file of 69 bytes, with a word of its own: two fit in one request here, three do not. */
function letter(i: number): File {
  const id = String(i).padStart(3, '0');
  return new File([`Letter ${id}.\n\nIt speaks of marker${id}quill in 1901, and of the harvest.`], `${id}.txt`, { type: 'text/plain' });
}

const methods = () => service.calls.map((c) => c.method);

describe('useImporter with files the browser holds', () => {
  it('sends the files as one importFiles job, followed to its end, never one request a file', async () => {
    workbench({ files: 4, ms: 1e9 });
    const probe = await renderImporter();
    const files = Array.from({ length: 10 }, (_, i) => new File([`Letter ${i}.\n\nMore.`], `${i}.txt`));
    // Under the 200-byte request limit together: one request.
    expect(files.reduce((n, f) => n + f.size, 0)).toBeLessThanOrEqual(200);
    await act(() => probe.latest.importFiles(files));
    expect(methods().filter((m) => m === 'importFiles')).toHaveLength(1);
    expect(methods()).not.toContain('importFile');
    expect(methods()).toContain('importProgress');
    expect(probe.latest).toMatchObject({ running: false, done: 10, total: 10, passages: 20 });
    expect(probe.latest.outcomes.map((o) => [o.fileName, o.status])).toEqual(files.map((f) => [f.name, 'imported']));
    // Progress only grew, and the library was told after each written batch (three of at most four files).
    const done = probe.seen.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(probe.changes).toBeGreaterThanOrEqual(3);
  });

  it('splits files over the request limit into a few jobs, one progress bar over all, a file too large refused unsent', async () => {
    const wb = workbench({ ms: 1e9 });
    const probe = await renderImporter();
    const big = new File([new Uint8Array(201).fill(0x61)], 'big.txt');
    const files = [letter(1), letter(2), letter(3), big, ...[4, 5, 6, 7, 8].map(letter)];
    expect(letter(1).size * 2).toBeLessThanOrEqual(200);
    expect(letter(1).size * 3).toBeGreaterThan(200);
    await act(() => probe.latest.importFiles(files));
    const sent = service.calls
      .filter((c) => c.method === 'importFiles')
      .map((c) => (c.input as { files: { name: string }[] }).files.map((f) => f.name));
    // At most 200 bytes a request (two letters), in order, the large file never sent.
    expect(sent).toEqual([['001.txt', '002.txt'], ['003.txt'], ['004.txt', '005.txt'], ['006.txt', '007.txt'], ['008.txt']]);
    expect(probe.latest).toMatchObject({ running: false, done: 9, total: 9, passages: 16 });
    expect(probe.latest.outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['001.txt', 'imported'],
      ['002.txt', 'imported'],
      ['003.txt', 'imported'],
      ['big.txt', 'failed'],
      ...[4, 5, 6, 7, 8].map((i) => [`00${i}.txt`, 'imported']),
    ]);
    expect(probe.latest.outcomes[3]).toMatchObject({ error: { code: 'too_large' } });
    // The bar never went back, nor past the files dropped.
    const done = probe.seen.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(Math.max(...probe.seen.map((s) => s.total))).toBe(9);
    expect(await wb.listSources()).toHaveLength(8);
  });

  it('cancels the job running: what it reported is in the project, nothing after it, and no more requests are sent', async () => {
    const wb = workbench({ files: 1, ms: 1e9 });
    const probe = await renderImporter();
    // Two letters a request: thirty requests if it ran to its end.
    const files = Array.from({ length: 60 }, (_, i) => letter(i + 1));
    await act(async () => {
      const running = probe.latest.importFiles(files);
      // Cancelled once two jobs have ended.
      const ended = () => service.replies.filter((r) => (r as { state?: string }).state === 'done').length;
      await vi.waitFor(() => expect(ended()).toBeGreaterThanOrEqual(2), { timeout: 30_000, interval: 5 });
      probe.latest.cancel();
      await running;
    });
    expect(probe.latest.running).toBe(false);
    expect(methods()).toContain('cancelImport');
    const requests = methods().filter((m) => m === 'importFiles').length;
    expect(requests).toBeLessThan(30);
    const outcomes = probe.latest.outcomes;
    expect(outcomes.length).toBeLessThan(60);
    expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
    const sources = await wb.listSources();
    expect(sources.map((s) => s.fileName).sort()).toEqual(outcomes.map((o) => o.fileName).sort());
  });
});
