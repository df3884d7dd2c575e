import type { Span } from './highlights';

/** The selection in the reader as offsets into the source text, or null. */
export function selectionOffsets(container: HTMLElement): (Span & { rect: DOMRect }) | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  const at = (node: Node, offset: number): number | null => {
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
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end, rect: range.getBoundingClientRect() };
}
