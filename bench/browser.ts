/**
 * What a historian waits for in the window, measured by the browser itself:
 *   - page load to the library's first rows painted (navigation start → the first row in
 *     the page → the next animation frame), for a project of N sources;
 *   - click on a source to its first passage painted, for a 2 MB source;
 *   - every keystroke in the search box, the library's filter and a note: the time from
 *     the key to the next paint, from the browser's Event Timing entries (the measure
 *     behind Interaction to Next Paint). Chromium reports only events of 16 ms or more, so
 *     a keystroke without an entry counts as under 16 ms.
 */
import type { Browser, Page } from 'playwright-core';
import { median, pct } from './stats';

type Row = [string, string, string];

const p95 = (xs: readonly number[]) => pct(xs, 95);

/**
 * Installed before the page's own scripts (plain JavaScript: it runs in the page, and this
 * file is type-checked for Node): `__watch(name, selector)` records in `__painted[name]`
 * when the selector first matches and a frame has been painted after it; `__events`
 * collects the Event Timing entries of interactions.
 */
const WATCH = `
  window.__painted = {};
  window.__events = [];
  window.__watch = (name, selector) => {
    delete window.__painted[name];
    const check = () => {
      if (window.__painted[name] !== undefined || !document.querySelector(selector)) return false;
      requestAnimationFrame(() => setTimeout(() => { if (window.__painted[name] === undefined) window.__painted[name] = performance.now(); }));
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ duration: e.duration, interactionId: e.interactionId });
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
`;

async function paintedAt(page: Page, name: string): Promise<number> {
  const painted = `window.__painted[${JSON.stringify(name)}]`;
  await page.waitForFunction(`${painted} !== undefined`);
  return (await page.evaluate(painted)) as number;
}

/** Types `text` key by key; the slowest keystroke-to-paint of each key, under 16 ms where Chromium reported none. */
async function keystrokes(page: Page, text: string): Promise<number[]> {
  await page.evaluate('window.__events.length = 0');
  for (const ch of text) await page.keyboard.type(ch);
  // Entries arrive after their paint: wait for two frames, then read them.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const events = (await page.evaluate('window.__events')) as { duration: number; interactionId: number }[];
  const byInteraction = new Map<number, number>();
  for (const e of events) byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
  const slow = [...byInteraction.values()];
  return [...slow, ...Array<number>(Math.max(0, text.length - slow.length)).fill(15)];
}

export async function benchBrowser(browser: Browser, url: string, count: number, bigTitle: string): Promise<Row[]> {
  const library: number[] = [];
  const reader: number[] = [];
  const search: number[] = [];
  const filter: number[] = [];
  const note: number[] = [];
  for (let i = 0; i < 5; i++) {
    // The measuring scripts are evaluated strings, which the app's CSP (rightly) refuses.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await page.addInitScript({ content: `${WATCH}\nwindow.__watch('rows', '.table-body [role=row]');` });
    const started = Date.now();
    if (process.env.SOURCEBENCH_BENCH_TRACE && i === 0)
      page.on('requestfinished', (r) =>
        console.error(`  ${Date.now() - started} ms done ${r.method()} ${r.url().replace(/\?.*/, '')} ${r.postData()?.slice(0, 60) ?? ''}`),
      );
    if (process.env.SOURCEBENCH_BENCH_TRACE && i === 0)
      page.on('request', (r) => console.error(`  ${Date.now() - started} ms sent ${r.url().replace(/\?.*/, '')}`));
    await page.goto(url);
    library.push(await paintedAt(page, 'rows'));
    if (process.env.SOURCEBENCH_BENCH_TRACE) console.error(`  rows painted at ${library[i]!.toFixed(0)} ms (navigation start)`);
    await page.getByText(`${count.toLocaleString()} sources`).waitFor();

    // Typing in the library's filter, then opening the big source from it.
    await page.getByRole('searchbox', { name: 'Filter sources' }).click();
    filter.push(...(await keystrokes(page, bigTitle)));
    const open = page.getByRole('button', { name: bigTitle, exact: true });
    await open.waitFor();
    await page.evaluate(`
      document.addEventListener('pointerdown', () => (window.__clicked = performance.now()), { capture: true, once: true });
      window.__watch('passage', 'article[aria-label="Passage 1"]');
    `);
    await open.click();
    const shown = await paintedAt(page, 'passage');
    reader.push(shown - ((await page.evaluate('window.__clicked')) as number));

    // A note on the first passage: select its first words, annotate, type.
    if (i < 3) {
      const first = page.getByRole('article', { name: 'Passage 1', exact: true });
      // The passage's first words selected from the keyboard (the reader's caret model), then N: a note.
      await first.click();
      for (let k = 0; k < 3; k++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('n');
      const noteBox = page.getByRole('textbox', { name: 'Note' });
      await noteBox.waitFor();
      if (await noteBox.isVisible()) {
        note.push(...(await keystrokes(page, 'Compare with the NKVD figure of 681,692 for 1937 and 1938.')));
        await page.keyboard.press('Escape');
      }
    }
    // Search everything, key by key.
    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox', { name: 'Search everything' }).click();
    search.push(...(await keystrokes(page, 'executions in the camps')));
    await page.close();
  }
  const inp = (xs: number[]) => (xs.length ? `${p95(xs) < 16 ? '< 16' : p95(xs).toFixed(0)} ms` : 'not measured');
  return [
    [
      `Show library of ${count.toLocaleString()} sources in Chromium`,
      `${median(library).toFixed(0)} ms`,
      'navigation start to first rows painted, median of 5 (target 300 ms)',
    ],
    [
      'Open the 2 MB source in the reader in Chromium',
      `${median(reader).toFixed(0)} ms`,
      'click to first passage painted, median of 5 (target 250 ms)',
    ],
    ['Keystroke to next paint: search box, p95', inp(search), `${search.length} keystrokes (target 100 ms)`],
    ['Keystroke to next paint: library filter (10,000 sources), p95', inp(filter), `${filter.length} keystrokes (target 100 ms)`],
    ['Keystroke to next paint: note editor, p95', inp(note), `${note.length} keystrokes (target 100 ms)`],
  ];
}
