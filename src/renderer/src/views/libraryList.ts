/**
 * The library's list as the table shows it, in plain code: which sources a filter and a tag
 * keep, and in what order, and how an origin is shown. The renderer does this over the full
 * list (typing in the filter stays instant), so it is kept free of React and tested on its
 * own. The filter folds words and forgives misspellings as search does (src/shared/words.ts):
 * "tukhachevskiy" finds Tukhachevsky.
 */
import type { SourceSummary } from '../../../shared/types';
import { canBeAlternative, fold, isTypoOf, tokenize, typoDistance, typoEdits } from '../../../shared/words';

export type SortKey = 'title' | 'author' | 'date' | 'origin' | 'tags' | 'passages' | 'bytes' | 'importedAt';

export interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortValue(s: SourceSummary, key: SortKey): string | number {
  switch (key) {
    case 'tags':
      return s.tags.join(', ');
    case 'passages':
      return s.passages;
    case 'bytes':
      return s.bytes;
    default:
      return s[key] ?? '';
  }
}

/** What the filter looks through, for each source: made once per list, not per keystroke. */
export interface FilterIndex {
  /** Each source's fields, folded, for words anywhere (also inside a word: "tukh"). */
  hay: Map<number, string>;
  /** The list's words that can stand for a misspelling, each with the sources that have it: made when first needed. */
  vocabulary(): Map<string, number[]>;
  /** The sources with a spelling of each filter word within the typo distance (kept while typing). */
  alternatives: Map<string, Set<number>>;
}

/** Made when the filter is first used, not before the library's first rows. */
export function filterIndex(sources: readonly SourceSummary[]): FilterIndex {
  let hay: Map<number, string> | null = null;
  const folded = () => {
    if (hay) return hay;
    hay = new Map();
    for (const s of sources) hay.set(s.id, fold([s.title, s.author, s.date, s.origin, s.fileName, ...s.tags].filter(Boolean).join(' \u0001 ')));
    return hay;
  };
  let vocabulary: Map<string, number[]> | null = null;
  return {
    get hay() {
      return folded();
    },
    vocabulary() {
      if (vocabulary) return vocabulary;
      vocabulary = new Map();
      for (const [id, text] of folded()) {
        // Plain ASCII (most metadata) splits much faster without Unicode classes.
        for (const word of /^[\x00-\x7f]*$/.test(text) ? text.split(/[^a-z0-9]+/) : text.split(/[^\p{L}\p{N}]+/u)) {
          if (!canBeAlternative(word)) continue;
          const ids = vocabulary.get(word);
          if (!ids) vocabulary.set(word, [id]);
          else if (ids[ids.length - 1] !== id) ids.push(id);
        }
      }
      return vocabulary;
    },
    alternatives: new Map(),
  };
}

/** The sources with another spelling of a filter word, within the typo distance (none for short words, numbers or several words). */
function alternativesOf(index: FilterIndex, word: string): Set<number> {
  let found = index.alternatives.get(word);
  if (found) return found;
  found = new Set();
  const tokens = tokenize(word);
  const token = tokens.length === 1 ? tokens[0]! : '';
  if (token && typoDistance(token)) {
    const vocabulary = index.vocabulary();
    const edits = typoEdits(token, vocabulary.has(token));
    for (const [term, ids] of vocabulary) if (isTypoOf(token, term, edits)) for (const id of ids) found.add(id);
  }
  if (index.alternatives.size > 500) index.alternatives.clear();
  index.alternatives.set(word, found);
  return found;
}

/** The sources the filter's words (each as written, or another spelling of it) and the tag keep. */
export function filterSources(sources: readonly SourceSummary[], index: FilterIndex, filter: string, tag: string): SourceSummary[] {
  const words = fold(filter)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ({ w, alternatives: alternativesOf(index, w) }));
  const wantTag = tag.toLowerCase();
  if (!words.length && !wantTag) return [...sources];
  const folded = words.length ? index.hay : null;
  return sources.filter((s) => {
    if (wantTag && !s.tags.some((t) => t.toLowerCase() === wantTag)) return false;
    const hay = folded?.get(s.id) ?? '';
    return words.every(({ w, alternatives }) => hay.includes(w) || alternatives.has(s.id));
  });
}

/** A web address's host (without www.) and the end of its path ("…/purge-notes.md"); null for anything else. */
export function originParts(origin: string): { host: string; path: string } | null {
  if (!/^https?:\/\//i.test(origin)) return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\./, '');
  if (!host) return null;
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (last === undefined) return { host, path: '' };
  let shown = last;
  try {
    shown = decodeURIComponent(last);
  } catch {
    // a malformed escape: shown as written
  }
  return { host, path: `${segments.length > 1 ? '…/' : ''}${shown}` };
}

/**
 * An origin as the table shows it: a web address as its host and the end of its path
 * ("github.com › …/purge-notes.md"), anything else as written.
 */
export function originLabel(origin: string): string {
  const parts = originParts(origin);
  if (!parts) return origin;
  return parts.path ? `${parts.host} › ${parts.path}` : parts.host;
}

/** The sources in the table's order (a copy): those without a value (undated, no author) last either way; ties by id. */
export function sortSources(list: readonly SourceSummary[], { key, dir }: Sort): SourceSummary[] {
  return [...list].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if ((x === '') !== (y === '')) return x === '' ? 1 : -1;
    // Import times are ISO timestamps: compared as plain strings (the collator is slow, and the first sort is before the first rows).
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : key === 'importedAt'
          ? Number(x > y) - Number(x < y)
          : collator.compare(String(x), String(y));
    return c * dir || a.id - b.id;
  });
}

/** Whether a source's text is being recognised from its page images (its row is read again until it is done). */
export const isRecognising = (s: SourceSummary) => s.ocr === 'pending' || s.ocr === 'running';

/**
 * The list with the rows read again put in place of the old ones; the same list (the same
 * object, so nothing is sorted or drawn again) when none of what a row shows has changed.
 */
export function withRowsReadAgain(sources: SourceSummary[], again: readonly SourceSummary[]): SourceSummary[] {
  const changed = new Map(
    again
      .filter((n) => {
        const old = sources.find((s) => s.id === n.id);
        return old && (old.ocr !== n.ocr || old.passages !== n.passages || old.chars !== n.chars || old.title !== n.title);
      })
      .map((n) => [n.id, n]),
  );
  return changed.size ? sources.map((s) => changed.get(s.id) ?? s) : sources;
}

/** The mark a row without text (yet) carries, and what it means; null for a source with text. */
export function textMark(s: SourceSummary): { label: string; title: string; busy?: boolean } | null {
  if (isRecognising(s)) return { label: 'recognising text', title: 'Its text is being recognised from the page images', busy: true };
  if (s.chars > 0) return null;
  if (s.ocr === 'failed')
    return { label: 'recognition failed', title: 'Text recognition failed: open it to see why, run it again or type the transcription' };
  if (s.format === 'image') return { label: 'no text', title: 'No text yet: open it to recognise the text of its pages or type the transcription' };
  return { label: 'no text', title: 'No text yet: open it and attach a file with Replace text…' };
}
