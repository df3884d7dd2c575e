/** Annotations: their selectors, notes and tags; re-anchored when a source's text changes. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/errors';
import type { Annotation, Region } from '../../shared/types';
import type { Db } from '../store/project';
import type { ChangeSink } from '../store/changes';
import { linkTags } from '../store/sources';
import type { Selector } from './anchor';
import { anchor, describe } from './anchor';
import { renderNote } from './note';
import { passagePlaces } from '../store/ordinals';

interface Row {
  id: number;
  uuid: string;
  source_id: number;
  title: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  orphaned: number;
  colour: string;
  body: string | null;
  markdown: string;
  plain: string;
  tags: string;
  passage: number | null;
  created_at: string;
  updated_at: string;
  region_page: number | null;
  region_x: number | null;
  region_y: number | null;
  region_w: number | null;
  region_h: number | null;
}

/** Annotations with their source and tags; each row's passage is found afterwards, for all rows at once (passagePlaces). */
const SELECT = `
  SELECT a.*, s.title,
         (SELECT json_group_array(t.name) FROM annotation_tag at JOIN tag t ON t.id = at.tag_id WHERE at.annotation_id = a.id) AS tags
  FROM annotation a JOIN source s ON s.id = a.source_id`;

function toAnnotation(r: Row): Annotation {
  return {
    id: r.id,
    uuid: r.uuid,
    sourceId: r.source_id,
    sourceTitle: r.title,
    start: r.start,
    end: r.end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    orphaned: r.orphaned === 1,
    colour: r.colour,
    body: r.body,
    markdown: r.markdown,
    plain: r.plain,
    tags: JSON.parse(r.tags) as string[],
    passage: r.passage,
    ...(r.region_page !== null ? { region: { page: r.region_page, x: r.region_x!, y: r.region_y!, w: r.region_w!, h: r.region_h! } } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class AnnotationStore {
  /** `changes` hears of every write (the Project; a bare store tells no one). */
  constructor(
    private readonly db: Db,
    private readonly changes?: ChangeSink,
  ) {}

  private now(): string {
    return new Date().toISOString();
  }

  get(id: number, includeDeleted = false): Annotation {
    const row = this.db.prepare(`${SELECT} WHERE a.id = ?${includeDeleted ? '' : ' AND a.deleted_at IS NULL'}`).get(id) as
      Omit<Row, 'passage'> | undefined;
    if (!row) throw new ApiError('not_found', `There is no annotation with id ${id}`);
    return this.withPassages([row])[0]!;
  }

  /** Rows with the ordinal of the passage each annotation starts in (none for orphans). */
  private withPassages(rows: Omit<Row, 'passage'>[]): Annotation[] {
    const places = passagePlaces(
      this.db,
      rows.map((r) => ({ sourceId: r.source_id, start: r.start })),
    );
    return rows.map((r, i) => {
      // A region is on its page image, in no passage.
      const place = r.orphaned || r.region_page !== null ? null : places[i];
      const a = toAnnotation({ ...r, passage: place?.ordinal ?? null });
      return place?.pageLabel != null ? { ...a, pageLabel: place.pageLabel } : a;
    });
  }

  /** Annotations of one source in text order (orphans last, then regions by page, top to bottom), or of the whole project. */
  list(sourceId?: number): Annotation[] {
    const where = sourceId === undefined ? '' : ' AND a.source_id = ?';
    const rows = this.db
      .prepare(
        `${SELECT} WHERE a.deleted_at IS NULL${where}
         ORDER BY a.source_id, a.region_page IS NOT NULL, a.orphaned, a.start, a.region_page, a.region_y, a.region_x, a.id`,
      )
      .all(...(sourceId === undefined ? [] : [sourceId])) as Omit<Row, 'passage'>[];
    return this.withPassages(rows);
  }

  private setTags(id: number, tags: string[]): void {
    linkTags((q) => this.db.prepare(q), 'annotation', id, tags);
  }

  create(sourceId: number, text: string, start: number, end: number, colour: string, tags: string[] = []): Annotation {
    if (end > text.length || start >= end) {
      throw new ApiError('invalid_request', `The span ${start}–${end} is not inside the source's text (${text.length} characters)`);
    }
    if (!text.slice(start, end).trim()) throw new ApiError('invalid_request', 'An annotation needs some text selected, not only white space');
    return this.insert(sourceId, describe(text, start, end), colour, tags, null);
  }

  /**
   * Annotates a region of one page image (a stamp, a signature, a marginal note). The caller
   * has checked that the rectangle lies on the page (it knows the image's size).
   */
  createRegion(sourceId: number, region: Region, colour: string, tags: string[] = []): Annotation {
    return this.insert(sourceId, { start: 0, end: 0, exact: '', prefix: '', suffix: '' }, colour, tags, region);
  }

  /** A new annotation of a span (its selectors) or of a region of a page image (no text), with its tags, in one transaction. */
  private insert(
    sourceId: number,
    sel: { start: number; end: number; exact: string; prefix: string; suffix: string },
    colour: string,
    tags: string[],
    region: Region | null,
  ): Annotation {
    const now = this.now();
    this.changes?.record({ type: 'annotationsChanged', sourceId });
    const id = this.db
      .transaction(() => {
        const info = this.db
          .prepare(
            `INSERT INTO annotation (uuid, source_id, start, "end", exact, prefix, suffix, colour, created_at, updated_at,
                                     region_page, region_x, region_y, region_w, region_h)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            randomUUID(),
            sourceId,
            sel.start,
            sel.end,
            sel.exact,
            sel.prefix,
            sel.suffix,
            colour,
            now,
            now,
            region?.page ?? null,
            region?.x ?? null,
            region?.y ?? null,
            region?.w ?? null,
            region?.h ?? null,
          );
        const newId = Number(info.lastInsertRowid);
        this.setTags(newId, tags);
        return newId;
      })
      .immediate();
    return this.get(id);
  }

  /** Whether an annotation (deleted or not) has this UUID. */
  hasUuid(uuid: string): boolean {
    return this.db.prepare('SELECT 1 FROM annotation WHERE uuid = ?').get(uuid.toLowerCase()) !== undefined;
  }

  /**
   * Stores an imported annotation with the selectors it comes with (inside the caller's
   * transaction): placed, or orphaned with its quote and no span. Returns its note's plain text.
   */
  insertImported(
    a: Selector & {
      uuid: string;
      sourceId: number;
      orphaned: boolean;
      colour: string;
      body: string | null;
      tags: string[];
      createdAt?: string | null;
      updatedAt?: string | null;
      /** A region of a page image (the text selectors then empty), checked against the page by the caller. */
      region?: Region | null;
    },
  ): string {
    const rendered = a.body ? renderNote(a.body) : { markdown: '', plain: '' };
    const created = a.createdAt ?? this.now();
    this.changes?.record({ type: 'annotationsChanged', sourceId: a.sourceId });
    if (rendered.plain) this.changes?.record({ type: 'noteChanged', annotationId: null, plain: rendered.plain });
    const info = this.db
      .prepare(
        `INSERT INTO annotation (uuid, source_id, start, "end", exact, prefix, suffix, orphaned, colour, body, markdown, plain, created_at, updated_at,
                                 region_page, region_x, region_y, region_w, region_h)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.uuid.toLowerCase(),
        a.sourceId,
        a.start,
        a.end,
        a.exact,
        a.prefix,
        a.suffix,
        a.orphaned ? 1 : 0,
        a.colour,
        a.body,
        rendered.markdown,
        rendered.plain,
        created,
        a.updatedAt ?? created,
        a.region?.page ?? null,
        a.region?.x ?? null,
        a.region?.y ?? null,
        a.region?.w ?? null,
        a.region?.h ?? null,
      );
    this.setTags(Number(info.lastInsertRowid), a.tags);
    return rendered.plain;
  }

  update(id: number, patch: { body?: string | null; colour?: string; tags?: string[] }): Annotation {
    const { sourceId } = this.get(id);
    const rendered = patch.body === undefined ? undefined : patch.body === null ? { markdown: '', plain: '' } : renderNote(patch.body);
    this.changes?.record({ type: 'annotationsChanged', sourceId });
    if (rendered) this.changes?.record({ type: 'noteChanged', annotationId: id, plain: rendered.plain });
    this.db
      .transaction(() => {
        if (rendered) {
          this.db
            .prepare('UPDATE annotation SET body = ?, markdown = ?, plain = ?, updated_at = ? WHERE id = ?')
            .run(patch.body ?? null, rendered.markdown, rendered.plain, this.now(), id);
        }
        if (patch.colour !== undefined)
          this.db.prepare('UPDATE annotation SET colour = ?, updated_at = ? WHERE id = ?').run(patch.colour, this.now(), id);
        if (patch.tags !== undefined) this.setTags(id, patch.tags);
      })
      .immediate();
    return this.get(id);
  }

  /** Re-attaches an annotation (an orphan, say) to a new span of its source's text. */
  reattach(id: number, text: string, start: number, end: number): Annotation {
    const current = this.get(id);
    if (current.region) {
      throw new ApiError(
        'invalid_request',
        `Annotation ${id} marks a region of page ${current.region.page}'s image of ${current.sourceTitle}: it has no text to re-attach`,
      );
    }
    if (end > text.length || start >= end) throw new ApiError('invalid_request', `The span ${start}–${end} is not inside the source's text`);
    const sel = describe(text, start, end);
    this.changes?.record({ type: 'annotationsChanged', sourceId: current.sourceId });
    this.db
      .prepare('UPDATE annotation SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0, updated_at = ? WHERE id = ?')
      .run(sel.start, sel.end, sel.exact, sel.prefix, sel.suffix, this.now(), current.id);
    return this.get(id);
  }

  /** Deletion keeps the row, so that it can be undone. */
  delete(id: number): void {
    const { sourceId } = this.get(id);
    this.changes?.record({ type: 'annotationsChanged', sourceId });
    this.db.prepare('UPDATE annotation SET deleted_at = ? WHERE id = ?').run(this.now(), id);
  }

  restore(id: number): Annotation {
    const a = this.get(id, true);
    this.changes?.record({ type: 'annotationsChanged', sourceId: a.sourceId });
    this.db.prepare('UPDATE annotation SET deleted_at = NULL WHERE id = ?').run(a.id);
    return this.get(id);
  }

  /**
   * Re-anchors every annotation of a source to its new text (inside the caller's
   * transaction). Returns how many moved and how many could not be placed. Regions of page
   * images are tied to the images, which a new text leaves as they were: they are not touched.
   */
  reanchor(sourceId: number, text: string): { annotations: number; moved: number; orphaned: number } {
    this.changes?.record({ type: 'annotationsChanged', sourceId });
    const rows = this.db
      .prepare('SELECT id, start, "end", exact, prefix, suffix FROM annotation WHERE source_id = ? AND region_page IS NULL')
      .all(sourceId) as (Selector & {
      id: number;
    })[];
    const orphan: Database.Statement = this.db.prepare('UPDATE annotation SET start = ?, "end" = ?, orphaned = 1 WHERE id = ?');
    // Placed again: the selectors now describe the corrected text, for the next correction.
    const place: Database.Statement = this.db.prepare(
      'UPDATE annotation SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0 WHERE id = ?',
    );
    let moved = 0;
    let orphaned = 0;
    for (const r of rows) {
      const placed = anchor(text, r);
      if (!placed) {
        // The quote is kept as it was, so the historian can see what to re-attach.
        orphaned++;
        const at = Math.min(r.start, text.length);
        orphan.run(at, at, r.id);
      } else {
        if (placed.start !== r.start || placed.end !== r.end) moved++;
        const sel = describe(text, placed.start, placed.end);
        place.run(sel.start, sel.end, sel.exact, sel.prefix, sel.suffix, r.id);
      }
    }
    return { annotations: rows.length, moved, orphaned };
  }
}
