#!/usr/bin/env node
// Draws the app icon (resources/icon.svg) as resources/icon.png, 512 pixels square on a
// transparent ground: the desktop window's icon. Run it again after changing the SVG
// (node scripts/make-icon.mjs); it uses the Chromium the end-to-end tests use.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 512;
const svg = fs.readFileSync(path.join(root, 'resources', 'icon.svg'));
const executablePath = [process.env.SOURCEBENCH_CHROMIUM, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && fs.existsSync(p),
);

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  await page.setContent(`<body style="margin:0"><img src="${src}" width="${SIZE}" height="${SIZE}" style="display:block"></body>`);
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: path.join(root, 'resources', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('resources/icon.png written');
