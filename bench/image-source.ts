/**
 * Opening a photographed source of many pages (default 200) to its first page, through the
 * API as the reader does: `getSource` (its passages and its pages' sizes, no bytes) then
 * `getPageImage` of page 1 (the one page's bytes). Pages are 1700 × 2200 JPEGs of typed
 * text (Letter at 200 dpi), imported as one folder without text recognition.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCanvas } from '@napi-rs/canvas';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { rendererDir } from '../src/main/paths';
import { startServer } from '../src/main/server';
import { dispatch } from '../src/main/dispatch';
import { ImageStore } from '../src/main/ocr/store';
import { MIGRATIONS } from '../src/main/store/migrations';
import { Workbench } from '../src/main/workbench';
import { median } from './stats';
import type { Row } from './search';

/** A page of typed lines as a JPEG (its own text, so no two pages are the same bytes). */
function page(n: number): Buffer {
  const canvas = createCanvas(1700, 2200);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 1700, 2200);
  g.fillStyle = '#111111';
  g.font = '30px "DejaVu Serif"';
  for (let line = 0; line < 60; line++)
    g.fillText(`Page ${n}, line ${line + 1}: the committee read the letters of the district aloud.`, 150, 180 + line * 32);
  return canvas.toBuffer('image/jpeg', 85);
}

/**
 * The window's part: from the click on the source's row to its first page image decoded and
 * painted beside the reader (browser mode on the loopback server; the source has no text, as
 * before its recognition), `repeats` times, back to the library between.
 */
async function openInWindow(browser: Browser, wb: Workbench, title: string, repeats: number): Promise<number[]> {
  const server = await startServer({ service: wb, staticDir: rendererDir() });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(server.url);
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const row = page.getByRole('button', { name: title, exact: true });
      await row.waitFor();
      await page.evaluate(
        'window.__clicked = 0; addEventListener("click", () => (window.__clicked = performance.now()), { capture: true, once: true })',
      );
      await row.click();
      // The page image decoded and a frame painted with it (two animation frames after its decode).
      const ms = await page.evaluate(`new Promise((resolve) => {
        const check = () => {
          const img = document.querySelector('[aria-label="Page image"] img');
          if (img && img.complete && img.naturalWidth > 0)
            img.decode().then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - window.__clicked))));
          else requestAnimationFrame(check);
        };
        check();
      })`);
      times.push(ms as number);
      await page.getByRole('button', { name: 'Library', exact: true }).click();
    }
    return times;
  } finally {
    await page.close();
    await server.close();
  }
}

export async function benchImageSource(pages = 200, repeats = 20, browser?: Browser): Promise<Row[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-images-'));
  const folder = path.join(root, 'register');
  fs.mkdirSync(folder);
  const wb = Workbench.open({ home: path.join(root, 'home'), dailyBackup: false, ocr: false });
  try {
    let bytes = 0;
    for (let i = 1; i <= pages; i++) {
      const jpeg = page(i);
      bytes += jpeg.length;
      fs.writeFileSync(path.join(folder, `p${String(i).padStart(3, '0')}.jpg`), jpeg);
    }
    const t0 = performance.now();
    const [outcome] = await wb.importAll([folder]);
    const importMs = performance.now() - t0;
    if (outcome?.status !== 'imported') throw new Error(`image bench: the folder was not imported (${JSON.stringify(outcome)})`);
    const id = outcome.source.id;
    const open = async () => {
      const t = performance.now();
      const source = await dispatch(wb, 'getSource', { id });
      const image = await dispatch(wb, 'getPageImage', { id, page: 1 });
      if (!source.ok || !image.ok) throw new Error('image bench: the source could not be opened');
      return performance.now() - t;
    };
    const first = await open();
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) times.push(await open());
    const layouts = listingAB(wb.projectPath, id, root, repeats);
    const shown = browser ? await openInWindow(browser, wb, outcome.source.title, 7) : null;
    return [
      ...(shown
        ? ([
            [
              `Open a source of ${pages} page images to its first page (window)`,
              `${median(shown).toFixed(0)} ms`,
              `click on its row to the first page image decoded and painted in the reader, Chromium on the loopback server, median of ${shown.length} (max ${Math.max(...shown).toFixed(0)} ms; first ${shown[0]!.toFixed(0)} ms); target 300 ms`,
            ],
          ] as Row[])
        : []),
      [
        `Open a source of ${pages} page images to its first page (API)`,
        `${median(times).toFixed(1)} ms`,
        `getSource + getPageImage(1), median of ${repeats} (max ${Math.max(...times).toFixed(1)} ms; first after import ${first.toFixed(1)} ms); ${(bytes / 1048576).toFixed(0)} MB of JPEGs imported as one folder in ${(importMs / 1000).toFixed(1)} s, no OCR`,
      ],
      [
        `List the pages of a source of ${pages} page images, newly opened project (A/B)`,
        `${median(layouts.after).toFixed(1)} ms`,
        `ImageStore.pages from a new connection, median of ${repeats}: image bytes last (migration 17) ${median(layouts.after).toFixed(1)} ms against ${median(layouts.before).toFixed(1)} ms with the bytes before the page's facts (migrations 13–16), and ${median(layouts.withoutRowid).toFixed(1)} ms with the bytes last in a WITHOUT ROWID table; taken in turn in one process`,
      ],
    ];
  } finally {
    await wb.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The layouts of `source_image` compared: as migrations 13–16 made it, as migration 17 makes it, and a rejected third. */
type Layout = 'before' | 'after' | 'withoutRowid';

/**
 * The same page images in one project file per layout of `source_image`: the bytes before the
 * page's facts (migrations 13–16); the bytes last in an ordinary table (migration 17); and the
 * bytes last in a WITHOUT ROWID table (why migration 17 does not keep WITHOUT ROWID). The time
 * to list the source's pages from a newly opened connection to each (as opening a project
 * does, with SQLite's cache empty), taken in turn so that all see one machine.
 */
function listingAB(project: string, id: number, root: string, repeats: number): Record<Layout, number[]> {
  const from = new Database(project, { readonly: true });
  const rows = from.prepare('SELECT * FROM source_image WHERE source_id = ? ORDER BY page').all(id) as Record<string, unknown>[];
  from.close();
  const last = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  const make = (file: string, upTo: number, withoutRowid = false) => {
    const db = new Database(file);
    for (const m of MIGRATIONS.filter((m) => m.version <= upTo)) {
      db.exec(
        withoutRowid && m.version === 17
          ? m.sql.replace(/PRIMARY KEY \(source_id, page\)\s*\);/, 'PRIMARY KEY (source_id, page)) WITHOUT ROWID;')
          : m.sql,
      );
      m.run?.(db);
    }
    db.pragma(`user_version = ${upTo}`);
    db.prepare(
      `INSERT INTO source (id, title, kind, format, encoding, hash, chars, bytes, passage_count, meta, imported_at)
       VALUES (?, 'pages', 'text', 'image', 'binary', 'h', 0, 0, 0, '{}', '2024-01-01T00:00:00Z')`,
    ).run(id);
    const insert = db.prepare(
      `INSERT INTO source_image (source_id, page, file_name, bytes, mime, width, height, sha256, exif_date, orientation)
       VALUES (@source_id, @page, @file_name, @bytes, @mime, @width, @height, @sha256, @exif_date, @orientation)`,
    );
    db.transaction(() => rows.forEach((r) => insert.run(r)))();
    const withoutRowidNow = /WITHOUT ROWID/i.test(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'source_image'").pluck().get() as string);
    if (withoutRowidNow !== (withoutRowid || upTo < 17)) throw new Error(`image bench: ${file} has not the layout meant`);
    db.close();
    return file;
  };
  const files: Record<Layout, string> = {
    before: make(path.join(root, 'bytes-first.sourcebench'), 16),
    after: make(path.join(root, 'bytes-last.sourcebench'), last),
    withoutRowid: make(path.join(root, 'bytes-last-without-rowid.sourcebench'), last, true),
  };
  const times: Record<Layout, number[]> = { before: [], after: [], withoutRowid: [] };
  const order: Layout[] = ['before', 'after', 'withoutRowid'];
  for (let i = 0; i < repeats; i++) {
    for (const which of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
      const db = new Database(files[which], { readonly: true });
      const t = performance.now();
      const listed = new ImageStore(db).pages(id);
      times[which].push(performance.now() - t);
      db.close();
      if (listed.length !== rows.length) throw new Error(`image bench: ${which} listed ${listed.length} of ${rows.length} pages`);
    }
  }
  return times;
}
