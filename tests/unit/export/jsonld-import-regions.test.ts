import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { noteFromMarkdown } from '../../../src/main/annotate/note';
import { pageOf, parseSvgRect, parseXywh, readRegion, regionOnPage } from '../../../src/main/export/regions';
import { Workbench } from '../../../src/main/workbench';
import type { Annotation } from '../../../src/shared/types';
import { bytes, tempDir } from '../helpers';

const benches: Workbench[] = [];
afterEach(() => benches.splice(0).forEach((wb) => wb.close()));

/** A workbench that does not recognise the text of the images it imports (the regions need only their pages). */
function quietWorkbench(): Workbench {
  const wb = Workbench.open({ home: tempDir(), ocr: false });
  benches.push(wb);
  return wb;
}

function png(width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

async function imageSource(wb: Workbench, name = 'stamped.png', width = 640, height = 480) {
  const out = await wb.importFile({ name, bytes: png(width, height) });
  if (out.status !== 'imported') throw new Error(`${name}: ${out.status}`);
  return (await wb.listSources()).find((s) => s.id === out.source.id)!;
}

/** What must survive a round trip of a region. */
const kept = (a: Annotation) => ({
  uuid: a.uuid,
  region: a.region,
  colour: a.colour,
  markdown: a.markdown,
  tags: [...a.tags].sort(),
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

const file = (doc: unknown, name = 'regions.jsonld') => ({ name, bytes: bytes(JSON.stringify(doc)) });

/** An annotation on a region of a page, as Sourcebench exports one; `selector` and `source` may be changed. */
function regionItem(id: string, source: string, selector: unknown) {
  return {
    id,
    type: 'Annotation',
    motivation: 'commenting',
    body: [
      { type: 'TextualBody', purpose: 'commenting', value: `Note of ${id}`, format: 'text/markdown' },
      { type: 'TextualBody', purpose: 'tagging', value: 'seal', format: 'text/plain' },
    ],
    target: { source: { id: source, type: 'Image' }, styleClass: 'green', selector },
  };
}
const xywh = (value: string) => ({ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value });

describe('importing regions of page images from W3C Web Annotations', () => {
  it('round trip: regions exported come back on the same page and rectangle with their note, colour and tags; again, nothing is added', async () => {
    const first = quietWorkbench();
    const source = await imageSource(first);
    const seal = await first.createRegionAnnotation({
      sourceId: source.id,
      page: 1,
      x: 12,
      y: 34,
      w: 56,
      h: 78,
      colour: 'purple',
      tags: ['seal', 'stamp'],
    });
    await first.updateAnnotation({ id: seal.id, body: noteFromMarkdown('The district **seal**.') });
    await first.createRegionAnnotation({ sourceId: source.id, page: 1, x: 0, y: 0, w: 640, h: 480, colour: 'yellow' });
    const before = (await first.listAnnotations({})).map(kept);
    const exported = await first.exportAnnotations({ format: 'jsonld' });

    // A fresh project with the same photograph: its source has another id, so the historian chooses it.
    const wb = quietWorkbench();
    const again = await imageSource(wb);
    const unchosen = await wb.importAnnotations({ name: exported.name, bytes: bytes(exported.content) });
    expect(unchosen).toMatchObject({ imported: 0, duplicates: 0 });
    expect(unchosen.skipped).toHaveLength(2);
    expect(unchosen.skipped).toContainEqual({
      index: expect.any(Number),
      id: `urn:uuid:${seal.uuid}`,
      reason:
        'its Sourcebench source is not in this project, and a region of a page image has no words to look for; choose the source to import onto',
    });
    const result = await wb.importAnnotations({ name: exported.name, bytes: bytes(exported.content), sourceId: again.id });
    expect(result).toEqual({ imported: 2, placed: 2, orphaned: 0, skipped: [], duplicates: 0 });
    const after = await wb.listAnnotations({});
    expect(after.map(kept)).toEqual(before);
    expect(after.find((a) => a.colour === 'purple')).toMatchObject({ sourceId: again.id, exact: '', start: 0, end: 0, plain: 'The district seal.' });
    // Imported again, and into the project it came from: already there.
    expect(await wb.importAnnotations({ ...file(JSON.parse(exported.content)), sourceId: again.id })).toMatchObject({ imported: 0, duplicates: 2 });
    expect(await first.importAnnotations(file(JSON.parse(exported.content)))).toMatchObject({ imported: 0, duplicates: 2 });
    // And it exports as it came: the same selector.
    const reexported = JSON.parse((await wb.exportAnnotations({ format: 'jsonld' })).content);
    expect(reexported.first.items.map((i: { target: { selector: unknown } }) => i.target.selector)).toEqual(
      JSON.parse(exported.content).first.items.map((i: { target: { selector: unknown } }) => i.target.selector),
    );
  });

  it("finds the source and page the image link names, and converts xywh=percent: with the page image's size", async () => {
    const wb = quietWorkbench();
    const source = await imageSource(wb, 'register.png', 640, 480);
    const link = `sourcebench://open?project=p&source=${source.uuid}&page=1`;
    const result = await wb.importAnnotations(
      file({
        type: 'AnnotationPage',
        items: [
          regionItem('urn:x:pixel', link, xywh('xywh=pixel:100,50,400,150')),
          regionItem('urn:x:percent', link, xywh('xywh=percent:10,20,50,25')),
          // The default unit is the pixel; an SVG rectangle is a region too.
          regionItem('urn:x:bare', link, { type: 'FragmentSelector', value: 'xywh=1,2,3,4' }),
          regionItem('urn:x:svg', link, {
            type: 'SvgSelector',
            value: '<svg xmlns="http://www.w3.org/2000/svg"><rect x="5" y="6" width="70" height="80"/></svg>',
          }),
        ],
      }),
    );
    expect(result).toEqual({ imported: 4, placed: 4, orphaned: 0, skipped: [], duplicates: 0 });
    const list = await wb.listAnnotations({ sourceId: source.id });
    const byNote = (n: string) => list.find((a) => a.plain === `Note of ${n}`)!;
    expect(byNote('urn:x:pixel')).toMatchObject({ region: { page: 1, x: 100, y: 50, w: 400, h: 150 }, colour: 'green', tags: ['seal'] });
    expect(byNote('urn:x:percent').region).toEqual({ page: 1, x: 64, y: 96, w: 320, h: 120 });
    expect(byNote('urn:x:bare').region).toEqual({ page: 1, x: 1, y: 2, w: 3, h: 4 });
    expect(byNote('urn:x:svg').region).toEqual({ page: 1, x: 5, y: 6, w: 70, h: 80 });
  });

  it('refuses by id and reason what cannot be placed, writing none of those and all of the rest', async () => {
    const wb = quietWorkbench();
    const source = await imageSource(wb, 'letter.png', 400, 300);
    const text = await wb.importFile({ name: 'typed.txt', bytes: bytes('Typed notes on the letter.') });
    if (text.status !== 'imported') throw new Error('import failed');
    const typed = (await wb.listSources()).find((s) => s.id === text.source.id)!;
    const link = (uuid: string, page: string) => `sourcebench://open?project=p&source=${uuid}&page=${page}`;
    const items = [
      regionItem('urn:x:outside', link(source.uuid, '1'), xywh('xywh=pixel:350,250,100,100')),
      regionItem('urn:x:no-page', link(source.uuid, '3'), xywh('xywh=pixel:1,1,10,10')),
      regionItem('urn:x:not-image', link(typed.uuid, '1'), xywh('xywh=pixel:1,1,10,10')),
      regionItem('urn:x:malformed', link(source.uuid, '1'), xywh('xywh=pixel:1,2,3')),
      regionItem('urn:x:fraction', link(source.uuid, '1'), xywh('xywh=pixel:1.5,2,3,4')),
      regionItem('urn:x:empty', link(source.uuid, '1'), xywh('xywh=pixel:1,2,0,4')),
      regionItem('urn:x:page-word', link(source.uuid, 'two'), xywh('xywh=pixel:1,2,3,4')),
      regionItem('urn:x:pdf', link(source.uuid, '1'), { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' }),
      regionItem('urn:x:polygon', link(source.uuid, '1'), { type: 'SvgSelector', value: '<svg><polygon points="0,0 10,0 5,5"/></svg>' }),
      regionItem('urn:x:turned', link(source.uuid, '1'), {
        type: 'SvgSelector',
        value: '<svg><rect x="1" y="1" width="5" height="5" transform="rotate(45)"/></svg>',
      }),
      regionItem('urn:x:fine', link(source.uuid, '1'), xywh('xywh=pixel:300,200,100,100')),
    ];
    const result = await wb.importAnnotations(file({ type: 'AnnotationPage', items }));
    expect(result).toMatchObject({ imported: 1, placed: 1, duplicates: 0 });
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.id, s.reason]));
    expect(result.skipped.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(reasons['urn:x:outside']).toBe(
      'the region on page 1 of letter (350, 250, 100 × 100 pixels) reaches outside the page image, which is 400 × 300 pixels',
    );
    expect(reasons['urn:x:no-page']).toBe('letter has no page 3 (it has 1)');
    expect(reasons['urn:x:not-image']).toMatch(/^typed is not a photograph or scan: a region is marked on a page image, and it has none$/);
    expect(reasons['urn:x:malformed']).toMatch(/^its FragmentSelector "xywh=pixel:1,2,3" is not a Media Fragments rectangle/);
    expect(reasons['urn:x:fraction']).toMatch(/pixels are whole numbers/);
    expect(reasons['urn:x:empty']).toMatch(/it has no size \(3 × 0\)|it has no size \(0 × 4\)/);
    expect(reasons['urn:x:page-word']).toBe('its page image names page "two", which is not a page number');
    expect(reasons['urn:x:pdf']).toMatch(/conforms to http:\/\/tools\.ietf\.org\/rfc\/rfc3778, not Media Fragments/);
    expect(reasons['urn:x:polygon']).toBe('its SvgSelector draws a polygon, not one rectangle: only rectangles are imported as regions');
    expect(reasons['urn:x:turned']).toMatch(/transformed/);
    const list = await wb.listAnnotations({});
    expect(list.map((a) => a.region)).toEqual([{ page: 1, x: 300, y: 200, w: 100, h: 100 }]);
    // A file whose every region is refused writes nothing.
    const none = await wb.importAnnotations(file({ type: 'AnnotationPage', items: items.slice(0, 3) }));
    expect(none).toMatchObject({ imported: 0, placed: 0 });
    expect(await wb.listAnnotations({})).toHaveLength(1);
  });

  it('a region whose target names no page goes on a one-page source, and is refused on a source of several pages', async () => {
    const wb = quietWorkbench();
    const one = await imageSource(wb, 'one.png', 200, 100);
    const a = await imageSource(wb, 'a.png', 200, 110);
    const b = await imageSource(wb, 'b.png', 200, 120);
    await wb.mergeImageSources({ ids: [a.id, b.id] });
    const item = (id: string) => ({
      id,
      type: 'Annotation',
      target: { source: 'https://example.org/scan.png', selector: xywh('xywh=pixel:10,10,20,20') },
    });
    expect(await wb.importAnnotations({ ...file([item('urn:x:1')]), sourceId: one.id })).toMatchObject({ imported: 1, skipped: [] });
    const several = await wb.importAnnotations({ ...file([item('urn:x:2')]), sourceId: a.id });
    expect(several.skipped).toEqual([{ index: 0, id: 'urn:x:2', reason: 'its target names no page of a, which has 2 pages' }]);
    // Without a choice, an address no source comes from is named.
    const unnamed = await wb.importAnnotations(file([item('urn:x:3')]));
    expect(unnamed.skipped[0]!.reason).toMatch(/^no source comes from https:\/\/example\.org\/scan\.png, and a region/);
  });
});

describe('reading region selectors', () => {
  it('reads Media Fragments rectangles and refuses malformed ones', () => {
    expect(parseXywh('xywh=pixel:0,0,10,20')).toEqual({ unit: 'pixel', x: 0, y: 0, w: 10, h: 20 });
    expect(parseXywh('xywh=160,120,320,240')).toEqual({ unit: 'pixel', x: 160, y: 120, w: 320, h: 240 });
    expect(parseXywh('xywh=percent:12.5,0,50,100')).toEqual({ unit: 'percent', x: 12.5, y: 0, w: 50, h: 100 });
    for (const bad of ['xywh=pixel:1,2,3', 'xywh=inch:1,2,3,4', 't=10,20', 'xywh=pixel:-1,2,3,4', 'xywh=percent:60,0,50,10', 'xywh=1,2,3,0', '']) {
      expect(typeof parseXywh(bad), bad).toBe('string');
    }
  });

  it('reads an SVG rectangle, and names any other drawing', () => {
    expect(parseSvgRect('<svg><rect x="1" y="2" width="30px" height="40"/></svg>')).toEqual({ unit: 'pixel', x: 1, y: 2, w: 30, h: 40 });
    expect(parseSvgRect('<svg><circle cx="1" cy="1" r="4"/></svg>')).toMatch(/draws a circle, not one rectangle/);
    expect(parseSvgRect('<svg><rect x="1" y="2" width="3" height="4"/><rect x="1" y="2" width="3" height="4"/></svg>')).toMatch(/draws 2 shapes/);
    expect(parseSvgRect('<svg viewBox="0 0 1 1"><rect x="0" y="0" width="1" height="1"/></svg>')).toMatch(/viewBox/);
    expect(parseSvgRect('<svg><rect x="1" y="2" width="50%" height="4"/></svg>')).toMatch(/x, y, width and height in pixels/);
    expect(parseSvgRect('<svg/>')).toBe('its SvgSelector draws no shape');
  });

  it('tells a text target from a region, and reads the page a link names', () => {
    expect(readRegion([{ type: 'TextQuoteSelector', exact: 'a' }], 'https://example.org/')).toBeNull();
    expect(readRegion([], 'https://example.org/scan.png#xywh=1,2,3,4')).toEqual({ unit: 'pixel', x: 1, y: 2, w: 3, h: 4 });
    expect(readRegion([{ type: 'SvgSelector', id: 'https://example.org/shape.svg' }], null)).toMatch(/not fetched/);
    expect(pageOf('sourcebench://open?project=p&source=s&page=12')).toBe(12);
    expect(pageOf('sourcebench://open?project=p&source=s')).toBeNull();
    expect(pageOf('https://example.org/?page=2')).toBeNull();
    expect(pageOf('sourcebench://open?source=s&page=0')).toMatch(/not a page number/);
  });

  it('converts percent with rounded edges, staying on the page', () => {
    const pages = [{ page: 1, width: 333, height: 101 }];
    const r = regionOnPage({ page: 1, unit: 'percent', x: 33.3, y: 0, w: 66.7, h: 100 }, 'scan', pages);
    expect(r).toEqual({ page: 1, x: 111, y: 0, w: 222, h: 101 });
    expect(regionOnPage({ page: null, unit: 'pixel', x: 0, y: 0, w: 334, h: 1 }, 'scan', pages)).toMatch(
      /reaches outside the page image, which is 333 × 101 pixels/,
    );
  });
});
