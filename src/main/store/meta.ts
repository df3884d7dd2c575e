/** Facts about a project kept in the project file itself (the `meta` table, migration 5). */
import { randomUUID } from 'node:crypto';
import type { Db } from './project';

const ids = new WeakMap<Db, string>();

export const PROJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The project's stable id: a random UUID made when the project was created or first
 * opened by a version that has ids, kept in the file, so it moves and is copied with it.
 */
export function projectId(db: Db): string {
  const known = ids.get(db);
  if (known) return known;
  const read = () => db.prepare("SELECT value FROM meta WHERE key = 'project_id'").pluck().get() as string | undefined;
  let id = read();
  if (id === undefined) {
    // The migration makes one; a file whose row was removed by hand gets a new one.
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('project_id', ?)").run(randomUUID());
    id = read()!;
  }
  ids.set(db, id);
  return id;
}

/**
 * Gives a project a new id: a restored backup is a new project beside the original, and
 * links to the original must keep opening the original.
 */
export function renewProjectId(db: Db): string {
  const id = randomUUID();
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('project_id', ?)").run(id);
  ids.set(db, id);
  return id;
}
