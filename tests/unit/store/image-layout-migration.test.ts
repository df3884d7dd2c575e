import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageHash, pagesHash } from '../../../src/main/ingest/imageHash';
import { ImageStore } from '../../../src/main/ocr/store';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { APPLICATION_ID } from '../../../src/main/store/pragmas';
import { openProjectDb } from '../../../src/main/store/project';
import { tempDir } from '../helpers';

/** Bytes that differ from page to page and are large enough to spill into overflow pages. */
function imageBytes(n: number, size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + n * 7) & 0xff;
  return b;
}

/**
 * A project file as version 16 wrote it: a merged source (#1, whose hash is its first file's)
 * of three pages, a second source of one page, regions marked on pages 2 and 3, and words.
 */
function versionSixteenProject(file: string): { bytes: Buffer[]; firstFileHash: string } {
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS.filter((m) => m.version <= 16)) {
    db.exec(m.sql);
    m.run?.(db);
  }
  db.pragma('user_version = 16');
  const bytes = [1, 2, 3, 4].map((n) => imageBytes(n, 20_000 + n * 1000));
  const firstFileHash = pagesHash([imageHash(bytes[0]!)]);
  const source = db.prepare(
    `INSERT INTO source (id, title, kind, format, file_name, encoding, hash, chars, bytes, passage_count, meta, imported_at)
     VALUES (?, ?, 'text', 'image', ?, 'binary', ?, 0, 0, 0, '{}', '2024-01-01T00:00:00Z')`,
  );
  source.run(1, 'Register', 'p1.jpg', firstFileHash);
  source.run(2, 'Letter', 'letter.jpg', pagesHash([imageHash(bytes[3]!)]));
  const image = db.prepare(
    `INSERT INTO source_image (source_id, page, file_name, bytes, mime, width, height, sha256, exif_date, orientation)
     VALUES (?, ?, ?, ?, 'image/jpeg', ?, ?, ?, ?, ?)`,
  );
  // Inserted out of page order: the pages' order is their numbers, not the rows' order.
  image.run(1, 3, 'p3.jpg', bytes[2], 300, 400, imageHash(bytes[2]!), null, 6);
  image.run(1, 1, 'p1.jpg', bytes[0], 100, 200, imageHash(bytes[0]!), '1931-05-02', null);
  image.run(1, 2, 'p2.jpg', bytes[1], 200, 300, imageHash(bytes[1]!), null, 2);
  image.run(2, 1, 'letter.jpg', bytes[3], 50, 60, imageHash(bytes[3]!), null, null);
  const region = db.prepare(
    `INSERT INTO annotation (source_id, start, "end", exact, prefix, suffix, colour, created_at, updated_at, region_page, region_x, region_y, region_w, region_h)
     VALUES (1, 0, 0, '', '', '', 'yellow', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', ?, 10, 20, 30, 40)`,
  );
  region.run(2);
  region.run(3);
  db.prepare('INSERT INTO ocr_word (source_id, page, start, "end", x0, y0, x1, y1, confidence) VALUES (1, 2, 0, 4, 1, 2, 3, 4, 90)').run();
  db.close();
  return { bytes, firstFileHash };
}

describe('migration 17: page images after their facts', () => {
  it('rebuilds source_image with the bytes last, keeping every image, its facts, order and regions', () => {
    const file = path.join(tempDir(), 'old.sourcebench');
    const { bytes, firstFileHash } = versionSixteenProject(file);
    const db = openProjectDb(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(17);
      const columns = (db.pragma('table_info(source_image)') as { name: string }[]).map((c) => c.name);
      expect(columns.at(-1)).toBe('bytes');
      expect(columns).toEqual(['source_id', 'page', 'file_name', 'mime', 'width', 'height', 'sha256', 'exif_date', 'orientation', 'bytes']);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Still keyed by source and page, and now found by each image's hash.
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'source_image'").pluck().all();
      expect(indexes).toContain('source_image_by_hash');
      expect(() =>
        db
          .prepare(
            "INSERT INTO source_image (source_id, page, file_name, mime, width, height, sha256, bytes) VALUES (1, 1, 'x', 'image/png', 1, 1, 'h', x'00')",
          )
          .run(),
      ).toThrow(/UNIQUE|PRIMARY/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO source_image (source_id, page, file_name, mime, width, height, sha256, bytes) VALUES (9, 1, 'x', 'image/png', 1, 1, 'h', x'00')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);

      const store = new ImageStore(db);
      expect(store.pages(1)).toEqual([
        {
          page: 1,
          fileName: 'p1.jpg',
          mime: 'image/jpeg',
          width: 100,
          height: 200,
          sha256: imageHash(bytes[0]!),
          exifDate: '1931-05-02',
          orientation: null,
        },
        { page: 2, fileName: 'p2.jpg', mime: 'image/jpeg', width: 200, height: 300, sha256: imageHash(bytes[1]!), exifDate: null, orientation: 2 },
        { page: 3, fileName: 'p3.jpg', mime: 'image/jpeg', width: 300, height: 400, sha256: imageHash(bytes[2]!), exifDate: null, orientation: 6 },
      ]);
      // The same bytes, in page order.
      expect(store.allImages(1).map((b) => Buffer.from(b))).toEqual(bytes.slice(0, 3));
      expect(Buffer.from(store.image(2, 1).bytes).equals(bytes[3]!)).toBe(true);
      expect(store.words(1)).toHaveLength(1);
      // The regions still name pages the source has.
      const regions = db
        .prepare(
          'SELECT a.region_page, i.file_name FROM annotation a JOIN source_image i ON i.source_id = a.source_id AND i.page = a.region_page ORDER BY a.region_page',
        )
        .all();
      expect(regions).toEqual([
        { region_page: 2, file_name: 'p2.jpg' },
        { region_page: 3, file_name: 'p3.jpg' },
      ]);
      // Deleting a source still takes its images with it.
      db.prepare('DELETE FROM source WHERE id = 2').run();
      expect(db.prepare('SELECT count(*) FROM source_image WHERE source_id = 2').pluck().get()).toBe(0);

      // The merged source is named by its pages now, not by its first file.
      const hash = db.prepare('SELECT hash FROM source WHERE id = 1').pluck().get();
      expect(hash).not.toBe(firstFileHash);
      expect(hash).toBe(pagesHash(bytes.slice(0, 3).map((b) => imageHash(b))));
    } finally {
      db.close();
    }
  });
});
