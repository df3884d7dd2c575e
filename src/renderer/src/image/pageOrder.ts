/** Pure helpers of the page order list: the order after a move, and what a move did, in words. */

/** The page numbers in their new order after the page at `index` moves one place (`delta` −1: earlier, +1: later); null when it cannot. */
export function movedOrder(pages: number, index: number, delta: -1 | 1): number[] | null {
  const to = index + delta;
  if (index < 0 || index >= pages || to < 0 || to >= pages) return null;
  const order = Array.from({ length: pages }, (_, i) => i + 1);
  [order[index], order[to]] = [order[to]!, order[index]!];
  return order;
}

/** "Page 3 is now page 2." with what happened to the notes, when any could not follow. */
export function moveMessage(from: number, to: number, result: { annotations: number; orphaned: number }): string {
  const lost = result.orphaned
    ? ` ${result.orphaned} of ${result.annotations} annotations could not be placed again (a quote across the moved page's edge).`
    : '';
  return `Page ${from} is now page ${to}.${lost}`;
}

/** The sources the open one can be merged into: the other photographed or scanned sources, by title. */
export function mergeTargets<T extends { id: number; title: string; format?: string }>(sources: readonly T[], sourceId: number): T[] {
  return sources.filter((s) => s.format === 'image' && s.id !== sourceId).sort((a, b) => a.title.localeCompare(b.title));
}
