import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import type { Workbench } from '../../../src/main/workbench';
import { bytes, tempWorkbench } from '../helpers';

async function threeSources() {
  const { wb, home } = tempWorkbench();
  const ids: number[] = [];
  for (const n of [1, 2, 3]) {
    const out = await wb.importFile({ name: `photo-${n}.txt`, bytes: bytes(`Title: Photograph ${n}\nDate: 1933-02-1${n}\n\nText of page ${n}.`) });
    if (out.status !== 'imported') throw new Error('not imported');
    ids.push(out.source.id);
  }
  return { wb, home, ids };
}

const dbOf = (wb: Workbench) => (wb as unknown as { current: { db: Database.Database } }).current.db;
const error = (reply: Awaited<ReturnType<typeof dispatch>>) => (reply.ok ? null : reply.error);

const BOX_14 = {
  type: 'manuscript',
  archive: 'Hoover Institution Archives',
  'archive-place': 'Stanford, CA',
  archive_collection: 'Boris Nicolaevsky Collection',
  archive_series: '2',
  archive_box: '14',
} as const;

describe('archival fields through the API', () => {
  it('stores them with a source and cites them in Chicago notes and bibliography', async () => {
    const { wb, ids } = await threeSources();
    const csl = { ...(await wb.getSource({ id: ids[0]! })).csl, ...BOX_14, archive_folder: '3', archive_item: '7' };
    expect((await dispatch(wb, 'updateSource', { id: ids[0], csl })).ok).toBe(true);
    const stored = (await wb.getSource({ id: ids[0]! })).csl;
    expect(stored).toMatchObject({ archive_box: '14', archive_folder: '3', archive_item: '7', archive_collection: 'Boris Nicolaevsky Collection' });
    expect(stored).not.toHaveProperty('archive_location');

    const preview = await wb.previewCitation({ csl: stored });
    expect(preview.style).toMatch(/Chicago/);
    expect(preview.note).toBe(
      '“Photograph 1,” February 11, 1933, Series 2, Box 14, Folder 3, item 7, Boris Nicolaevsky Collection, Hoover Institution Archives, Stanford, CA.',
    );
    expect(preview.bibliography).toBe(
      '“Photograph 1.” February 11, 1933. Series 2, Box 14, Folder 3, item 7. Boris Nicolaevsky Collection. Hoover Institution Archives, Stanford, CA.',
    );
    // A place typed outright is printed instead of the composed one.
    const typed = await wb.previewCitation({ csl: { ...stored, archive_location: 'Box 14, Folder 3 (uncatalogued)' } });
    expect(typed.note).toContain('Box 14, Folder 3 (uncatalogued), Boris Nicolaevsky Collection');
    expect(typed.note).not.toContain('item 7');
  });

  it('prints them in an exported note’s citation, through the project’s style', async () => {
    const { wb, ids } = await threeSources();
    await wb.applyMetadata({ ids: [ids[1]!], values: { ...BOX_14, archive_folder: '3' } });
    const text = (await wb.getSource({ id: ids[1]! })).passageList[0]!;
    await wb.createAnnotation({ sourceId: ids[1]!, start: text.start, end: text.end, colour: 'yellow' });
    const [file] = await wb.exportMarkdown({ sourceId: ids[1]! });
    expect(file!.content).toContain('Series 2, Box 14, Folder 3, Boris Nicolaevsky Collection, Hoover Institution Archives, Stanford, CA');
    // The Pandoc bibliography is CSL-JSON proper: the composed place, none of the finer fields.
    const [, bib] = await wb.exportMarkdown({ sourceId: ids[1]!, citations: 'pandoc' });
    const items = JSON.parse(bib!.content) as Record<string, unknown>[];
    expect(items[0]).toMatchObject({ archive_location: 'Series 2, Box 14, Folder 3', archive_collection: 'Boris Nicolaevsky Collection' });
    expect(items[0]).not.toHaveProperty('archive_box');
  });
});

describe('applyMetadata', () => {
  it('sets the chosen fields on every source listed and leaves their other fields alone', async () => {
    const { wb, ids } = await threeSources();
    await wb.updateSource({ id: ids[1]!, csl: { ...(await wb.getSource({ id: ids[1]! })).csl, title: 'Photograph 2', note: 'water damage' } });
    const reply = await dispatch(wb, 'applyMetadata', { ids: [ids[0], ids[1]], values: BOX_14 });
    expect(reply).toEqual({ ok: true, value: { updated: [ids[0], ids[1]] } });
    for (const [i, id] of ids.slice(0, 2).entries()) {
      const s = await wb.getSource({ id });
      expect(s.csl).toMatchObject({ ...BOX_14, title: `Photograph ${i + 1}`, issued: `1933-02-1${i + 1}` });
      expect(s.origin).toBe('Hoover Institution Archives, Boris Nicolaevsky Collection, Series 2, Box 14');
    }
    expect((await wb.getSource({ id: ids[1]! })).csl.note).toBe('water damage');
    expect((await wb.getSource({ id: ids[2]! })).csl).not.toHaveProperty('archive');
  });

  it('refuses what is wrong by name, before anything is written', async () => {
    const { wb, ids } = await threeSources();
    const msg = async (input: unknown) => error(await dispatch(wb, 'applyMetadata', input))?.message;
    expect(await msg({ ids: [ids[0]], values: {} })).toBe('applyMetadata: values: choose at least one field to set');
    expect(await msg({ ids: [], values: { archive_box: '14' } })).toBe('applyMetadata: ids: choose at least one source');
    expect(await msg({ ids: [ids[0], ids[0]], values: { archive_box: '14' } })).toBe('applyMetadata: ids: a source is listed twice');
    expect(await msg({ ids: [ids[0]], values: { title: 'All the same' } })).toMatch(/^applyMetadata: values: Unrecognized key: "title"/);
    expect(await msg({ ids: [ids[0]], values: { type: 'photograph' } })).toMatch(/^applyMetadata: values\.type: /);
    expect(await msg({ ids: [ids[0], 999, ids[1]], values: { archive_box: '14' } })).toBe(
      'There is no source with id 999 in this project; nothing was changed',
    );
    for (const id of ids) expect((await wb.getSource({ id })).csl).not.toHaveProperty('archive_box');
  });

  it('writes all of the sources or none: a failure on the second leaves the first as it was', async () => {
    const { wb, ids } = await threeSources();
    // The project refuses to write the second source, as a full disk or a lock would.
    dbOf(wb).exec(`CREATE TRIGGER refuse BEFORE UPDATE ON source WHEN new.id = ${ids[1]} BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const reply = await dispatch(wb, 'applyMetadata', { ids, values: BOX_14 });
    expect(error(reply)?.message).toMatch(/refused/);
    dbOf(wb).exec('DROP TRIGGER refuse');
    for (const id of ids) {
      const s = await wb.getSource({ id });
      expect(s.csl).not.toHaveProperty('archive');
      expect(s.origin).toBeNull();
    }
    expect((await wb.listSources()).map((s) => s.origin)).toEqual([null, null, null]);
  });
});

describe('metadata templates', () => {
  it('are saved in the project, listed by name, changed and deleted', async () => {
    const { wb, home, ids } = await threeSources();
    const made = await wb.saveTemplate({ name: ' Fonds 17 /  Box 14 ', values: { ...BOX_14, archive_folder: '', language: ' ru ' } });
    expect(made).toMatchObject({ name: 'Fonds 17 / Box 14', values: { ...BOX_14, language: 'ru' } });
    expect(made.values).not.toHaveProperty('archive_folder');
    await wb.saveTemplate({ name: 'Box 15', values: { archive_box: '15' } });
    expect((await wb.listTemplates()).map((t) => t.name)).toEqual(['Box 15', 'Fonds 17 / Box 14']);

    // A name is unique whatever its case; a template needs a value.
    const clash = await dispatch(wb, 'saveTemplate', { name: 'fonds 17 / box 14', values: { archive_box: '16' } });
    expect(error(clash)?.message).toBe('There is a template named “Fonds 17 / Box 14” already: choose another name, or open that one to change it');
    const blank = await dispatch(wb, 'saveTemplate', { name: 'Empty', values: { archive_box: ' ' } });
    expect(error(blank)?.message).toBe('Template “Empty”: give at least one field a value');
    expect(error(await dispatch(wb, 'saveTemplate', { name: ' ', values: { archive_box: '1' } }))?.message).toBe(
      'saveTemplate: name: a template needs a name',
    );

    // Changed under its id (its own name may stay), then applied as the apply dialog does.
    const changed = await wb.saveTemplate({ id: made.id, name: 'Fonds 17 / Box 14', values: { ...made.values, archive_folder: '3' } });
    expect(changed.values.archive_folder).toBe('3');
    await wb.applyMetadata({ ids: [ids[1]!, ids[2]!], values: changed.values });
    expect((await wb.getSource({ id: ids[2]! })).origin).toBe(
      'Hoover Institution Archives, Boris Nicolaevsky Collection, Series 2, Box 14, Folder 3',
    );

    // Kept in the project file: there after it is opened again.
    const file = (await wb.getProject()).path;
    wb.close();
    const { Workbench } = await import('../../../src/main/workbench');
    const again = Workbench.open({ home, project: file });
    try {
      expect((await again.listTemplates()).map((t) => [t.name, t.values.archive_folder])).toEqual([
        ['Box 15', undefined],
        ['Fonds 17 / Box 14', '3'],
      ]);
      expect(await again.deleteTemplate({ id: made.id })).toEqual({ deleted: made.id });
      expect((await again.listTemplates()).map((t) => t.name)).toEqual(['Box 15']);
      expect(error(await dispatch(again, 'deleteTemplate', { id: made.id }))?.message).toBe(
        `There is no template with id ${made.id} in this project`,
      );
    } finally {
      again.close();
    }
  });
});
