/**
 * Numbered migrations. Each runs in one transaction together with its `user_version`
 * bump and a `foreign_key_check`, so a project is always at exactly one version.
 * Never edit a migration that has shipped: add the next one.
 */
import type Database from 'better-sqlite3';
import { citationOfColumns } from '../ingest/citation';
import { pagesHash } from '../ingest/imageHash';
import { fillReuse, REUSE_TABLE } from '../reuse/prints';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** What SQL cannot do, run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

/** Migration 10: each source's CSL item, made from its title, author, date, origin and language. */
function fillCsl(db: Database.Database): void {
  const rows = db.prepare('SELECT id, title, author, date, origin, language FROM source WHERE csl IS NULL').all() as {
    id: number;
    title: string;
    author: string | null;
    date: string | null;
    origin: string | null;
    language: string | null;
  }[];
  const write = db.prepare('UPDATE source SET csl = ? WHERE id = ?');
  for (const row of rows) write.run(JSON.stringify(citationOfColumns(row)), row.id);
}

/**
 * Migration 17: each image source's hash made from its pages again. A merged source kept the
 * first source's hash; it is named by all its pages now. A hash another source already holds
 * (two sources of the same pages, imported before duplicates were found by page) is left.
 */
function rehashImageSources(db: Database.Database): void {
  const ids = db.prepare('SELECT DISTINCT source_id FROM source_image ORDER BY source_id').pluck().all() as number[];
  const hashes = db.prepare('SELECT sha256 FROM source_image WHERE source_id = ? ORDER BY page').pluck();
  const taken = db.prepare('SELECT id FROM source WHERE hash = ? AND id <> ?').pluck();
  const write = db.prepare('UPDATE source SET hash = ? WHERE id = ?');
  for (const id of ids) {
    const hash = pagesHash(hashes.all(id) as string[]);
    if (taken.get(hash, id) === undefined) write.run(hash, id);
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sources, passages and tags',
    sql: `
      CREATE TABLE source (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL,
        author        TEXT,
        date          TEXT,
        origin        TEXT,
        kind          TEXT NOT NULL CHECK (kind IN ('text', 'markdown', 'html')),
        language      TEXT,
        file_name     TEXT,
        encoding      TEXT NOT NULL,
        hash          TEXT NOT NULL UNIQUE,
        chars         INTEGER NOT NULL,
        bytes         INTEGER NOT NULL,
        passage_count INTEGER NOT NULL,
        meta          TEXT NOT NULL DEFAULT '{}',
        imported_at   TEXT NOT NULL
      );
      -- The full text lives apart from the metadata, so that listing thousands of sources
      -- reads small rows only.
      CREATE TABLE source_text (
        source_id INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
        text      TEXT NOT NULL
      );
      CREATE TABLE passage (
        id        INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        ordinal   INTEGER NOT NULL,
        start     INTEGER NOT NULL,
        "end"     INTEGER NOT NULL,
        kind      TEXT NOT NULL,
        text      TEXT NOT NULL,
        UNIQUE (source_id, ordinal),
        CHECK (start >= 0 AND "end" >= start)
      );
      CREATE TABLE tag (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
      );
      CREATE TABLE source_tag (
        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        tag_id    INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
        PRIMARY KEY (source_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX source_tag_by_tag ON source_tag(tag_id);
    `,
  },
  {
    version: 2,
    name: 'full-text index of passages',
    // The index of record: FTS5 over passage text (external content, kept by triggers in the
    // same transaction as every write), folding case and diacritics; fts5vocab exposes its
    // distinct terms for typo tolerance.
    sql: `
      CREATE VIRTUAL TABLE passage_fts USING fts5(
        text, content = 'passage', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER passage_fts_insert AFTER INSERT ON passage BEGIN
        INSERT INTO passage_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER passage_fts_delete AFTER DELETE ON passage BEGIN
        INSERT INTO passage_fts(passage_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER passage_fts_update AFTER UPDATE OF text ON passage BEGIN
        INSERT INTO passage_fts(passage_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO passage_fts(rowid, text) VALUES (new.id, new.text);
      END;
      INSERT INTO passage_fts(passage_fts) VALUES ('rebuild');
      CREATE VIRTUAL TABLE passage_vocab USING fts5vocab(passage_fts, 'row');
      -- A source's passages have consecutive ids from first_passage on: search maps
      -- matches to sources, and filters sources, by these ranges.
      ALTER TABLE source ADD COLUMN first_passage INTEGER;
      UPDATE source SET first_passage = (SELECT min(id) FROM passage WHERE source_id = source.id);
    `,
  },
  {
    version: 3,
    name: 'annotations',
    // Each annotation keeps a W3C TextQuoteSelector (exact, prefix, suffix) and a
    // TextPositionSelector (start, end): the position is where it is anchored now, the quote
    // is how it is found again when the text changes. Deleted ones are kept until purged
    // so that a delete can be undone. Notes are searchable through their own FTS5 table.
    sql: `
      CREATE TABLE annotation (
        id          INTEGER PRIMARY KEY,
        source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        start       INTEGER NOT NULL,
        "end"       INTEGER NOT NULL,
        exact       TEXT NOT NULL,
        prefix      TEXT NOT NULL,
        suffix      TEXT NOT NULL,
        orphaned    INTEGER NOT NULL DEFAULT 0,
        colour      TEXT NOT NULL,
        body        TEXT,
        markdown    TEXT NOT NULL DEFAULT '',
        plain       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        CHECK (start >= 0 AND "end" >= start)
      );
      CREATE INDEX annotation_by_source ON annotation(source_id, start);
      CREATE TABLE annotation_tag (
        annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
        tag_id        INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX annotation_tag_by_tag ON annotation_tag(tag_id);
      CREATE VIRTUAL TABLE annotation_fts USING fts5(
        plain, content = 'annotation', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER annotation_fts_insert AFTER INSERT ON annotation BEGIN
        INSERT INTO annotation_fts(rowid, plain) VALUES (new.id, new.plain);
      END;
      CREATE TRIGGER annotation_fts_delete AFTER DELETE ON annotation BEGIN
        INSERT INTO annotation_fts(annotation_fts, rowid, plain) VALUES ('delete', old.id, old.plain);
      END;
      CREATE TRIGGER annotation_fts_update AFTER UPDATE OF plain ON annotation BEGIN
        INSERT INTO annotation_fts(annotation_fts, rowid, plain) VALUES ('delete', old.id, old.plain);
        INSERT INTO annotation_fts(rowid, plain) VALUES (new.id, new.plain);
      END;
    `,
  },
  {
    version: 4,
    name: 'claims',
    // Numeric claims found in a source (status 'suggested') or recorded by the historian;
    // the quote is the evidence, its offsets are into the source's text.
    sql: `
      CREATE TABLE question (
        id         INTEGER PRIMARY KEY,
        label      TEXT NOT NULL,
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE TABLE claim (
        id         INTEGER PRIMARY KEY,
        source_id  INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        quote      TEXT NOT NULL,
        measure    TEXT NOT NULL CHECK (measure IN ('executed', 'killed', 'died', 'arrested', 'imprisoned', 'deported', 'purged')),
        low        REAL,
        high       REAL,
        unit       TEXT NOT NULL CHECK (unit IN ('people', 'percent')),
        approx     INTEGER NOT NULL,
        event      TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
        origin     TEXT NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'manual')),
        orphaned   INTEGER NOT NULL DEFAULT 0,
        question_id INTEGER REFERENCES question(id) ON DELETE SET NULL,
        -- Conflicting values are all kept; one may be marked preferred, with a reason.
        preferred  INTEGER NOT NULL DEFAULT 0,
        preferred_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start >= 0 AND "end" >= start),
        CHECK (low IS NOT NULL OR high IS NOT NULL)
      );
      CREATE INDEX claim_by_source ON claim(source_id, start);
      CREATE INDEX claim_by_question ON claim(question_id);
      CREATE VIRTUAL TABLE claim_fts USING fts5(
        quote, event, content = 'claim', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
        INSERT INTO claim_fts(rowid, quote, event) VALUES (new.id, new.quote, new.event);
      END;
      CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
        INSERT INTO claim_fts(claim_fts, rowid, quote, event) VALUES ('delete', old.id, old.quote, old.event);
      END;
      CREATE TRIGGER claim_fts_update AFTER UPDATE OF quote, event ON claim BEGIN
        INSERT INTO claim_fts(claim_fts, rowid, quote, event) VALUES ('delete', old.id, old.quote, old.event);
        INSERT INTO claim_fts(rowid, quote, event) VALUES (new.id, new.quote, new.event);
      END;
    `,
  },
  {
    version: 5,
    name: 'project id',
    // A stable random id (a version 4 UUID) that names the project in sourcebench:// links
    // wherever its file is: links need not carry the path, which says who the user is.
    // Made once, here, for new projects and on the first open of an older one.
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO meta (key, value) VALUES ('project_id',
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
    `,
  },
  {
    version: 6,
    name: 'file formats and paginated passages',
    // `kind` says how a source's text is read (plain, Markdown, taken from markup); `format`
    // what file it came from (a PDF, a Word file…): kept apart so a .txt can be read as
    // Markdown, and a PDF's text as plain text. Passages of paginated sources know their
    // page and its printed label; `info` holds what some kinds know besides (a table row's
    // cells and headers, a footnote's label, a position on the page), as JSON.
    sql: `
      ALTER TABLE source ADD COLUMN format TEXT;
      ALTER TABLE passage ADD COLUMN page INTEGER;
      ALTER TABLE passage ADD COLUMN page_label TEXT;
      ALTER TABLE passage ADD COLUMN info TEXT;
    `,
  },
  {
    version: 7,
    name: 'claim years and confidence',
    // The years a claim covers when its sentence gives them (either end may be open), and how
    // sure the extractor was of a suggestion (NULL for claims recorded by hand).
    sql: `
      ALTER TABLE claim ADD COLUMN from_year INTEGER;
      ALTER TABLE claim ADD COLUMN to_year INTEGER;
      ALTER TABLE claim ADD COLUMN confidence REAL;
    `,
  },
  {
    version: 8,
    name: 'event aliases',
    // Labels the historian has renamed or merged into another: an alias (keyed by its label
    // without years, plural or case, as eventKey makes it) names its event, so that claims
    // found later with the alias are stored with the event's label. `alias` is the label as
    // it was written.
    sql: `
      CREATE TABLE event_alias (
        alias_key TEXT PRIMARY KEY,
        alias     TEXT NOT NULL,
        event     TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: 'stable ids for annotations, claims and sources',
    // A random version 4 UUID per annotation (and per claim and source, for later use): what
    // names it in exports (W3C Web Annotation ids), so the id holds when the text is corrected,
    // the project file moves or the rows are renumbered. Existing rows get one here; new rows
    // get one from the code that inserts them (crypto.randomUUID) or, where none is given, from
    // the triggers below.
    sql: `
      ALTER TABLE annotation ADD COLUMN uuid TEXT;
      ALTER TABLE claim ADD COLUMN uuid TEXT;
      ALTER TABLE source ADD COLUMN uuid TEXT;
      UPDATE annotation SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uuid IS NULL;
      CREATE UNIQUE INDEX annotation_by_uuid ON annotation(uuid);
      CREATE TRIGGER annotation_uuid AFTER INSERT ON annotation WHEN new.uuid IS NULL BEGIN
        UPDATE annotation SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = new.id;
      END;
      UPDATE claim SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uuid IS NULL;
      CREATE UNIQUE INDEX claim_by_uuid ON claim(uuid);
      CREATE TRIGGER claim_uuid AFTER INSERT ON claim WHEN new.uuid IS NULL BEGIN
        UPDATE claim SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = new.id;
      END;
      UPDATE source SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE uuid IS NULL;
      CREATE UNIQUE INDEX source_by_uuid ON source(uuid);
      CREATE TRIGGER source_uuid AFTER INSERT ON source WHEN new.uuid IS NULL BEGIN
        UPDATE source SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = new.id;
      END;
    `,
  },
  {
    version: 10,
    name: 'citation metadata',
    // Each source's citation metadata as a CSL-JSON item (src/shared/csl.ts; dates as EDTF).
    // The title, author, date, origin and language columns stay, derived from it, for the
    // library, search and filters. Old sources get an item made from those columns: the
    // author string parsed into names, an http(s) origin as URL, any other as archive_location.
    sql: `
      ALTER TABLE source ADD COLUMN csl TEXT;
    `,
    run: fillCsl,
  },
  {
    version: 11,
    name: 'passages indexed by the store, not by a trigger',
    // FTS5 fed row by row from an AFTER INSERT trigger ran at about 28,000 passages/s here,
    // against 55,000-65,000/s for the same rows inserted by a second statement (bench/
    // importing.ts; measured on this project's 2-core machine). The store now inserts each
    // passage's index row itself, in the same transaction (SourceStore.insertPassages);
    // deletes and text updates still follow by trigger.
    sql: `
      DROP TRIGGER passage_fts_insert;
    `,
  },
  {
    version: 12,
    name: 'reuse index',
    // Winnowed word-shingle fingerprints of every passage (src/main/reuse), so that text a
    // passage shares with others is found by lookup, not by comparing every pair. Written
    // by the store with the passages; existing passages are indexed here.
    sql: REUSE_TABLE,
    run: fillReuse,
  },
  {
    version: 13,
    name: 'page images and recognised words',
    // Photographs and scans are kept in the project, never modified: the project stays the one
    // file to back up and move. Each recognised word keeps its box on its page and the
    // recogniser's confidence, with its offsets into the source's text. `source_ocr` is the
    // state of a source's text recognition (pending, running, done, failed, skipped).
    sql: `
      CREATE TABLE source_image (
        source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        page        INTEGER NOT NULL,
        file_name   TEXT NOT NULL,
        bytes       BLOB NOT NULL,
        mime        TEXT NOT NULL,
        width       INTEGER NOT NULL,
        height      INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        exif_date   TEXT,
        orientation INTEGER,
        PRIMARY KEY (source_id, page)
      ) WITHOUT ROWID;
      CREATE TABLE ocr_word (
        source_id  INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        page       INTEGER NOT NULL,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        x0         INTEGER NOT NULL,
        y0         INTEGER NOT NULL,
        x1         INTEGER NOT NULL,
        y1         INTEGER NOT NULL,
        confidence REAL NOT NULL
      );
      CREATE INDEX ocr_word_source ON ocr_word (source_id, start);
      CREATE TABLE source_ocr (
        source_id  INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
        state      TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'skipped')),
        error      TEXT,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 14,
    name: 'regions of page images as annotations',
    // An annotation of a region of a page image (a stamp, a signature, a marginal note): the
    // page and a rectangle in the stored image's own pixels, which are never modified. The
    // region lives in the annotation table, so its note, colour, tags, uuid, search (FTS5
    // triggers), deletion and undo are the annotations' own; its text columns stay empty
    // (start = end = 0, no quote) and re-anchoring leaves it alone (region_page IS NOT NULL).
    // The last column's check keeps a rectangle whole: all five set, or none.
    sql: `
      ALTER TABLE annotation ADD COLUMN region_page INTEGER CHECK (region_page IS NULL OR region_page >= 1);
      ALTER TABLE annotation ADD COLUMN region_x INTEGER CHECK (region_x IS NULL OR region_x >= 0);
      ALTER TABLE annotation ADD COLUMN region_y INTEGER CHECK (region_y IS NULL OR region_y >= 0);
      ALTER TABLE annotation ADD COLUMN region_w INTEGER CHECK (region_w IS NULL OR region_w >= 1);
      ALTER TABLE annotation ADD COLUMN region_h INTEGER CHECK (
        (region_h IS NULL OR region_h >= 1)
        AND (region_page IS NULL) = (region_h IS NULL)
        AND (region_x IS NULL) = (region_h IS NULL)
        AND (region_y IS NULL) = (region_h IS NULL)
        AND (region_w IS NULL) = (region_h IS NULL)
      );
    `,
  },
  {
    version: 15,
    name: 'words corrected by hand',
    // A word the historian corrected in place is trusted: the reader no longer marks it for
    // checking, whatever the recogniser's confidence was (which is kept, as it was measured).
    sql: `ALTER TABLE ocr_word ADD COLUMN trusted INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1));`,
  },
  {
    version: 16,
    name: 'metadata templates',
    // Values saved under a name to set on many sources at once (the archive, collection, box
    // and folder a day's photographs share): `values` is a JSON object of the fields
    // src/shared/archival.ts names. Names are unique whatever their case.
    sql: `
      CREATE TABLE metadata_template (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        "values"   TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 17,
    name: 'page images after their facts; image sources named by their pages',
    // A row's columns are stored in order, and a large value spills into overflow pages: with
    // the image's bytes before its size and facts, listing a source's pages read every page
    // image to reach them. Nor can a table of large rows be WITHOUT ROWID: SQLite compares a
    // key by reading the row's whole payload when it spills, so even with the bytes last a
    // listing read every image (bench/image-source.ts measures the layouts). The table is made
    // again, an ordinary table with the bytes last (SQLite cannot move a column), in this one
    // transaction; no table refers to it, so its rows move without touching a foreign key. Pages are looked
    // up by their hash (an import of an image already in the project, even merged into
    // another source, is a duplicate), and each image source's hash is made from its pages.
    sql: `
      CREATE TABLE source_image_new (
        source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        page        INTEGER NOT NULL,
        file_name   TEXT NOT NULL,
        mime        TEXT NOT NULL,
        width       INTEGER NOT NULL,
        height      INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        exif_date   TEXT,
        orientation INTEGER,
        bytes       BLOB NOT NULL,
        PRIMARY KEY (source_id, page)
      );
      INSERT INTO source_image_new (source_id, page, file_name, mime, width, height, sha256, exif_date, orientation, bytes)
        SELECT source_id, page, file_name, mime, width, height, sha256, exif_date, orientation, bytes FROM source_image;
      DROP TABLE source_image;
      ALTER TABLE source_image_new RENAME TO source_image;
      CREATE INDEX source_image_by_hash ON source_image (sha256);
    `,
    run: rehashImageSources,
  },
  {
    version: 18,
    name: 'the stable ids of sources merged into another',
    // A photographed source merged into another leaves the library, but the links and exports
    // that name it by its UUID (sourcebench: links in a historian's notes) must still open the
    // source its pages went into: each such UUID names that source here.
    sql: `
      CREATE TABLE source_alias (
        uuid      TEXT PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX source_alias_source ON source_alias (source_id);
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
