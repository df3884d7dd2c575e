import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsFile } from '../../src/main/paths';
import { backup } from '../../src/main/store/backup';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { PROJECT_ID, projectId } from '../../src/main/store/meta';
import { APPLICATION_ID } from '../../src/main/store/pragmas';
import { openProjectDb } from '../../src/main/store/project';
import { Workbench } from '../../src/main/workbench';
import { bytes, tempDir, tempWorkbench } from './helpers';

/** A project file as version 4 wrote it: no id. */
function versionFourProject(file: string) {
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS.filter((m) => m.version <= 4)) db.exec(m.sql);
  db.pragma('user_version = 4');
  db.close();
}

describe('project ids', () => {
  it('are random version 4 UUIDs, made with the project and kept in its file', () => {
    const dir = tempDir();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const file = path.join(dir, `p${i}.sourcebench`);
      const db = openProjectDb(file, { create: true });
      const id = projectId(db);
      expect(id).toMatch(PROJECT_ID);
      ids.add(id);
      db.close();
      const again = openProjectDb(file);
      expect(projectId(again)).toBe(id);
      again.close();
    }
    expect(ids.size).toBe(20);
  });

  it('are given to a project from before ids on its first open, once', () => {
    const file = path.join(tempDir(), 'old.sourcebench');
    versionFourProject(file);
    const raw = new Database(file);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").pluck().get()).toBe(0);
    raw.close();
    const db = openProjectDb(file);
    const id = projectId(db);
    expect(id).toMatch(PROJECT_ID);
    db.close();
    const again = openProjectDb(file);
    expect(projectId(again)).toBe(id);
    again.close();
  });

  it('are new for a restored backup, a project beside the original: links to the original still open the original', async () => {
    const { wb } = tempWorkbench();
    await wb.importFile({ name: 'a.txt', bytes: bytes('Some text about 1937.') });
    const original = await wb.getProject();
    const db = (wb as unknown as { current: { db: Database.Database } }).current.db;
    const file = await backup(db, original.path, 'manual');
    const restored = await wb.restoreBackup({ file });
    expect(restored.path).not.toBe(original.path);
    expect(restored.id).toMatch(PROJECT_ID);
    expect(restored.id).not.toBe(original.id);
    await wb.openProject({ path: original.path });
    expect((await wb.getProject()).id).toBe(original.id);
  });

  it('are shown in the project info and remembered with the path in the settings', async () => {
    const { wb, home } = tempWorkbench();
    const first = await wb.getProject();
    expect(first.id).toMatch(PROJECT_ID);
    const second = await wb.createProject({ path: path.join(home, 'second') });
    expect(second.id).toMatch(PROJECT_ID);
    expect(second.id).not.toBe(first.id);
    expect(new SettingsFile(home).read().recent).toEqual([
      { path: second.path, id: second.id },
      { path: first.path, id: first.id },
    ]);
    expect(second.recent).toEqual([second.path, first.path]);
    await wb.openProject({ path: first.path });
    expect((await wb.getProject()).id).toBe(first.id);
  });

  it('are added to a settings file that lists paths only (the older format), which still reads', async () => {
    const home = tempDir();
    const a = path.join(home, 'a.sourcebench');
    const b = path.join(home, 'b.sourcebench');
    versionFourProject(a);
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ lastProject: a, recent: [a, b, 42, null, ''], backupsKept: 3 }));
    const settings = new SettingsFile(home);
    expect(settings.read()).toEqual({ lastProject: a, recent: [{ path: a }, { path: b }], backupsKept: 3 });
    const wb = Workbench.open({ home });
    const info = await wb.getProject();
    expect(info.path).toBe(a);
    expect(info.recent).toEqual([a, b]);
    expect(settings.read().recent).toEqual([{ path: a, id: info.id }, { path: b }]);
    wb.close();
  });

  it('name the project in exported links, which never carry its path', async () => {
    const { wb, home } = tempWorkbench();
    const { id } = await wb.getProject();
    const out = await wb.importFile({ name: 'a.txt', bytes: bytes('Title: A\n\nSome 1,000 people were arrested.') });
    if (out.status !== 'imported') throw new Error('import failed');
    await wb.createAnnotation({ sourceId: out.source.id, start: 0, end: 4, colour: 'yellow' });
    const files = [
      ...(await wb.exportMarkdown({})),
      ...(await wb.exportMarkdown({ perSource: true })),
      await wb.exportAnnotations({ format: 'jsonld' }),
    ];
    for (const f of files) {
      expect(f.content).toContain(`sourcebench://open?project=${id}&source=${out.source.uuid}`);
      expect(f.content).not.toContain(encodeURIComponent(home));
      expect(f.content).not.toContain(home);
    }
  });
});
