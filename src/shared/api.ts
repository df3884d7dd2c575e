/**
 * The one API contract. Every transport (Electron IPC, loopback HTTP, in-process for the
 * CLI and tests) is typed from this table, and main validates each payload against its
 * schema before the service runs. Adding a call: one entry here, one method in the service.
 */
import { z } from 'zod';
import type { OcrLanguage, OcrWordBox } from './types';
import type { MethodName } from './methods';
import { METHOD_NAMES } from './methods';
import { HIGHLIGHT_COLOURS, MAX_NOTE_BYTES } from './notes';
import { MAX_FILE_BYTES, MAX_FILES_PER_REQUEST } from './limits';
import { MEASURES } from './types';
import { MAX_WITNESSES, MIN_WITNESSES } from './limits';
import { CSL_TYPES, isHttpUrl, isIsbn, normaliseDoi } from './csl';
import type { ArchivalField } from './archival';
import { ARCHIVAL_FIELDS } from './archival';
import { STYLE_CHOICES } from './styles';
import type {
  CitationSettings,
  CitationPreview,
  MetadataTemplate,
  Annotation,
  BackupInfo,
  ClaimRecord,
  Collation,
  Comparison,
  EventSummary,
  Evidence,
  Measure,
  ProposedQuestion,
  Question,
  ExportFile,
  AnnotationImport,
  ReplaceTextResult,
  ReferencesApplied,
  ReferencesRead,
  ImportOutcome,
  ImportProgress,
  ProjectInfo,
  SearchResponse,
  SourceDetail,
  SourceSummary,
  TagCount,
  ReuseFound,
  ReuseProgress,
} from './types';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const path = z.string().min(1).max(4096);
const shortText = z.string().max(2000);
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** A transcription typed or corrected in the reader (a long typed document is well under a million characters). */
const MAX_TRANSCRIPTION_CHARS = 2_000_000;

const none = z.object({}).strict();

/** `returns<O>()(schema)`: a method whose payload is checked by `schema` and which resolves to `O`. */
function returns<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

const byId = z.object({ id }).strict();
const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const colour = z.enum(HIGHLIGHT_COLOURS);
/** A coordinate or a length in an image's pixels (whether it fits the page is the service's check, which knows the page). */
const pixel = z.number().int().min(0).max(1_000_000);
const tagList = z.array(z.string().trim().min(1).max(100)).max(200);
const fileName = z.string().min(1).max(1024);
const measure = z.enum(MEASURES as [Measure, ...Measure[]]);
const value = z.number().finite().min(0).max(1e12);
/** A year a claim covers. */
const year = z.number().int().min(-10000).max(10000);
const claimUnit = z.enum(['people', 'percent']);
/** An event's label, as claims carry it. */
const eventLabel = z.string().trim().min(1).max(300);
const fileBytes = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, "expected the file's bytes")
  .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'file too large for one request');
const byPath = z.object({ path }).strict();
/** Files given as bytes, for one import job: at most MAX_FILES_PER_REQUEST, MAX_FILE_BYTES together. */
const filesToImport = z
  .array(z.object({ name: fileName, bytes: fileBytes }).strict())
  .min(1)
  .max(MAX_FILES_PER_REQUEST)
  .refine((files) => files.reduce((n, f) => n + f.bytes.byteLength, 0) <= MAX_FILE_BYTES, {
    message: `over ${MAX_FILE_BYTES / 1048576} MB together: send the files in several requests`,
  });
/** The most paths one `importPaths` job takes. */
export const MAX_IMPORT_PATHS = 10_000;

/** A CSL name: a person's family name (with the given name, if known), or an organisation's (`literal`). */
const cslName = z
  .object({
    family: z.string().trim().max(300).optional(),
    given: z.string().trim().max(300).optional(),
    literal: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((n) => !!n.family !== !!n.literal, {
    message: "a name is a person's (a family name, and a given name if known) or an organisation's, not both and not neither",
  })
  .refine((n) => !(n.literal && n.given), { message: "an organisation's name has no given name" });
const cslText = (max: number) => z.string().trim().max(max).optional();
/** The archival fields (src/shared/archival.ts): archive, its place, collection, series, box, folder, item, place as typed. */
const archivalText = Object.fromEntries(ARCHIVAL_FIELDS.map((f) => [f, cslText(500)])) as Record<ArchivalField, ReturnType<typeof cslText>>;

/**
 * Shared values, as "Apply to selected sources" sets them and a template keeps them: each
 * field chosen is set ('' clears it, except the type, which a source always has); at least one.
 */
export const sharedValues = z
  .object({ type: z.enum(CSL_TYPES).optional(), language: cslText(50), ...archivalText })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'choose at least one field to set' });

/** A template's name: "Fonds 17 / Box 14". */
const templateName = z.string().trim().min(1, 'a template needs a name').max(200);

/**
 * A source's citation metadata (src/shared/csl.ts). An empty string is no value. Dates are
 * checked as EDTF by the service (the rules live with the importers).
 */
export const cslInput = z
  .object({
    type: z.enum(CSL_TYPES),
    title: z.string().trim().min(1, 'a source needs a title').max(2000),
    author: z.array(cslName).max(500).optional(),
    editor: z.array(cslName).max(500).optional(),
    issued: cslText(200),
    accessed: cslText(200),
    'container-title': cslText(2000),
    publisher: cslText(500),
    'publisher-place': cslText(300),
    page: cslText(100),
    volume: cslText(100),
    issue: cslText(100),
    URL: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => v === '' || isHttpUrl(v), { message: 'must be a web address starting http:// or https://' })
      .optional(),
    DOI: z
      .string()
      .trim()
      .max(300)
      .refine((v) => v === '' || !!normaliseDoi(v), {
        message: 'is not a DOI: it starts 10. and a registrant number, then a slash (10.1017/S0020859000000213)',
      })
      .optional(),
    ISBN: z
      .string()
      .trim()
      .max(40)
      .refine((v) => v === '' || isIsbn(v), { message: 'is not an ISBN: 10 or 13 digits (hyphens allowed) with a right check digit' })
      .optional(),
    ...archivalText,
    language: cslText(50),
    note: cslText(10_000),
  })
  .strict();

/** A reference manager's item as applied: like a source's item, but its title may be missing (the source keeps its own). */
export const referenceCsl = cslInput.extend({ title: z.string().trim().max(2000).optional() }).strict();

const referenceToApply = z
  .object({
    csl: referenceCsl,
    /** The source the item is the reference of; null to make an empty source from it. */
    sourceId: id.nullable(),
  })
  .strict();
export type ReferenceToApply = z.input<typeof referenceToApply>;

/**
 * The items of an applyReferences call: each checked by `referenceToApply`, and a refusal
 * names the item by its place in the list (from 1) and its title, not by a path alone.
 */
const referencesToApply = z
  .array(z.unknown())
  .min(1, 'no reference to apply')
  .max(10_000)
  .transform((items, ctx) => {
    const out: z.output<typeof referenceToApply>[] = [];
    items.forEach((raw, i) => {
      const parsed = referenceToApply.safeParse(raw);
      if (parsed.success) {
        out.push(parsed.data);
        return;
      }
      const issue = parsed.error.issues[0]!;
      const title = (raw as { csl?: { title?: unknown } } | null)?.csl?.title;
      const named = typeof title === 'string' && title.trim() ? ` (“${title.trim().slice(0, 120)}”)` : '';
      ctx.addIssue({
        code: 'custom',
        input: raw,
        message: `reference ${i + 1}${named}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}; nothing was changed`,
      });
    });
    return out;
  }) as unknown as z.ZodType<z.output<typeof referenceToApply>[], ReferenceToApply[]>;

/** The witnesses of a collation, each once, and the base text among them (none: a parallel view). */
const collation = z
  .object({
    ids: z
      .array(id)
      .min(MIN_WITNESSES, `Choose at least ${MIN_WITNESSES} sources to collate`)
      .max(MAX_WITNESSES, `Choose at most ${MAX_WITNESSES} sources to collate`)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Choose each source once: the same source is listed twice' }),
    base: id.optional(),
  })
  .strict();
const baseAmongThem = (c: { ids: number[]; base?: number | undefined }) => c.base === undefined || c.ids.includes(c.base);
const baseProblem = { message: 'The base text must be one of the sources collated', path: ['base'] };

export const contract = {
  getProject: returns<ProjectInfo>()(none),
  openProject: returns<ProjectInfo>()(byPath),
  createProject: returns<ProjectInfo>()(byPath),
  importFile: returns<ImportOutcome>()(z.object({ name: fileName, bytes: fileBytes }).strict()),
  importPath: returns<ImportOutcome[]>()(byPath),
  /** Files and folders imported as one batched run; a path that does not exist is a failed outcome, not an error. */
  loadSamples: returns<ImportOutcome[]>()(none),
  /** Starts an import job over files and folders (unsupported files in folders are skipped); follow it with importProgress. */
  importPaths: returns<ImportProgress>()(
    z.object({ paths: z.array(path).min(1).max(MAX_IMPORT_PATHS), groupImages: z.boolean().optional() }).strict(),
  ),
  /** Starts an import job over files given as bytes (browser mode), run as importPaths runs; follow it with importProgress. */
  /** `groupImages`: the page images among the files are one source, their pages in file-name order. */
  importFiles: returns<ImportProgress>()(z.object({ files: filesToImport, groupImages: z.boolean().optional() }).strict()),
  /** A job's progress and its outcomes from `after` on; with `after`, waits up to a second for news. */
  importProgress: returns<ImportProgress>()(z.object({ job: id, after: offset.optional() }).strict()),
  /** Stops a job before its next write and resolves once it has stopped: files already reported stay in. */
  cancelImport: returns<ImportProgress>()(z.object({ job: id }).strict()),
  listSources: returns<SourceSummary[]>()(none),
  /**
   * The `limit` sources imported last, in the library's first order (newest first, then by id),
   * and how many the project has: the library's first rows, before the whole list has come.
   */
  listNewestSources: returns<{ sources: SourceSummary[]; total: number }>()(z.object({ limit: z.number().int().min(1).max(500) }).strict()),
  /**
   * The summaries of these sources, in the order given; ids no longer in the project are left
   * out (the library reads again the rows whose text is being recognised).
   */
  getSourceSummaries: returns<SourceSummary[]>()(z.object({ ids: z.array(id).min(1).max(1000) }).strict()),
  /** A source and its passages; with `first`, only its first passages (the reader shows them while the rest come). */
  getSource: returns<SourceDetail>()(z.object({ id, first: z.number().int().min(1).max(100_000).optional() }).strict()),
  updateSource: returns<SourceSummary>()(
    z
      .object({
        id,
        title: z.string().trim().min(1).max(2000).optional(),
        author: shortText.nullable().optional(),
        date: z.string().max(200).nullable().optional(),
        origin: shortText.nullable().optional(),
        tags: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
        /** The whole citation item: replaces the stored one (title, author, date and origin follow it). */
        csl: cslInput.optional(),
      })
      .strict(),
  ),
  deleteSource: returns<{ deleted: number }>()(byId),
  /**
   * The chosen fields set on every source listed, all in one transaction, every other field
   * kept; a source that is not there, or a value that is refused, and nothing is written.
   */
  applyMetadata: returns<{ updated: number[] }>()(
    z
      .object({
        ids: z
          .array(id)
          .min(1, 'choose at least one source')
          .max(10_000)
          .refine((ids) => new Set(ids).size === ids.length, { message: 'a source is listed twice' }),
        values: sharedValues,
      })
      .strict(),
  ),
  /** The project's metadata templates ("Fonds 17 / Box 14"), by name. */
  listTemplates: returns<MetadataTemplate[]>()(none),
  /** A template saved: a new one, or the one `id` names replaced; names are unique (whatever the case). */
  saveTemplate: returns<MetadataTemplate>()(z.object({ id: id.optional(), name: templateName, values: sharedValues }).strict()),
  deleteTemplate: returns<{ deleted: number }>()(byId),
  /** A citation item as the project's style cites it (a first note and a bibliography entry), without storing it. */
  previewCitation: returns<CitationPreview>()(z.object({ csl: referenceCsl }).strict()),
  /** A reference manager's file (BibTeX, RIS, CSL-JSON) read and matched to the sources; nothing is written. */
  readReferences: returns<ReferencesRead>()(z.object({ name: fileName, bytes: fileBytes }).strict()),
  /** References applied in one transaction: each merged into its source's metadata, or made into an empty source (sourceId null). */
  applyReferences: returns<ReferencesApplied>()(z.object({ items: referencesToApply }).strict()),
  listTags: returns<TagCount[]>()(none),
  search: returns<SearchResponse>()(
    z
      .object({
        query: z.string().max(2000),
        limit: z.number().int().min(1).max(500).optional(),
        typing: z.boolean().optional(),
        /** Answer once typo tolerance is ready (its vocabulary loaded), instead of without it while it loads. */
        complete: z.boolean().optional(),
      })
      .strict(),
  ),
  listAnnotations: returns<Annotation[]>()(z.object({ sourceId: id.optional() }).strict()),
  createAnnotation: returns<Annotation>()(
    z
      .object({ sourceId: id, start: offset, end: offset, colour, tags: tagList.optional() })
      .strict()
      .refine((a) => a.end > a.start, { message: 'end must be after start', path: ['end'] }),
  ),
  /**
   * Annotates a region of an image source's page (a stamp, a signature, a marginal note): a
   * rectangle in the stored image's own pixels. One that has no size or leaves the page is refused.
   */
  createRegionAnnotation: returns<Annotation>()(
    z
      .object({
        sourceId: id,
        page: z.number().int().positive().max(100_000),
        x: pixel,
        y: pixel,
        w: pixel,
        h: pixel,
        colour,
        tags: tagList.optional(),
      })
      .strict(),
  ),
  updateAnnotation: returns<Annotation>()(
    z
      .object({
        id,
        body: z.string().max(MAX_NOTE_BYTES).nullable().optional(),
        colour: colour.optional(),
        tags: tagList.optional(),
      })
      .strict(),
  ),
  deleteAnnotation: returns<{ deleted: number }>()(byId),
  restoreAnnotation: returns<Annotation>()(byId),
  reattachAnnotation: returns<Annotation>()(
    z
      .object({ id, start: offset, end: offset })
      .strict()
      .refine((a) => a.end > a.start, { message: 'end must be after start', path: ['end'] }),
  ),
  replaceSourceText: returns<ReplaceTextResult>()(z.object({ id, name: fileName, bytes: fileBytes }).strict()),
  /** Reads a plain-text or Markdown source's stored text as plain text or as Markdown: new passages, the same text. */
  setReadAs: returns<ReplaceTextResult>()(z.object({ id, as: z.enum(['text', 'markdown']) }).strict()),
  /** One page image of a photographed or scanned source, as imported (loaded only when shown). */
  getPageImage: returns<{ bytes: Uint8Array; mime: string }>()(z.object({ id, page: z.number().int().positive().max(100_000) }).strict()),
  /** An image source's recognised words that still stand in its text: offsets, page, box and confidence. */
  getOcrWords: returns<OcrWordBox[]>()(byId),
  /** Recognises an image source's text (again) in the background; `lang`: the languages to read it in (`eng+rus`), kept with the source. */
  startOcr: returns<SourceDetail>()(z.object({ id, lang: z.string().trim().min(3).max(200).optional() }).strict()),
  /** The languages text recognition can read: English, built in, and the `.traineddata` files added (kept in the app's home). */
  listOcrLanguages: returns<{ folder: string; languages: OcrLanguage[] }>()(none),
  /** Adds a language from its Tesseract `.traineddata` file, checked first. */
  addOcrLanguage: returns<OcrLanguage>()(z.object({ name: fileName, bytes: fileBytes }).strict()),
  /** Stops an image source's text recognition; its text may be typed instead. */
  cancelOcr: returns<SourceDetail>()(byId),
  /**
   * Puts an image source's pages in a new order: `pages` lists its page numbers in the new
   * order. The transcription follows (its passages, words, annotations and claims).
   */
  setPageOrder: returns<ReplaceTextResult>()(z.object({ id, pages: z.array(z.number().int().positive().max(100_000)).min(1).max(100_000) }).strict()),
  /**
   * Makes image sources one: the first keeps its id and metadata, the pages of the others
   * follow in the order given, with their text, annotations, claims and tags; the others are deleted.
   */
  mergeImageSources: returns<ReplaceTextResult>()(z.object({ ids: z.array(id).min(2).max(1000) }).strict()),
  /**
   * Corrects a photographed or scanned source's transcription in place: [start, end) of its text
   * becomes `text` (a word, a selection, or, on an empty source, the whole transcription typed by
   * hand). `expected` is the text the historian saw there: if the stored text differs, nothing is
   * written. Annotations and claims are anchored again, as after Replace text….
   */
  correctSourceText: returns<ReplaceTextResult>()(
    z
      .object({ id, start: offset, end: offset, text: z.string().max(MAX_TRANSCRIPTION_CHARS), expected: z.string().max(MAX_TRANSCRIPTION_CHARS) })
      .strict()
      .refine((c) => c.end >= c.start, { message: 'end must not be before start', path: ['end'] })
      .refine((c) => c.expected.length === c.end - c.start, { message: 'expected must be the text between start and end', path: ['expected'] }),
  ),
  exportMarkdown: returns<ExportFile[]>()(
    z
      .object({
        sourceId: id.optional(),
        tag: z.string().trim().min(1).max(100).optional(),
        perSource: z.boolean().optional(),
        /** The citation style (the project's when left out), or Pandoc citations with a CSL-JSON bibliography. */
        style: z.enum(STYLE_CHOICES).optional(),
        citations: z.enum(['style', 'pandoc']).optional(),
      })
      .strict(),
  ),
  getCitationSettings: returns<CitationSettings>()(none),
  /** The project's citation style: a shipped one, or a `.csl` file of the historian's own (checked before it is kept). */
  setCitationStyle: returns<CitationSettings>()(
    z
      .object({
        style: z.enum(STYLE_CHOICES),
        csl: z
          .object({ name: fileName, xml: z.string().max(2_000_000) })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  exportAnnotations: returns<ExportFile>()(z.object({ format: z.literal('jsonld') }).strict()),
  /**
   * W3C Web Annotations (or a Hypothesis export) onto the sources they name or quote, regions of
   * page images onto the page their image link names; `sourceId`: onto this one when the target names none here.
   */
  importAnnotations: returns<AnnotationImport>()(z.object({ name: fileName, bytes: fileBytes, sourceId: id.optional() }).strict()),
  listClaims: returns<ClaimRecord[]>()(
    z
      .object({
        sourceId: id.optional(),
        questionId: id.optional(),
        ids: z.array(id).max(10_000).optional(),
        status: z.enum(['suggested', 'confirmed', 'rejected']).optional(),
        /** Each claim with the sentence around its quote. */
        context: z.boolean().optional(),
      })
      .strict(),
  ),
  createClaim: returns<ClaimRecord>()(
    z
      .object({
        sourceId: id,
        start: offset,
        end: offset,
        // Left out, they are read from the selected words.
        measure: measure.optional(),
        low: value.nullable().optional(),
        high: value.nullable().optional(),
        unit: claimUnit.optional(),
        approx: z.boolean().optional(),
        event: z.string().max(300).optional(),
        questionId: id.nullable().optional(),
      })
      .strict()
      .refine((c) => c.end > c.start, { message: 'end must be after start', path: ['end'] }),
  ),
  updateClaim: returns<ClaimRecord>()(
    z
      .object({
        id,
        status: z.enum(['suggested', 'confirmed', 'rejected']).optional(),
        measure: measure.optional(),
        low: value.nullable().optional(),
        high: value.nullable().optional(),
        unit: claimUnit.optional(),
        approx: z.boolean().optional(),
        event: z.string().max(300).optional(),
        fromYear: year.nullable().optional(),
        toYear: year.nullable().optional(),
        questionId: id.nullable().optional(),
        preferred: z.boolean().optional(),
        preferredReason: z.string().max(2000).optional(),
      })
      .strict(),
  ),
  listQuestions: returns<Question[]>()(none),
  proposeQuestions: returns<ProposedQuestion[]>()(none),
  createQuestion: returns<Question>()(z.object({ label: z.string().trim().min(1).max(300), claimIds: z.array(id).max(10_000).optional() }).strict()),
  updateQuestion: returns<Question>()(
    z.object({ id, label: z.string().trim().min(1).max(300).optional(), notes: z.string().max(20_000).optional() }).strict(),
  ),
  deleteQuestion: returns<{ deleted: number }>()(byId),
  /** The events the claims are about: label, claims, measures, years, aliases. */
  listEvents: returns<EventSummary[]>()(none),
  /** Every claim about `from` gets the label `to`; `from` is remembered as an alias of it. */
  renameEvent: returns<EventSummary>()(z.object({ from: eventLabel, to: eventLabel }).strict()),
  /** Several events become one, under `into` (one of theirs or a new label); their labels are remembered as aliases. */
  mergeEvents: returns<EventSummary>()(z.object({ events: z.array(eventLabel).min(1).max(200), into: eventLabel }).strict()),
  getEvidence: returns<Evidence>()(z.object({ questionId: id }).strict()),
  exportEvidence: returns<ExportFile>()(z.object({ questionId: id.optional(), format: z.enum(['csv', 'markdown']) }).strict()),
  compareSources: returns<Comparison>()(z.object({ a: id, b: id }).strict()),
  exportComparison: returns<ExportFile>()(z.object({ a: id, b: id }).strict()),
  listBackups: returns<{ project: string; backups: BackupInfo[]; keep: number }>()(z.object({ project: path.optional() }).strict()),
  restoreBackup: returns<ProjectInfo>()(z.object({ file: path, project: path.optional() }).strict()),
  setBackupsKept: returns<{ keep: number }>()(z.object({ keep: z.number().int().min(1).max(100) }).strict()),
  /** "Where else does this appear?": passages of other sources sharing runs of words with this one, ranked. */
  findReuse: returns<ReuseFound>()(z.object({ passageId: id }).strict()),
  /** Starts the project-wide reuse report; follow it with reuseReportProgress. */
  reuseReport: returns<ReuseProgress>()(none),
  /** A report's progress (and, once done, the report); with `wait`, waits up to a second for news. */
  reuseReportProgress: returns<ReuseProgress>()(z.object({ job: id, wait: z.boolean().optional() }).strict()),
  /** Stops a report at its next step; resolves once it has stopped. */
  cancelReuseReport: returns<ReuseProgress>()(z.object({ job: id }).strict()),
  exportReuseReport: returns<ExportFile>()(z.object({ job: id, format: z.enum(['csv', 'markdown']) }).strict()),
  /** Several sources (2 to 10 witnesses of one text) aligned word by word, with a base text or none. */
  collateSources: returns<Collation>()(collation.refine(baseAmongThem, baseProblem)),
  /** The collation as TEI P5 (parallel segmentation) or as a Markdown table. */
  exportCollation: returns<ExportFile>()(collation.extend({ format: z.enum(['tei', 'markdown']) }).refine(baseAmongThem, baseProblem)),
} as const;

export type Contract = typeof contract;
export type { MethodName };

// Compile-time check: the contract has exactly the methods METHOD_NAMES lists.
const sameMethods: [keyof Contract] extends [MethodName] ? ([MethodName] extends [keyof Contract] ? true : never) : never = true;
void sameMethods;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M]['output'];

/** The client every view talks to, whatever carries the calls. */
export type SourcebenchApi = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

export const methodNames: readonly MethodName[] = METHOD_NAMES;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
