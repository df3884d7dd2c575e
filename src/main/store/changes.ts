/**
 * What a write changed, as the stores report it. The Project collects these while a write
 * runs and publishes them once it has committed; what must follow the data (the search
 * index's caches, the typo vocabulary) subscribes to them instead of being told by hand.
 */

/** Passage ranges of a stored text (a `Span` without what followers do not need). */
export interface TextRange {
  start: number;
  end: number;
}

export type Change =
  /**
   * A new source, with its text and passages (an import, or an empty source made from a
   * reference); `terms`, when given, are its passages' distinct words already tokenised for
   * the typo vocabulary (an import's workers do that off the main thread).
   */
  | { type: 'sourceAdded'; sourceId: number; text: string; passages: readonly TextRange[]; terms?: readonly string[] }
  /** A source's metadata or tags changed (title, date, tags: what search filters by). */
  | { type: 'sourceUpdated'; sourceId: number }
  /** A source's text or its passages were made again (a corrected file, "Read as"). */
  | { type: 'textReplaced'; sourceId: number; text: string; passages: readonly TextRange[] }
  | { type: 'sourceDeleted'; sourceId: number }
  /** Annotations created, moved, re-anchored, deleted, restored or imported. */
  | { type: 'annotationsChanged'; sourceId: number | null }
  /** A note's text changed (written, edited or imported): its plain text as search reads it. */
  | { type: 'noteChanged'; annotationId: number | null; plain: string }
  /** Claims, questions or event labels changed. */
  | { type: 'claimsChanged'; sourceId: number | null }
  /** A metadata template saved or deleted. */
  | { type: 'templatesChanged'; templateId: number };

export type ChangeType = Change['type'];

/** Where the stores report what they write. Reporting outside a unit of work is refused. */
export interface ChangeSink {
  record(change: Change): void;
}

/** The passages' texts of a source added or replaced. */
export function passageTexts(change: { text: string; passages: readonly TextRange[] }): string[] {
  return change.passages.map((p) => change.text.slice(p.start, p.end));
}
