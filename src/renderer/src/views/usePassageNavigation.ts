import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SourceDetail } from '../../../shared/types';
import type { ReaderTarget } from '../navigation';
import { pageMarks } from './PageBreak';

/**
 * Moving through a source's passages: the virtualised list, the current passage, the one
 * opened at, and footnotes and pages to jump to (the keys are useReaderKeys').
 */
export function usePassageNavigation(source: SourceDetail, target: ReaderTarget | null) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const passages = source.passageList;
  const targetIndex = target
    ? passages.findIndex((p) => (target.passageId ? p.id === target.passageId : p.start <= target.start && target.start < p.end))
    : -1;
  const [current, setCurrent] = useState(Math.max(0, targetIndex));
  const marks = useMemo(() => pageMarks(source), [source]);
  /** Footnotes by label: where a note reference ([22], [^8]) leads. */
  const footnotes = useMemo(() => {
    const byLabel = new Map<string, number>();
    passages.forEach((p, i) => {
      if (p.kind === 'footnote' && p.info?.note && !byLabel.has(p.info.note)) byLabel.set(p.info.note, i);
    });
    return byLabel;
  }, [passages]);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => setMargin(listRef.current?.offsetTop ?? 0), [source]);

  const virtualizer = useVirtualizer({
    scrollMargin: margin,
    count: passages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => 40 + Math.ceil(passages[i]!.text.length / 70) * 29 + (marks.before.get(i)?.length ?? 0) * 30,
    overscan: 6,
  });

  useEffect(() => {
    scrollRef.current?.focus();
  }, []);

  // Opened from a search result: bring the matched passage into view once the layout is known.
  useEffect(() => {
    if (targetIndex >= 0 && margin > 0) virtualizer.scrollToIndex(targetIndex, { align: 'center' });
  }, [targetIndex, margin, virtualizer]);

  // Only the first passages have come (useSource's quick first reply): a move to a passage
  // beyond them, a page or an offset not among them, waits for the rest and is made then.
  const waiting = useRef<{ index: number } | { page: string } | { offset: number } | null>(null);
  const later = (move: NonNullable<typeof waiting.current>) => {
    if (!source.partial) return false;
    waiting.current = move;
    return true;
  };

  const moveTo = (index: number) => {
    if (index >= passages.length && later({ index })) return;
    if (!passages.length) return;
    const i = Math.max(0, Math.min(passages.length - 1, index));
    setCurrent(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  /** Jumps to the first passage of a page, by its printed label or its number: false when there is none, undefined for no page. */
  const goToPage = (wanted: string): boolean | undefined => {
    const w = wanted
      .trim()
      .toLowerCase()
      .replace(/^p\.?\s*/, '');
    if (!w) return undefined;
    let index = passages.findIndex((p) => p.pageLabel?.toLowerCase() === w);
    if (index < 0 && /^\d+$/.test(w)) index = passages.findIndex((p) => p.page !== null && p.page >= Number(w));
    if (index < 0) return later({ page: wanted }) || false;
    setCurrent(index);
    virtualizer.scrollToIndex(index, { align: 'start' });
    // Back to the text, for j/k; left in the field, the next focus elsewhere scrolled the text to its top.
    scrollRef.current?.focus({ preventScroll: true });
    return true;
  };

  /** Brings the passage holding an offset into view. */
  const showOffset = (offset: number) => {
    const index = passages.findIndex((p) => p.start <= offset && offset <= p.end);
    if (index < 0) later({ offset });
    if (index >= 0) {
      setCurrent(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    }
  };

  // The rest has come: the move asked for meanwhile is made now, over the whole list.
  useEffect(() => {
    const move = waiting.current;
    if (source.partial || !move) return;
    waiting.current = null;
    if ('index' in move) moveTo(move.index);
    else if ('page' in move) goToPage(move.page);
    else showOffset(move.offset);
  });

  return { scrollRef, listRef, margin, virtualizer, current, setCurrent, targetIndex, marks, footnotes, moveTo, goToPage, showOffset };
}
