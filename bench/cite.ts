/**
 * The first citation in a style, as the metadata dialog's "As cited" asks for it
 * (previewCitation): how long it takes and the longest the service's event loop stood still
 * meanwhile (the longest gap between ticks of a 5 ms timer), with citations formatted in the
 * citation worker (src/main/cite/formatter.ts); then the same first citation formatted in this
 * thread, as the service did before, for comparison.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Row } from './search';
import { builtinStyle, formatCitation } from '../src/main/cite';
import { Workbench } from '../src/main/workbench';

const ITEM = {
  type: 'book' as const,
  title: 'The Great Terror',
  author: [{ family: 'Conquest', given: 'Robert' }],
  publisher: 'Macmillan',
  issued: '1968',
};

/** Runs `work`, timing it and the longest gap between ticks of a 5 ms timer meanwhile. */
async function withGaps(work: () => Promise<unknown>): Promise<{ ms: number; gap: number }> {
  let last = performance.now();
  let gap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  // One more tick, so that a thread held to the end is counted.
  await new Promise((resolve) => setTimeout(resolve, 10));
  gap = Math.max(gap, performance.now() - last);
  clearInterval(timer);
  return { ms, gap };
}

export async function benchCitation(): Promise<Row[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-cite-'));
  const wb = Workbench.open({ home, remember: false, dailyBackup: false, ocr: false });
  try {
    const worker = await withGaps(() => wb.previewCitation({ csl: ITEM }));
    const again = await withGaps(() => wb.previewCitation({ csl: { ...ITEM, title: 'Kolyma Tales' } }));
    const here = await withGaps(async () => {
      const style = builtinStyle('chicago-notes-bibliography');
      formatCitation(ITEM, { style, mode: 'note' });
      formatCitation(ITEM, { style, mode: 'bibliography' });
    });
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return [
      [
        'First citation (Chicago), citation worker',
        s(worker.ms),
        `note and bibliography entry through previewCitation, worker started for it; longest event-loop gap ${Math.round(worker.gap)} ms; the next citation ${Math.round(again.ms)} ms (gap ${Math.round(again.gap)} ms)`,
      ],
      [
        'First citation (Chicago), in the service thread (before)',
        s(here.ms),
        `the same two formatted in this thread; longest event-loop gap ${Math.round(here.gap)} ms`,
      ],
    ];
  } finally {
    await wb.shutdown();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
