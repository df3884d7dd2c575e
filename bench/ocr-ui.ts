/**
 * The window while text is recognised: photographs are read in the background (tesseract.js
 * in its own workers), and the historian goes on working. Measured while the OCR queue runs
 * over generated typed pages (bench/ocr-pages.ts), in Chromium on the loopback server:
 *   - the longest task on the window's main thread (Long Tasks API; a frame cannot be painted
 *     during one), against the target of no frame over 100 ms;
 *   - keystroke to next paint in the library's filter (Event Timing, as bench/browser.ts);
 *   - the service's event loop: its longest delay (perf_hooks.monitorEventLoopDelay), which
 *     every API call waits behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { startServer } from '../src/main/server';
import { rendererDir } from '../src/main/paths';
import { Workbench } from '../src/main/workbench';
import { makePages, readTexts } from './ocr-pages';
import { DEFAULT_OCR_TEXTS } from './ocr';
import { pct } from './stats';

type Row = [string, string, string];

const LONG_TASKS = `
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  window.__events = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.interactionId) window.__events.push([e.interactionId, e.duration]); })
    .observe({ type: 'event', buffered: true, durationThreshold: 16 });
`;

export async function benchOcrUi(browser: Browser, pageCount = 6): Promise<Row[]> {
  const dir = DEFAULT_OCR_TEXTS.find((d) => fs.existsSync(d))!;
  const pages = makePages(readTexts(dir), Math.ceil(pageCount / 2)).slice(0, pageCount);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-ocr-ui-'));
  const wb = Workbench.open({ home, project: path.join(home, 'p.sourcebench'), createMissing: true });
  const server = await startServer({ service: wb, staticDir: rendererDir() });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await page.addInitScript({ content: LONG_TASKS });
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Filter sources' }).waitFor();
    // One source of N photographed pages: its recognition starts on import, in the background.
    const started = Date.now();
    let job = await wb.importFiles({
      files: pages.map((p, i) => ({ name: `page-${String(i + 1).padStart(3, '0')}.png`, bytes: new Uint8Array(p.png) })),
      groupImages: true,
    });
    while (job.state === 'running') job = await wb.importProgress({ job: job.job, after: job.done });
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    await page.evaluate('window.__long.length = 0; window.__events.length = 0');
    const idle = wb.ocrIdle().then(() => true);
    let done = false;
    void idle.then(() => (done = true));
    // Work in the window until the text is in: filter the library key by key, empty it, again.
    const filter = page.getByRole('searchbox', { name: 'Filter sources' });
    let keys = 0;
    while (!done) {
      await filter.click();
      for (const ch of 'page-00') {
        await page.keyboard.type(ch);
        keys++;
      }
      await filter.fill('');
    }
    const seconds = (Date.now() - started) / 1000;
    loop.disable();
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const long = (await page.evaluate('window.__long')) as number[];
    const events = (await page.evaluate('window.__events')) as [number, number][];
    const byInteraction = new Map<number, number>();
    for (const [id, d] of events) byInteraction.set(id, Math.max(byInteraction.get(id) ?? 0, d));
    const slow = [...byInteraction.values()];
    const all = [...slow, ...Array<number>(Math.max(0, keys - slow.length)).fill(15)];
    await page.close();
    const longest = long.length ? Math.max(...long) : 0;
    return [
      [
        `Window while ${pages.length} pages are recognised: longest main-thread task`,
        long.length ? `${longest.toFixed(0)} ms` : 'none over 50 ms',
        `${long.length} tasks over 50 ms in ${seconds.toFixed(0)} s of OCR while typing (target: no frame over 100 ms)`,
      ],
      [
        'Window while pages are recognised: keystroke to next paint, p95',
        `${pct(all, 95) < 16 ? '< 16' : pct(all, 95).toFixed(0)} ms`,
        `${keys} keystrokes in the library's filter (target 100 ms)`,
      ],
      [
        'Service while pages are recognised: longest event-loop delay',
        `${(loop.max / 1e6).toFixed(0)} ms`,
        `p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms; every API call waits behind it`,
      ],
    ];
  } finally {
    await server.close();
    wb.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
