/**
 * The reuse index follows every write of passages, in the same transaction: after each kind
 * of write it holds exactly the fingerprints of the passages stored (none missing, none
 * left behind), and "Where else?" answers from it.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fingerprints } from '../../../src/main/reuse/fingerprint';
import { token } from '../../../src/main/reuse/prints';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { Workbench } from '../../../src/main/workbench';
import fs from 'node:fs';
import path from 'node:path';
import { bytes, tempDir, tempWorkbench } from '../helpers';

const QUOTE = 'the prisoners were marched north through the snow for eleven days without bread';
const OTHER = 'a second sentence entirely unlike the first one which also runs for more than twelve words';

/** The index as stored, and as the passages stored make it: the two must be equal. */
function indexAndExpected(file: string): { stored: string[]; expected: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    const stored = new Set((db.prepare('SELECT term, doc FROM reuse_vocab').raw().all() as [string, number][]).map(([t, p]) => `${p}:${t}`));
    const expected = new Set<string>();
    for (const [id, text] of db.prepare('SELECT id, text FROM passage').raw().all() as [number, string][])
      for (const p of fingerprints(text)) expected.add(`${id}:${token(p.hash)}`);
    return { stored: [...stored].sort(), expected: [...expected].sort() };
  } finally {
    db.close();
  }
}

function expectCurrent(wb: Workbench) {
  const { stored, expected } = indexAndExpected(wb.projectPath);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(expected);
}

async function add(wb: Workbench, name: string, text: string): Promise<number> {
  const out = await wb.importFile({ name, bytes: bytes(text) });
  if (out.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(out)}`);
  return out.source.id;
}

const firstId = async (wb: Workbench, id: number) => (await wb.getSource({ id })).passageList[0]!.id;
const hitSources = async (wb: Workbench, passageId: number) => (await wb.findReuse({ passageId })).hits.map((h) => h.sourceId);

describe('the reuse index after each kind of write', () => {
  it('an import writes it (a single file and a batched folder import)', async () => {
    const { wb } = tempWorkbench();
    const a = await add(wb, 'a.txt', `He wrote that ${QUOTE}.`);
    const b = await add(wb, 'b.txt', `She remembered how ${QUOTE}, every one of them.`);
    const folder = path.join(tempDir(), 'letters');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'c.txt'), `A letter: ${QUOTE}.`);
    const [c] = await wb.importAll([folder]);
    expectCurrent(wb);
    expect((await hitSources(wb, await firstId(wb, a))).sort()).toEqual([b, c!.status === 'imported' ? c!.source.id : -1]);
  });

  it('a corrected text replaces its fingerprints', async () => {
    const { wb } = tempWorkbench();
    const a = await add(wb, 'a.txt', `He wrote that ${QUOTE}.`);
    const b = await add(wb, 'b.txt', `She remembered ${OTHER}.`);
    expect(await hitSources(wb, await firstId(wb, a))).toEqual([]);
    await wb.replaceSourceText({ id: b, name: 'b.txt', bytes: bytes(`She remembered how ${QUOTE}.`) });
    expectCurrent(wb);
    expect(await hitSources(wb, await firstId(wb, a))).toEqual([b]);
    await wb.replaceSourceText({ id: b, name: 'b.txt', bytes: bytes(`She remembered ${OTHER}, corrected.`) });
    expectCurrent(wb);
    expect(await hitSources(wb, await firstId(wb, a))).toEqual([]);
  });

  it('a text read the other way ("Read as") replaces its fingerprints', async () => {
    const { wb } = tempWorkbench();
    const a = await add(wb, 'a.md', `# Heading\n\nHe wrote that ${QUOTE}.`);
    // Another source after it: the passages made again get ids past that source's.
    await add(wb, 'later.txt', `A later source: ${OTHER}.`);
    await wb.setReadAs({ id: a, as: 'text' });
    expectCurrent(wb);
  });

  it('a deleted source takes its fingerprints with it', async () => {
    const { wb } = tempWorkbench();
    const a = await add(wb, 'a.txt', `He wrote that ${QUOTE}.`);
    const b = await add(wb, 'b.txt', `She remembered how ${QUOTE}.`);
    await wb.deleteSource({ id: b });
    expectCurrent(wb);
    expect(await hitSources(wb, await firstId(wb, a))).toEqual([]);
  });

  it('a project made before the index gets it from its migration', () => {
    const { wb } = tempWorkbench();
    const file = wb.projectPath;
    wb.close();
    const db = new Database(file);
    // As it stood at version 11: before the reuse index (12), the page images (13), regions of
    // them (14), words corrected by hand (15, on a table of 13), metadata templates (16) and
    // the ids of merged sources (18).
    db.exec(
      'DROP TRIGGER reuse_fts_delete; DROP TABLE reuse_vocab; DROP TABLE reuse_fts; DROP TABLE source_image; DROP TABLE ocr_word; DROP TABLE source_ocr',
    );
    for (const column of ['region_h', 'region_w', 'region_y', 'region_x', 'region_page']) db.exec(`ALTER TABLE annotation DROP COLUMN ${column}`);
    db.exec('DROP TABLE metadata_template; DROP TABLE source_alias');
    db.pragma('user_version = 11');
    db.prepare(
      "INSERT INTO source (title, kind, encoding, hash, chars, bytes, passage_count, imported_at) VALUES ('old', 'text', 'utf-8', 'h', 10, 10, 1, '2020')",
    ).run();
    db.prepare('INSERT INTO passage (source_id, ordinal, start, "end", kind, text) VALUES (1, 1, 0, 10, \'paragraph\', ?)').run(
      `He wrote that ${QUOTE}.`,
    );
    db.close();
    const migration = MIGRATIONS.find((m) => m.name === 'reuse index')!;
    expect(migration.version).toBe(12);
    const again = Workbench.open({ home: `${file}.home`, project: file });
    try {
      expectCurrent(again);
    } finally {
      again.close();
    }
  });
});
