/**
 * The pages of photographed and scanned sources: put in another order, or several sources
 * made one (photographs of one document imported on two days). The transcription follows its
 * pages: each page's passages move as one stretch of text, so their words keep their boxes
 * and annotations and claims are moved by exact offsets before they are anchored again by
 * their quotes, as after a corrected text. Each change is one write: all of it, or nothing.
 */
import { ApiError } from '../../shared/errors';
import type { OcrWordBox, Passage, ReplaceTextResult, SourceDetail } from '../../shared/types';
import { MAX_IMAGE_PAGES } from '../ingest/image';
import type { Span } from '../ingest/text';
import type { Project } from '../project';
import type { Db } from '../store/project';
import { ImageStore, transcriptionSource } from './store';

/** Pages are joined by a blank line, as recognised paragraphs are. */
const BETWEEN = '\n\n';

/** A stretch of the old text that moves as one: consecutive passages on one page. */
interface Run {
  page: number;
  start: number;
  end: number;
  passages: Passage[];
  /** Where the stretch starts in the new text. */
  to: number;
}

export interface Rearranged {
  text: string;
  passages: Span[];
  words: OcrWordBox[];
  /** Where an offset of the old text is in the new one. */
  map(offset: number): number;
}

/** The runs of passages by page, in text order (a passage without a page stays with the one before it). */
function runsOf(passages: readonly Passage[]): Run[] {
  const runs: Run[] = [];
  for (const p of passages) {
    const page = p.page ?? runs.at(-1)?.page ?? 1;
    const last = runs.at(-1);
    if (last && last.page === page) {
      last.end = p.end;
      last.passages.push(p);
    } else runs.push({ page, start: p.start, end: p.end, passages: [p], to: 0 });
  }
  return runs;
}

/** The run holding `offset` (runs in old text order), else the first after it, else null. */
function runAt(runs: readonly Run[], offset: number): Run | null {
  let lo = 0;
  let hi = runs.length - 1;
  let after: Run | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (offset < r.start) {
      after = r;
      hi = mid - 1;
    } else if (offset > r.end) lo = mid + 1;
    else return r;
  }
  return after;
}

/**
 * A source's text with its pages in a new order: `order` lists the old page numbers in their
 * new order. Each page's text moves whole; passages and words take their page's new number.
 */
export function rearrange(text: string, passages: readonly Passage[], words: readonly OcrWordBox[], order: readonly number[]): Rearranged {
  const newPage = new Map(order.map((old, i) => [old, i + 1]));
  const runs = runsOf(passages);
  const placed = [...runs].sort((a, b) => (newPage.get(a.page) ?? 0) - (newPage.get(b.page) ?? 0));
  let out = '';
  const spans: Span[] = [];
  for (const r of placed) {
    if (out !== '') out += BETWEEN;
    r.to = out.length;
    out += text.slice(r.start, r.end);
    const page = newPage.get(r.page) ?? r.page;
    for (const p of r.passages) {
      spans.push({
        start: p.start - r.start + r.to,
        end: p.end - r.start + r.to,
        kind: p.kind,
        page,
        pageLabel: String(page),
        ...(p.info ? { info: p.info } : {}),
      });
    }
  }
  const map = (offset: number): number => {
    const r = runAt(runs, offset);
    if (!r) return out.length;
    return offset < r.start ? r.to : offset - r.start + r.to;
  };
  const moved: OcrWordBox[] = [];
  for (const w of words) {
    const r = runAt(runs, w.start);
    if (!r || w.start < r.start || w.end > r.end) continue;
    moved.push({ ...w, page: newPage.get(w.page) ?? w.page, start: w.start - r.start + r.to, end: w.end - r.start + r.to });
  }
  moved.sort((a, b) => a.start - b.start);
  return { text: out, passages: spans, words: moved, map };
}

/** The source, refused unless it is a photograph or scan whose text is not being recognised. */
function imageSource(project: Project, images: ImageStore, id: number, doing: string): SourceDetail {
  const detail = project.sources.detail(id);
  if (detail.format !== 'image') {
    throw new ApiError('invalid_request', `${detail.title} (source #${id}) is not a photograph or scan: only image sources can ${doing}`);
  }
  const state = images.state(id)?.state;
  if (state === 'pending' || state === 'running') {
    throw new ApiError(
      'invalid_request',
      `The text of ${detail.title} (source #${id}) is being recognised: wait until it is done, or stop it, before you ${doing}`,
    );
  }
  return detail;
}

/** Moves the stored offsets of a source's annotations and claims (inside the caller's write), before they are anchored again. */
function moveAnchors(db: Db, sourceId: number, map: (offset: number) => number): void {
  for (const table of ['annotation', 'claim'] as const) {
    const rows = db.prepare(`SELECT id, start, "end" FROM ${table} WHERE source_id = ?`).all(sourceId) as {
      id: number;
      start: number;
      end: number;
    }[];
    const update = db.prepare(`UPDATE ${table} SET start = ?, "end" = ? WHERE id = ?`);
    for (const r of rows) {
      const start = map(r.start);
      const end = map(r.end);
      // A quote across two pages that no longer follow each other keeps its length; its quote decides.
      update.run(start, end - start === r.end - r.start ? end : start + (r.end - r.start), r.id);
    }
  }
}

/**
 * Puts an image source's pages in a new order (`order`: every old page number once, in the
 * new order). One write: the images, the text, its passages, words, annotations and claims.
 */
export function setPageOrder(project: Project, id: number, order: readonly number[]): Omit<ReplaceTextResult, 'source'> {
  const images = new ImageStore(project.db);
  const detail = imageSource(project, images, id, 'reorder its pages');
  const pages = images.pages(id).map((p) => p.page);
  const sorted = [...order].sort((a, b) => a - b);
  if (sorted.length !== pages.length || sorted.some((p, i) => p !== pages[i])) {
    throw new ApiError(
      'invalid_request',
      `${detail.title} (source #${id}) has pages 1–${pages.length}: the new order must name each of them once (got ${order.join(', ')})`,
    );
  }
  const r = rearrange(project.sources.text(id), detail.passageList, images.words(id), order);
  return project.write(() => {
    images.renumber(id, order);
    moveAnchors(project.db, id, r.map);
    // Named by its pages in their new order: importing them as one folder in that order is a duplicate.
    project.sources.replaceText(id, transcriptionSource(detail, images.lang(id), r.text, r.passages, pages.length, { hash: images.hash(id) }));
    project.claims.refresh(id, r.text);
    images.setWords(id, r.words);
    return project.annotations.reanchor(id, r.text);
  });
}

/**
 * Makes several image sources one: the first keeps its id, metadata and pages; the pages of
 * each of the others follow in the order given, with their text, words, annotations, claims
 * and tags; then the others are deleted. Its hash becomes its pages' (each page keeps its own,
 * by which importing any of them again is found a duplicate). One write: all of it, or nothing.
 */
export function mergeImageSources(project: Project, ids: readonly number[]): Omit<ReplaceTextResult, 'source'> {
  if (new Set(ids).size !== ids.length) throw new ApiError('invalid_request', `A source can be merged only once (got ${ids.join(', ')})`);
  const images = new ImageStore(project.db);
  const details = ids.map((id) => imageSource(project, images, id, 'be merged'));
  const counts = ids.map((id) => images.pages(id).length);
  const total = counts.reduce((n, c) => n + c, 0);
  if (total > MAX_IMAGE_PAGES) {
    throw new ApiError('too_large', `Merged, these sources would have ${total} pages, over the ${MAX_IMAGE_PAGES}-page limit for one source`);
  }
  const into = ids[0]!;
  let text = '';
  const passages: Span[] = [];
  const words: OcrWordBox[] = [];
  const moves: { id: number; shift: number; pages: number }[] = [];
  let pagesBefore = 0;
  details.forEach((d, i) => {
    const own = project.sources.text(d.id);
    const shift = own && text ? text.length + BETWEEN.length : text.length;
    if (own) text = text ? text + BETWEEN + own : own;
    moves.push({ id: d.id, shift, pages: pagesBefore });
    for (const p of d.passageList) {
      const page = (p.page ?? 1) + pagesBefore;
      passages.push({ start: p.start + shift, end: p.end + shift, kind: p.kind, page, pageLabel: String(page), ...(p.info ? { info: p.info } : {}) });
    }
    for (const w of images.words(d.id)) words.push({ ...w, page: w.page + pagesBefore, start: w.start + shift, end: w.end + shift });
    pagesBefore += counts[i]!;
  });
  const states = ids.map((id) => images.state(id)?.state ?? 'skipped');
  const bytes = details.reduce((n, d) => n + d.bytes, 0);
  const tags = [...new Set(details.flatMap((d) => d.tags))];
  return project.write(() => {
    for (const m of moves.slice(1)) {
      images.moveImages(m.id, into, m.pages);
      for (const table of ['annotation', 'claim'] as const) {
        project.db
          .prepare(`UPDATE ${table} SET source_id = ?, start = start + ?, "end" = "end" + ? WHERE source_id = ?`)
          .run(into, m.shift, m.shift, m.id);
      }
      project.sources.delete(m.id);
    }
    // Named by all its pages, no longer by the first source's files alone.
    project.sources.replaceText(into, transcriptionSource(details[0]!, images.lang(into), text, passages, total, { bytes, hash: images.hash(into) }));
    if (tags.length > details[0]!.tags.length) project.sources.update(into, { tags });
    project.claims.refresh(into, text);
    images.setWords(into, words);
    if (states.every((s) => s === 'done')) images.setState(into, 'done');
    else if (images.state(into)?.state === 'done') images.setState(into, 'skipped', 'merged with pages not recognised');
    return project.annotations.reanchor(into, text);
  });
}
