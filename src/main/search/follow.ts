/**
 * Search following the project's committed writes. FTS5 follows the tables by itself
 * (triggers, in the same transaction); what lives in memory follows these changes: the
 * cached facts of sources (titles, dates, tags, passage ranges) and the typo vocabulary.
 */
import type { Change } from '../store/changes';
import { passageTexts } from '../store/changes';
import type { SearchIndex } from './search';

/** The changes after which the cached facts of sources are stale. */
const SOURCE_FACTS = new Set<Change['type']>(['sourceAdded', 'sourceUpdated', 'textReplaced', 'sourceDeleted']);

/** What to subscribe to a Project so that `index` follows its writes. */
export function followChanges(index: SearchIndex): (changes: readonly Change[]) => void {
  return (changes) => {
    if (changes.some((c) => SOURCE_FACTS.has(c.type))) index.invalidate();
    const texts: string[] = [];
    for (const c of changes) {
      // Words tokenised by an import's worker need only a lookup each here.
      if (c.type === 'sourceAdded' && c.terms) index.vocabulary.addTerms(c.terms);
      else if (c.type === 'sourceAdded' || c.type === 'textReplaced') for (const t of passageTexts(c)) texts.push(t);
      else if (c.type === 'noteChanged' && c.plain) texts.push(c.plain);
    }
    if (texts.length) index.vocabulary.add(texts);
  };
}
