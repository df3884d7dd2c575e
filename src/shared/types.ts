/** Domain types shared by main, preload, renderer and CLI. Pure data, no behaviour. */
import type { CslItem } from './csl';

/** How a source's stored text is read and shown: plain text, Markdown, or text taken from markup. */
export type SourceKind = 'text' | 'markdown' | 'html';
/**
 * The kind of file a source was imported from; `reference` for a source made from a
 * reference manager's item, with no file (and no text) yet.
 */
export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'reference' | 'image';
/**
 * What a passage is. `apparatus` is what surrounds a text rather than telling it: image-only
 * lines, link lists, "See also" and reference lists, rules, page furniture.
 */
export type PassageKind = 'paragraph' | 'heading' | 'item' | 'quote' | 'code' | 'table_row' | 'footnote' | 'caption' | 'apparatus';

/** What a passage knows beyond its kind (stored as JSON; every field optional). */
export interface PassageInfo {
  /** A table row's cells, as offsets into the source's text. */
  cells?: [number, number][];
  /** The column headers of a table row's table, as written. */
  headers?: string[];
  /** A footnote's label (`22`, `8`, `*`). */
  note?: string;
  /** Where on its page a PDF passage sits: [x, y, width, height] in PDF points from the top left. */
  box?: [number, number, number, number];
}

export interface SourceSummary {
  id: number;
  /** A stable random id (v4 UUID): what links and exports name the source by, whatever happens to the row. */
  uuid: string;
  title: string;
  author: string | null;
  /** EDTF string, e.g. `1937`, `1937-05`, `1936/1938`, `1938~`. */
  date: string | null;
  /** URL, archive reference or file name the text came from. */
  origin: string | null;
  kind: SourceKind;
  /** The kind of file it came from (`image`: photographs or scans). */
  format?: SourceFormat;
  /** For a photographed or scanned source: where the recognition of its text is. */
  ocr?: OcrState;
  fileName: string | null;
  tags: string[];
  passages: number;
  chars: number;
  bytes: number;
  importedAt: string;
}

export interface Passage {
  id: number;
  ordinal: number;
  /** Offsets are UTF-16 code-unit indices into the source's stored text. */
  start: number;
  end: number;
  kind: PassageKind;
  text: string;
  /** The page of a paginated source (PDF), counted from 1; null elsewhere. */
  page: number | null;
  /** The page's printed label (`214`, `xii`), where it has one. */
  pageLabel: string | null;
  info: PassageInfo | null;
}

/** What a PDF source knows of its pages. */
export interface PdfFacts {
  pages: number;
  /** False for a scan or photograph: no page has text, the source has no passages (OCR it). */
  textLayer: boolean;
  /** Pages without text in a PDF that has text elsewhere, with their printed labels. */
  pagesWithoutText: { page: number; label: string }[];
}

export interface SourceDetail extends SourceSummary {
  /** The kind of file it came from (older projects: derived from `kind`). */
  format: SourceFormat;
  /** For a PDF: its pages, and whether they have text. */
  pdf?: PdfFacts;
  /** True when `passageList` holds only the first passages (getSource with `first`). */
  partial?: boolean;
  language: string | null;
  hash: string;
  encoding: string;
  /** Citation metadata: title, author, date, origin and language above are derived from it. */
  csl: CslItem;
  passageList: Passage[];
  /** For a photographed or scanned source: its pages and its text recognition. */
  image?: ImageSourceFacts;
}

export interface ProjectInfo {
  /** The project's stable id (a UUID kept in the file): how sourcebench:// links name it. */
  id: string;
  path: string;
  name: string;
  sources: number;
  recent: string[];
  /** The last background backup of this project failed (cleared by the next that succeeds). */
  backupFailure: { at: string; message: string } | null;
  /** Where failures nobody sees on screen are written. */
  log: string;
}

export type ImportOutcome =
  | { fileName: string; status: 'imported' | 'duplicate'; source: SourceSummary; warnings: string[] }
  | { fileName: string; status: 'failed'; error: { code: string; message: string } };

/** How an import job stands (`importPaths`, `importProgress`, `cancelImport`). */
export interface ImportProgress {
  job: number;
  state: 'running' | 'done' | 'cancelled';
  /** Files to import (known once the folders are listed), and those with an outcome. */
  total: number;
  done: number;
  imported: number;
  duplicates: number;
  failed: number;
  /** Files in the folders that Sourcebench does not read, left out. */
  skipped: number;
  /** Bytes of the files done, passages of those imported, transactions written. */
  bytes: number;
  passages: number;
  batches: number;
  /** The file being read, while one is. */
  current: string | null;
  /** The outcomes from the `after` asked for on, in order. */
  results: ImportOutcome[];
  /** What to ask for as `after` next time. */
  next: number;
}

export interface TagCount {
  name: string;
  count: number;
}

export interface MetadataPatch {
  title?: string;
  author?: string | null;
  date?: string | null;
  origin?: string | null;
  tags?: string[];
  csl?: CslItem;
}

/** A run of a snippet the reader styles (inline Markdown): bold, italic, code, struck through, a link's text. */
export interface SnippetStyle {
  start: number;
  end: number;
  kind: 'strong' | 'em' | 'code' | 'del' | 'link';
}

export interface SearchHit {
  kind: 'passage' | 'note' | 'claim';
  /** For a note: its annotation. */
  annotationId?: number;
  /** For a claim: its id. */
  claimId?: number;
  sourceId: number;
  sourceTitle: string;
  passageId: number;
  ordinal: number;
  /** The printed label of the passage's page, in a paginated source (PDF). */
  pageLabel?: string;
  /** Offsets into the source text of the best match in this passage. */
  start: number;
  end: number;
  /** A window of the passage text around the first match (plain text, never markup). */
  snippet: string;
  /** [start, end) of every matched word within `snippet`. */
  highlights: [number, number][];
  /** What the reader styles within `snippet` (Markdown sources: its markers are hidden from the text). */
  styles: SnippetStyle[];
  /** Higher is better. */
  score: number;
  /** Typo-tolerant matches: the word as typed and the spelling found. */
  matched: { typed: string; found: string }[];
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  /** Everything found (passages, notes, claims), each kind counted up to a cap. */
  total: number;
  totalCapped: boolean;
  /** What was found, for each kind searched: passages and notes unless the query says (`in:claims`). */
  found: { kind: SearchHit['kind']; count: number; capped: boolean }[];
  /**
   * Matches per source (of every kind found) and per tag. `tell` is what sets a source apart
   * from others of the same title (host, file name, date, author, else `#id`), when one shares it.
   */
  facets: { sources: { id: number; title: string; count: number; tell?: string }[]; tags: { name: string; count: number }[] };
  /** The corpus spellings found for words as typed (Yezhov for Ezhov), once each. */
  matched: { typed: string; found: string }[];
  /** Query words that were widened to corpus spellings within one or two edits. */
  expansions: { word: string; alternatives: string[] }[];
  problems: string[];
  typoTolerance: 'ready' | 'building';
  tookMs: number;
}

export interface Annotation {
  id: number;
  /** A random UUID made when the annotation is: its id in exports, whatever happens to its text or the project file. */
  uuid: string;
  sourceId: number;
  sourceTitle: string;
  /** TextPositionSelector: where the annotation is anchored in the source text now. */
  start: number;
  end: number;
  /** TextQuoteSelector. */
  exact: string;
  prefix: string;
  suffix: string;
  /** The quote could not be found again after the text changed; kept for re-attaching. */
  orphaned: boolean;
  colour: string;
  /** Lexical editor state (JSON), null for a plain highlight. */
  body: string | null;
  markdown: string;
  plain: string;
  tags: string[];
  /** Ordinal of the passage where the annotation starts (null when orphaned). */
  passage: number | null;
  /** That passage's printed page label, in a paginated source (PDF). */
  pageLabel?: string;
  /**
   * A region of a page image, for an annotation of the image rather than the text: its text
   * selectors are then empty (start = end = 0) and it is never re-anchored.
   */
  region?: Region;
  createdAt: string;
  updatedAt: string;
}

/** A rectangle on one page image of a source, in the stored (unrotated) image's own pixels. */
export interface Region {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One item of a reference manager's file (BibTeX, RIS, CSL-JSON), as read and matched to the project's sources. */
export interface ReferenceItem {
  /** Its position in the file, from 0. */
  index: number;
  /** The item as a source's citation metadata would hold it (what it has that this cannot hold is left out). */
  csl: CslItem;
  /** The title shown (the item's, else a stand-in). */
  title: string;
  /** Its authors (or editors) as one line; empty when it names none. */
  authors: string;
  year: string | null;
  /** The source it seems to be the reference of: `sure` is false for a similar title, or a title several sources have. */
  match: { sourceId: number | null; how: 'doi' | 'url' | 'title' | 'title-fuzzy' | null; sure: boolean };
  /** Values the item had that could not be kept (a date that is no date, a malformed ISBN …), each with the reason. */
  dropped: string[];
}

export interface ReferencesRead {
  items: ReferenceItem[];
}

export interface ReferencesApplied {
  /** Sources whose metadata the references updated. */
  updated: number[];
  /** Empty sources made from references (no text yet). */
  created: number[];
}

export interface ReplaceTextResult {
  source: SourceSummary;
  annotations: number;
  moved: number;
  orphaned: number;
}

/** The project's citation style, and the styles it may choose from. */
export interface CitationSettings {
  style: import('./styles').StyleChoice;
  styles: { id: string; title: string }[];
  /** The historian's own style, when one was added: its title. */
  custom: { title: string } | null;
}

/** Values saved under a name, to set on sources ("Fonds 17 / Box 14"): the archival fields, type and language. */
export interface MetadataTemplate {
  id: number;
  name: string;
  values: import('./archival').SharedValues;
  updatedAt: string;
}

/** An item as the project's style cites it: a first note (or in-text citation) and a bibliography entry, as plain text. */
export interface CitationPreview {
  /** The style's title. */
  style: string;
  note: string;
  bibliography: string;
}

/** What importing a file of annotations did: `imported` = `placed` + `orphaned` (kept, not placed in the text). */
export interface AnnotationImport {
  imported: number;
  placed: number;
  orphaned: number;
  /** Annotations not imported, by their place in the file's list (0-based) and their `id` when they have one, with why. */
  skipped: { index: number; id?: string; reason: string }[];
  /** Annotations the project has already (by their id). */
  duplicates: number;
}

export interface ExportFile {
  name: string;
  content: string;
  /** A binary file's bytes (a region of a page image cut out as PNG); `content` is then empty. */
  bytes?: Uint8Array;
}

export type Measure = 'executed' | 'killed' | 'died' | 'arrested' | 'imprisoned' | 'deported' | 'purged';
export const MEASURES: readonly Measure[] = ['executed', 'killed', 'died', 'arrested', 'imprisoned', 'deported', 'purged'];

/** A numeric claim as the extractor finds it: the quote, where it is, and what it says. */
export interface ExtractedClaim {
  quote: string;
  start: number;
  end: number;
  measure: Measure;
  low: number | null;
  high: number | null;
  unit: 'people' | 'percent';
  approx: boolean;
  event: string;
  /** The years the claim covers, when its sentence says ("between 1937 and 1938", "in 1933"). */
  fromYear?: number | null;
  toYear?: number | null;
  /** How sure the extractor was of a suggestion, 0 to 1; absent for claims recorded by hand. */
  confidence?: number;
}

/** A numeric claim a source makes, with its quote as evidence. */
export interface ClaimRecord extends ExtractedClaim {
  id: number;
  /** Stable ids of the claim and of its source (v4 UUIDs), for links and exports. */
  uuid: string;
  sourceId: number;
  sourceUuid: string;
  sourceTitle: string;
  sourceAuthor: string | null;
  sourceDate: string | null;
  status: 'suggested' | 'confirmed' | 'rejected';
  origin: 'extracted' | 'manual';
  orphaned: boolean;
  questionId: number | null;
  preferred: boolean;
  preferredReason: string;
  /** Ordinal of the passage the quote starts in. */
  passage: number | null;
  /** The sentence around the quote (asked for with `listClaims({ context: true })`): the words before and after it. */
  context?: { before: string; after: string };
}

export interface Question {
  id: number;
  label: string;
  notes: string;
  claims: number;
}

export interface ProposedQuestion {
  label: string;
  claimIds: number[];
  /**
   * The event labels whose claims it groups, the most used first: more than one when the
   * project shows they name the same event (an alias, or the same figure in other sources).
   */
  events: string[];
}

/** An event the claims are about, under the label the project uses for it. */
export interface EventSummary {
  label: string;
  /** Claims about it, rejected ones aside. */
  claims: number;
  /** What those claims count, in the order of MEASURES. */
  measures: Measure[];
  /** The years those claims cover: the first year of any, the last year of any. */
  fromYear: number | null;
  toYear: number | null;
  /** Other labels recorded as naming it (renamed or merged into it): claims found later with them get its label. */
  aliases: string[];
  /** False when the label does not look like an event's name (heading words, a list of places, a footnote mark): such an event is not proposed. */
  named: boolean;
}

/**
 * Why a claim may not fit its question: a measure or a period that differs from the rest, a
 * share set beside counts, or the same quote counted twice.
 */
export interface EvidenceWarning {
  claimId: number;
  kind: 'measure' | 'period' | 'unit' | 'duplicate';
  message: string;
}

/** A question's evidence: every claim, and where the figures stand. */
export interface Evidence {
  question: Question;
  claims: ClaimRecord[];
  span: { low: number; high: number } | null;
  /** Median of the claims' midpoints (open ranges count their known bound). */
  median: number | null;
  /** Claims whose value stands far (over 3×) from the median. */
  outliers: number[];
  logScale: boolean;
  unit: 'people' | 'percent' | 'mixed';
  /** The measure most of the claims count, and the period most of those with years cover. */
  measure: Measure | null;
  period: { fromYear: number | null; toYear: number | null } | null;
  warnings: EvidenceWarning[];
}

export type PairKind = 'identical' | 'near' | 'paraphrase';

/** One side of a pair: a run of sentences inside one passage. A passage can hold several pairs. */
export interface AlignedSpan {
  passageId: number;
  ordinal: number;
  /** The sentences paired, as offsets into the source's text (inside the passage). */
  start: number;
  end: number;
  /** How many sentences. */
  sentences: number;
}

/** A word-level difference: text kept, removed (only in A) or added (only in B). */
export interface DiffPart {
  text: string;
  op: 'same' | 'removed' | 'added';
  /** The change touches a figure: it should stand out. */
  number: boolean;
}

export interface AlignedPair {
  a: AlignedSpan;
  b: AlignedSpan;
  similarity: number;
  kind: PairKind;
  /** For near-identical pairs. */
  diff?: DiffPart[];
}

/** A stretch of A and the stretch of B that tell the same events: pairs that follow each other on both sides. */
export interface AlignedSection {
  /** Ordinals of the first and last passage of each side the section's pairs are in. */
  a: { from: number; to: number };
  b: { from: number; to: number };
  /** Indexes into `pairs`, first and last (pairs are in A's order). */
  pairs: { from: number; to: number };
}

/** Claims each source makes inside one pair's sentences: what the two say about the same part, side by side. */
export interface PairClaims {
  pair: number;
  a: ClaimRecord[];
  b: ClaimRecord[];
  /** Claims on both sides about the same measure, with different figures. */
  differ: boolean;
}

export interface Comparison {
  a: SourceDetail;
  b: SourceDetail;
  /** Sentence runs paired, in the order of A's text. */
  pairs: AlignedPair[];
  /** Passages (ids) with no sentence paired; apparatus is neither paired nor listed. */
  onlyA: number[];
  onlyB: number[];
  /** Share of each source's sentence text (characters, apparatus aside) that the pairs cover. */
  sharedA: number;
  sharedB: number;
  /** The similarity below which sentences are not paired. */
  threshold: number;
  /** Where the two tell the same events. */
  sections: AlignedSection[];
  /** Claims of both sources about the same event or question, side by side. */
  claims: { label: string; measure: Measure; a: ClaimRecord[]; b: ClaimRecord[]; differ: boolean }[];
  /** Claims whose quotes fall inside paired sentences, pair by pair (pairs with claims on both sides). */
  pairClaims: PairClaims[];
}

export interface BackupInfo {
  file: string;
  createdAt: string;
  reason: string;
  /** Sources in the backup (null when it cannot be read). */
  sources: number | null;
  bytes: number;
}

/** A range of a passage's text (offsets into the passage, not the source). */
export interface ReuseSpan {
  start: number;
  end: number;
}

/** A passage of another source that shares runs of words with the chosen one. */
export interface ReuseHit {
  sourceId: number;
  sourceTitle: string;
  sourceDate: string | null;
  passageId: number;
  ordinal: number;
  /** Where the passage starts in its source's text (spans are offsets into the passage). */
  start: number;
  text: string;
  /** Words of the chosen passage found in this one, in runs of at least `minWords`. */
  words: number;
  /** The longest shared run, in words. */
  longest: number;
  /** Share (0–1) of this passage's words that the chosen passage shares. */
  share: number;
  /** The shared words in this passage, and in the chosen one. */
  spans: ReuseSpan[];
  querySpans: ReuseSpan[];
}

/** "Where else does this appear?": the chosen passage and the passages of other sources sharing its text. */
export interface ReuseFound {
  passageId: number;
  sourceId: number;
  text: string;
  /** The shortest run of shared words reported. */
  minWords: number;
  hits: ReuseHit[];
}

/** One source of a pair in the reuse report: how much of it the other shares. */
export interface ReuseSide {
  id: number;
  title: string;
  date: string | null;
  /** Characters and words of this source in shared runs, and their share (0–1) of its text. */
  chars: number;
  words: number;
  share: number;
}

/** Two sources that share text: how much, in how many passages, and which came first when their dates say. */
export interface ReusePair {
  a: ReuseSide;
  b: ReuseSide;
  /** Pairs of passages sharing text. */
  passages: number;
  /** The longest shared run, in words. */
  longest: number;
  /** The source dated earlier (its whole date range before the other's), or null when the dates do not tell. */
  earlier: 'a' | 'b' | null;
}

export interface ReuseReport {
  pairs: ReusePair[];
  /** Passages and sources looked at. */
  passages: number;
  sources: number;
  minWords: number;
}

/** A reuse report being made: follow it with reuseReportProgress; `report` once done. */
export interface ReuseProgress {
  job: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** What is being done, and how far it is (done of total steps). */
  phase: 'fingerprints' | 'passages' | 'done';
  done: number;
  total: number;
  report: ReuseReport | null;
  error: string | null;
}

/** A witness of a collation: a source, its siglum (`w1`…) and its citation. */
export interface CollationWitness {
  id: number;
  siglum: string;
  title: string;
  /** The source's reference in the project's citation style (plain text). */
  citation: string;
  words: number;
}

/**
 * `same`: every witness reads the same words; `normalised`: they differ only in case,
 * punctuation or the way a figure is written (`681,692` / `681 692`); `variant`: they differ.
 */
export type CollationKind = 'same' | 'normalised' | 'variant';

/** A run of aligned columns of one kind. */
export interface CollationSegment {
  kind: CollationKind;
  /** Each witness's own words here, in witness order; '' where it has none. */
  readings: string[];
  /** Per witness, its reading group: witnesses that agree (after normalisation) share a number, from 0. */
  groups: number[];
  /** A figure (a number, a year) differs between the witnesses here. */
  figure: boolean;
}

export interface Collation {
  witnesses: CollationWitness[];
  /** The base text's index in `witnesses`; null for a parallel view without one. */
  base: number | null;
  segments: CollationSegment[];
  /** How words were compared, said to the reader. */
  normalisation: string;
  /** Segments where the witnesses differ (variant and figure), and of those, where a figure does. */
  variants: number;
  figures: number;
}

/** Where a source's text recognition (OCR) stands. `skipped`: not asked for, or cancelled (its text may be typed). */
export type OcrState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** One page image of a photographed or scanned source: its size and what the camera recorded. */
export interface PageImageInfo {
  page: number;
  fileName: string;
  mime: string;
  width: number;
  height: number;
  sha256: string;
  /** The camera's date (EDTF day), when it recorded one. */
  exifDate: string | null;
  /** EXIF orientation (1–8): 6 and 8 are turned a quarter, 3 a half; 2, 4, 5 and 7 are mirrored (src/shared/orientation.ts). */
  orientation: number | null;
}

/** A recognised word: its offsets into the source's text, its page, its box on the page image (pixels), its confidence (0–100). */
export interface OcrWordBox {
  page: number;
  start: number;
  end: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  confidence: number;
  /** Typed or corrected by the historian: no longer marked for checking, whatever its confidence. */
  trusted: boolean;
}

/** A language text recognition can read: its Tesseract code (`rus`), built in (English) or added as a `.traineddata` file. */
export interface OcrLanguage {
  code: string;
  builtIn: boolean;
  /** The model's size on disk. */
  bytes: number;
}

/** An image source's pages and its text recognition. */
export interface ImageSourceFacts {
  pages: PageImageInfo[];
  ocr: {
    state: OcrState;
    error: string | null;
    /** The languages it is read in (`eng+rus`), when chosen. */
    lang?: string;
    /** While running: the page being read and the fraction of the whole done (0–1). */
    page?: number;
    progress?: number;
  };
}
