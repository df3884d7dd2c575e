/** The SQL of page images, recognised words and the state of each source's text recognition. */
import { ApiError } from '../../shared/errors';
import type { OcrState, OcrWordBox, PageImageInfo, SourceDetail } from '../../shared/types';
import type { PageImage } from '../ingest/image';
import { pagesHash } from '../ingest/imageHash';
import type { NewSource } from '../ingest/source';
import type { Span } from '../ingest/text';
import type { Db } from '../store/project';

/** The facts an image source keeps of itself (its `meta`): its page count, the languages it is read in. */
export function imageMeta(pages: number, lang: string | null): { image: { pages: number; ocrLang?: string } } {
  return { image: { pages, ...(lang ? { ocrLang: lang } : {}) } };
}

/**
 * An image source as stored, with a new transcription (what SourceStore.replaceText writes):
 * recognised, corrected, reordered or merged, it stays the images' source, named by them.
 */
export function transcriptionSource(
  detail: SourceDetail,
  lang: string | null,
  text: string,
  passages: Span[],
  pages: number,
  own: { bytes?: number; hash?: string } = {},
): NewSource {
  return {
    title: detail.title,
    author: detail.author,
    date: detail.date,
    origin: detail.origin,
    kind: 'text',
    format: 'image',
    language: detail.language,
    fileName: detail.fileName,
    encoding: detail.encoding,
    hash: own.hash ?? detail.hash,
    text,
    bytes: own.bytes ?? detail.bytes,
    tags: detail.tags,
    meta: imageMeta(pages, lang),
    passages,
  };
}

/** A word as stored: its offsets into the source's text, its page and box, its confidence. */
export type StoredWord = OcrWordBox;

export class ImageStore {
  constructor(private readonly db: Db) {}

  /** Stores a new source's page images (inside the caller's transaction). */
  addImages(sourceId: number, images: readonly PageImage[]): void {
    const insert = this.db.prepare(
      `INSERT INTO source_image (source_id, page, file_name, bytes, mime, width, height, sha256, exif_date, orientation)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const i of images) {
      insert.run(
        sourceId,
        i.page,
        i.fileName,
        Buffer.from(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength),
        i.mime,
        i.width,
        i.height,
        i.sha256,
        i.exifDate,
        i.orientation,
      );
    }
  }

  /** A source's pages: their sizes and what the camera recorded (no bytes). */
  pages(sourceId: number): PageImageInfo[] {
    return this.db
      .prepare(
        'SELECT page, file_name AS fileName, mime, width, height, sha256, exif_date AS exifDate, orientation FROM source_image WHERE source_id = ? ORDER BY page',
      )
      .all(sourceId) as PageImageInfo[];
  }

  /** The source's hash as its pages make it, in their order now (what importing them as one folder in that order gives). */
  hash(sourceId: number): string {
    return pagesHash(this.db.prepare('SELECT sha256 FROM source_image WHERE source_id = ? ORDER BY page').pluck().all(sourceId) as string[]);
  }

  /**
   * The source already holding every one of these images (by their hashes), when all are in
   * the project: the source holding the first of them. Null when any is new.
   */
  holding(hashes: readonly string[]): number | null {
    if (hashes.length === 0) return null;
    const find = this.db.prepare('SELECT source_id FROM source_image WHERE sha256 = ? ORDER BY source_id, page LIMIT 1').pluck();
    let first: number | null = null;
    for (const h of hashes) {
      const id = find.get(h) as number | undefined;
      if (id === undefined) return null;
      first ??= id;
    }
    return first;
  }

  /** One page's image bytes, as imported. */
  image(sourceId: number, page: number): { bytes: Uint8Array; mime: string } {
    const row = this.db.prepare('SELECT bytes, mime FROM source_image WHERE source_id = ? AND page = ?').get(sourceId, page) as
      { bytes: Buffer; mime: string } | undefined;
    if (!row) throw new ApiError('not_found', `Source #${sourceId} has no page ${page} image`);
    return { bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength), mime: row.mime };
  }

  /** Every page's bytes, in page order (what the recogniser reads). */
  allImages(sourceId: number): Uint8Array[] {
    return (this.db.prepare('SELECT bytes FROM source_image WHERE source_id = ? ORDER BY page').pluck().all(sourceId) as Buffer[]).map(
      (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
    );
  }

  /** Gives a source's pages new numbers (inside the caller's transaction): `order` lists the old numbers in the new order. */
  renumber(sourceId: number, order: readonly number[]): void {
    // Through negative numbers first: the page is part of the key.
    this.db.prepare('UPDATE source_image SET page = -page WHERE source_id = ?').run(sourceId);
    const set = this.db.prepare('UPDATE source_image SET page = ? WHERE source_id = ? AND page = ?');
    order.forEach((old, i) => set.run(i + 1, sourceId, -old));
  }

  /** Moves a source's page images to another source, after its `after` pages (inside the caller's transaction). */
  moveImages(from: number, to: number, after: number): void {
    this.db.prepare('UPDATE source_image SET source_id = ?, page = page + ? WHERE source_id = ?').run(to, after, from);
  }

  words(sourceId: number): StoredWord[] {
    const rows = this.db
      .prepare('SELECT page, start, "end", x0, y0, x1, y1, confidence, trusted FROM ocr_word WHERE source_id = ? ORDER BY start')
      .all(sourceId) as (Omit<StoredWord, 'trusted'> & { trusted: 0 | 1 })[];
    return rows.map((r) => ({ ...r, trusted: r.trusted === 1 }));
  }

  /** Replaces a source's words (inside the caller's transaction). */
  setWords(sourceId: number, words: readonly StoredWord[]): void {
    this.db.prepare('DELETE FROM ocr_word WHERE source_id = ?').run(sourceId);
    const insert = this.db.prepare(
      'INSERT INTO ocr_word (source_id, page, start, "end", x0, y0, x1, y1, confidence, trusted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const w of words) insert.run(sourceId, w.page, w.start, w.end, w.x0, w.y0, w.x1, w.y1, w.confidence, w.trusted ? 1 : 0);
  }

  /** The languages a source is read in (`eng+rus`), when chosen; else the recogniser's default. */
  lang(sourceId: number): string | null {
    return (
      (this.db.prepare("SELECT json_extract(meta, '$.image.ocrLang') FROM source WHERE id = ?").pluck().get(sourceId) as string | null | undefined) ??
      null
    );
  }

  /** Chooses the languages a source is read in (inside the caller's transaction); kept in the source's facts (`meta`). */
  setLang(sourceId: number, lang: string): void {
    this.db.prepare("UPDATE source SET meta = json_set(coalesce(meta, '{}'), '$.image.ocrLang', ?) WHERE id = ?").run(lang, sourceId);
  }

  state(sourceId: number): { state: OcrState; error: string | null } | null {
    return (
      (this.db.prepare('SELECT state, error FROM source_ocr WHERE source_id = ?').get(sourceId) as
        { state: OcrState; error: string | null } | undefined) ?? null
    );
  }

  setState(sourceId: number, state: OcrState, error: string | null = null): void {
    this.db
      .prepare(
        `INSERT INTO source_ocr (source_id, state, error, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (source_id) DO UPDATE SET state = excluded.state, error = excluded.error, updated_at = excluded.updated_at`,
      )
      .run(sourceId, state, error, new Date().toISOString());
  }

  /** Sources whose recognition was asked for and has not finished (left by a closed app: started again on open). */
  unfinished(): number[] {
    return this.db.prepare("SELECT source_id FROM source_ocr WHERE state IN ('pending', 'running') ORDER BY source_id").pluck().all() as number[];
  }
}
