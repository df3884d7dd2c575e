/**
 * Words as the project's text is split into them: folded (case and diacritics) and
 * tokenised as the FTS5 index does it. Shared by search (queries, the typo vocabulary),
 * passage alignment and the command line's suggestions, none of which owns it. The code
 * itself lives in src/shared/words.ts, so that the renderer (the library's filter) folds
 * and forgives misspellings as search does.
 */
export { editDistance, fold, tokenize } from '../../shared/words';
