/**
 * Text recognition in the background, one source at a time, after an import writes it: its
 * state (pending → running → done, failed, or skipped when cancelled) is stored with the
 * source, its progress is kept here, and the recognised text is written through the project's
 * unit of work, so search, claims and annotations follow it as they follow a corrected text.
 */
import type { OcrState } from '../../shared/types';
import type { Span } from '../ingest/text';
import type { Project } from '../project';
import type { OcrResult } from './recognise';
import { OcrCancelled, OcrEngine, PREPROCESSING } from './recognise';
import { ImageStore, transcriptionSource } from './store';
import type { OcrLanguages } from './languages';

export interface OcrQueueOptions {
  /** The open project, asked for each time (it may change). */
  project: () => Project;
  log: (message: string) => void;
  /** Told as recognition progresses: the source, the page being read, the fraction of the source done. */
  onProgress?: (sourceId: number, page: number, progress: number) => void;
  /** The recogniser's language and model folder (the installed English model by default). */
  lang?: string;
  langPath?: string;
  /** The added languages (ocr/languages.ts): a source's chosen languages are loaded from them. */
  languages?: OcrLanguages;
  /** Binarise and deskew each page before it is read (PREPROCESSING; on unless false). */
  preprocessing?: boolean;
}

/** The passages of recognised text: one per paragraph, with its page as locator. */
export function passagesOf(result: OcrResult): Span[] {
  return result.paragraphs.map((p) => ({ start: p.start, end: p.end, kind: 'paragraph', page: p.page, pageLabel: String(p.page) }));
}

export class OcrQueue {
  private readonly waiting: number[] = [];
  private running: { sourceId: number; project: Project; controller: AbortController; page: number; progress: number } | null = null;
  private engine: Promise<OcrEngine> | null = null;
  /** The languages the started engine reads. */
  private engineLang = '';
  private loop: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: OcrQueueOptions) {}

  /** Queues sources for recognition (their state is already `pending`). */
  add(sourceIds: readonly number[]): void {
    for (const id of sourceIds) if (!this.waiting.includes(id) && this.running?.sourceId !== id) this.waiting.push(id);
    this.loop ??= this.drain().finally(() => {
      this.loop = null;
    });
  }

  /** The page being read and the fraction done, for the source being recognised. */
  progressOf(sourceId: number): { page: number; progress: number } | null {
    return this.running?.sourceId === sourceId ? { page: this.running.page, progress: this.running.progress } : null;
  }

  /** Stops a source's recognition (waiting or running): its state becomes `skipped`. */
  cancel(sourceId: number): void {
    const at = this.waiting.indexOf(sourceId);
    if (at >= 0) {
      this.waiting.splice(at, 1);
      this.setState(sourceId, 'skipped', 'cancelled');
    }
    if (this.running?.sourceId === sourceId) this.running.controller.abort();
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  /** Drops what is queued and stops what runs, without a trace in the project (another project opens). */
  reset(): void {
    this.waiting.length = 0;
    this.running?.controller.abort();
  }

  /** Stops everything (the project closes): states stay `pending`, to start again when it opens. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    this.running?.controller.abort();
    await this.idle();
    const engine = this.engine;
    this.engine = null;
    if (engine) await (await engine.catch(() => null))?.close();
  }

  private setState(sourceId: number, state: OcrState, error: string | null = null): void {
    const project = this.options.project();
    project.write(() => new ImageStore(project.db).setState(sourceId, state, error));
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.waiting.length) {
      const sourceId = this.waiting.shift()!;
      const controller = new AbortController();
      const project = this.options.project();
      this.running = { sourceId, project, controller, page: 1, progress: 0 };
      try {
        await this.recogniseOne(sourceId, controller.signal);
      } catch (err) {
        if (this.stopped) break;
        // Another project opened: this one's state stays, to start again when it opens.
        if (this.options.project() !== project) {
          this.engine = null;
          continue;
        }
        if (err instanceof OcrCancelled) {
          // The engine was stopped with the page: the next source starts another.
          this.engine = null;
          this.setState(sourceId, 'skipped', 'cancelled');
        } else {
          const message = err instanceof Error ? err.message : String(err);
          this.options.log(`text recognition of source #${sourceId} failed: ${message}`);
          try {
            this.setState(sourceId, 'failed', message);
          } catch {
            // The source was deleted meanwhile.
          }
        }
      } finally {
        this.running = null;
      }
    }
    if (this.waiting.length === 0 && this.engine && !this.stopped) {
      // Idle: the recogniser's memory (a model and its thread) is given back.
      const engine = this.engine;
      this.engine = null;
      await (await engine.catch(() => null))?.close();
    }
  }

  private async recogniseOne(sourceId: number, signal: AbortSignal): Promise<void> {
    const project = this.options.project();
    const images = new ImageStore(project.db);
    if (images.state(sourceId)?.state !== 'pending') return;
    const pages = images.allImages(sourceId);
    const stored = images.pages(sourceId).map(({ width, height, orientation }) => ({ width, height, orientation }));
    this.setState(sourceId, 'running');
    // The source's languages (eng+rus), else the queue's; the engine is started again for other languages.
    const lang = images.lang(sourceId) ?? this.options.lang ?? 'eng';
    if (this.engine && this.engineLang !== lang) {
      const old = this.engine;
      this.engine = null;
      await (await old.catch(() => null))?.close();
    }
    this.engineLang = lang;
    const languages = this.options.languages;
    this.engine ??= OcrEngine.start(languages ? languages.locate(lang) : { lang, langPath: this.options.langPath });
    const engine = await this.engine;
    const result = await engine.recognise(pages, {
      ...(this.options.preprocessing === false ? {} : PREPROCESSING),
      stored,
      signal,
      onProgress: (page, count, fraction) => {
        if (this.running?.sourceId !== sourceId) return;
        Object.assign(this.running, { page, progress: (page - 1 + fraction) / count });
        this.options.onProgress?.(sourceId, page, this.running.progress);
      },
    });
    if (this.options.project() !== project) return;
    project.write(() => {
      const detail = project.sources.detail(sourceId);
      const passages = passagesOf(result);
      // The images name the source (its hash is theirs): two photographs of one text are two sources.
      project.sources.replaceText(sourceId, transcriptionSource(detail, images.lang(sourceId), result.text, passages, pages.length));
      project.claims.refresh(sourceId, result.text);
      project.annotations.reanchor(sourceId, result.text);
      images.setWords(
        sourceId,
        result.words.map((w) => ({ page: w.page, start: w.start, end: w.end, ...w.box, confidence: w.confidence, trusted: false })),
      );
      images.setState(sourceId, 'done');
    });
  }
}
