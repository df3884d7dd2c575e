/** Queries over sources, passages and tags. Every multi-row write is one transaction. */
import type { OcrState, Passage, PassageInfo, PdfFacts, SourceDetail, SourceFormat, SourceKind, SourceSummary, TagCount } from '../../shared/types';
import type { Span } from '../ingest/text';
import type { NewSource } from '../ingest/source';
import type { CslItem } from '../../shared/csl';
import { columnsOf } from '../../shared/csl';
import { citationOfColumns } from '../ingest/citation';
import { ApiError } from '../../shared/errors';
import type Database from 'better-sqlite3';
import type { Db } from './project';
import type { ChangeSink } from './changes';
import { ReusePrints } from '../reuse/prints';

const FORMAT_OF_KIND: Record<SourceKind, SourceFormat> = { text: 'txt', markdown: 'md', html: 'html' };

function passageRow(sourceId: number, ordinal: number, p: Span, text: string): unknown[] {
  return [
    sourceId,
    ordinal,
    p.start,
    p.end,
    p.kind,
    text.slice(p.start, p.end),
    p.page ?? null,
    p.pageLabel ?? null,
    p.info ? JSON.stringify(p.info) : null,
  ];
}

const INSERT_PASSAGE =
  'INSERT INTO passage (source_id, ordinal, start, "end", kind, text, page, page_label, info) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** The passage's row in the full-text index: written here, with the passage (no insert trigger; see migration 11). */
const INDEX_PASSAGE = 'INSERT INTO passage_fts (rowid, text) VALUES (?, ?)';

interface SummaryRow {
  id: number;
  uuid: string;
  title: string;
  author: string | null;
  date: string | null;
  origin: string | null;
  kind: SourceKind;
  format: SourceFormat | null;
  file_name: string | null;
  tags: string | null;
  passage_count: number;
  chars: number;
  bytes: number;
  imported_at: string;
  ocr_state: OcrState | null;
}

const SUMMARY_SQL = `
  SELECT s.id, s.uuid, s.title, s.author, s.date, s.origin, s.kind, s.format, s.file_name, s.passage_count,
         s.chars, s.bytes, s.imported_at, (SELECT o.state FROM source_ocr o WHERE o.source_id = s.id) AS ocr_state,
         (SELECT json_group_array(t.name) FROM (
            SELECT t.name FROM source_tag st JOIN tag t ON t.id = st.tag_id
            WHERE st.source_id = s.id ORDER BY t.name COLLATE NOCASE) t) AS tags
  FROM source s`;

function toSummary(r: SummaryRow): SourceSummary {
  return {
    id: r.id,
    uuid: r.uuid,
    title: r.title,
    author: r.author,
    date: r.date,
    origin: r.origin,
    kind: r.kind,
    format: r.format ?? FORMAT_OF_KIND[r.kind],
    ...(r.ocr_state ? { ocr: r.ocr_state } : {}),
    fileName: r.file_name,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    passages: r.passage_count,
    chars: r.chars,
    bytes: r.bytes,
    importedAt: r.imported_at,
  };
}

/** Tag names are trimmed, inner white space folded, and de-duplicated without regard to case. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const t = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return [...seen.values()];
}

/** The tables that link tags to sources and to annotations. */
const TAG_LINKS = {
  source: { table: 'source_tag', column: 'source_id' },
  annotation: { table: 'annotation_tag', column: 'annotation_id' },
} as const;

/**
 * Replaces the tags of a source or an annotation (names cleaned, created as needed) and
 * drops tags nothing uses any more. `prepare` lets a caller reuse its cached statements.
 */
export function linkTags(prepare: (sql: string) => Database.Statement, owner: keyof typeof TAG_LINKS, id: number, tags: readonly string[]): void {
  const { table, column } = TAG_LINKS[owner];
  prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(id);
  for (const name of cleanTags(tags)) {
    prepare('INSERT INTO tag(name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name);
    const tag = prepare('SELECT id FROM tag WHERE name = ?').get(name) as { id: number };
    prepare(`INSERT OR IGNORE INTO ${table}(${column}, tag_id) VALUES (?, ?)`).run(id, tag.id);
  }
  prepare(ORPHAN_TAGS).run();
}

/** Tags no source and no annotation uses any more. */
export const ORPHAN_TAGS = 'DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM source_tag) AND id NOT IN (SELECT tag_id FROM annotation_tag)';

export class SourceStore {
  private readonly statements = new Map<string, Database.Statement>();
  /** The reuse index, written with the passages as their full-text rows are (a trigger removes them). */
  private reusePrints: ReusePrints | null = null;

  /** `changes` hears of every write (the Project; a bare store, in tests, tells no one). */
  constructor(
    private readonly db: Db,
    private readonly changes?: ChangeSink,
  ) {}

  /** Prepared once per connection: preparing on every call was a tenth of import time. */
  private sql(source: string): Database.Statement {
    let st = this.statements.get(source);
    if (!st) {
      st = this.db.prepare(source);
      this.statements.set(source, st);
    }
    return st;
  }

  private get reuse(): ReusePrints {
    return (this.reusePrints ??= new ReusePrints(this.db));
  }

  private setTags(sourceId: number, tags: readonly string[]): void {
    linkTags((q) => this.sql(q), 'source', sourceId, tags);
  }

  findByHash(hash: string): number | undefined {
    const row = this.sql('SELECT id FROM source WHERE hash = ?').get(hash) as { id: number } | undefined;
    return row?.id;
  }

  /** Inserts a source with its passages and tags in one transaction; returns its id. */
  insert(src: NewSource, options: { terms?: readonly string[]; prints?: readonly string[] } = {}): number {
    const insertSource = this.sql(`
      INSERT INTO source (title, author, date, origin, kind, format, language, file_name, encoding, hash,
                          chars, bytes, passage_count, meta, imported_at, csl)
      VALUES (@title, @author, @date, @origin, @kind, @format, @language, @fileName, @encoding, @hash,
              @chars, @bytes, @passageCount, @meta, @importedAt, @csl)`);
    // The columns are the item's: what the library shows and search filters by is what a citation says.
    const csl: CslItem = { ...(src.csl ?? citationOfColumns(src)) };
    if (!csl.language && src.language) csl.language = src.language;
    const columns = columnsOf(csl, src.title);
    return this.db
      .transaction(() => {
        const info = insertSource.run({
          title: columns.title,
          author: columns.author,
          date: columns.date,
          origin: columns.origin,
          csl: JSON.stringify(csl),
          kind: src.kind,
          format: src.format ?? FORMAT_OF_KIND[src.kind],
          language: columns.language ?? src.language,
          fileName: src.fileName,
          encoding: src.encoding,
          hash: src.hash,
          chars: src.text.length,
          bytes: src.bytes,
          passageCount: src.passages.length,
          meta: JSON.stringify(src.meta),
          importedAt: new Date().toISOString(),
        });
        const id = Number(info.lastInsertRowid);
        this.sql('INSERT INTO source_text (source_id, text) VALUES (?, ?)').run(id, src.text);
        const first = this.insertPassages(id, src.passages, src.text, options.prints);
        this.sql('UPDATE source SET first_passage = ? WHERE id = ?').run(first, id);
        this.setTags(id, src.tags);
        this.changes?.record({
          type: 'sourceAdded',
          sourceId: id,
          text: src.text,
          passages: src.passages,
          ...(options.terms ? { terms: options.terms } : {}),
        });
        return id;
      })
      .immediate();
  }

  /**
   * Replaces a source's text and passages with a corrected version (inside the caller's
   * transaction); metadata, tags and annotations stay with the source.
   */
  replaceText(id: number, src: NewSource): void {
    this.changes?.record({ type: 'textReplaced', sourceId: id, text: src.text, passages: src.passages });
    const other = this.findByHash(src.hash);
    if (other !== undefined && other !== id) {
      throw new ApiError('invalid_request', `${src.fileName ?? 'This text'} is already in the project as source #${other}`);
    }
    this.sql('DELETE FROM passage WHERE source_id = ?').run(id);
    const first = this.insertPassages(id, src.passages, src.text);
    this.sql('UPDATE source_text SET text = ? WHERE source_id = ?').run(src.text, id);
    // What the file told of itself (a PDF's pages) follows the new file.
    this.sql(
      `UPDATE source SET hash = ?, chars = ?, bytes = ?, encoding = ?, passage_count = ?, first_passage = ?, file_name = ?, kind = ?, format = ?, meta = ? WHERE id = ?`,
    ).run(
      src.hash,
      src.text.length,
      src.bytes,
      src.encoding,
      src.passages.length,
      first,
      src.fileName,
      src.kind,
      src.format ?? FORMAT_OF_KIND[src.kind],
      JSON.stringify(src.meta),
      id,
    );
  }

  /**
   * New passages over the same stored text, read another way (inside the caller's
   * transaction): the source's reading (`kind`) changes; its text, metadata and tags stay.
   */
  repassage(id: number, kind: SourceKind, text: string, passages: Span[]): void {
    this.changes?.record({ type: 'textReplaced', sourceId: id, text, passages });
    this.sql('DELETE FROM passage WHERE source_id = ?').run(id);
    const first = this.insertPassages(id, passages, text);
    this.sql('UPDATE source SET kind = ?, passage_count = ?, first_passage = ? WHERE id = ?').run(kind, passages.length, first, id);
  }

  /**
   * Inserts a source's passages and their full-text index rows (inside the caller's
   * transaction); returns the first passage's id (the ids that follow are consecutive).
   */
  private insertPassages(id: number, passages: readonly Span[], text: string, prints?: readonly string[]): number {
    const insertPassage = this.sql(INSERT_PASSAGE);
    const indexPassage = this.sql(INDEX_PASSAGE);
    let first = 0;
    passages.forEach((p, i) => {
      const row = insertPassage.run(...passageRow(id, i + 1, p, text));
      const passage = text.slice(p.start, p.end);
      indexPassage.run(row.lastInsertRowid, passage);
      this.reuse.add(Number(row.lastInsertRowid), passage, prints?.length === passages.length ? prints[i] : undefined);
      if (i === 0) first = Number(row.lastInsertRowid);
    });
    return first;
  }

  kindOf(id: number): string {
    return (this.sql('SELECT kind FROM source WHERE id = ?').get(id) as { kind: string } | undefined)?.kind ?? '';
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM source').get() as { n: number }).n;
  }

  list(): SourceSummary[] {
    return (this.db.prepare(`${SUMMARY_SQL} ORDER BY s.id`).all() as SummaryRow[]).map(toSummary);
  }

  /**
   * The `limit` sources imported last, newest first and then by id (the library's first
   * order, `sortSources` in the renderer: import times are ISO strings, compared as bytes in
   * both), and the project's count of sources.
   */
  newest(limit: number): { sources: SourceSummary[]; total: number } {
    const rows = this.sql(
      `${SUMMARY_SQL} WHERE s.id IN (SELECT id FROM source ORDER BY imported_at DESC, id LIMIT ?) ORDER BY s.imported_at DESC, s.id`,
    ).all(limit) as SummaryRow[];
    return { sources: rows.map(toSummary), total: this.sql('SELECT count(*) FROM source').pluck().get() as number };
  }

  /** The sources of these ids that exist, in the order given (the library follows those whose text is being recognised). */
  summaries(ids: readonly number[]): SourceSummary[] {
    const read = this.sql(`${SUMMARY_SQL} WHERE s.id = ?`);
    return ids.flatMap((id) => {
      const row = read.get(id) as SummaryRow | undefined;
      return row ? [toSummary(row)] : [];
    });
  }

  /** The id of the source a UUID names (what links and exports use), or of the source it was merged into; or null. */
  idOf(uuid: string): number | null {
    const id = uuid.toLowerCase();
    return (
      (this.sql('SELECT id FROM source WHERE uuid = ? UNION ALL SELECT source_id FROM source_alias WHERE uuid = ? LIMIT 1').pluck().get(id, id) as
        number | undefined) ?? null
    );
  }

  /**
   * Before `others` are merged into `into` (inside the caller's write): their UUIDs, and those of
   * sources merged into them earlier, name `into` from now on.
   */
  aliasMerged(into: number, others: readonly number[]): void {
    for (const other of others) {
      this.sql('INSERT OR REPLACE INTO source_alias(uuid, source_id) SELECT uuid, ? FROM source WHERE id = ?').run(into, other);
      this.sql('UPDATE source_alias SET source_id = ? WHERE source_id = ?').run(into, other);
    }
  }

  summary(id: number): SourceSummary {
    const row = this.sql(`${SUMMARY_SQL} WHERE s.id = ?`).get(id) as SummaryRow | undefined;
    if (!row) throw new ApiError('not_found', `There is no source with id ${id} in this project`);
    return toSummary(row);
  }

  /** A source with its passages: all of them, or with `first`, the first ones (`partial` says so when some are left out). */
  detail(id: number, first?: number): SourceDetail {
    const summary = this.summary(id);
    const { meta, csl, ...extra } = this.db.prepare('SELECT language, hash, encoding, format, meta, csl FROM source WHERE id = ?').get(id) as {
      language: string | null;
      hash: string;
      encoding: string;
      format: SourceFormat | null;
      meta: string | null;
      csl: string | null;
    };
    const rows = this.db
      .prepare(
        `SELECT id, ordinal, start, "end", kind, text, page, page_label AS pageLabel, info FROM passage WHERE source_id = ? ORDER BY ordinal${first ? ' LIMIT ?' : ''}`,
      )
      .all(...(first ? [id, first] : [id])) as (Omit<Passage, 'info'> & { info: string | null })[];
    const passageList: Passage[] = rows.map((r) => ({ ...r, info: r.info ? (JSON.parse(r.info) as PassageInfo) : null }));
    const pdf = extra.format === 'pdf' && meta ? (JSON.parse(meta) as { pdf?: PdfFacts }).pdf : undefined;
    return {
      ...summary,
      ...extra,
      format: extra.format ?? FORMAT_OF_KIND[summary.kind],
      csl: csl ? (JSON.parse(csl) as CslItem) : citationOfColumns({ ...summary, language: extra.language }),
      ...(pdf ? { pdf: { pages: pdf.pages, textLayer: pdf.textLayer, pagesWithoutText: pdf.pagesWithoutText } } : {}),
      passageList,
      ...(first && rows.length < summary.passages ? { partial: true } : {}),
    };
  }

  text(id: number): string {
    const row = this.sql('SELECT text FROM source_text WHERE source_id = ?').get(id) as { text: string } | undefined;
    if (!row) throw new ApiError('not_found', `There is no source with id ${id} in this project`);
    return row.text;
  }

  /** Every source's title, URL and DOI, as references are matched by them (the URL from its item, else its origin). */
  matchKeys(): { id: number; title: string; url: string | null; doi: string | null }[] {
    const rows = this.db.prepare('SELECT id, title, origin, csl FROM source ORDER BY id').all() as {
      id: number;
      title: string;
      origin: string | null;
      csl: string | null;
    }[];
    return rows.map((r) => {
      let csl: Partial<CslItem> = {};
      try {
        csl = r.csl ? (JSON.parse(r.csl) as CslItem) : {};
      } catch {
        // An unreadable item matches by its columns.
      }
      const origin = r.origin && /^https?:\/\//i.test(r.origin) ? r.origin : null;
      return { id: r.id, title: csl.title || r.title, url: csl.URL ?? origin, doi: csl.DOI ?? null };
    });
  }

  /** A source's CSL item (made from its columns for a source stored before items were). */
  csl(id: number): CslItem {
    const row = this.sql('SELECT title, author, date, origin, language, csl FROM source WHERE id = ?').get(id) as
      { title: string; author: string | null; date: string | null; origin: string | null; language: string | null; csl: string | null } | undefined;
    if (!row) throw new ApiError('not_found', `There is no source with id ${id} in this project`);
    return row.csl ? (JSON.parse(row.csl) as CslItem) : citationOfColumns(row);
  }

  /**
   * Writes a source's CSL item (already validated) and the columns derived from it, and
   * replaces its tags when given: one transaction.
   */
  update(id: number, patch: { csl?: CslItem; tags?: string[] }): SourceSummary {
    this.summary(id); // not_found before any write
    this.changes?.record({ type: 'sourceUpdated', sourceId: id });
    this.db
      .transaction(() => {
        if (patch.csl) {
          const c = columnsOf(patch.csl, this.summary(id).title);
          this.sql('UPDATE source SET csl = ?, title = ?, author = ?, date = ?, origin = ?, language = ? WHERE id = ?').run(
            JSON.stringify({ ...patch.csl, title: c.title }),
            c.title,
            c.author,
            c.date,
            c.origin,
            c.language,
            id,
          );
        }
        if (patch.tags !== undefined) this.setTags(id, patch.tags);
      })
      .immediate();
    return this.summary(id);
  }

  delete(id: number): void {
    this.summary(id);
    this.changes?.record({ type: 'sourceDeleted', sourceId: id });
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM source WHERE id = ?').run(id);
        this.db.prepare(ORPHAN_TAGS).run();
      })
      .immediate();
  }

  tags(): TagCount[] {
    return this.db
      .prepare(
        `SELECT t.name, count(*) AS count FROM tag t JOIN source_tag st ON st.tag_id = t.id
         GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
      )
      .all() as TagCount[];
  }
}
