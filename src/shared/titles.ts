/**
 * What tells apart sources that share a title, for the library list: the host of the
 * origin's address ("en.wikipedia.org"), else the file name, else the date or the author.
 */
import { hostOf } from './csl';
import type { SourceSummary } from './types';

type Row = Pick<SourceSummary, 'id' | 'title' | 'origin' | 'fileName' | 'date' | 'author'>;

/** A title as titles are compared: spacing and case ignored. */
export const titleKey = (t: string) => t.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** For each source whose title another source has too, the words that tell it from the others. */
export function titleTells(sources: readonly Row[]): Map<number, string> {
  const groups = new Map<string, Row[]>();
  for (const s of sources) {
    const key = titleKey(s.title);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const out = new Map<number, string>();
  const keys: ((s: Row) => string | null)[] = [(s) => hostOf(s.origin), (s) => s.fileName, (s) => s.date, (s) => s.author];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.forEach((s, i) => {
      // Host, file name, date, author in turn, each taken when it sets this source apart from
      // more of the others, until none is left that it could be taken for.
      let others = group.filter((_, j) => j !== i);
      const parts: string[] = [];
      for (const key of keys) {
        if (!others.length) break;
        const v = key(s);
        if (!v) continue;
        const left = others.filter((o) => key(o) === v);
        if (left.length < others.length) {
          parts.push(v);
          others = left;
        }
      }
      if (others.length) parts.push(`#${s.id}`);
      out.set(s.id, parts.join(' · '));
    });
  }
  return out;
}
