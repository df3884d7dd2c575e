/** Pure helpers of merging the sources marked in the library into one photographed or scanned source. */

/** Whether the marked sources can become one: two or more, all photographed or scanned; else why not, in words. */
export function mergeProblem(sources: readonly { title: string; format?: string }[]): string | null {
  if (sources.length < 2) return 'Mark two or more photographed or scanned sources (X) to make them one';
  const other = sources.find((s) => s.format !== 'image');
  return other ? `“${other.title}” is not photographed or scanned: only page images can be merged into one source` : null;
}

/** The list with the item at `index` moved one place (−1: earlier, +1: later); the same list when it cannot move. */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** What a merge did, in words, with any notes that could not follow. */
export function mergedMessage(title: string, merged: number, orphaned: number): string {
  const lost = orphaned ? ` ${orphaned.toLocaleString()} ${orphaned === 1 ? 'annotation' : 'annotations'} could not be placed again.` : '';
  return `“${title}” now holds the pages of the ${merged.toLocaleString()} sources, in the order chosen.${lost}`;
}

/** The marked sources in the order the library shows them (those the filter hides after them, in the project's order). */
export function inShownOrder<T extends { id: number }>(library: { visible: readonly T[]; sources: readonly T[] }, marked: readonly number[]): T[] {
  const chosen = new Set(marked);
  const shown = library.visible.filter((s) => chosen.has(s.id));
  const seen = new Set(shown.map((s) => s.id));
  return [...shown, ...library.sources.filter((s) => chosen.has(s.id) && !seen.has(s.id))];
}
