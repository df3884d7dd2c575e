/**
 * `npm run bench -- --html N [--html-only]`: importing a folder of N web pages.
 *
 * The pages are generated (deterministically) the way news and blog pages are built: a
 * head with meta tags, JSON-LD, inline scripts and styles; a header with navigation; a
 * cookie banner; the article (headings, paragraphs with links and note references, a
 * quote, a figure, sometimes a table, notes); related articles, a sidebar and a footer
 * full of links. Each page is 40–120 kB, most of it markup, as real pages are.
 *
 * Rows: reading the pages with the article reader (Readability on linkedom) beside the
 * whole-page reader it falls back to (htmlparser2, what .html import used before), both
 * without storing, in processor time; then the whole import of the folder, by the clock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readHtml } from '../src/main/ingest/html';
import { readWebPage } from '../src/main/ingest/web';
import { Workbench } from '../src/main/workbench';

const WORDS = (
  'the archive report committee district harvest arrests figures regional summary village party secretary census famine ' +
  'collective farm grain quota families deported letter files reading room historian estimate population decree ' +
  'order camp labour winter spring autumn of in and to from by with that which were was had been their they this'
).split(' ');

/** A small deterministic generator, so that every run reads the same pages. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(r: () => number): string {
  const n = 8 + Math.floor(r() * 18);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  if (r() < 0.3) words.splice(3, 0, String(1930 + Math.floor(r() * 20)));
  return `${words.join(' ')}.`;
}

function paragraph(r: () => number, notes: number[]): string {
  const parts = Array.from({ length: 3 + Math.floor(r() * 5) }, () => sentence(r));
  if (r() < 0.4)
    parts[1] = `${parts[1]} See <a href="/archive/${Math.floor(r() * 1000)}">the ${WORDS[Math.floor(r() * WORDS.length)]} files</a> for more.`;
  if (r() < 0.3) {
    const n = notes.length + 1;
    notes.push(n);
    parts[parts.length - 1] += `<sup><a href="#fn${n}" id="fnref${n}">${n}</a></sup>`;
  }
  return `<p>${parts.join(' ')}&nbsp;&mdash; ${sentence(r)}</p>`;
}

function links(r: () => number, n: number, prefix: string): string {
  return Array.from({ length: n }, (_, i) => `<li><a href="/${prefix}/${i}">${sentence(r).slice(0, 20 + Math.floor(r() * 30))}</a></li>`).join('');
}

export function webPage(i: number): string {
  const r = random(i + 1);
  const notes: number[] = [];
  const title = `${sentence(r).slice(0, 60)} (${i})`;
  const body: string[] = [
    `<h1>${title}</h1>`,
    `<p class="byline">By Writer ${i % 37} · <time datetime="2021-0${1 + (i % 9)}-1${i % 10}">date</time></p>`,
  ];
  const sections = 2 + Math.floor(r() * 4);
  for (let s = 0; s < sections; s++) {
    if (s) body.push(`<h2>${sentence(r).slice(0, 40)}</h2>`);
    for (let p = 0; p < 3 + Math.floor(r() * 5); p++) body.push(paragraph(r, notes));
    if (r() < 0.5) body.push(`<blockquote><p>${sentence(r)} ${sentence(r)}</p></blockquote>`);
    if (r() < 0.4)
      body.push(`<figure><img src="/img/${i}-${s}.jpg" alt="${sentence(r).slice(0, 30)}"><figcaption>${sentence(r)}</figcaption></figure>`);
    if (r() < 0.3) {
      const rows = Array.from(
        { length: 3 + Math.floor(r() * 8) },
        (_, k) => `<tr><td>${WORDS[k % WORDS.length]}</td><td>${Math.floor(r() * 100000).toLocaleString('en')}</td><td>${1930 + k}</td></tr>`,
      );
      body.push(`<table><thead><tr><th>Region</th><th>Count</th><th>Year</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    }
  }
  const footnotes = notes.length
    ? `<section class="footnotes" role="doc-endnotes"><ol>${notes.map((n) => `<li id="fn${n}"><p>${sentence(r)} <a href="#fnref${n}">↩</a></p></li>`).join('')}</ol></section>`
    : '';
  const script = `window.__STATE__=${JSON.stringify({ page: i, items: Array.from({ length: 120 + Math.floor(r() * 400) }, (_, k) => ({ id: k, t: sentence(r) })) })};`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title} | The Example Times</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="The Example Times">
<link rel="canonical" href="https://www.example-times.com/story/${i}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title}","datePublished":"2021-03-0${1 + (i % 9)}T10:00:00Z","author":{"@type":"Person","name":"Writer ${i % 37}"}}</script>
<style>${'.c{color:red}'.repeat(200)}</style><script>${script}</script></head>
<body><a class="skip-link" href="#main">Skip to content</a>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept our privacy policy.</p><button>Accept all</button></div>
<header><nav><ul>${links(r, 30, 'section')}</ul></nav></header>
<main id="main"><article><div class="share"><a href="#">Share</a><a href="#">Tweet</a></div>
<div class="story-body">${body.join('\n')}</div>${footnotes}</article>
<section class="related"><h2>Related articles</h2><ul>${links(r, 8, 'story')}</ul></section></main>
<aside class="sidebar"><h3>Most read</h3><ol>${links(r, 10, 'popular')}</ol></aside>
<footer><ul>${links(r, 40, 'footer')}</ul><p>© The Example Times</p></footer>
<script>${'/* analytics */ var x = 1;'.repeat(100)}</script></body></html>`;
}

/** Processor time (user + system) of `fn`, in ms: steadier than the clock on a shared machine. */
function cpu<T>(fn: () => T): [T, number] {
  const start = process.cpuUsage();
  const r = fn();
  const used = process.cpuUsage(start);
  return [r, (used.user + used.system) / 1000];
}

export async function benchHtml(count: number): Promise<[string, string, string][]> {
  const rows: [string, string, string][] = [];
  const row = (what: string, value: string, note = '') => {
    rows.push([what, value, note]);
    console.error(`  ${what}: ${value} ${note}`);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-html-'));
  try {
    const pages: string[] = [];
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const html = webPage(i);
      fs.writeFileSync(path.join(dir, `page-${String(i).padStart(4, '0')}.html`), html);
      pages.push(html);
      bytes += Buffer.byteLength(html);
    }
    const mb = (bytes / 1048576).toFixed(1);
    // Warm both readers once, so that neither pays for loading and compiling.
    readHtml(pages[0]!);
    readWebPage(pages[0]!);
    // Page by page, one reader then the other, so that both see the same load.
    let whole = 0;
    let article = 0;
    let articles = 0;
    const started = performance.now();
    for (const p of pages) {
      whole += cpu(() => readHtml(p))[1];
      const [read, ms] = cpu(() => readWebPage(p));
      article += ms;
      if (read.reading === 'article') articles++;
    }
    const wall = performance.now() - started;
    row(
      `Read ${count} web pages, whole-page reader (before)`,
      `${(whole / count).toFixed(1)} ms/page`,
      `processor time; ${(whole / 1000).toFixed(1)} s for ${mb} MB of HTML`,
    );
    row(
      `Read ${count} web pages, article reader (now)`,
      `${(article / count).toFixed(1)} ms/page`,
      `processor time; ${(article / whole).toFixed(1)}× the whole-page reader; ${articles} read as articles; both took ${(wall / 1000).toFixed(1)} s by the clock`,
    );
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-bench-html-home-'));
    const wb = Workbench.open({ home });
    const t = performance.now();
    const outcomes = await wb.importPath({ path: dir });
    const ms = performance.now() - t;
    const imported = outcomes.filter((o) => o.status === 'imported').length;
    row(`Import a folder of ${count} web pages`, `${(count / (ms / 1000)).toFixed(0)} pages/s`, `${(ms / 1000).toFixed(1)} s, ${imported} imported`);
    wb.close();
    fs.rmSync(home, { recursive: true, force: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
