/** The service: implements the API contract over the store and the importers. */
import fs from 'node:fs';
import path from 'node:path';
import type { Input, SourcebenchApi } from '../shared/api';
import { ApiError } from '../shared/errors';
import type { ImportOutcome, ProjectInfo } from '../shared/types';
import { formatOf, parseSource, unsupportedFormat } from './ingest';
import { MAX_FILE_BYTES, tooLargeMessage } from '../shared/limits';
import { isEdtf } from './ingest/metadata';
import { defaultProjectPath, resourcesDir, SettingsFile } from './paths';
import type { Db } from './store/project';
import { openProjectDb, storageProblem } from './store/project';
import { backup, backupDir, backupDue, listBackups } from './store/backup';
import { PROJECT_EXTENSION } from './store/pragmas';
import { SourceStore } from './store/sources';
import { SearchIndex } from './search/search';
import { AnnotationStore } from './annotate/store';
import { ClaimStore } from './claims/store';
import { readClaim } from './claims/extract';
import { compare, comparisonMarkdown } from './align/compare';
import { annotationCollection } from './export/jsonld';
import { markdownPerSource, markdownSingle, slug } from './export/markdown';
import { evidenceCsv, evidenceMarkdown } from './export/evidence';

interface OpenProject {
  path: string;
  db: Db;
  sources: SourceStore;
  annotations: AnnotationStore;
  claims: ClaimStore;
  search: SearchIndex;
}

export interface WorkbenchOptions {
  /** The user-data folder: settings and the default project live here. */
  home: string;
  /** Open this project instead of the last one. */
  project?: string;
  /** Create `project` when it does not exist yet. */
  createMissing?: boolean;
  /** Record opened projects as the last and recent ones (the app does; one-off CLI commands do not). */
  remember?: boolean;
  nativeBinding?: string;
}

const BATCH_MS = 1000;
const BATCH_BYTES = 32 * 1024 * 1024;

function errorOf(err: unknown, fileName: string): { code: string; message: string } {
  if (err instanceof ApiError) return err.toJSON();
  const problem = storageProblem(err);
  if (problem === 'disk_full') {
    return { code: 'disk_full', message: `${fileName} could not be imported: the disk is full; the project was left as it was` };
  }
  // While importing, a journal that cannot be created or written means the same.
  const code = (err as { code?: string }).code;
  if (problem === 'read_only' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR_WRITE') {
    return { code: 'read_only', message: `${fileName} could not be imported: the project cannot be written (its file or folder is read-only); the project was left as it was` };
  }
  return { code: 'write_failed', message: `${fileName} could not be imported: ${(err as Error).message}; the project was left as it was` };
}

export class Workbench implements SourcebenchApi {
  private current: OpenProject;
  private readonly settings: SettingsFile;

  private constructor(
    private readonly options: WorkbenchOptions,
    first: OpenProject,
  ) {
    this.settings = new SettingsFile(options.home);
    this.current = first;
    if (options.remember !== false) this.settings.remember(first.path);
  }

  /** Opens the requested project, else the last opened one, else the default project (created if missing). */
  static open(options: WorkbenchOptions): Workbench {
    const settings = new SettingsFile(options.home).read();
    const target = options.project
      ? path.resolve(options.project)
      : settings.lastProject && fs.existsSync(settings.lastProject)
        ? settings.lastProject
        : defaultProjectPath(options.home);
    const create = !options.project || !!options.createMissing || target === defaultProjectPath(options.home);
    return new Workbench(options, Workbench.load(target, create, options.nativeBinding, new SettingsFile(options.home).read().backupsKept));
  }

  private static load(file: string, create: boolean, nativeBinding?: string, backupsKept?: number): OpenProject {
    const db = openProjectDb(file, { create, nativeBinding, backupsKept });
    // At most one backup a day, made in the background with the online backup API
    // (SOURCEBENCH_DAILY_BACKUP=0 turns it off, for benchmarks).
    const count = db.prepare('SELECT count(*) FROM source').pluck().get() as number;
    if (process.env.SOURCEBENCH_DAILY_BACKUP !== '0' && count > 0 && backupDue(file)) void backup(db, file, 'daily', backupsKept).catch(() => {});
    const search = new SearchIndex(db);
    // Typo tolerance needs the vocabulary; it loads in the background, in chunks.
    void search.vocabulary.build().catch(() => {});
    const sources = new SourceStore(db);
    const claims = new ClaimStore(db);
    // Claims are suggested in the same transaction as the import: all or nothing.
    sources.afterInsert = (id, text) => claims.suggest(id, text);
    return { path: file, db, sources, annotations: new AnnotationStore(db), claims, search };
  }

  get projectPath(): string {
    return this.current.path;
  }

  close(): void {
    this.current.db.close();
  }

  private info(): ProjectInfo {
    return {
      path: this.current.path,
      name: path.basename(this.current.path, PROJECT_EXTENSION),
      sources: this.current.sources.count(),
      recent: this.settings.read().recent,
    };
  }

  private switchTo(next: OpenProject): ProjectInfo {
    // The new project is open before the old one closes: a failure leaves the user where they were.
    const old = this.current;
    this.current = next;
    if (old.path !== next.path) old.db.close();
    if (this.options.remember !== false) this.settings.remember(next.path);
    return this.info();
  }

  async getProject(): Promise<ProjectInfo> {
    return this.info();
  }

  async openProject({ path: file }: Input<'openProject'>): Promise<ProjectInfo> {
    const resolved = path.resolve(file);
    if (resolved === this.current.path) return this.info();
    return this.switchTo(Workbench.load(resolved, false, this.options.nativeBinding, this.settings.read().backupsKept));
  }

  async listBackups({ project }: Input<'listBackups'>) {
    const target = project ? path.resolve(project) : this.current.path;
    return { project: target, backups: listBackups(target, this.options.nativeBinding), keep: this.settings.read().backupsKept };
  }

  /**
   * Restores a backup as a copy beside its project ("<name> (restored <date>).sourcebench")
   * and opens it: the project and its other backups are never overwritten.
   */
  async restoreBackup({ file, project }: Input<'restoreBackup'>) {
    const target = project ? path.resolve(project) : this.current.path;
    const chosen = path.resolve(file);
    if (path.dirname(chosen) !== path.resolve(backupDir(target)) || !fs.existsSync(chosen)) {
      throw new ApiError('not_found', `${path.basename(file)} is not a backup of ${path.basename(target)}`);
    }
    const date = path.basename(chosen).slice(0, 16).replace('T', ' ');
    let dest = target.replace(/\.sourcebench$/, '') + ` (restored ${date}).sourcebench`;
    for (let n = 2; fs.existsSync(dest); n++) dest = dest.replace(/( \d+)?\.sourcebench$/, ` ${n}.sourcebench`);
    fs.copyFileSync(chosen, dest, fs.constants.COPYFILE_EXCL);
    return this.switchTo(Workbench.load(dest, false, this.options.nativeBinding, this.settings.read().backupsKept));
  }

  async setBackupsKept({ keep }: Input<'setBackupsKept'>) {
    return { keep: this.settings.setBackupsKept(keep).backupsKept };
  }

  async createProject({ path: file }: Input<'createProject'>): Promise<ProjectInfo> {
    let resolved = path.resolve(file);
    if (!resolved.endsWith(PROJECT_EXTENSION)) resolved += PROJECT_EXTENSION;
    if (fs.existsSync(resolved)) {
      throw new ApiError('project_exists', `${path.basename(resolved)} already exists; open it instead, or choose another name`);
    }
    return this.switchTo(Workbench.load(resolved, true, this.options.nativeBinding, this.settings.read().backupsKept));
  }

  private importBytes(fileName: string, bytes: Uint8Array): ImportOutcome {
    try {
      const { source, warnings } = parseSource(fileName, bytes);
      const existing = this.current.sources.findByHash(source.hash);
      if (existing !== undefined) {
        return { fileName, status: 'duplicate', source: this.current.sources.summary(existing), warnings };
      }
      const id = this.current.sources.insert(source);
      const claimFailure = this.current.claims.takeFailure();
      if (claimFailure) warnings.push(claimFailure);
      this.current.search.invalidate();
      this.current.search.vocabulary.add(source.passages.map((p) => source.text.slice(p.start, p.end)));
      return { fileName, status: 'imported', source: this.current.sources.summary(id), warnings };
    } catch (err) {
      return { fileName, status: 'failed', error: errorOf(err, fileName) };
    }
  }

  async importFile({ name, bytes }: Input<'importFile'>): Promise<ImportOutcome> {
    return this.importBytes(name, bytes);
  }

  /** Many files and folders, committed in batches (the CLI's and the benchmark's import). */
  importPaths(targets: string[]): ImportOutcome[] {
    const files: [string, string][] = [];
    const missing: ImportOutcome[] = [];
    for (const target of targets) {
      const resolved = path.resolve(target);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(resolved);
      } catch {
        missing.push({ fileName: target, status: 'failed', error: { code: 'not_found', message: `${target}: no such file or folder` } });
        continue;
      }
      if (stat.isDirectory()) files.push(...listFiles(resolved).map((f): [string, string] => [f, path.relative(path.dirname(resolved), f)]));
      else files.push([resolved, path.basename(resolved)]);
    }
    return [...missing, ...this.importBatched(files)];
  }

  /** A file, or every supported file in a folder and its subfolders (hidden ones skipped). */
  async importPath({ path: target }: Input<'importPath'>): Promise<ImportOutcome[]> {
    const resolved = path.resolve(target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(resolved);
    } catch {
      throw new ApiError('not_found', `${target}: no such file or folder`);
    }
    if (!stat.isDirectory()) return [this.importOne(resolved, path.basename(resolved))];
    return this.importBatched(listFiles(resolved).map((file) => [file, path.relative(resolved, file)]));
  }

  /**
   * A folder's files are committed in batches: one transaction (and one sync to disk) per
   * second or so of work instead of one per file, each file inside its own savepoint, so a
   * file that fails still adds nothing and the others are kept.
   */
  private importBatched(files: [string, string][]): ImportOutcome[] {
    const outcomes: ImportOutcome[] = [];
    const db = this.current.db;
    let i = 0;
    while (i < files.length) {
      const first = outcomes.length;
      const started = Date.now();
      try {
        db.transaction(() => {
          let bytes = 0;
          while (i < files.length && Date.now() - started < BATCH_MS && bytes < BATCH_BYTES) {
            const [file, label] = files[i++]!;
            const outcome = this.importOne(file, label);
            if (outcome.status === 'imported') bytes += outcome.source.bytes;
            outcomes.push(outcome);
          }
        }).immediate();
      } catch (err) {
        // The batch did not commit (a full disk, say): none of its files were kept.
        this.current.search.invalidate();
        for (let k = first; k < outcomes.length; k++) {
          const o = outcomes[k]!;
          if (o.status === 'imported') outcomes[k] = { fileName: o.fileName, status: 'failed', error: errorOf(err, o.fileName) };
        }
      }
    }
    return outcomes;
  }

  private importOne(file: string, label: string): ImportOutcome {
    try {
      if (!formatOf(file)) throw unsupportedFormat(label);
      const size = fs.statSync(file).size;
      if (size > MAX_FILE_BYTES) {
        throw new ApiError('too_large', tooLargeMessage(label, size));
      }
      return this.importBytes(label, fs.readFileSync(file));
    } catch (err) {
      if (err instanceof ApiError) return { fileName: label, status: 'failed', error: err.toJSON() };
      return { fileName: label, status: 'failed', error: { code: 'read_failed', message: `${label} could not be read: ${(err as Error).message}` } };
    }
  }

  async loadSamples(): Promise<ImportOutcome[]> {
    return this.importPath({ path: path.join(resourcesDir(), 'samples') });
  }

  async listSources() {
    return this.current.sources.list();
  }

  async getSource({ id }: Input<'getSource'>) {
    return this.current.sources.detail(id);
  }

  async updateSource(input: Input<'updateSource'>) {
    const { id, ...patch } = input;
    if (patch.date !== undefined && patch.date !== null) {
      const date = patch.date.trim();
      if (date === '') patch.date = null;
      else if (!isEdtf(date)) {
        throw new ApiError('invalid_request', `"${date}" is not an EDTF date (for example 1937, 1937-05-12, 1936/1938, 1938~ or 193X)`);
      } else patch.date = date;
    }
    for (const key of ['author', 'origin'] as const) {
      if (typeof patch[key] === 'string' && patch[key].trim() === '') patch[key] = null;
    }
    const updated = this.current.sources.update(id, patch);
    this.current.search.invalidate();
    return updated;
  }

  async deleteSource({ id }: Input<'deleteSource'>) {
    this.current.sources.delete(id);
    this.current.search.invalidate();
    return { deleted: id };
  }

  async listTags() {
    return this.current.sources.tags();
  }

  async search(input: Input<'search'>) {
    return this.current.search.search(input);
  }

  async listAnnotations({ sourceId }: Input<'listAnnotations'>) {
    if (sourceId !== undefined) this.current.sources.summary(sourceId);
    return this.current.annotations.list(sourceId);
  }

  async createAnnotation({ sourceId, start, end, colour, tags }: Input<'createAnnotation'>) {
    return this.current.annotations.create(sourceId, this.current.sources.text(sourceId), start, end, colour, tags);
  }

  async updateAnnotation({ id, ...patch }: Input<'updateAnnotation'>) {
    const updated = this.current.annotations.update(id, patch);
    if (patch.body !== undefined) this.current.search.vocabulary.add([updated.plain]);
    return updated;
  }

  async deleteAnnotation({ id }: Input<'deleteAnnotation'>) {
    this.current.annotations.delete(id);
    return { deleted: id };
  }

  async restoreAnnotation({ id }: Input<'restoreAnnotation'>) {
    return this.current.annotations.restore(id);
  }

  async reattachAnnotation({ id, start, end }: Input<'reattachAnnotation'>) {
    const a = this.current.annotations.get(id);
    return this.current.annotations.reattach(id, this.current.sources.text(a.sourceId), start, end);
  }

  /**
   * Replaces a source's text with a corrected version of the same kind of file; its
   * annotations are anchored again by their quotes. One transaction: on any failure the
   * source, its passages and its annotations stay as they were.
   */
  async replaceSourceText({ id, name, bytes }: Input<'replaceSourceText'>) {
    const { sources, annotations, db } = this.current;
    sources.summary(id);
    const { source } = parseSource(name, bytes);
    const counts = db.transaction(() => {
      sources.replaceText(id, source);
      this.current.claims.refresh(id, source.text);
      return annotations.reanchor(id, source.text);
    }).immediate();
    this.current.search.invalidate();
    this.current.search.vocabulary.add(source.passages.map((p) => source.text.slice(p.start, p.end)));
    return { source: sources.summary(id), ...counts };
  }

  private exportItems(filter: { sourceId?: number; tag?: string }) {
    const { sources, annotations } = this.current;
    const tag = filter.tag?.toLowerCase();
    const all = filter.sourceId !== undefined ? annotations.list(filter.sourceId) : annotations.list();
    if (filter.sourceId !== undefined) sources.summary(filter.sourceId);
    const bySource = new Map<number, typeof all>();
    // A source's tags are looked up once, not once per annotation.
    const taggedSources = new Map<number, boolean>();
    const sourceHasTag = (id: number) => {
      if (!taggedSources.has(id)) taggedSources.set(id, sources.summary(id).tags.some((t) => t.toLowerCase() === tag));
      return taggedSources.get(id)!;
    };
    for (const a of all) {
      if (tag && !a.tags.some((t) => t.toLowerCase() === tag) && !sourceHasTag(a.sourceId)) continue;
      bySource.set(a.sourceId, [...(bySource.get(a.sourceId) ?? []), a]);
    }
    const ids = filter.sourceId !== undefined ? [filter.sourceId] : [...bySource.keys()];
    return ids.map((sourceId) => {
      const detail = sources.detail(sourceId);
      return { source: detail, passages: detail.passageList, text: sources.text(sourceId), annotations: bySource.get(sourceId) ?? [] };
    });
  }

  async exportMarkdown({ sourceId, tag, perSource }: Input<'exportMarkdown'>) {
    const items = this.exportItems({ sourceId, tag });
    const exported = new Date().toISOString();
    if (perSource) return markdownPerSource(items, this.current.path, exported);
    const title = tag ? `Notes tagged ${tag}` : `Notes from ${path.basename(this.current.path, PROJECT_EXTENSION)}`;
    return [markdownSingle(items, this.current.path, exported, title)];
  }

  async exportAnnotations(_input: Input<'exportAnnotations'>) {
    const list = this.current.annotations.list();
    const sources = new Map(this.current.sources.list().map((s) => [s.id, s]));
    const name = path.basename(this.current.path, PROJECT_EXTENSION);
    const collection = annotationCollection(this.current.path, list, sources, `Annotations in ${name}`);
    return { name: `${slug(name) || 'annotations'}.jsonld`, content: `${JSON.stringify(collection, null, 2)}\n` };
  }

  async listClaims({ sourceId, questionId }: Input<'listClaims'>) {
    if (sourceId !== undefined) this.current.sources.summary(sourceId);
    return this.current.claims.list({ sourceId, questionId });
  }

  /** A claim recorded by hand from a selection; what is not given is read from the selected words. */
  async createClaim({ sourceId, start, end, questionId, ...given }: Input<'createClaim'>) {
    const text = this.current.sources.text(sourceId);
    if (end > text.length) throw new ApiError('invalid_request', `The span ${start}–${end} is not inside the source's text`);
    const read = readClaim(text.slice(start, end));
    const low = given.low !== undefined ? given.low : read.low;
    const high = given.high !== undefined ? given.high : read.high;
    if (low === null && high === null) {
      throw new ApiError('invalid_request', 'No figure was found in the selected words; select the number too, or give the value');
    }
    return this.current.claims.create(
      sourceId,
      text,
      { start, end, low, high, measure: given.measure ?? read.measure, unit: given.unit ?? read.unit, approx: given.approx ?? read.approx, event: given.event ?? read.event },
      questionId ?? null,
    );
  }

  async updateClaim({ id, ...patch }: Input<'updateClaim'>) {
    return this.current.claims.update(id, patch);
  }

  async listQuestions() {
    return this.current.claims.questions();
  }

  async proposeQuestions() {
    return this.current.claims.proposals();
  }

  async createQuestion({ label, claimIds }: Input<'createQuestion'>) {
    return this.current.claims.createQuestion(label, claimIds);
  }

  async updateQuestion({ id, ...patch }: Input<'updateQuestion'>) {
    return this.current.claims.updateQuestion(id, patch);
  }

  async deleteQuestion({ id }: Input<'deleteQuestion'>) {
    this.current.claims.deleteQuestion(id);
    return { deleted: id };
  }

  async getEvidence({ questionId }: Input<'getEvidence'>) {
    return this.current.claims.evidence(questionId);
  }

  async exportEvidence({ questionId, format }: Input<'exportEvidence'>) {
    const ids = questionId !== undefined ? [questionId] : this.current.claims.questions().map((q) => q.id);
    const evidence = ids.map((id) => this.current.claims.evidence(id));
    const name = slug(path.basename(this.current.path, PROJECT_EXTENSION)) || 'evidence';
    const base = questionId !== undefined ? slug(evidence[0]!.question.label) || `question-${questionId}` : `${name}-evidence`;
    return format === 'csv'
      ? { name: `${base}.csv`, content: evidenceCsv(evidence, this.current.path) }
      : { name: `${base}.md`, content: evidenceMarkdown(evidence, this.current.path) };
  }

  async compareSources({ a, b }: Input<'compareSources'>) {
    if (a === b) throw new ApiError('invalid_request', 'Choose two different sources to compare');
    const { sources, claims } = this.current;
    return compare(sources.detail(a), sources.detail(b), claims.list({ sourceId: a }), claims.list({ sourceId: b }));
  }

  async exportComparison(input: Input<'exportComparison'>) {
    const c = await this.compareSources(input);
    return { name: `${slug(c.a.title) || 'a'}--${slug(c.b.title) || 'b'}.md`, content: comparisonMarkdown(c) };
  }

  /** The stored claims of a source (the CLI's `claims <source-id>`). */
  claimsOf(sourceId: number) {
    this.current.sources.summary(sourceId);
    return this.current.claims.list({ sourceId });
  }

  /** Resolves when typo tolerance is ready (the vocabulary has loaded). */
  whenSearchReady(): Promise<void> {
    return this.current.search.vocabulary.build();
  }
}

/** Every file below a folder, hidden ones skipped, in name order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
