/**
 * Regions of page images read back from Web Annotations: the selectors that give a rectangle
 * (a Media Fragments `xywh=` or an SVG `<rect>`), the page the target names, and the
 * rectangle placed on that page of a source. Every refusal is a reason in words that follow
 * "item N, …", as the importer reports the others.
 */
import { Parser } from 'htmlparser2';
import { regionProblem } from '../../shared/region';
import type { PageImageInfo, Region } from '../../shared/types';

/** A rectangle as a file gives it: in the page image's pixels, or in percent of its width and height. */
export interface ReadRegion {
  /** The page its target's image link names (`&page=<n>`), or null when it names none. */
  page: number | null;
  unit: 'pixel' | 'percent';
  x: number;
  y: number;
  w: number;
  h: number;
}

type Json = Record<string, unknown>;
const typesOf = (o: Json): string[] => (Array.isArray(o.type) ? o.type : [o.type ?? o['@type']]).filter((t): t is string => typeof t === 'string');
const MEDIA_FRAGMENTS = /^https?:\/\/www\.w3\.org\/TR\/media-frags\/?$/;
const quoted = (v: string) => `"${v.length > 80 ? `${v.slice(0, 79)}…` : v}"`;

/**
 * Media Fragments' spatial dimension (W3C Media Fragments URI 1.0, 4.2.2):
 * `xywh=[pixel:|percent:]x,y,w,h`, pixel values whole numbers, percent values decimals, the
 * width and height above zero. Hand-written: it is one regular expression, and no maintained
 * npm package parses Media Fragments.
 */
export function parseXywh(value: string): Omit<ReadRegion, 'page'> | string {
  const m = /^xywh=(?:(pixel|percent):)?(\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(value.trim());
  const malformed = `its FragmentSelector ${quoted(value)} is not a Media Fragments rectangle (xywh=pixel:x,y,w,h or xywh=percent:x,y,w,h)`;
  if (!m) return malformed;
  const unit = m[1] === 'percent' ? 'percent' : 'pixel';
  const [x, y, w, h] = m.slice(2).map(Number) as [number, number, number, number];
  if (unit === 'pixel' && !m.slice(2).every((n) => /^\d+$/.test(n!))) return `${malformed}: pixels are whole numbers`;
  if (w <= 0 || h <= 0) return `${malformed}: it has no size (${w} × ${h})`;
  if (unit === 'percent' && (x + w > 100 || y + h > 100)) return `${malformed}: it reaches past 100% of the page`;
  return { unit, x, y, w, h };
}

/**
 * An `SvgSelector` whose SVG draws one rectangle (`<rect x y width height>`, in the image's
 * pixels, with no transform); any other drawing is refused by name. The SVG is read with
 * htmlparser2 in XML mode.
 */
export function parseSvgRect(svg: string): Omit<ReadRegion, 'page'> | string {
  const shapes: { name: string; attribs: Record<string, string> }[] = [];
  let transformed = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (attribs.transform !== undefined || attribs.viewBox !== undefined || attribs.viewbox !== undefined) transformed = true;
        if (!['svg', 'g', 'title', 'desc', 'defs', 'style'].includes(name)) shapes.push({ name, attribs });
      },
    },
    { xmlMode: true },
  );
  parser.write(svg);
  parser.end();
  if (!shapes.length) return 'its SvgSelector draws no shape';
  const rect = shapes[0]!;
  if (shapes.length > 1 || rect.name !== 'rect') {
    return `its SvgSelector draws ${shapes.length > 1 ? `${shapes.length} shapes` : `a ${rect.name}`}, not one rectangle: only rectangles are imported as regions`;
  }
  if (transformed) return 'its SvgSelector rectangle is transformed or scaled (transform or viewBox): only a plain rectangle in pixels is imported';
  const num = (k: string) => {
    const v = (rect.attribs[k] ?? '0').trim().replace(/px$/, '');
    return /^\d+(\.\d+)?$/.test(v) ? Math.round(Number(v)) : NaN;
  };
  const [x, y, w, h] = [num('x'), num('y'), num('width'), num('height')];
  if ([x, y, w, h].some(Number.isNaN)) return 'its SvgSelector rectangle does not give its x, y, width and height in pixels';
  if (w <= 0 || h <= 0) return `its SvgSelector rectangle has no size (${w} × ${h})`;
  return { unit: 'pixel', x, y, w, h };
}

/**
 * The rectangle a text-less target marks: its FragmentSelector (Media Fragments), its
 * SvgSelector, or a `#xywh=` fragment on its source's link; null when it has none of these
 * (then it is not a region), or why it cannot be read.
 */
export function readRegion(selectors: Json[], sourceName: string | null): Omit<ReadRegion, 'page'> | string | null {
  const fragment = selectors.find((s) => typesOf(s).includes('FragmentSelector'));
  if (fragment) {
    const value = typeof fragment.value === 'string' ? fragment.value : '';
    const conforms = typeof fragment.conformsTo === 'string' ? fragment.conformsTo : null;
    if (conforms && !MEDIA_FRAGMENTS.test(conforms)) {
      return `its FragmentSelector conforms to ${conforms}, not Media Fragments: only xywh= rectangles of page images are imported`;
    }
    return parseXywh(value);
  }
  const svg = selectors.find((s) => typesOf(s).includes('SvgSelector'));
  if (svg) {
    if (typeof svg.value !== 'string') return 'its SvgSelector has no SVG in its value (an SVG kept elsewhere is not fetched)';
    return parseSvgRect(svg.value);
  }
  const hash = sourceName?.match(/#(xywh=.*)$/)?.[1];
  return hash ? parseXywh(decodeURIComponent(hash)) : null;
}

/** The page a `sourcebench://open?…&page=<n>` link names: null when it names none, or why it cannot be read. */
export function pageOf(link: string | null): number | null | string {
  if (!link || !/^sourcebench:/i.test(link) || !link.includes('?')) return null;
  const page = new URLSearchParams(link.slice(link.indexOf('?') + 1).replace(/#.*$/, '')).get('page');
  if (page === null) return null;
  return /^[1-9]\d{0,5}$/.test(page) ? Number(page) : `its page image names page ${quoted(page)}, which is not a page number`;
}

/**
 * The region on a source's page, in the page image's pixels (percent converted with its
 * size, each edge rounded), or why it cannot be placed there: the source has no page images,
 * not that page, or the rectangle leaves the image.
 */
export function regionOnPage(r: ReadRegion, title: string, pages: Pick<PageImageInfo, 'page' | 'width' | 'height'>[]): Region | string {
  if (!pages.length) return `${title} is not a photograph or scan: a region is marked on a page image, and it has none`;
  const page = r.page ?? (pages.length === 1 ? pages[0]!.page : null);
  if (page === null) return `its target names no page of ${title}, which has ${pages.length} pages`;
  const info = pages.find((p) => p.page === page);
  if (!info) return `${title} has no page ${page} (it has ${pages.length})`;
  let { x, y, w, h } = r;
  if (r.unit === 'percent') {
    const left = Math.round((r.x * info.width) / 100);
    const top = Math.round((r.y * info.height) / 100);
    [x, y, w, h] = [left, top, Math.round(((r.x + r.w) * info.width) / 100) - left, Math.round(((r.y + r.h) * info.height) / 100) - top];
  }
  const problem = regionProblem({ x, y, w, h }, info.width, info.height);
  if (problem) return `the region on page ${page} of ${title} ${problem.replace(/: drag across.*$/, '')}`;
  return { page, x, y, w, h };
}
