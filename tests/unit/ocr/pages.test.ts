import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../src/main/ingest/image';
import { mergeImageSources, rearrange, setPageOrder } from '../../../src/main/ocr/pages';
import { ImageStore } from '../../../src/main/ocr/store';
import { extractClaims } from '../../../src/main/claims/extract';
import { dispatch } from '../../../src/main/dispatch';
import { Project } from '../../../src/main/project';
import type { OcrWordBox, Passage } from '../../../src/shared/types';
import { tempDir, tempWorkbench } from '../helpers';

const PAGES = [
  ['The committee met in the spring.', 'It read the letters aloud.'],
  ['In 1937 about 1,500 people were arrested in the district.'],
  ['The third page names the village school.'],
];

function open(): Project {
  return Project.open(path.join(tempDir(), 'p.sourcebench'), { create: true });
}

/**
 * An image source as recognition leaves it: each page an image (its width tells which page it
 * was: 10 px for page 1, 20 for page 2…), each paragraph a passage on its page, each word with a box.
 */
function seed(project: Project, name: string, pages: string[][], state: 'done' | 'pending' = 'done'): number {
  let text = '';
  const passages: { start: number; end: number; kind: 'paragraph'; page: number; pageLabel: string }[] = [];
  const words: OcrWordBox[] = [];
  pages.forEach((paras, i) => {
    for (const para of paras) {
      if (text) text += '\n\n';
      const start = text.length;
      text += para;
      passages.push({ start, end: text.length, kind: 'paragraph', page: i + 1, pageLabel: String(i + 1) });
      for (const m of para.matchAll(/\S+/g))
        words.push({
          page: i + 1,
          start: start + m.index,
          end: start + m.index + m[0].length,
          x0: m.index,
          y0: 0,
          x1: m.index + 5,
          y1: 5,
          confidence: 90,
          trusted: false,
        });
    }
  });
  return project.write(() => {
    const id = project.sources.insert({
      title: name,
      author: null,
      date: null,
      origin: name,
      kind: 'text',
      format: 'image',
      language: null,
      fileName: name,
      encoding: 'binary',
      hash: `hash-${name}`,
      text,
      bytes: 100,
      tags: [name],
      meta: { image: { pages: pages.length } },
      passages,
    });
    project.claims.add(id, extractClaims(text));
    const images = new ImageStore(project.db);
    images.addImages(
      id,
      pages.map((_, i) => {
        const width = (i + 1) * 10;
        return {
          page: i + 1,
          fileName: `${name}-${i + 1}.png`,
          bytes: encodePng(new Uint8Array(width * 4), width, 1),
          mime: 'image/png',
          width,
          height: 1,
          sha256: `s${i}`,
          exifDate: null,
          orientation: null,
        };
      }),
    );
    images.setWords(id, words);
    images.setState(id, state);
    return id;
  });
}

function annotate(project: Project, id: number, quote: string) {
  const text = project.sources.text(id);
  const start = text.indexOf(quote);
  return project.write(() => project.annotations.create(id, text, start, start + quote.length, 'yellow'));
}

/** Everything a reorder or a merge touches, to compare before and after. */
function snapshot(project: Project, ids: number[]) {
  const images = new ImageStore(project.db);
  return ids.map((id) => {
    const exists = project.db.prepare('SELECT 1 FROM source WHERE id = ?').get(id) !== undefined;
    if (!exists) return null;
    return {
      text: project.sources.text(id),
      passages: project.sources.detail(id).passageList.map((p) => [p.page, p.text]),
      pages: images.pages(id).map((p) => [p.page, p.width]),
      words: images.words(id),
      annotations: project.annotations.list(id).map((a) => [a.start, a.end, a.exact]),
      claims: project.claims.list({ sourceId: id }).map((c) => [c.start, c.end, c.quote, c.status]),
    };
  });
}

describe('page order', () => {
  it('rearranges a text by pages: each page moves whole, words and offsets with it', () => {
    const text = 'one a\n\none b\n\ntwo\n\nthree';
    const passages = [
      { start: 0, end: 5, page: 1 },
      { start: 7, end: 12, page: 1 },
      { start: 14, end: 17, page: 2 },
      { start: 19, end: 24, page: 3 },
    ].map((p, i) => ({ ...p, id: i, ordinal: i + 1, kind: 'paragraph', text: text.slice(p.start, p.end), pageLabel: null, info: null })) as Passage[];
    const words = [{ page: 3, start: 19, end: 24, x0: 1, y0: 2, x1: 3, y1: 4, confidence: 50, trusted: false }];
    const r = rearrange(text, passages, words, [3, 1, 2]);
    expect(r.text).toBe('three\n\none a\n\none b\n\ntwo');
    expect(r.passages.map((p) => [p.page, r.text.slice(p.start, p.end)])).toEqual([
      [1, 'three'],
      [2, 'one a'],
      [2, 'one b'],
      [3, 'two'],
    ]);
    expect(r.words).toEqual([{ ...words[0], page: 1, start: 0, end: 5 }]);
    expect(r.text.slice(r.map(9), r.map(12))).toBe('e b');
  });

  it('reorders the pages: images, passages, words, annotations and claims follow', () => {
    const project = open();
    const id = seed(project, 'letters', PAGES);
    const note = annotate(project, id, 'village school');
    const claim = project.claims.list({ sourceId: id })[0]!;
    project.write(() => project.claims.update(claim.id, { status: 'confirmed' }));

    const counts = setPageOrder(project, id, [3, 1, 2]);
    expect(counts).toMatchObject({ annotations: 1, orphaned: 0 });
    const text = project.sources.text(id);
    expect(text.startsWith('The third page names the village school.')).toBe(true);
    const detail = project.sources.detail(id);
    expect(detail.passageList.map((p) => [p.page, p.pageLabel, p.text.slice(0, 12)])).toEqual([
      [1, '1', 'The third pa'],
      [2, '2', 'The committe'],
      [2, '2', 'It read the '],
      [3, '3', 'In 1937 abou'],
    ]);
    const images = new ImageStore(project.db);
    expect(images.pages(id).map((p) => [p.page, p.width])).toEqual([
      [1, 30],
      [2, 10],
      [3, 20],
    ]);
    const school = images.words(id).find((w) => text.slice(w.start, w.end) === 'school.');
    expect(school).toMatchObject({ page: 1 });
    const [moved] = project.annotations.list(id);
    expect(moved).toMatchObject({ id: note.id, exact: 'village school', orphaned: false, start: text.indexOf('village school') });
    const [kept] = project.claims.list({ sourceId: id }).filter((c) => c.status === 'confirmed');
    expect(kept).toMatchObject({ id: claim.id, orphaned: false, start: text.indexOf('about 1,500') });
    expect(text.slice(kept!.start, kept!.end)).toBe(claim.quote);
  });

  it('refuses an order that does not name each page once, and a source being recognised', () => {
    const project = open();
    const id = seed(project, 'letters', PAGES);
    expect(() => setPageOrder(project, id, [1, 1, 2])).toThrow(/letters \(source #\d+\) has pages 1–3: the new order must name each of them once/);
    expect(() => setPageOrder(project, id, [2, 1])).toThrow(/must name each of them once/);
    const busy = seed(project, 'busy', PAGES, 'pending');
    expect(() => setPageOrder(project, busy, [2, 1, 3])).toThrow(/The text of busy \(source #\d+\) is being recognised/);
  });

  it('a reorder that fails leaves the source as it was', () => {
    const project = open();
    const id = seed(project, 'letters', PAGES);
    annotate(project, id, 'village school');
    const before = snapshot(project, [id]);
    // The last step of the write fails: everything before it must be undone with it.
    project.db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON main.ocr_word BEGIN SELECT RAISE(ABORT, 'the disk went away'); END");
    expect(() => setPageOrder(project, id, [3, 1, 2])).toThrow(/the disk went away/);
    expect(snapshot(project, [id])).toEqual(before);
  });
});

describe('merging image sources', () => {
  it("appends the second source's pages, with its words, annotations, claims and tags, and deletes it", () => {
    const project = open();
    const a = seed(project, 'day one', PAGES.slice(0, 2));
    const b = seed(project, 'day two', PAGES.slice(2));
    const note = annotate(project, b, 'village school');
    const counts = mergeImageSources(project, [a, b]);
    expect(counts).toMatchObject({ annotations: 1, orphaned: 0 });
    const text = project.sources.text(a);
    expect(text.endsWith('\n\nThe third page names the village school.')).toBe(true);
    expect(project.sources.detail(a).passageList.map((p) => p.page)).toEqual([1, 1, 2, 3]);
    expect(new ImageStore(project.db).pages(a).map((p) => [p.page, p.width])).toEqual([
      [1, 10],
      [2, 20],
      [3, 10],
    ]);
    const words = new ImageStore(project.db).words(a);
    expect(words.find((w) => text.slice(w.start, w.end) === 'village')).toMatchObject({ page: 3 });
    expect(project.annotations.list(a)).toEqual([expect.objectContaining({ id: note.id, sourceId: a, exact: 'village school', orphaned: false })]);
    expect(project.sources.detail(a).tags.sort()).toEqual(['day one', 'day two']);
    expect(() => project.sources.detail(b)).toThrow(/no source with id/);
    expect(project.claims.list({ sourceId: a }).map((c) => c.quote)).toContain('about 1,500 people were arrested');
  });

  it('takes the pages in the order of the sources given: the first keeps its id', () => {
    const project = open();
    const a = seed(project, 'day one', PAGES.slice(0, 2));
    const b = seed(project, 'day two', PAGES.slice(2));
    mergeImageSources(project, [b, a]);
    expect(project.sources.text(b).startsWith('The third page')).toBe(true);
    expect(new ImageStore(project.db).pages(b).map((p) => p.width)).toEqual([10, 10, 20]);
  });

  it('refuses a source that is not a photograph or scan, naming it, and changes nothing', () => {
    const project = open();
    const a = seed(project, 'day one', PAGES.slice(0, 2));
    const t = project.write(() =>
      project.sources.insert({
        title: 'Typed notes',
        author: null,
        date: null,
        origin: null,
        kind: 'text',
        language: null,
        fileName: 'notes.txt',
        encoding: 'utf-8',
        hash: 'h',
        text: 'x',
        bytes: 1,
        tags: [],
        meta: {},
        passages: [{ start: 0, end: 1, kind: 'paragraph' }],
      }),
    );
    const before = snapshot(project, [a, t]);
    expect(() => mergeImageSources(project, [a, t])).toThrow(
      /Typed notes \(source #\d+\) is not a photograph or scan: only image sources can be merged/,
    );
    expect(snapshot(project, [a, t])).toEqual(before);
  });

  it('a merge that fails leaves both sources as they were', () => {
    const project = open();
    const a = seed(project, 'day one', PAGES.slice(0, 2));
    const b = seed(project, 'day two', PAGES.slice(2));
    annotate(project, b, 'village school');
    const before = snapshot(project, [a, b]);
    project.db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON main.ocr_word BEGIN SELECT RAISE(ABORT, 'the disk went away'); END");
    expect(() => mergeImageSources(project, [a, b])).toThrow(/the disk went away/);
    expect(snapshot(project, [a, b])).toEqual(before);
  });
});

describe('page order and merging through the contract', () => {
  it('checks the payload and names the source that is not an image', async () => {
    const { wb } = tempWorkbench();
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'Some typed notes.');
    const [outcome] = await wb.importAll([file]);
    const id = outcome?.status === 'imported' ? outcome.source.id : 1;
    expect(await dispatch(wb, 'setPageOrder', { id, pages: [] })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch(wb, 'mergeImageSources', { ids: [id] })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const reply = await dispatch(wb, 'setPageOrder', { id, pages: [1] });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/notes \(source #\d+\) is not a photograph or scan/) } });
  });
});
