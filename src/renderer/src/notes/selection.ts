import type { Span } from './highlights';

/** A DOM point (a text node and an offset in it) in the reader as an offset into the source text, or null. */
export function storedOffset(container: HTMLElement, node: Node, offset: number): number | null {
  const el = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest<HTMLElement>('.passage-text');
  if (!el || !container.contains(el)) return null;
  const base = Number(el.dataset.start);
  // Within a piece that knows its offset, count from it: hidden markers before it are not in the page.
  const piece = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest<HTMLElement>('[data-o]');
  const from = piece && el.contains(piece) ? piece : el;
  const r = document.createRange();
  r.setStart(from, 0);
  r.setEnd(node, offset);
  return base + (from === el ? 0 : Number(from.dataset.o)) + r.toString().length;
}

/** The selection in the reader as offsets into the source text, or null. */
export function selectionOffsets(container: HTMLElement): (Span & { rect: DOMRect }) | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  const start = storedOffset(container, range.startContainer, range.startOffset);
  const end = storedOffset(container, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end, rect: range.getBoundingClientRect() };
}

/** The offset of the source text under a point of the window (the pointer), or null. */
export function offsetAtPoint(container: HTMLElement, x: number, y: number): number | null {
  const at = document.caretPositionFromPoint?.(x, y);
  if (!at || at.offsetNode.nodeType !== Node.TEXT_NODE) return null;
  return storedOffset(container, at.offsetNode, at.offset);
}

/**
 * Where a stored offset (from the passage's start) is in a passage's text element: the
 * inverse of selectionOffsets. Every text node is placed as selectionOffsets counts it (from
 * the piece that carries its offset, else from the passage); an offset inside hidden markers
 * goes to the next shown character for a start, the previous one for an end.
 */
export function domPoint(el: HTMLElement, offset: number, edge: 'start' | 'end'): { node: Node; offset: number } | null {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const counted = new Map<Element | null, number>();
  let previous: { node: Node; offset: number } | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!length) continue;
    const found = node.parentElement?.closest<HTMLElement>('[data-o]');
    const piece = found && el.contains(found) ? found : null;
    const from = (piece ? Number(piece.dataset.o) : 0) + (counted.get(piece) ?? 0);
    counted.set(piece, (counted.get(piece) ?? 0) + length);
    const to = from + length;
    if (edge === 'start' && offset < to) return { node, offset: Math.max(0, offset - from) };
    if (edge === 'end') {
      if (offset <= from) return previous ?? { node, offset: 0 };
      if (offset <= to) return { node, offset: offset - from };
      previous = { node, offset: length };
    }
  }
  return edge === 'end' ? previous : null;
}

/** Shows a span of a passage's stored text as the window's selection; the range shown, or null. */
export function showSelection(el: HTMLElement, start: number, end: number): Range | null {
  const from = domPoint(el, start, 'start');
  const to = domPoint(el, end, 'end');
  const sel = window.getSelection();
  if (!from || !to || !sel) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  if (
    sel.rangeCount !== 1 ||
    sel.anchorNode !== from.node ||
    sel.anchorOffset !== from.offset ||
    sel.focusNode !== to.node ||
    sel.focusOffset !== to.offset
  ) {
    sel.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  }
  return range;
}
