import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/main/project';
import { Project } from '../../../src/main/project';
import { tempDir } from '../helpers';

const SOURCE = {
  title: 'Letter',
  author: null,
  date: null,
  origin: null,
  kind: 'text' as const,
  language: null,
  fileName: 'letter.txt',
  encoding: 'utf-8',
  hash: 'h1',
  text: 'Solovki was the first camp.',
  bytes: 27,
  tags: [],
  meta: {},
  passages: [{ start: 0, end: 27, kind: 'paragraph' as const }],
};

function open(errors: Error[] = []) {
  const project = Project.open(path.join(tempDir(), 'p.sourcebench'), { create: true }, { onSubscriberError: (e) => errors.push(e) });
  const heard: { changes: readonly Change[]; inTransaction: boolean; sources: number }[] = [];
  project.subscribe((changes) => heard.push({ changes, inTransaction: project.db.inTransaction, sources: project.sources.count() }));
  return { project, heard, errors };
}

describe('the project as a unit of work', () => {
  it('publishes what a write changed once, after it has committed', () => {
    const { project, heard } = open();
    const id = project.write(() => {
      const id = project.sources.insert(SOURCE);
      project.sources.update(id, { tags: ['camps'] });
      expect(heard).toEqual([]);
      return id;
    });
    expect(heard).toHaveLength(1);
    expect(heard[0]!.inTransaction).toBe(false);
    expect(heard[0]!.sources).toBe(1);
    expect(heard[0]!.changes.map((c) => c.type)).toEqual(['sourceAdded', 'sourceUpdated']);
    expect(heard[0]!.changes[0]).toMatchObject({ sourceId: id, text: SOURCE.text });
    project.close(() => {});
  });

  it('publishes nothing when the write rolls back', () => {
    const { project, heard } = open();
    expect(() =>
      project.write(() => {
        project.sources.insert(SOURCE);
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(project.sources.count()).toBe(0);
    expect(heard).toEqual([]);
    // A store's own failure rolls back too, and is not published.
    expect(() => project.write(() => project.sources.insert({ ...SOURCE, passages: [{ start: 5, end: 2, kind: 'paragraph' }] }))).toThrow();
    expect(heard).toEqual([]);
    project.close(() => {});
  });

  it('drops the changes of a nested write that fails, and publishes the rest with the outer commit', () => {
    const { project, heard } = open();
    project.write(() => {
      project.sources.insert(SOURCE);
      expect(() =>
        project.write(() => {
          project.sources.insert({ ...SOURCE, hash: 'h2' });
          throw new Error('this file only');
        }),
      ).toThrow('this file only');
    });
    expect(project.sources.count()).toBe(1);
    expect(heard.map((h) => h.changes.map((c) => c.type))).toEqual([['sourceAdded']]);
    project.close(() => {});
  });

  it('refuses a store write outside a unit of work, leaving the project as it was', () => {
    const { project, heard } = open();
    expect(() => project.sources.insert(SOURCE)).toThrow(/only inside Project\.write/);
    expect(project.sources.count()).toBe(0);
    const id = project.write(() => project.sources.insert(SOURCE));
    expect(() => project.sources.delete(id)).toThrow(/only inside Project\.write/);
    expect(project.sources.count()).toBe(1);
    expect(heard).toHaveLength(1);
    project.close(() => {});
  });

  it('keeps a committed write when a subscriber fails, and reports the failure', () => {
    const { project, heard, errors } = open();
    project.subscribe(() => {
      throw new Error('follower broke');
    });
    project.write(() => project.sources.insert(SOURCE));
    expect(project.sources.count()).toBe(1);
    expect(heard).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual(['follower broke']);
    project.close(() => {});
  });

  it('publishes nothing for a write that changed nothing followers care about', () => {
    const { project, heard } = open();
    project.write(() => project.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('author', 'A. Historian')").run());
    expect(heard).toEqual([]);
    project.close(() => {});
  });
});
