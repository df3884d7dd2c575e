/**
 * Page images of typed documents for the OCR benchmark, with the text typed on each.
 *
 * Pages are 1700 x 2200 pixels: US Letter at 200 dpi (a little under the 300 dpi of an archive
 * scan, to keep recognition time reasonable), 150-pixel margins, 10–12 pt type (28–34 px).
 * The text is real prose laid out line by line (wrapped at spaces, never hyphenated); the
 * ground truth is exactly the words placed on the page.
 *
 * Clean pages: black type on white, one font each. Degraded pages add, each from a seeded
 * generator: skew of 1–3 degrees either way, low contrast (grey ink on tinted paper), an uneven
 * background (a shadow across the page and a stain), speckle, Gaussian-like noise and a slight
 * blur; one of them is typewriter-like (monospace, each character struck with its own weight
 * and a jittered baseline). Everything is built in time linear in the pixels and characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';

export const PAGE_WIDTH = 1700;
export const PAGE_HEIGHT = 2200;
const MARGIN = 150;

export interface PageSpec {
  /** Shown in the per-page table. */
  name: string;
  group: 'clean' | 'degraded';
  /** Paragraphs to type, in order; the page takes as many lines as fit. */
  paragraphs: string[];
  font: FontChoice;
  seed: number;
}

export interface OcrPage {
  name: string;
  group: 'clean' | 'degraded';
  font: string;
  /** What was done to the page, e.g. ['skew -2.1°', 'noise σ14']. */
  degradations: string[];
  png: Buffer;
  /** The text typed on the page: lines joined by '\n', paragraphs by a blank line. */
  truth: string;
}

export interface FontChoice {
  family: string;
  file: string;
  /** Size in pixels at 200 dpi. */
  px: number;
  /** Typewriter-like: each character drawn alone with jitter (monospace fonts only). */
  typewriter?: boolean;
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const OPEN_SANS = '/usr/share/fonts/truetype/open-sans';

/** The fonts pages are typed in, those whose files exist on this machine. */
export function availableFonts(): FontChoice[] {
  const all: FontChoice[] = [
    { family: 'DejaVu Serif', file: `${DEJAVU}/DejaVuSerif.ttf`, px: 31 },
    { family: 'DejaVu Sans', file: `${DEJAVU}/DejaVuSans.ttf`, px: 29 },
    { family: 'DejaVu Sans Mono', file: `${DEJAVU}/DejaVuSansMono.ttf`, px: 30 },
    { family: 'DejaVu Serif Condensed', file: `${DEJAVU}/DejaVuSerifCondensed.ttf`, px: 33 },
    { family: 'Open Sans', file: `${OPEN_SANS}/OpenSans-Regular.ttf`, px: 32 },
    { family: 'DejaVu Sans Condensed', file: `${DEJAVU}/DejaVuSansCondensed.ttf`, px: 31 },
  ];
  const found = all.filter((f) => fs.existsSync(f.file));
  if (!found.length) throw new Error(`no fonts for the OCR pages: none of ${all.map((f) => f.file).join(', ')} exists`);
  for (const f of found) GlobalFonts.registerFromPath(f.file, f.family);
  return found;
}

/** mulberry32: a small seeded generator, so every run draws the same pages. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wraps paragraphs into lines no wider than `width`, as many as fit in `height` pixels (a half line between paragraphs). */
function layout(ctx: SKRSContext2D, paragraphs: string[], width: number, lineHeight: number, height: number): string[][] {
  const out: string[][] = [];
  let y = 0;
  for (const para of paragraphs) {
    const words = para.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (line && ctx.measureText(next).width > width) {
        lines.push(line);
        line = w;
      } else line = next;
    }
    if (line) lines.push(line);
    const room = Math.floor((height - y) / lineHeight);
    if (room <= 0) break;
    out.push(lines.slice(0, room));
    y += Math.min(room, lines.length) * lineHeight + lineHeight / 2;
    if (lines.length > room) break;
  }
  return out;
}

/** Draws one page. Linear in its pixels and characters. */
export function makePage(spec: PageSpec): OcrPage {
  const rand = prng(spec.seed);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const degraded = spec.group === 'degraded';
  const canvas = createCanvas(PAGE_WIDTH, PAGE_HEIGHT);
  const ctx = canvas.getContext('2d');
  const degradations: string[] = [];

  // Paper.
  const paper = degraded ? Math.round(between(214, 232)) : 255;
  const ink = degraded ? Math.round(between(70, 105)) : 0;
  ctx.fillStyle = `rgb(${paper},${paper - (degraded ? 6 : 0)},${paper - (degraded ? 18 : 0)})`;
  ctx.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
  if (degraded) {
    degradations.push(`contrast ${ink}/${paper}`);
    // A shadow across the page (the page was not flat under the camera) and a stain.
    const shade = ctx.createLinearGradient(0, 0, PAGE_WIDTH, PAGE_HEIGHT * between(0.3, 1));
    const dark = between(0.12, 0.22);
    shade.addColorStop(0, `rgba(40,30,10,${dark.toFixed(2)})`);
    shade.addColorStop(between(0.3, 0.6), 'rgba(40,30,10,0)');
    shade.addColorStop(1, `rgba(40,30,10,${(dark / 2).toFixed(2)})`);
    ctx.fillStyle = shade;
    ctx.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
    const sx = between(300, 1400);
    const sy = between(300, 1900);
    const stain = ctx.createRadialGradient(sx, sy, 10, sx, sy, between(150, 350));
    stain.addColorStop(0, 'rgba(120,90,30,0.18)');
    stain.addColorStop(1, 'rgba(120,90,30,0)');
    ctx.fillStyle = stain;
    ctx.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
    degradations.push('uneven background');
  }

  // Text.
  const { font } = spec;
  ctx.font = `${font.px}px "${font.family}"`;
  ctx.textBaseline = 'alphabetic';
  const lineHeight = Math.round(font.px * 1.45);
  const width = PAGE_WIDTH - 2 * MARGIN;
  const blocks = layout(ctx, spec.paragraphs, width, lineHeight, PAGE_HEIGHT - 2 * MARGIN);
  if (!blocks.length || !blocks[0]!.length) throw new Error(`page ${spec.name}: no text to type`);
  ctx.save();
  if (degraded) {
    const angle = (rand() < 0.5 ? -1 : 1) * between(1, 3);
    degradations.push(`skew ${angle.toFixed(1)}°`);
    ctx.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2);
    ctx.rotate((angle * Math.PI) / 180);
    ctx.translate(-PAGE_WIDTH / 2, -PAGE_HEIGHT / 2);
  }
  ctx.fillStyle = `rgb(${ink},${ink},${ink})`;
  let y = MARGIN + font.px;
  const advance = font.typewriter ? ctx.measureText('M').width : 0;
  for (const lines of blocks) {
    for (const line of lines) {
      if (font.typewriter) {
        // Each key strikes with its own force and a little off the line.
        for (let i = 0; i < line.length; i++) {
          ctx.globalAlpha = between(0.7, 1);
          ctx.fillText(line[i]!, MARGIN + i * advance, y + between(-1.5, 1.5));
        }
        ctx.globalAlpha = 1;
      } else ctx.fillText(line, MARGIN, y);
      y += lineHeight;
    }
    y += lineHeight / 2;
  }
  ctx.restore();
  if (font.typewriter) degradations.push('typewriter strikes');

  if (degraded) {
    // Speckle: small dark flecks.
    const flecks = Math.round(between(600, 1400));
    ctx.fillStyle = `rgb(${ink + 20},${ink + 20},${ink + 20})`;
    for (let i = 0; i < flecks; i++) ctx.fillRect(between(0, PAGE_WIDTH), between(0, PAGE_HEIGHT), between(1, 3.5), between(1, 3.5));
    degradations.push(`${flecks} specks`);
    const sigma = Math.round(between(8, 16));
    blurAndNoise(ctx, sigma, rand);
    degradations.push('blur 1-2-1', `noise σ${sigma}`);
  }

  const truth = blocks.map((lines) => lines.join('\n')).join('\n\n');
  return { name: spec.name, group: spec.group, font: font.family, degradations, png: canvas.toBuffer('image/png'), truth };
}

/** A [1 2 1]/4 blur across and down, then noise (the sum of three uniforms: near Gaussian) of deviation sigma. */
function blurAndNoise(ctx: SKRSContext2D, sigma: number, rand: () => number): void {
  const img = ctx.getImageData(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
  const d = img.data;
  const w = PAGE_WIDTH;
  const h = PAGE_HEIGHT;
  const tmp = new Float32Array(w * h);
  for (let c = 0; c < 3; c++) {
    for (let yy = 0; yy < h; yy++)
      for (let x = 0; x < w; x++) {
        const i = yy * w + x;
        const l = d[(i - (x > 0 ? 1 : 0)) * 4 + c]!;
        const r = d[(i + (x < w - 1 ? 1 : 0)) * 4 + c]!;
        tmp[i] = (l + 2 * d[i * 4 + c]! + r) / 4;
      }
    for (let yy = 0; yy < h; yy++)
      for (let x = 0; x < w; x++) {
        const i = yy * w + x;
        const u = tmp[i - (yy > 0 ? w : 0)]!;
        const dn = tmp[i + (yy < h - 1 ? w : 0)]!;
        d[i * 4 + c] = (u + 2 * tmp[i]! + dn) / 4;
      }
  }
  // One noise value per pixel for all three channels (the grain of a grey photograph).
  const scale = sigma * 2; // the sum of three uniforms on [-0.5, 0.5] has deviation 0.5
  for (let i = 0; i < w * h; i++) {
    const n = (rand() + rand() + rand() - 1.5) * scale;
    d[i * 4] = d[i * 4]! + n;
    d[i * 4 + 1] = d[i * 4 + 1]! + n;
    d[i * 4 + 2] = d[i * 4 + 2]! + n;
  }
  ctx.putImageData(img, 0, 0);
}

/** Texts to type: every .txt or .md file in `dir`, each as a list of paragraphs (separated by blank lines). */
export function readTexts(dir: string): { name: string; paragraphs: string[] }[] {
  if (!fs.existsSync(dir)) throw new Error(`OCR pages: no folder of texts at ${dir}`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
  const texts = files
    .map((f) => ({
      name: f,
      paragraphs: fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length > 40 && !p.startsWith('#')),
    }))
    .filter((t) => t.paragraphs.length);
  if (!texts.length) throw new Error(`OCR pages: no .txt or .md files with prose in ${dir}`);
  return texts;
}

/**
 * `perGroup` clean and `perGroup` degraded pages, each from its own text (round robin over
 * `texts`, starting at a seeded paragraph), fonts in turn; the third degraded page is the
 * typewriter-like one when a monospace font is available.
 */
export function makePages(texts: { name: string; paragraphs: string[] }[], perGroup = 10, seed = 1905): OcrPage[] {
  const fonts = availableFonts();
  const mono = fonts.find((f) => f.family.includes('Mono'));
  const rand = prng(seed);
  const pages: OcrPage[] = [];
  for (const group of ['clean', 'degraded'] as const)
    for (let i = 0; i < perGroup; i++) {
      const n = pages.length;
      const text = texts[(n * 7) % texts.length]!;
      const start = Math.floor(rand() * Math.max(1, text.paragraphs.length - 12));
      const font = group === 'degraded' && i === 2 && mono ? { ...mono, typewriter: true } : fonts[n % fonts.length]!;
      pages.push(
        makePage({
          name: `${group}-${String(i + 1).padStart(2, '0')} ${text.name.replace(/\.(txt|md)$/, '')}`,
          group,
          paragraphs: text.paragraphs.slice(start),
          font,
          seed: seed * 1000 + n,
        }),
      );
    }
  return pages;
}
