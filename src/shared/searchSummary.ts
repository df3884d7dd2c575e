/**
 * What a search found, in words, for the app's status line and the command line: the kinds
 * found and the number of sources they come from ("15 claims in 4 sources"), or what was
 * searched when nothing was ("No passages or notes found").
 */
import type { SearchResponse } from './types';

const NAMES: Record<SearchResponse['found'][number]['kind'], [string, string]> = {
  passage: ['passage', 'passages'],
  note: ['note', 'notes'],
  claim: ['claim', 'claims'],
};

/** "a", "a and b", "a, b and c". */
function list(items: string[], last: string): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

export function foundSummary(r: Pick<SearchResponse, 'found' | 'facets'>): string {
  const found = r.found.filter((f) => f.count > 0);
  if (!found.length)
    return r.found.length
      ? `No ${list(
          r.found.map((f) => NAMES[f.kind][1]),
          'or',
        )} found`
      : 'Nothing found';
  const counts = found.map((f) => `${f.count.toLocaleString('en')}${f.capped ? '+' : ''} ${NAMES[f.kind][f.count === 1 ? 0 : 1]}`);
  const sources = r.facets.sources.length;
  const capped = r.found.some((f) => f.capped);
  return `${list(counts, 'and')} in ${sources.toLocaleString('en')}${capped ? '+' : ''} ${sources === 1 && !capped ? 'source' : 'sources'}`;
}
