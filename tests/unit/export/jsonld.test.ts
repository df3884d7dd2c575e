import Ajv from 'ajv';
import { createCanvas } from '@napi-rs/canvas';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteFromMarkdown } from '../../../src/main/annotate/note';
import { codePointOffsets } from '../../../src/main/export/jsonld';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { APPLICATION_ID } from '../../../src/main/store/pragmas';
import { openProjectDb } from '../../../src/main/store/project';
import { Workbench } from '../../../src/main/workbench';
import { bytes, fixture, tempDir, tempWorkbench } from '../helpers';

const W3C = fixture('w3c');
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The W3C test suite's schemas (draft-04), with the assertions its "MUST" tests make. */
function w3c() {
  const ajv = new Ajv({ schemaId: 'id', allErrors: true });
  ajv.addMetaSchema(JSON.parse(fs.readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
  for (const f of fs.readdirSync(path.join(W3C, 'definitions'))) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(W3C, 'definitions', f), 'utf8')));
  const musts = (test: string) =>
    (JSON.parse(fs.readFileSync(path.join(W3C, test), 'utf8')) as { assertions: string[] }).assertions.map((a) => {
      const schema = JSON.parse(fs.readFileSync(path.join(W3C, a), 'utf8'));
      return { name: a, expected: schema.expectedResult as string, validate: ajv.compile(schema) };
    });
  const check = (doc: unknown, test: string, extra: string[] = []) => {
    const failed: string[] = [];
    const assertions = [
      ...musts(test),
      ...extra.map((a) => ({ name: a, expected: 'valid', validate: ajv.compile(JSON.parse(fs.readFileSync(path.join(W3C, a), 'utf8'))) })),
    ];
    for (const { name, expected, validate } of assertions) {
      if ((validate(doc) ? 'valid' : 'invalid') !== expected) failed.push(`${name}: ${ajv.errorsText(validate.errors)}`);
    }
    return failed;
  };
  return {
    collection: (doc: unknown) => [...check(doc, 'collections/collectionMusts.test'), ...check(doc, 'collections/pages/pageMusts.test')],
    annotation: (doc: unknown, extra: string[] = []) =>
      check({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...(doc as object) }, 'annotations/annotationMusts.test', extra),
  };
}

const TEXT = 'Title: Letters\n\n𝔄 note on 😀 the 681,692 executions.\n\nAnd 𠀀 more about the NKVD order.';

async function project() {
  const { wb, home } = tempWorkbench();
  const out = await wb.importFile({ name: 'letters.txt', bytes: bytes(TEXT) });
  if (out.status !== 'imported') throw new Error('import failed');
  const text = (wb as unknown as { current: { sources: { text(id: number): string } } }).current.sources.text(out.source.id);
  const span = (q: string) => ({ sourceId: out.source.id, start: text.indexOf(q), end: text.indexOf(q) + q.length });
  return { wb, home, id: out.source.id, text, span };
}

describe('W3C Web Annotation export', () => {
  it('passes the W3C MUST tests for a collection, its page and every kind of annotation', async () => {
    const { wb, span } = await project();
    const highlight = await wb.createAnnotation({ ...span('681,692'), colour: 'yellow' });
    const note = await wb.createAnnotation({ ...span('😀 the'), colour: 'green' });
    await wb.updateAnnotation({ id: note.id, body: noteFromMarkdown('A *note*.') });
    const tagged = await wb.createAnnotation({ ...span('𠀀 more'), colour: 'blue', tags: ['nkvd', '1937'] });
    const orphan = await wb.createAnnotation({ ...span('NKVD order'), colour: 'pink' });
    await wb.replaceSourceText({ id: span('x').sourceId, name: 'letters.txt', bytes: bytes(TEXT.replace('NKVD order', 'decree')) });
    const doc = JSON.parse((await wb.exportAnnotations({ format: 'jsonld' })).content);
    const v = w3c();
    expect(v.collection(doc)).toEqual([]);
    // The page without its id fails the W3C test it failed before.
    const { id: _pageId, ...pageWithoutId } = doc.first;
    expect(v.collection({ ...doc, first: pageWithoutId }).join('\n')).toContain('5.2-pageIdValidated');
    expect(doc.first.id).toMatch(/^sourcebench:\/\/open\?project=.+&page=1$/);
    const items = doc.first.items as Record<string, unknown>[];
    expect(items).toHaveLength(4);
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const a of [highlight, note, tagged, orphan]) {
      expect(a.uuid).toMatch(UUID4);
      const item = byId.get(`urn:uuid:${a.uuid}`)!;
      expect(item, String(a.id)).toBeDefined();
      expect(
        v.annotation(item, [
          'annotations/specificResource/4.2.4-textQuoteSelector.json',
          'annotations/specificResource/4.4-styleClassValidIfPresent.json',
        ]),
        String(a.id),
      ).toEqual([]);
      expect((item as { target: { styleClass: string } }).target.styleClass, String(a.id)).toBe(a.colour);
    }
    const noteItem = byId.get(`urn:uuid:${note.uuid}`)! as { body: unknown[] };
    expect(v.annotation(noteItem, ['annotations/bodiesTargets/3.2.1-bodyFormat.json'])).toEqual([]);
    expect((byId.get(`urn:uuid:${orphan.uuid}`) as { target: { selector: { type: string } } }).target.selector.type).toBe('TextQuoteSelector');
    expect(byId.get(`urn:uuid:${tagged.uuid}`) as { motivation: string; body: { format: string }[] }).toMatchObject({
      motivation: 'tagging',
      body: [
        { value: 'nkvd', format: 'text/plain' },
        { value: '1937', format: 'text/plain' },
      ],
    });
  });

  it('counts positions in code points, not UTF-16 units', async () => {
    const { wb, span, text } = await project();
    const a = await wb.createAnnotation({ ...span('𠀀 more'), colour: 'blue' });
    const doc = JSON.parse((await wb.exportAnnotations({ format: 'jsonld' })).content);
    const position = (doc.first.items[0].target.selector as { type: string; start: number; end: number }[]).find(
      (s) => s.type === 'TextPositionSelector',
    )!;
    const points = [...text];
    expect(points.slice(position.start, position.end).join('')).toBe('𠀀 more');
    expect(position.start).toBe([...text.slice(0, a.start)].length);
    expect(position.start).toBeLessThan(a.start);
    expect(codePointOffsets('a😀b', [0, 1, 3, 4])).toEqual(
      new Map([
        [0, 0],
        [1, 1],
        [3, 2],
        [4, 3],
      ]),
    );
  });

  it('gives each annotation an id that holds when the text is corrected and the project file moves', async () => {
    const { wb, span, id } = await project();
    const a = await wb.createAnnotation({ ...span('681,692'), colour: 'yellow' });
    const before = JSON.parse((await wb.exportAnnotations({ format: 'jsonld' })).content).first.items[0].id;
    expect(before).toBe(`urn:uuid:${a.uuid}`);
    await wb.replaceSourceText({ id, name: 'letters.txt', bytes: bytes(TEXT.replace('𝔄 note', 'A short note')) });
    expect(JSON.parse((await wb.exportAnnotations({ format: 'jsonld' })).content).first.items[0].id).toBe(before);
    const file = wb.projectPath;
    wb.close();
    const moved = path.join(tempDir(), 'moved.sourcebench');
    fs.renameSync(file, moved);
    const again = Workbench.open({ home: tempDir(), project: moved });
    try {
      expect(JSON.parse((await again.exportAnnotations({ format: 'jsonld' })).content).first.items[0].id).toBe(before);
    } finally {
      again.close();
    }
  });

  it('names the project author as creator when the project knows one, and never otherwise', async () => {
    const { wb, span } = await project();
    await wb.createAnnotation({ ...span('681,692'), colour: 'yellow' });
    const plain = JSON.parse((await wb.exportAnnotations({ format: 'jsonld' })).content);
    expect(plain.first.items[0].creator).toBeUndefined();
    const db = (wb as unknown as { current: { db: Database.Database } }).current.db;
    db.prepare("INSERT INTO meta (key, value) VALUES ('author', 'Anna Ivanova'), ('language', 'en')").run();
    const doc = JSON.parse((await wb.exportAnnotations({ format: 'jsonld' })).content);
    expect(doc.first.items[0].creator).toEqual({ type: 'Person', name: 'Anna Ivanova' });
    expect(w3c().annotation(doc.first.items[0], ['annotations/3.3.1-annotationCreatorImplemented.json'])).toEqual([]);
    expect(w3c().collection(doc)).toEqual([]);
  });
});

describe('migration 9', () => {
  it('gives existing annotations, claims and sources random v4 UUIDs, and new rows too', () => {
    const file = path.join(tempDir(), 'old.sourcebench');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((m) => m.version <= 7)) db.exec(m.sql);
    db.pragma('user_version = 7');
    const now = '2024-01-01T00:00:00Z';
    for (let i = 1; i <= 3; i++) {
      db.prepare(
        "INSERT INTO source (id, title, kind, encoding, hash, chars, bytes, passage_count, imported_at) VALUES (?, 'S', 'text', 'utf-8', ?, 1, 1, 0, ?)",
      ).run(i, `h${i}`, now);
      db.prepare(
        "INSERT INTO annotation (source_id, start, \"end\", exact, prefix, suffix, colour, created_at, updated_at) VALUES (?, 0, 1, 'x', '', '', 'yellow', ?, ?)",
      ).run(i, now, now);
      db.prepare(
        "INSERT INTO claim (source_id, start, \"end\", quote, measure, low, high, unit, approx, created_at, updated_at) VALUES (?, 0, 1, '5', 'executed', 5, 5, 'people', 0, ?, ?)",
      ).run(i, now, now);
    }
    db.close();
    const migrated = openProjectDb(file);
    const uuids: string[] = [];
    for (const table of ['annotation', 'claim', 'source']) {
      const rows = migrated.prepare(`SELECT uuid FROM ${table}`).pluck().all() as string[];
      expect(rows).toHaveLength(3);
      for (const u of rows) expect(u).toMatch(UUID4);
      uuids.push(...rows);
      migrated.prepare(`INSERT INTO ${table} SELECT * FROM ${table} WHERE 0`).run();
    }
    migrated
      .prepare(
        "INSERT INTO source (title, kind, encoding, hash, chars, bytes, passage_count, imported_at) VALUES ('New', 'text', 'utf-8', 'h9', 1, 1, 0, ?)",
      )
      .run(now);
    const fresh = migrated.prepare("SELECT uuid FROM source WHERE title = 'New'").pluck().get() as string;
    expect(fresh).toMatch(UUID4);
    expect(new Set([...uuids, fresh]).size).toBe(10);
    migrated.close();
  });
});

describe('W3C Web Annotation export of regions of page images', () => {
  it('targets the page image through a Media Fragments FragmentSelector that passes the W3C tests', async () => {
    const { wb } = tempWorkbench();
    const canvas = createCanvas(640, 480);
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, 640, 480);
    const out = await wb.importFile({ name: 'stamped.png', bytes: new Uint8Array(canvas.toBuffer('image/png')) });
    if (out.status !== 'imported') throw new Error('import failed');
    await wb.cancelOcr({ id: out.source.id });
    const region = await wb.createRegionAnnotation({
      sourceId: out.source.id,
      page: 1,
      x: 12,
      y: 34,
      w: 56,
      h: 78,
      colour: 'purple',
      tags: ['seal'],
    });
    await wb.updateAnnotation({ id: region.id, body: noteFromMarkdown('The district seal.') });
    const doc = JSON.parse((await wb.exportAnnotations({ format: 'jsonld' })).content);
    const v = w3c();
    expect(v.collection(doc)).toEqual([]);
    const item = doc.first.items.find((i: { id: string }) => i.id === `urn:uuid:${region.uuid}`);
    expect(
      v.annotation(item, [
        'annotations/specificResource/4.2-fragmentCssXPathSelectorValid.json',
        'annotations/specificResource/4.2-selectorValidIfPresent.json',
        'annotations/specificResource/4.2-selectorFound.json',
        'annotations/specificResource/4.4-styleClassValidIfPresent.json',
      ]),
    ).toEqual([]);
    const source = (await wb.listSources()).find((s) => s.id === out.source.id)!;
    const project = new URL(doc.id).searchParams.get('project');
    expect(item.target).toEqual({
      source: { id: `sourcebench://open?project=${project}&source=${source.uuid}&page=1`, type: 'Image', format: 'image/png' },
      scope: `sourcebench://open?project=${project}&source=${source.uuid}`,
      styleClass: 'purple',
      selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:12,34,56,78' },
    });
    expect(item.motivation).toBe('commenting');
    // Read back into the project it came from, the region is recognised as there already (jsonld-import-regions.test.ts imports it).
    const back = await wb.importAnnotations({ name: 'regions.jsonld', bytes: new TextEncoder().encode(JSON.stringify(doc)) });
    expect(back).toMatchObject({ imported: 0, skipped: [], duplicates: 1 });
    // A selector that is not a Media Fragment fails the W3C test this one passes.
    const broken = { ...item, target: { ...item.target, selector: { type: 'FragmentSelector', value: ['a', 'b'] } } };
    expect(v.annotation(broken, ['annotations/specificResource/4.2-fragmentCssXPathSelectorValid.json']).join('\n')).toContain(
      '4.2-fragmentCssXPathSelectorValid',
    );
  });
});
