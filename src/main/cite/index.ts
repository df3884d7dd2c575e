/** Citations: CSL formatting, Pandoc keys and CSL-JSON bibliographies, reference-manager import. */
export type { CiteInput, CslDate, CslJsonItem, CslName, CslType } from './types';
export { edtfToCsl, yearOf } from './dates';
export { escapeMarkdown, htmlToMarkdown, htmlToText } from './markdown';
export {
  BUILTIN_STYLES,
  builtinStyle,
  type BuiltinStyleId,
  cslDir,
  CslStyleError,
  type CslStyle,
  DEFAULT_STYLE,
  loadStyle,
  localeXml,
} from './styles';
export {
  type Bibliography,
  type BibliographyEntry,
  type CitationMode,
  type FormatOptions,
  type Formatted,
  formatBibliography,
  formatCitation,
  type Locator,
  type MissingDate,
  toCslJson,
} from './format';
export { asciiFold, citationKey, citationKeys, cslJsonBibliography, pandocCitation } from './keys';
export {
  FUZZY_TITLE_THRESHOLD,
  type MatchHow,
  matchReferences,
  type MatchSource,
  normaliseDoi,
  normaliseTitle,
  normaliseUrl,
  parseReferences,
  type ReferenceFormat,
  type ReferenceMatch,
  ReferenceParseError,
  titleSimilarity,
} from './references';
