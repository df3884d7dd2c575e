/** The service: implements the API contract over the store and the importers. */
import { nextChange } from './longPoll';
import fs from 'node:fs';
import path from 'node:path';
import type { Input, SourcebenchApi } from '../shared/api';
import { ApiError } from '../shared/errors';
import type { CitationSettings, ImportOutcome, ImportProgress, OcrWordBox, ProjectInfo } from '../shared/types';
import type { StyleChoice } from '../shared/styles';
import { BUILTIN_STYLES, type BuiltinStyleId, DEFAULT_STYLE, STYLE_CHOICES } from '../shared/styles';
import type { CslStyle } from './cite';
import { builtinStyle, CslStyleError, loadStyle } from './cite';
import { passagesAs, readSource } from './ingest';
import type { Prepared } from './import/prepare';
import type { ImportProgressEvent, Listed, Ready } from './import/pipeline';
import { listFiles, listTargets, runImport } from './import/pipeline';
import { PreparePool } from './import/pool';
import { edtfProblem } from './ingest/dates';
import type { CslItem } from '../shared/csl';
import { isHttpUrl } from '../shared/csl';
import { storedCsl } from './ingest/citation';
import { ARCHIVE_PARTS, applyShared } from '../shared/archival';
import { extensionOf } from '../shared/formats';
import { parseNames } from './ingest/names';
import { defaultProjectPath, recentPaths, resourcesDir, SettingsFile } from './paths';
import { storageProblem } from './store/project';
import { projectId, renewProjectId } from './store/meta';
import { backup, backupDir, backupDue, listBackups } from './store/backup';
import { PROJECT_EXTENSION } from './store/pragmas';
import { SearchIndex } from './search/search';
import { followChanges } from './search/follow';
import { LOCK_WAIT_MS, Project } from './project';
import { readClaim } from './claims/extract';
import { OcrQueue } from './ocr/queue';
import { normalise } from './ingest/text';
import { correctWords } from './ocr/correct';
import { remapWords } from './ocr/remap';
import { groupImageTasks } from './ocr/group';
import { ImageStore, transcriptionSource } from './ocr/store';
import { OcrLanguages } from './ocr/languages';
import { mergeImageSources, setPageOrder } from './ocr/pages';
import { transcriptionPassages } from './ocr/transcription';
import { Log } from './log';
import { randomUUID } from 'node:crypto';
import { matchReferences, normaliseUrl, parseReferences, ReferenceParseError } from './cite';
import type { CiteInput } from './cite';
import { decodeBytes } from './ingest/decode';
import { referenceTitle, referenceToCsl } from './ingest/references';
import { namesText } from '../shared/csl';
import type { ReferenceItem } from '../shared/types';
import { compare, comparisonMarkdown } from './align/compare';
import { annotationCollection } from './export/jsonld';
import { importSources, planImport, readAnnotationFile } from './export/jsonld-import';
import { regionProblem } from '../shared/region';
import { loadCropDecoders, pageCropper } from './export/crop';
import { markdownPerSource, markdownSingle, slug } from './export/markdown';
import { evidenceCsv, evidenceMarkdown } from './export/evidence';
import { findReuse } from './reuse/find';
import { ReuseJobs } from './reuse/jobs';
import { reuseCsv, reuseMarkdown } from './reuse/export';
import { collate, collationMarkdown, collationTei } from './collate';
import { CitationFormatter } from './cite/formatter';

/** A project open in the workbench: the unit of work, and the search index that follows its writes. */
interface Opened {
  project: Project;
  index: SearchIndex;
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
  /**
   * Make the daily backup when one is due (default). One-shot CLI commands turn it off:
   * they end before a background backup could finish.
   */
  dailyBackup?: boolean;
  /** Told once when a write has to wait for another program that is writing to the project. */
  onWaiting?: (message: string) => void;
  /** How long a write waits for another program before giving up, in ms. */
  lockWaitMs?: number;
  /**
   * Build the project's citation style in the background once a project opens (the app and
   * `serve` do): the first citation then needs no wait for citeproc's engine.
   */
  warmCitations?: boolean;
  /** Limits of an import's batches (tests make them small; the defaults suit real imports). */
  importBatch?: { files?: number; bytes?: number; ms?: number };
  /**
   * Recognise the text of imported photographs and scans in the background (default); when
   * false their state is `skipped`, to be typed by hand or recognised later (startOcr).
   */
  ocr?: boolean;
  /** The text recogniser's language and model folder (the installed English model by default). */
  ocrLang?: string;
  ocrLangPath?: string;
  /** Told as text recognition progresses (the app's progress shows through getSource). */
  onOcrProgress?: (sourceId: number, page: number, progress: number) => void;
}

/** What the user should know about a project's backups. */
export interface BackupStatus {
  lastFailure: { at: string; message: string } | null;
}

export { LOCK_WAIT_MS };
/** A file imported alone and smaller than this is read in the main thread. */
const ONE_FILE_IN_THREAD = 1024 * 1024;
/** Finished import jobs kept for `importProgress`. */
const KEEP_JOBS = 16;

/** An import job: its progress so far, every outcome, and how to stop it. */
interface ImportJob {
  progress: Omit<ImportProgress, 'results' | 'next'>;
  results: ImportOutcome[];
  controller: AbortController;
  /** Resolved when the job has stopped. */
  finished: Promise<void>;
  /** The job has begun (it waits while another job runs). */
  started: boolean;
  /** Told of every change (long polls waiting for news). */
  listeners: Set<() => void>;
}

/** Options of an import run from inside the process (the benchmark, tests). */
export interface ImportRunOptions {
  onProgress?: (event: ImportProgressEvent) => void;
  signal?: AbortSignal;
  batchFiles?: number;
  batchBytes?: number;
  batchMs?: number;
}

function errorOf(err: unknown, fileName: string): { code: string; message: string } {
  if (err instanceof ApiError) return err.toJSON();
  const problem = storageProblem(err);
  if (problem === 'disk_full') {
    return { code: 'disk_full', message: `${fileName} could not be imported: the disk is full; the project was left as it was` };
  }
  // While importing, a journal that cannot be created or written means the same.
  const code = (err as { code?: string }).code;
  if (problem === 'read_only' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR_WRITE') {
    return {
      code: 'read_only',
      message: `${fileName} could not be imported: the project cannot be written (its file or folder is read-only); the project was left as it was`,
    };
  }
  return { code: 'write_failed', message: `${fileName} could not be imported: ${(err as Error).message}; the project was left as it was` };
}

export class Workbench implements SourcebenchApi {
  private current: Project;
  /** The open project's search index; it follows the project's writes (search/follow.ts). */
  private index: SearchIndex;
  private readonly settings: SettingsFile;
  /** Failures nobody sees on screen. */
  readonly log: Log;
  /** Background work (the daily backup) that must finish, or be abandoned cleanly, before closing. */
  private readonly background = new Set<Promise<unknown>>();
  private backupFailure: BackupStatus['lastFailure'] = null;
  private closed = false;
  /** The worker threads that prepare imported files, started on the first import. */
  private pool: PreparePool | null = null;
  /** Text recognition of image sources, one at a time, in the background. */
  private ocrQueue: OcrQueue | null = null;
  /** Citations are formatted in a worker thread, where citeproc's engines are built and kept. */
  private readonly citations = new CitationFormatter();
  private readonly jobs = new Map<number, ImportJob>();
  /** Reuse reports being made or kept for export (of the project open now). */
  private readonly reuseJobs = new ReuseJobs();
  private nextJob = 1;
  /** Aborted when the project closes or changes: every import run stops before its next write. */
  private importStop = new AbortController();
  /** Import jobs run one after another: each waits for the one before. */
  private jobQueue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: WorkbenchOptions,
    first: (workbench: Workbench) => Opened,
  ) {
    this.settings = new SettingsFile(options.home);
    this.log = new Log(options.home);
    const opened = first(this);
    this.current = opened.project;
    this.index = opened.index;
    if (options.remember !== false) this.settings.remember(this.current.path, projectId(this.current.db));
    this.afterOpen(opened);
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
    return new Workbench(options, (wb) => wb.load(target, create, settings.backupsKept));
  }

  /**
   * Opens a project file as a unit of work, with its followers subscribed: the search
   * index (its cached source facts and its typo vocabulary) follows every committed write.
   */
  private load(file: string, create: boolean, backupsKept?: number): Opened {
    const project = Project.open(
      file,
      { create, nativeBinding: this.options.nativeBinding, backupsKept },
      {
        lockWaitMs: () => this.lockWait(),
        onWaiting: (message) => this.options.onWaiting?.(message),
        onSubscriberError: (err) => this.log.error(`${file}: after a write, search could not follow it: ${err.message}`),
      },
    );
    const index = new SearchIndex(project.db);
    project.subscribe(followChanges(index));
    return { project, index };
  }

  /**
   * Builds the project's citation style in the citation worker, so that the first citation
   * (the metadata dialog's "As cited") does not wait seconds for citeproc's engine. A style
   * that cannot be used is left to say so when it is used.
   */
  private warmCitations(): void {
    let style: CslStyle;
    try {
      style = this.citationStyle();
    } catch {
      return;
    }
    this.citations.warm(style).catch(() => undefined);
  }

  /** Background work of a newly opened project: its daily backup, its typo vocabulary. */
  private afterOpen({ project, index }: Opened): void {
    // Recognition left unfinished when the project was last closed starts again.
    const unfinished = new ImageStore(project.db).unfinished();
    if (unfinished.length) {
      project.write(() => unfinished.forEach((id) => new ImageStore(project.db).setState(id, 'pending')));
      this.ocrs.add(unfinished);
    }
    // Typo tolerance needs the vocabulary; it loads in the background, in chunks.
    this.track(
      index.vocabulary
        .build({ nativeBinding: this.options.nativeBinding })
        .catch((err: Error) => this.log.error(`${project.path}: the typo vocabulary could not be loaded: ${err.message}`)),
    );
    if (this.options.warmCitations) this.warmCitations();
    // At most one backup a day, made in the background with the online backup API
    // (SOURCEBENCH_DAILY_BACKUP=0 turns it off, for benchmarks).
    if (this.options.dailyBackup === false || process.env.SOURCEBENCH_DAILY_BACKUP === '0') return;
    if (project.sources.count() === 0 || !backupDue(project.path)) return;
    const keep = this.settings.read().backupsKept;
    this.track(
      Promise.resolve()
        .then(() => backup(project.db, project.path, 'daily', keep))
        .then(
          () => {
            this.backupFailure = null;
          },
          (err: Error) => {
            // Closing the project while the backup ran is no failure: the next open makes it.
            if (this.closed || this.current !== project) return;
            this.backupFailure = {
              at: new Date().toISOString(),
              message: `The daily backup of ${path.basename(project.path)} failed: ${err.message}`,
            };
            this.log.error(this.backupFailure.message);
          },
        ),
    );
  }

  /** Background work, waited for on closing; a failure nobody handled is logged, never lost. */
  private track(work: Promise<unknown>): void {
    const tracked = work.catch((err: unknown) => this.log.error(`background work failed: ${err instanceof Error ? err.message : String(err)}`));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  /** Resolves when the background work started so far has finished. */
  async settled(): Promise<void> {
    while (this.background.size) await Promise.allSettled([...this.background]);
  }

  get projectPath(): string {
    return this.current.path;
  }

  get backupStatus(): BackupStatus {
    return { lastFailure: this.backupFailure };
  }

  /**
   * Closes the project at once: a background backup still running is abandoned (it leaves
   * nothing behind). The write-ahead log is folded into the project file first, so the
   * file alone is the whole project and can be copied as it is.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopImports();
    void this.ocrQueue?.stop();
    void this.pool?.close();
    this.pool = null;
    void this.citations.close();
    this.index.vocabulary.stop();
    this.current.close((message) => this.log.warn(message));
  }

  /** Lets background work finish, then closes: how the app and `serve` end. */
  async shutdown(): Promise<void> {
    await this.settled();
    this.close();
  }

  /** How long a write waits for another program: the option, else SOURCEBENCH_LOCK_WAIT_MS (for scripts and tests), else 30 s. */
  private lockWait(): number {
    const env = Number(process.env.SOURCEBENCH_LOCK_WAIT_MS);
    return this.options.lockWaitMs ?? (Number.isFinite(env) && env >= 0 ? env : LOCK_WAIT_MS);
  }

  /** A write: one transaction of the open project, its changes published once it commits (project.ts). */
  private write<T>(work: () => T): T {
    return this.current.write(work);
  }

  private info(): ProjectInfo {
    return {
      id: projectId(this.current.db),
      path: this.current.path,
      name: path.basename(this.current.path, PROJECT_EXTENSION),
      sources: this.current.sources.count(),
      recent: recentPaths(this.settings.read()),
      backupFailure: this.backupFailure,
      log: this.log.file,
    };
  }

  private switchTo(opened: Opened): ProjectInfo {
    // The new project is open before the old one closes: a failure leaves the user where they were.
    const old = this.current;
    const oldIndex = this.index;
    const next = opened.project;
    // An import stops before its next write: it was writing to the project being left.
    if (old.path !== next.path) {
      this.stopImports();
      this.ocrs.reset();
    }
    this.current = next;
    this.index = opened.index;
    this.backupFailure = null;
    if (old.path !== next.path) {
      oldIndex.vocabulary.stop();
      old.close((message) => this.log.warn(message));
    }
    if (this.options.remember !== false) this.settings.remember(next.path, projectId(next.db));
    this.afterOpen(opened);
    return this.info();
  }

  async getProject(): Promise<ProjectInfo> {
    return this.info();
  }

  async openProject({ path: file }: Input<'openProject'>): Promise<ProjectInfo> {
    const resolved = path.resolve(file);
    if (resolved === this.current.path) return this.info();
    return this.switchTo(this.load(resolved, false, this.settings.read().backupsKept));
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
    const restored = this.load(dest, false, this.settings.read().backupsKept);
    renewProjectId(restored.project.db);
    return this.switchTo(restored);
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
    return this.switchTo(this.load(resolved, true, this.settings.read().backupsKept));
  }

  /** Writes a prepared file (inside the caller's transaction): the source, its passages and its claims, all or nothing. */
  private store(fileName: string, { source, warnings, claims, prints, images }: Prepared, terms?: readonly string[]): ImportOutcome {
    // An image already in the project is found by its own hash, even merged into another source.
    const existing =
      this.current.sources.findByHash(source.hash) ??
      (images ? (new ImageStore(this.current.db).holding(images.map((i) => i.sha256)) ?? undefined) : undefined);
    if (existing !== undefined) {
      return { fileName, status: 'duplicate', source: this.current.sources.summary(existing), warnings };
    }
    const id = this.current.db.transaction(() => {
      const inserted = this.current.sources.insert(source, { terms, prints });
      this.current.claims.add(inserted, claims);
      if (images) {
        const store = new ImageStore(this.current.db);
        store.addImages(inserted, images);
        store.setState(inserted, this.options.ocr === false ? 'skipped' : 'pending');
      }
      return inserted;
    })();
    return { fileName, status: 'imported', source: this.current.sources.summary(id), warnings };
  }

  /**
   * Writes a batch of prepared files in one transaction (one sync to disk), each inside its
   * own savepoint so that a file that fails adds nothing and the others are kept; then the
   * search index and the typo vocabulary learn the new texts.
   */
  private commitBatch(batch: Ready[]): ImportOutcome[] {
    const outcomes: ImportOutcome[] = this.write(() =>
      batch.map((b) => {
        try {
          // A savepoint each: a file that fails drops only its own changes (and publishes nothing).
          return this.current.write(() => this.store(b.fileName, b.prepared, b.terms));
        } catch (err) {
          // A full disk or a read-only file ends the whole batch (SQLite may have rolled the
          // transaction back already): the batch fails with the real cause, nothing of it kept.
          if (storageProblem(err) || !this.current.db.inTransaction) throw err;
          return { fileName: b.fileName, status: 'failed', error: errorOf(err, b.fileName) } satisfies ImportOutcome;
        }
      }),
    );
    // Search and the typo vocabulary follow the committed sources (the Project publishes them).
    // Photographs and scans are read in the background once they are in.
    const store = new ImageStore(this.current.db);
    const toRead = outcomes.flatMap((o) => (o.status === 'imported' && store.state(o.source.id)?.state === 'pending' ? [o.source.id] : []));
    if (toRead.length) this.ocrs.add(toRead);
    return outcomes;
  }

  /** The recognition languages: English built in, others added to the app's home. */
  private get ocrLanguages(): OcrLanguages {
    return new OcrLanguages(this.options.home);
  }

  /** Text recognition of image sources, one at a time, in the background (made when first needed). */
  private get ocrs(): OcrQueue {
    return (this.ocrQueue ??= new OcrQueue({
      project: () => this.current,
      log: (message) => this.log.error(message),
      lang: this.options.ocrLang,
      langPath: this.options.ocrLangPath,
      // A model folder given (tests, the CLI's option) is read as it is; else the built-in and added languages.
      ...(this.options.ocrLangPath ? {} : { languages: this.ocrLanguages }),
      onProgress: this.options.onOcrProgress,
    }));
  }

  private preparePool(): PreparePool {
    return (this.pool ??= new PreparePool());
  }

  /** The import pipeline over these files, writing to the project open now. */
  private runPipeline(tasks: Parameters<typeof runImport>[0], options: ImportRunOptions = {}) {
    const pool = this.preparePool();
    // One small file is read here: starting a worker for it would cost more than it saves.
    // Not a PDF: a small one may be a scan, whose pages are drawn (seconds of work) in a worker.
    const only = tasks.length === 1 ? tasks[0]! : undefined;
    const alone =
      only !== undefined &&
      !('images' in only) &&
      extensionOf(only.label) !== '.pdf' &&
      ('bytes' in only ? only.bytes.byteLength : fileSize(only.file)) < ONE_FILE_IN_THREAD;
    const batch = this.options.importBatch;
    const stop = this.importStop.signal;
    const signal = options.signal ? AbortSignal.any([options.signal, stop]) : stop;
    const run = pool.session(signal);
    return runImport(tasks, {
      batchFiles: batch?.files,
      batchBytes: batch?.bytes,
      batchMs: batch?.ms,
      ...options,
      signal,
      prepare: async (task) => {
        const result = await run(task, alone);
        if (result.ok && result.logged) this.log.error(result.logged);
        return result;
      },
      sink: {
        commit: (batch) => this.commitBatch(batch),
        // Waiting for another program gave up: the files after this batch would wait as long again.
        failed: (err, fileName) => ({
          outcome: {
            fileName,
            status: 'failed',
            error: err instanceof ApiError && err.code === 'project_busy' ? err.toJSON() : errorOf(err, fileName),
          },
          stop: err instanceof ApiError && err.code === 'project_busy',
        }),
      },
    });
  }

  async importFile({ name, bytes }: Input<'importFile'>): Promise<ImportOutcome> {
    const { outcomes } = await this.runPipeline([{ label: name, bytes }]);
    return outcomes[0] ?? { fileName: name, status: 'failed', error: { code: 'internal', message: `${name} was not imported` } };
  }

  /**
   * Files and folders, run through the import pipeline and waited for, outside the contract:
   * the benchmark's and the tests' import (with their own progress and batch options). A
   * folder's files are named from the folder's parent; unsupported ones are failed outcomes.
   */
  async importAll(targets: string[], options: ImportRunOptions = {}): Promise<ImportOutcome[]> {
    const { tasks, missing } = listTargets(targets);
    const { outcomes } = await this.runPipeline(tasks, options);
    return [...missing, ...outcomes];
  }

  /** A file, or every supported file in a folder and its subfolders (hidden ones skipped), waited for. */
  async importPath({ path: target }: Input<'importPath'>): Promise<ImportOutcome[]> {
    const { tasks, missing } = listTargets([target], { relativeToFolder: true });
    if (missing.length) throw new ApiError('not_found', `${target}: no such file or folder`);
    return (await this.runPipeline(tasks)).outcomes;
  }

  /**
   * Starts an import job over files and folders and answers at once; `importProgress`
   * follows it and `cancelImport` stops it. Files of kinds Sourcebench does not read are
   * left out of folders (and counted as skipped); a file named on its own is tried. A
   * folder's files are named from the folder's parent (`letters/1901.txt`).
   */
  async importPaths({ paths, groupImages }: Input<'importPaths'>): Promise<ImportProgress> {
    return this.startJob(() => {
      const listed = listTargets(paths, { skipUnsupported: true });
      return groupImages ? { ...listed, tasks: groupImageTasks(listed.tasks) } : listed;
    }, paths.join(', '));
  }

  /**
   * Starts an import job over files given as bytes (browser mode: the browser holds the
   * files, not their paths), run exactly as `importPaths` runs paths: the same pipeline,
   * batches, progress, `importProgress` and `cancelImport`. Each file is tried, in order.
   */
  async importFiles({ files, groupImages }: Input<'importFiles'>): Promise<ImportProgress> {
    const each = files.map(({ name, bytes }) => ({ label: name, bytes }));
    const tasks = groupImages ? groupImageTasks(each) : each;
    return this.startJob(() => ({ tasks, missing: [], skipped: [] }), files.map((f) => f.name).join(', '));
  }

  /** Queues an import job over what `list` gives (listed when the job begins) and answers with its first progress. */
  private startJob(list: () => Listed, what: string): ImportProgress {
    const id = this.nextJob++;
    const controller = new AbortController();
    const job: ImportJob = {
      progress: {
        job: id,
        state: 'running',
        total: 0,
        done: 0,
        imported: 0,
        duplicates: 0,
        failed: 0,
        skipped: 0,
        bytes: 0,
        passages: 0,
        batches: 0,
        current: null,
      },
      results: [],
      controller,
      finished: Promise.resolve(),
      started: false,
      listeners: new Set(),
    };
    const changed = () => {
      for (const tell of [...job.listeners]) tell();
    };
    const run = async () => {
      if (controller.signal.aborted) return;
      job.started = true;
      const { tasks, missing, skipped } = list();
      Object.assign(job.progress, { total: tasks.length + missing.length, skipped: skipped.length, failed: missing.length, done: missing.length });
      job.results.push(...missing);
      changed();
      await this.runPipeline(tasks, {
        signal: controller.signal,
        onProgress: (e) => {
          const { results, finished, ...counts } = e;
          Object.assign(job.progress, {
            ...counts,
            total: counts.total + missing.length,
            done: counts.done + missing.length,
            failed: counts.failed + missing.length,
          });
          job.results.push(...results);
          if (finished) job.progress.state = finished;
          changed();
        },
      });
    };
    job.finished = this.jobQueue.then(run).then(
      () => {
        if (job.progress.state === 'running') job.progress.state = controller.signal.aborted ? 'cancelled' : 'done';
        job.progress.current = null;
        changed();
      },
      (err: Error) => {
        // Listing a folder failed (it cannot be read): said as the job's last outcome.
        job.results.push({ fileName: what, status: 'failed', error: errorOf(err, what) });
        Object.assign(job.progress, { state: 'done', current: null, failed: job.progress.failed + 1 });
        changed();
      },
    );
    this.jobQueue = job.finished;
    this.jobs.set(id, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= KEEP_JOBS) break;
      if (this.jobs.get(old)!.progress.state !== 'running') this.jobs.delete(old);
    }
    return this.progressOf(job, 0);
  }

  private progressOf(job: ImportJob, after: number): ImportProgress {
    return { ...job.progress, results: job.results.slice(after), next: job.results.length };
  }

  private job(id: number): ImportJob {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError('not_found', `There is no import job ${id} (it finished long ago, or Sourcebench was restarted)`);
    return job;
  }

  async importProgress({ job: id, after }: Input<'importProgress'>): Promise<ImportProgress> {
    const job = this.job(id);
    const since = Math.min(after ?? 0, job.results.length);
    if (after !== undefined && job.progress.state === 'running' && job.results.length === since) {
      // A long poll: answer at the next change, or after a second without one.
      await nextChange(job.listeners);
    }
    return this.progressOf(job, since);
  }

  async cancelImport({ job: id }: Input<'cancelImport'>): Promise<ImportProgress> {
    const job = this.job(id);
    job.controller.abort();
    // A job still waiting for the one before it stops at once; a running one before its next write.
    if (job.started) await job.finished;
    else if (job.progress.state === 'running') {
      job.progress.state = 'cancelled';
      for (const tell of [...job.listeners]) tell();
    }
    return this.progressOf(job, job.results.length);
  }

  /** Stops every import before its next write (the project is closing or changing). */
  private stopImports(): void {
    this.reuseJobs.stopAll();
    for (const job of this.jobs.values()) job.controller.abort();
    this.importStop.abort();
    this.importStop = new AbortController();
  }

  async loadSamples(): Promise<ImportOutcome[]> {
    return this.importPath({ path: path.join(resourcesDir(), 'samples') });
  }

  async listSources() {
    return this.current.sources.list();
  }

  async listNewestSources({ limit }: Input<'listNewestSources'>) {
    return this.current.sources.newest(limit);
  }

  async getSourceSummaries({ ids }: Input<'getSourceSummaries'>) {
    return this.current.sources.summaries(ids);
  }

  async getSource({ id, first }: Input<'getSource'>) {
    const detail = this.current.sources.detail(id, first);
    if (detail.format !== 'image') return detail;
    const store = new ImageStore(this.current.db);
    const ocr = store.state(id) ?? { state: 'skipped' as const, error: null };
    const lang = store.lang(id);
    return { ...detail, image: { pages: store.pages(id), ocr: { ...ocr, ...(lang ? { lang } : {}), ...this.ocrs.progressOf(id) } } };
  }

  /** One page image of a photographed or scanned source, as imported. */
  async getPageImage({ id, page }: Input<'getPageImage'>) {
    return new ImageStore(this.current.db).image(id, page);
  }

  /** The recognised words of an image source that still stand in its text, with their boxes and confidence. */
  async getOcrWords({ id }: Input<'getOcrWords'>) {
    this.current.sources.summary(id);
    return new ImageStore(this.current.db).words(id);
  }

  /** Recognises an image source's text (again) in the background; its current text is replaced when it is done. */
  async startOcr({ id, lang }: Input<'startOcr'>) {
    const { format, title } = this.current.sources.detail(id);
    if (format !== 'image') throw new ApiError('invalid_request', `${title} is not a photograph or scan: it has no images to read`);
    const chosen = lang === undefined ? null : this.ocrLanguages.parse(lang).join('+');
    const store = new ImageStore(this.current.db);
    this.write(() => {
      if (chosen) store.setLang(id, chosen);
      store.setState(id, 'pending');
    });
    this.ocrs.add([id]);
    return this.getSource({ id });
  }

  /** The languages text recognition can read (English built in; added ones in the app's home, ocr/languages.ts). */
  async listOcrLanguages() {
    return { folder: this.ocrLanguages.folder, languages: this.ocrLanguages.list() };
  }

  /** Adds a recognition language from its `.traineddata` file, refused with its name when it is not one. */
  async addOcrLanguage({ name, bytes }: Input<'addOcrLanguage'>) {
    return this.ocrLanguages.add(name, bytes);
  }

  /** Stops an image source's text recognition: its state becomes `skipped` (its text may be typed instead). */
  async cancelOcr({ id }: Input<'cancelOcr'>) {
    this.current.sources.summary(id);
    this.ocrs.cancel(id);
    return this.getSource({ id });
  }

  /** Puts an image source's pages in a new order; its transcription, annotations and claims follow (ocr/pages.ts). */
  async setPageOrder({ id, pages }: Input<'setPageOrder'>) {
    const counts = setPageOrder(this.current, id, pages);
    return { source: this.current.sources.summary(id), ...counts };
  }

  /** Makes image sources one, the first keeping its id (ocr/pages.ts); one write. */
  async mergeImageSources({ ids }: Input<'mergeImageSources'>) {
    // One write: the merged-away sources' UUIDs (in links and exports) name the merged source.
    const counts = this.current.write(() => {
      this.current.sources.aliasMerged(ids[0]!, ids.slice(1));
      return mergeImageSources(this.current, ids);
    });
    return { source: this.current.sources.summary(ids[0]!), ...counts };
  }

  /** Resolves when no text recognition is queued or running (tests, the CLI). */
  async ocrIdle(): Promise<void> {
    await this.ocrs.idle();
  }

  /**
   * A source's metadata: `csl` replaces its citation item; `title`, `author`, `date` and
   * `origin` (the older form) change that item's title, authors, date issued and URL or
   * archive reference. The columns the library shows follow the item.
   */
  async updateSource(input: Input<'updateSource'>) {
    const { id, tags, csl: given, ...legacy } = input;
    const touched = given !== undefined || Object.values(legacy).some((v) => v !== undefined);
    let csl: CslItem | undefined;
    if (touched) {
      csl = given ? storedCsl(given) : this.current.sources.csl(id);
      if (legacy.title !== undefined) csl.title = legacy.title;
      if (legacy.author !== undefined) {
        const names = parseNames(legacy.author?.trim() || null);
        if (names.author.length) csl.author = names.author;
        else delete csl.author;
        if (names.editor.length) csl.editor = names.editor;
      }
      if (legacy.date !== undefined) {
        const date = legacy.date?.trim() ?? '';
        if (date === '') delete csl.issued;
        else {
          const problem = edtfProblem(date);
          if (problem) throw new ApiError('invalid_request', problem);
          csl.issued = date;
        }
      }
      if (legacy.origin !== undefined) {
        const origin = legacy.origin?.trim() ?? '';
        delete csl.URL;
        // A non-web origin is the whole archival reference: it replaces the archive's fields.
        const clearArchive = () => {
          for (const f of ['archive', 'archive-place', 'archive_collection', 'archive_location', ...ARCHIVE_PARTS] as const) delete csl![f];
        };
        if (!origin) clearArchive();
        else if (isHttpUrl(origin)) csl.URL = origin;
        else {
          clearArchive();
          csl.archive_location = origin;
        }
      }
    }
    return this.write(() => this.current.sources.update(id, { ...(csl ? { csl } : {}), ...(tags !== undefined ? { tags } : {}) }));
  }

  /**
   * A reference manager's file read and matched to the project's sources (by DOI, URL, then
   * title): nothing is written. A file that cannot be read is refused with
   * invalid_request, naming it and the problem.
   */
  async readReferences({ name, bytes }: Input<'readReferences'>) {
    let items: CiteInput[];
    try {
      items = parseReferences(decodeBytes(name, bytes).text, name);
    } catch (err) {
      if (err instanceof ReferenceParseError) throw new ApiError('invalid_request', err.message);
      if (err instanceof ApiError) throw new ApiError('invalid_request', err.message.startsWith(name) ? err.message : `${name}: ${err.message}`);
      throw new ApiError('invalid_request', `${name}: could not be read as references: ${(err as Error).message}`);
    }
    const keys = this.current.sources.matchKeys();
    const matches = matchReferences(
      items,
      keys.map((k) => ({ id: String(k.id), title: k.title, url: k.url, doi: k.doi })),
    );
    const out: ReferenceItem[] = items.map((item, index) => {
      const { csl, dropped } = referenceToCsl(item);
      const m = matches[index]!;
      const authors = namesText(csl.author) ?? (csl.editor?.length ? `${namesText(csl.editor)} (ed.)` : '');
      return {
        index,
        csl,
        title: referenceTitle(item, csl),
        authors,
        year: /^-?\d{4}/.exec(csl.issued ?? '')?.[0] ?? null,
        match: { sourceId: m.sourceId === null ? null : Number(m.sourceId), how: m.how, sure: m.sure },
        dropped,
      };
    });
    return { items: out };
  }

  /**
   * References applied, all in one transaction: an item with a source is merged into that
   * source's metadata (the reference's values win; what it lacks, the source keeps), and
   * the columns follow, as with updateSource; an item without one becomes an empty source
   * (no text, no passages) to attach a file to later with replaceSourceText. Every item is
   * checked first; a refusal names the item and nothing is written.
   */
  async applyReferences({ items }: Input<'applyReferences'>) {
    const { sources } = this.current;
    const name = (i: number, title: string | undefined) => `reference ${i + 1}${title?.trim() ? ` (“${title.trim().slice(0, 120)}”)` : ''}`;
    const seen = new Map<number, number>();
    const plan = items.map((item, i) => {
      let given: CslItem;
      try {
        given = storedCsl({ ...item.csl, title: item.csl.title ?? '' });
      } catch (err) {
        throw new ApiError('invalid_request', `${name(i, item.csl.title)}: ${(err as Error).message}; nothing was changed`);
      }
      if (item.sourceId === null) {
        const title = given.title || 'Untitled reference';
        return { i, sourceId: null, csl: { ...given, title } };
      }
      const earlier = seen.get(item.sourceId);
      if (earlier !== undefined) {
        throw new ApiError(
          'invalid_request',
          `${name(earlier, items[earlier]!.csl.title)} and ${name(i, item.csl.title)} are both given to source #${item.sourceId}; choose one; nothing was changed`,
        );
      }
      seen.set(item.sourceId, i);
      let own: CslItem;
      try {
        own = sources.csl(item.sourceId);
      } catch {
        throw new ApiError(
          'not_found',
          `${name(i, item.csl.title)}: there is no source with id ${item.sourceId} in this project; nothing was changed`,
        );
      }
      // The reference's values win; what it has no value for, the source keeps (its URL, the day it was read, its title).
      const merged: CslItem = { ...own, ...given };
      if (!given.title) merged.title = own.title;
      // "Document" is what an item is called when its kind is not said (BibTeX's @misc): the source's own kind is kept.
      if (given.type === 'document') merged.type = own.type;
      // The same address written otherwise (http for https, www., tracking parameters): the source's own is kept.
      if (own.URL && given.URL && normaliseUrl(own.URL) === normaliseUrl(given.URL)) merged.URL = own.URL;
      if (!merged.title) delete merged.title;
      return { i, sourceId: item.sourceId, csl: merged };
    });
    return this.write(() => {
      const updated: number[] = [];
      const created: number[] = [];
      for (const p of plan) {
        if (p.sourceId !== null) {
          sources.update(p.sourceId, { csl: p.csl });
          updated.push(p.sourceId);
        } else {
          created.push(
            sources.insert({
              csl: p.csl,
              title: p.csl.title ?? 'Untitled reference',
              author: null,
              date: null,
              origin: null,
              kind: 'text',
              format: 'reference',
              language: p.csl.language ?? null,
              fileName: null,
              encoding: 'utf-8',
              // No file yet: a hash of its own, so that empty sources never collide (the file's replaces it).
              hash: `reference:${randomUUID()}`,
              text: '',
              bytes: 0,
              tags: [],
              meta: { fromReference: true },
              passages: [],
            }),
          );
        }
      }
      return { updated, created };
    });
  }

  /**
   * The chosen fields set on every source listed, in one transaction, every other field of
   * each item kept (src/shared/archival.ts applyShared). Every source is looked up first: one
   * that is not there is named and nothing is written; a write that fails rolls back whole.
   */
  async applyMetadata({ ids, values }: Input<'applyMetadata'>) {
    const { sources } = this.current;
    const plan = ids.map((id) => {
      let own: CslItem;
      try {
        own = sources.csl(id);
      } catch {
        throw new ApiError('not_found', `There is no source with id ${id} in this project; nothing was changed`);
      }
      return { id, csl: applyShared(own, values) };
    });
    return this.write(() => {
      for (const p of plan) sources.update(p.id, { csl: p.csl });
      return { updated: ids };
    });
  }

  async listTemplates() {
    return this.current.templates.list();
  }

  async saveTemplate(input: Input<'saveTemplate'>) {
    return this.write(() => this.current.templates.save(input));
  }

  async deleteTemplate({ id }: Input<'deleteTemplate'>) {
    this.write(() => this.current.templates.delete(id));
    return { deleted: id };
  }

  /** An item (the metadata dialog's, unsaved) cited in the project's style: a first note or in-text citation, and a bibliography entry. */
  async previewCitation({ csl }: Input<'previewCitation'>) {
    const item = storedCsl({ ...csl, title: csl.title ?? '' });
    const style = this.citationStyle();
    const [note, bibliography] = await Promise.all([
      this.citations.citation(item, { style, mode: style.class === 'note' ? 'note' : 'in-text' }),
      this.citations.citation(item, { style, mode: 'bibliography' }),
    ]);
    return { style: style.title, note: note.text.trim(), bibliography: bibliography.text.trim() };
  }

  async deleteSource({ id }: Input<'deleteSource'>) {
    this.ocrs.cancel(id);
    this.write(() => this.current.sources.delete(id));
    return { deleted: id };
  }

  async listTags() {
    return this.current.sources.tags();
  }

  async search({ complete, ...input }: Input<'search'>) {
    if (complete) await this.whenSearchReady();
    return this.index.search(input);
  }

  async listAnnotations({ sourceId }: Input<'listAnnotations'>) {
    if (sourceId !== undefined) this.current.sources.summary(sourceId);
    return this.current.annotations.list(sourceId);
  }

  async createAnnotation({ sourceId, start, end, colour, tags }: Input<'createAnnotation'>) {
    return this.write(() => this.current.annotations.create(sourceId, this.current.sources.text(sourceId), start, end, colour, tags));
  }

  /** A region of a page image annotated: refused, naming the source and page, when it has no size or leaves the page. */
  async createRegionAnnotation({ sourceId, page, x, y, w, h, colour, tags }: Input<'createRegionAnnotation'>) {
    const { title } = this.current.sources.summary(sourceId);
    const pages = new ImageStore(this.current.db).pages(sourceId);
    if (!pages.length) throw new ApiError('invalid_request', `${title} has no page images: regions are marked on photographs and scans`);
    const info = pages.find((p) => p.page === page);
    if (!info) throw new ApiError('invalid_request', `${title} has no page ${page} (it has ${pages.length})`);
    const problem = regionProblem({ x, y, w, h }, info.width, info.height);
    if (problem) throw new ApiError('invalid_request', `The region on page ${page} of ${title} ${problem}`);
    return this.write(() => this.current.annotations.createRegion(sourceId, { page, x, y, w, h }, colour, tags));
  }

  async updateAnnotation({ id, ...patch }: Input<'updateAnnotation'>) {
    return this.write(() => this.current.annotations.update(id, patch));
  }

  async deleteAnnotation({ id }: Input<'deleteAnnotation'>) {
    this.write(() => this.current.annotations.delete(id));
    return { deleted: id };
  }

  async restoreAnnotation({ id }: Input<'restoreAnnotation'>) {
    return this.write(() => this.current.annotations.restore(id));
  }

  async reattachAnnotation({ id, start, end }: Input<'reattachAnnotation'>) {
    const a = this.current.annotations.get(id);
    return this.write(() => this.current.annotations.reattach(id, this.current.sources.text(a.sourceId), start, end));
  }

  /**
   * Replaces a source's text with a corrected version of the same kind of file; its
   * annotations are anchored again by their quotes. One transaction: on any failure the
   * source, its passages and its annotations stay as they were.
   */
  async replaceSourceText({ id, name, bytes }: Input<'replaceSourceText'>) {
    const { sources, annotations } = this.current;
    const before = sources.detail(id);
    // A scan's pages are not drawn here: a corrected text must have text.
    const { source } = await readSource(name, bytes, { renderScans: false });
    if ((source.meta as { pdf?: { textLayer?: boolean } }).pdf?.textLayer === false) {
      throw new ApiError(
        'invalid_request',
        `${name} has no text layer (it is a scan): a corrected text must have text; import the scan as a source of its own to have it read by text recognition`,
      );
    }
    // A plain-text or Markdown file corrected by another keeps the reading chosen for it ("Read as").
    const textual = (f: string | undefined) => f === 'txt' || f === 'md';
    if (textual(before.format) && textual(source.format) && (before.kind === 'text' || before.kind === 'markdown') && source.kind !== before.kind) {
      source.kind = before.kind;
      source.passages = passagesAs(before.kind, source.text);
    }
    if (before.format === 'image') {
      if (source.format === 'image') throw new ApiError('invalid_request', `${name}: a corrected transcription is a text file (.txt), not an image`);
      // Unchanged words keep their boxes: the changes are found by a character diff.
      return this.replaceTranscription(id, source.text, (oldText, words) => remapWords(oldText, source.text, words));
    }
    const counts = this.write(() => {
      sources.replaceText(id, source);
      this.current.claims.refresh(id, source.text);
      return annotations.reanchor(id, source.text);
    });
    return { source: sources.summary(id), ...counts };
  }

  /**
   * Corrects a photographed or scanned source's transcription in place (a word, a selection, or
   * the whole text typed by hand): the same path as a corrected file, with the change known
   * exactly, so the words typed take the boxes of the words they replace and are trusted.
   */
  async correctSourceText({ id, start, end, text, expected }: Input<'correctSourceText'>) {
    const { format, title } = this.current.sources.detail(id);
    if (format !== 'image') {
      throw new ApiError('invalid_request', `${title} is not a photograph or scan: correct its text with Replace text… and a corrected file`);
    }
    const old = this.current.sources.text(id);
    if (end > old.length)
      throw new ApiError('invalid_request', `${title}: offsets ${start}–${end} are past the end of its text (${old.length} characters)`);
    if (old.slice(start, end) !== expected) {
      throw new ApiError(
        'invalid_request',
        `${title}: its text changed since it was shown (“${expected}” is no longer at ${start}); nothing was written`,
      );
    }
    const typed = normalise(text);
    const next = old.slice(0, start) + typed + old.slice(end);
    if (!next.trim()) throw new ApiError('invalid_request', `${title}: a transcription cannot be left empty`);
    return this.replaceTranscription(id, next, (_, words) => correctWords(old, words, start, end, typed));
  }

  /**
   * A transcription replaced (a corrected file or a correction in place): the source stays the
   * images' (named by them), its text is the new one, its passages are its paragraphs, each on
   * the page of the passage it replaces, and its words are `words` says. One transaction, with
   * claims refreshed and annotations anchored again; recognition under way is stopped.
   */
  private replaceTranscription(id: number, text: string, words: (oldText: string, old: OcrWordBox[]) => OcrWordBox[]) {
    const { sources, annotations } = this.current;
    const image = new ImageStore(this.current.db);
    const detail = sources.detail(id);
    const oldText = sources.text(id);
    this.ocrs.cancel(id);
    // The languages it is read in stay with it.
    const source = transcriptionSource(
      detail,
      image.lang(id),
      text,
      transcriptionPassages(text, oldText, detail.passageList),
      image.pages(id).length,
    );
    const counts = this.write(() => {
      sources.replaceText(id, source);
      this.current.claims.refresh(id, text);
      image.setWords(id, words(oldText, image.words(id)));
      if (image.state(id)?.state !== 'done') image.setState(id, 'skipped', 'typed by hand');
      return annotations.reanchor(id, text);
    });
    return { source: sources.summary(id), ...counts };
  }

  /**
   * "Read as": a plain-text or Markdown file's stored text read the other way. The text
   * stays as it is; its passages are made again, and annotations and claims are anchored
   * again as after a correction. One transaction.
   */
  async setReadAs({ id, as }: Input<'setReadAs'>) {
    const { sources, annotations } = this.current;
    const { format, title } = sources.detail(id);
    if (format === 'reference') throw new ApiError('invalid_request', `${title} has no text yet: attach a file to it (Replace text…) first`);
    if (format !== 'txt' && format !== 'md') {
      throw new ApiError(
        'invalid_request',
        `${title} comes from a ${format.toUpperCase()} file: only plain-text and Markdown files can be read either way`,
      );
    }
    const text = sources.text(id);
    const spans = passagesAs(as, text);
    if (!spans.length) throw new ApiError('empty_file', `${title} has no readable text as ${as === 'markdown' ? 'Markdown' : 'plain text'}`);
    const counts = this.write(() => {
      sources.repassage(id, as === 'markdown' ? 'markdown' : 'text', text, spans);
      this.current.claims.refresh(id, text);
      return annotations.reanchor(id, text);
    });
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
      if (!taggedSources.has(id))
        taggedSources.set(
          id,
          sources.summary(id).tags.some((t) => t.toLowerCase() === tag),
        );
      return taggedSources.get(id)!;
    };
    for (const a of all) {
      if (tag && !a.tags.some((t) => t.toLowerCase() === tag) && !sourceHasTag(a.sourceId)) continue;
      bySource.set(a.sourceId, [...(bySource.get(a.sourceId) ?? []), a]);
    }
    const ids = filter.sourceId !== undefined ? [filter.sourceId] : [...bySource.keys()];
    return ids.map((sourceId) => {
      const detail = sources.detail(sourceId);
      const images = new ImageStore(this.current.db);
      const crop = pageCropper(
        (page) => images.image(sourceId, page),
        (page) => `Page ${page} of ${detail.title}`,
      );
      return { source: detail, passages: detail.passageList, text: sources.text(sourceId), annotations: bySource.get(sourceId) ?? [], crop };
    });
  }

  async exportMarkdown({ sourceId, tag, perSource, style, citations }: Input<'exportMarkdown'>) {
    await loadCropDecoders();
    const items = this.exportItems({ sourceId, tag });
    const exported = new Date().toISOString();
    const project = { id: projectId(this.current.db), path: this.current.path };
    const cite = { style: this.citationStyle(style), pandoc: citations === 'pandoc' };
    if (perSource) return markdownPerSource(items, project, exported, cite);
    const title = tag ? `Notes tagged ${tag}` : `Notes from ${path.basename(this.current.path, PROJECT_EXTENSION)}`;
    return markdownSingle(items, project, exported, title, cite);
  }

  /** A style for citations: the one asked for, else the project's; the project's own `.csl` file for 'custom'. */
  private citationStyle(choice?: StyleChoice): CslStyle {
    const chosen = choice ?? (this.readMeta('citation_style') as StyleChoice | null) ?? DEFAULT_STYLE;
    if (chosen === 'custom') {
      const xml = this.readMeta('citation_style_xml');
      if (!xml) throw new ApiError('invalid_request', 'This project has no style of its own: add a .csl file first');
      return loadStyle(xml, "The project's own style");
    }
    return builtinStyle(STYLE_CHOICES.includes(chosen) ? (chosen as BuiltinStyleId) : DEFAULT_STYLE);
  }

  private readMeta(key: string): string | null {
    return (this.current.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  async getCitationSettings(): Promise<CitationSettings> {
    const xml = this.readMeta('citation_style_xml');
    let custom: CitationSettings['custom'] = null;
    if (xml) {
      try {
        custom = { title: loadStyle(xml).title };
      } catch {
        custom = null;
      }
    }
    const style = (this.readMeta('citation_style') as StyleChoice | null) ?? DEFAULT_STYLE;
    return {
      style: style === 'custom' && !custom ? DEFAULT_STYLE : style,
      styles: BUILTIN_STYLES.map((s) => ({ id: s.id, title: s.title })),
      custom,
    };
  }

  async setCitationStyle({ style, csl }: Input<'setCitationStyle'>): Promise<CitationSettings> {
    let xml: string | undefined;
    if (csl) {
      try {
        loadStyle(csl.xml, csl.name);
      } catch (err) {
        throw new ApiError(
          'invalid_request',
          err instanceof CslStyleError ? err.message : `${csl.name} could not be read as a CSL style: ${(err as Error).message}`,
        );
      }
      xml = csl.xml;
    }
    if (style === 'custom' && !xml && !this.readMeta('citation_style_xml')) {
      throw new ApiError('invalid_request', 'Choose a .csl file for a style of your own');
    }
    this.write(() => {
      const set = this.current.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      set.run('citation_style', style);
      if (xml) set.run('citation_style_xml', xml);
    });
    return this.getCitationSettings();
  }

  /** What the project file says about itself (the `meta` table: its author, the language of its notes), when it says. */
  private projectMeta(key: 'author' | 'language'): string | null {
    return (this.current.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  async exportAnnotations(_input: Input<'exportAnnotations'>) {
    const list = this.current.annotations.list();
    const sources = new Map(this.current.sources.list().map((s) => [s.id, s]));
    const name = path.basename(this.current.path, PROJECT_EXTENSION);
    // Positions are counted in code points: the texts of the annotated sources are read once each.
    const texts = new Map(
      [...new Set(list.filter((a) => !a.orphaned && !a.region).map((a) => a.sourceId))].map((id) => [id, this.current.sources.text(id)]),
    );
    const images = new ImageStore(this.current.db);
    const imageTypes = new Map(
      [...new Set(list.filter((a) => a.region).map((a) => a.sourceId))].flatMap((id) =>
        images.pages(id).map((p) => [`${id}:${p.page}`, p.mime] as const),
      ),
    );
    const collection = annotationCollection(projectId(this.current.db), list, sources, `Annotations in ${name}`, texts, {
      creator: this.projectMeta('author'),
      language: this.projectMeta('language'),
      imageTypes,
    });
    return { name: `${slug(name) || 'annotations'}.jsonld`, content: `${JSON.stringify(collection, null, 2)}\n` };
  }

  /** A file of W3C Web Annotations onto the project's sources, all or nothing (jsonld-import.ts). */
  async importAnnotations({ name, bytes, sourceId }: Input<'importAnnotations'>) {
    const { sources, annotations } = this.current;
    if (sourceId !== undefined) sources.summary(sourceId);
    const images = new ImageStore(this.current.db);
    const plan = planImport(
      readAnnotationFile(name, bytes),
      importSources(
        sources,
        (uuid) => annotations.hasUuid(uuid),
        (id) => images.pages(id),
      ),
      sourceId,
    );
    const stored = this.write(() =>
      plan.planned.filter((a) => !annotations.hasUuid(a.uuid)).map((a) => ({ orphaned: a.orphaned, plain: annotations.insertImported(a) })),
    );
    const orphaned = stored.filter((a) => a.orphaned).length;
    return {
      imported: stored.length,
      placed: stored.length - orphaned,
      orphaned,
      skipped: plan.skipped,
      duplicates: plan.duplicates + plan.planned.length - stored.length,
    };
  }

  async listClaims({ sourceId, questionId, ids, status, context }: Input<'listClaims'>) {
    if (sourceId !== undefined) this.current.sources.summary(sourceId);
    return this.current.claims.list({ sourceId, questionId, ids, status, context });
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
    return this.write(() =>
      this.current.claims.create(
        sourceId,
        text,
        {
          start,
          end,
          low,
          high,
          measure: given.measure ?? read.measure,
          unit: given.unit ?? read.unit,
          approx: given.approx ?? read.approx,
          event: given.event ?? read.event,
          fromYear: read.fromYear ?? null,
          toYear: read.toYear ?? null,
        },
        questionId ?? null,
      ),
    );
  }

  async updateClaim({ id, ...patch }: Input<'updateClaim'>) {
    return this.write(() => this.current.claims.update(id, patch));
  }

  async listQuestions() {
    return this.current.claims.questions();
  }

  async proposeQuestions() {
    return this.current.claims.proposals();
  }

  async createQuestion({ label, claimIds }: Input<'createQuestion'>) {
    return this.write(() => this.current.claims.createQuestion(label, claimIds));
  }

  async updateQuestion({ id, ...patch }: Input<'updateQuestion'>) {
    return this.write(() => this.current.claims.updateQuestion(id, patch));
  }

  async deleteQuestion({ id }: Input<'deleteQuestion'>) {
    this.write(() => this.current.claims.deleteQuestion(id));
    return { deleted: id };
  }

  async listEvents() {
    return this.current.claims.events();
  }

  /** Renames an event in every claim, in one write (claims found later with the old label get the new one). */
  async renameEvent({ from, to }: Input<'renameEvent'>) {
    return this.write(() => this.current.claims.renameEvent(from, to));
  }

  /** Merges events under one label, in one write. */
  async mergeEvents({ events, into }: Input<'mergeEvents'>) {
    return this.write(() => this.current.claims.mergeEvents(events, into));
  }

  async getEvidence({ questionId }: Input<'getEvidence'>) {
    return this.current.claims.evidence(questionId);
  }

  async exportEvidence({ questionId, format }: Input<'exportEvidence'>) {
    const ids = questionId !== undefined ? [questionId] : this.current.claims.questions().map((q) => q.id);
    const evidence = ids.map((id) => this.current.claims.evidence(id));
    const name = slug(path.basename(this.current.path, PROJECT_EXTENSION)) || 'evidence';
    const base = questionId !== undefined ? slug(evidence[0]!.question.label) || `question-${questionId}` : `${name}-evidence`;
    const id = projectId(this.current.db);
    if (format !== 'csv') return { name: `${base}.md`, content: evidenceMarkdown(evidence, id) };
    // Each source's URL and the day it was read online, where the import found them (meta JSON).
    const refs = new Map(
      (
        this.current.db
          .prepare(
            `SELECT id, origin,
                    CASE WHEN json_valid(meta) THEN json_extract(meta, '$.canonical') END AS canonical,
                    CASE WHEN json_valid(meta) THEN json_extract(meta, '$.accessed') END AS accessed
             FROM source`,
          )
          .all() as { id: number; origin: string | null; canonical: unknown; accessed: unknown }[]
      ).map((r) => [
        r.id,
        {
          url: [r.origin, r.canonical].find((u): u is string => typeof u === 'string' && /^https?:\/\//i.test(u)) ?? null,
          accessed: typeof r.accessed === 'string' ? r.accessed : null,
        },
      ]),
    );
    return { name: `${base}.csv`, content: evidenceCsv(evidence, id, refs) };
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

  async findReuse({ passageId }: Input<'findReuse'>) {
    return findReuse(this.current.db, passageId);
  }

  async reuseReport() {
    const file = this.current.path;
    return this.reuseJobs.start(this.current.db, (err) => this.log.error(`${file}: the reuse report failed: ${err.message}`));
  }

  async reuseReportProgress({ job, wait }: Input<'reuseReportProgress'>) {
    return this.reuseJobs.progress(job, wait);
  }

  async cancelReuseReport({ job }: Input<'cancelReuseReport'>) {
    return this.reuseJobs.cancel(job);
  }

  async exportReuseReport({ job, format }: Input<'exportReuseReport'>) {
    const report = this.reuseJobs.report(job);
    return format === 'csv' ? { name: 'text-reuse.csv', content: reuseCsv(report) } : { name: 'text-reuse.md', content: reuseMarkdown(report) };
  }

  async collateSources({ ids, base }: Input<'collateSources'>) {
    const { sources } = this.current;
    const style = this.citationStyle();
    // Every source read before the first wait: the citations are formatted in another thread.
    const read = ids.map((id) => ({ id, detail: sources.detail(id), text: sources.text(id) }));
    const witnesses = await Promise.all(
      read.map(async ({ id, detail: s, text }) => {
        const item = (s.csl ?? { type: 'document', title: s.title }) as CiteInput;
        const citation = (await this.citations.citation(item, { style, mode: 'bibliography' })).text.trim();
        return { id, title: s.title, citation: citation || s.title, text };
      }),
    );
    return collate(witnesses, base === undefined ? null : ids.indexOf(base));
  }

  async exportCollation({ format, ...input }: Input<'exportCollation'>) {
    const c = await this.collateSources(input);
    const name = `collation-${c.witnesses.map((w) => slug(w.title) || w.siglum).join('--')}`.slice(0, 120);
    const exported = new Date().toISOString();
    return format === 'tei'
      ? { name: `${name}.xml`, content: collationTei(c, exported) }
      : { name: `${name}.md`, content: collationMarkdown(c, exported) };
  }

  /** The source a stable id (UUID) names, in the project open now; null when none does. */
  sourceIdOf(uuid: string): number | null {
    return this.current.sources.idOf(uuid);
  }

  /** The stored claims of a source (as listClaims gives them). */
  claimsOf(sourceId: number) {
    this.current.sources.summary(sourceId);
    return this.current.claims.list({ sourceId });
  }

  /** Resolves when typo tolerance is ready (the vocabulary has loaded). */
  whenSearchReady(): Promise<void> {
    return this.index.vocabulary.build();
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Every file below a folder, hidden ones skipped, in name order. */
export { listFiles };
