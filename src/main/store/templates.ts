/** Metadata templates (migration 15): values saved under a name, to set on many sources at once. */
import type { SharedValues } from '../../shared/archival';
import { SHARED_FIELDS, templateValues } from '../../shared/archival';
import { ApiError } from '../../shared/errors';
import type { MetadataTemplate } from '../../shared/types';
import type { ChangeSink } from './changes';
import type { Db } from './project';

interface TemplateRow {
  id: number;
  name: string;
  values: string;
  updated_at: string;
}

/** A stored template's values, only the fields a template may hold (a file edited by hand keeps nothing else). */
function readValues(json: string): SharedValues {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const out: Record<string, string> = {};
  for (const k of SHARED_FIELDS) {
    const v = (parsed as Record<string, unknown>)[k];
    if (typeof v === 'string' && v) out[k] = v;
  }
  return out as SharedValues;
}

const toTemplate = (r: TemplateRow): MetadataTemplate => ({ id: r.id, name: r.name, values: readValues(r.values), updatedAt: r.updated_at });

export class TemplateStore {
  constructor(
    private readonly db: Db,
    private readonly changes: ChangeSink,
  ) {}

  list(): MetadataTemplate[] {
    const rows = this.db
      .prepare('SELECT id, name, "values", updated_at FROM metadata_template ORDER BY name COLLATE NOCASE, id')
      .all() as TemplateRow[];
    return rows.map(toTemplate);
  }

  get(id: number): MetadataTemplate {
    const row = this.db.prepare('SELECT id, name, "values", updated_at FROM metadata_template WHERE id = ?').get(id) as TemplateRow | undefined;
    if (!row) throw new ApiError('not_found', `There is no template with id ${id} in this project`);
    return toTemplate(row);
  }

  /**
   * A new template, or the one `id` names replaced. Values are stored trimmed, empty ones left
   * out; a template with none, or a name another template has (whatever the case), is refused.
   */
  save(input: { id?: number | undefined; name: string; values: SharedValues }): MetadataTemplate {
    const name = input.name.normalize('NFC').replace(/\s+/g, ' ').trim();
    const values = templateValues(input.values);
    if (Object.keys(values).length === 0) throw new ApiError('invalid_request', `Template “${name}”: give at least one field a value`);
    const clash = this.db
      .prepare('SELECT id, name FROM metadata_template WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
      .get(name, input.id ?? null) as { id: number; name: string } | undefined;
    if (clash)
      throw new ApiError('invalid_request', `There is a template named “${clash.name}” already: choose another name, or open that one to change it`);
    if (input.id !== undefined) this.get(input.id);
    const now = new Date().toISOString();
    const json = JSON.stringify(values);
    let id = input.id;
    if (id === undefined) {
      id = Number(
        this.db.prepare('INSERT INTO metadata_template (name, "values", created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, json, now, now)
          .lastInsertRowid,
      );
    } else {
      this.db.prepare('UPDATE metadata_template SET name = ?, "values" = ?, updated_at = ? WHERE id = ?').run(name, json, now, id);
    }
    this.changes.record({ type: 'templatesChanged', templateId: id });
    return this.get(id);
  }

  delete(id: number): void {
    this.get(id);
    this.changes.record({ type: 'templatesChanged', templateId: id });
    this.db.prepare('DELETE FROM metadata_template WHERE id = ?').run(id);
  }
}
