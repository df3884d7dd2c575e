/**
 * Annotations as a W3C Web Annotation `AnnotationCollection` (JSON-LD), for other annotation
 * tools; checked against the W3C test suite's schemas (tests/fixtures/w3c).
 *
 * - Each annotation's `id` is `urn:uuid:<its uuid>`: it holds when the text is corrected and
 *   wherever the project file goes.
 * - The one `AnnotationPage` is embedded as `first`, with an `id` of its own (a MUST).
 * - `TextPositionSelector` counts Unicode code points, as the model says (the store keeps
 *   UTF-16 offsets: an emoji or a rare CJK character counts once here).
 * - `creator` is the project's author when the project knows one; bodies carry `format`
 *   (`text/markdown` for notes, `text/plain` for tags) and `language` when known.
 * - The highlight's colour is the target's `styleClass` (yellow, green…), defined by an
 *   embedded `CssStylesheet`, as the model's styles section has it: importing reads it back.
 * - A region of a page image targets that page's image (an `Image` named by the source's link
 *   with `&page=<n>`) through a `FragmentSelector` conforming to Media Fragments
 *   (`xywh=pixel:x,y,w,h`, in the stored image's pixels); its `scope` is the source, named as
 *   a text annotation's target names it. Importing reads it back onto that page (regions.ts).
 */
import type { Annotation, Region, SourceSummary } from '../../shared/types';

export interface CollectionOptions {
  /** Who wrote the notes (the project's author), when known. */
  creator?: string | null;
  /** The language the notes are written in (BCP 47), when known. */
  language?: string | null;
  /** The mime type of each region's page image, by `${sourceId}:${page}`, when known. */
  imageTypes?: Map<string, string>;
}

/** The Media Fragments selector of a region: `xywh=pixel:x,y,w,h`. */
export function fragmentSelector(r: Region) {
  return { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `xywh=pixel:${r.x},${r.y},${r.w},${r.h}` };
}

/**
 * Code-point offsets for UTF-16 offsets into `text`, counted in one pass over the text up to
 * the largest offset (the offsets may come in any order).
 */
export function codePointOffsets(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let unit = 0;
  let points = 0;
  for (const target of wanted) {
    while (unit < target && unit < text.length) {
      const c = text.charCodeAt(unit);
      // A surrogate pair is one code point; a lone surrogate counts as one too.
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      points++;
    }
    // An offset inside a pair (never made by Sourcebench) falls on the pair's end.
    out.set(target, points);
  }
  return out;
}

/** The highlight colours as the reader shows them (light theme). */
const COLOUR_CSS: Record<string, string> = { yellow: '#f7e08a', green: '#bfe3b0', blue: '#b9d7f2', pink: '#f4c2d2', purple: '#d9c8f0' };

/** `projectId` names the project in the links (sourcebench://open?project=<id>…), never its path. */
export function annotationCollection(
  projectId: string,
  annotations: Annotation[],
  sources: Map<number, SourceSummary>,
  label: string,
  texts: Map<number, string> = new Map(),
  options: CollectionOptions = {},
) {
  const positions = new Map<number, Map<number, number>>();
  for (const [sourceId, text] of texts) {
    const offsets = annotations.filter((a) => a.sourceId === sourceId && !a.orphaned).flatMap((a) => [a.start, a.end]);
    positions.set(sourceId, codePointOffsets(text, offsets));
  }
  const creator = options.creator?.trim() ? { type: 'Person', name: options.creator.trim() } : undefined;
  const language = options.language?.trim() || undefined;
  const items = annotations.map((a) => {
    const source = sources.get(a.sourceId);
    const body: Record<string, unknown>[] = [];
    if (a.markdown)
      body.push({ type: 'TextualBody', purpose: 'commenting', value: a.markdown, format: 'text/markdown', ...(language ? { language } : {}) });
    for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag, format: 'text/plain' });
    const named = source?.origin && /^https?:\/\//i.test(source.origin) ? source.origin : sourceLink(projectId, source?.uuid ?? String(a.sourceId));
    const selectors: Record<string, unknown>[] = [];
    if (!a.region) {
      selectors.push({ type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix });
      const at = positions.get(a.sourceId);
      if (!a.orphaned && at) selectors.push({ type: 'TextPositionSelector', start: at.get(a.start)!, end: at.get(a.end)! });
    }
    const format = a.region && options.imageTypes?.get(`${a.sourceId}:${a.region.page}`);
    const target = a.region
      ? {
          source: {
            id: sourceLink(projectId, source?.uuid ?? String(a.sourceId), a.region.page),
            type: 'Image',
            ...(format ? { format } : {}),
          },
          scope: named,
          styleClass: a.colour,
          selector: fragmentSelector(a.region),
        }
      : { source: named, styleClass: a.colour, selector: selectors.length === 1 ? selectors[0] : selectors };
    return {
      id: `urn:uuid:${a.uuid}`,
      type: 'Annotation',
      motivation: a.markdown ? 'commenting' : a.tags.length ? 'tagging' : 'highlighting',
      ...(creator ? { creator } : {}),
      created: a.createdAt,
      modified: a.updatedAt,
      ...(body.length ? { body: body.length === 1 ? body[0] : body } : {}),
      stylesheet: { type: 'CssStylesheet', value: `.${a.colour} { background-color: ${COLOUR_CSS[a.colour] ?? COLOUR_CSS.yellow} }` },
      target,
    };
  });
  const id = `sourcebench://open?${new URLSearchParams({ project: projectId }).toString()}`;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'AnnotationCollection',
    label,
    ...(creator ? { creator } : {}),
    total: items.length,
    first: { id: `${id}&page=1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** A source's link, or the link to one of its page images. */
function sourceLink(projectId: string, source: string, page?: number): string {
  return `sourcebench://open?${new URLSearchParams({ project: projectId, source, ...(page !== undefined ? { page: String(page) } : {}) }).toString()}`;
}
