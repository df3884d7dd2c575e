import { useEffect, useRef, useState } from 'react';
import type { Passage } from '../../../shared/types';
import type { ReadingPlace } from './readingPlace';
import { passageInView, placeLabel, resumeAt, topPassage } from './readingPlace';
import type { usePassageNavigation } from './usePassageNavigation';

/**
 * The reader's place in its source: what the line above the text says of it as the text
 * scrolls ("p. 214 · ¶37"), the place it was left at to open at again, and, when the reader
 * closes or shows another source, the place it leaves (`onLeave`).
 */
export function useReadingPlace(
  nav: ReturnType<typeof usePassageNavigation>,
  passages: Passage[],
  resume: ReadingPlace | undefined,
  onLeave: (place: ReadingPlace) => void,
): string {
  const { virtualizer, current, margin, setCurrent } = nav;
  const laid = virtualizer.getVirtualItems();
  const scrollTop = virtualizer.scrollOffset ?? 0;
  const top = topPassage(laid, scrollTop);
  const shown = passageInView(laid, scrollTop, virtualizer.scrollRect?.height ?? 0, current);

  // Back where it was left, once the text's place below the header is known.
  const [resumeTo] = useState(() => resumeAt(passages, resume));
  const resumed = useRef(false);
  useEffect(() => {
    if (!resumeTo || resumed.current || margin <= 0) return;
    resumed.current = true;
    setCurrent(resumeTo.current);
    virtualizer.scrollToIndex(resumeTo.top, { align: 'start' });
  }, [resumeTo, margin, virtualizer, setCurrent]);

  // Where it is, kept for when it is left.
  const place = useRef<ReadingPlace | null>(null);
  const leave = useRef(onLeave);
  const topId = passages[Math.max(0, top)]?.id;
  const currentId = passages[current]?.id;
  useEffect(() => {
    leave.current = onLeave;
    // Not before it is back where it was left: that place stands until then.
    if ((!resumeTo || resumed.current) && topId !== undefined && currentId !== undefined) place.current = { top: topId, current: currentId };
  });
  useEffect(
    () => () => {
      if (place.current) leave.current(place.current);
    },
    [],
  );

  const p = passages[shown >= 0 ? shown : 0];
  return p ? placeLabel(p) : '';
}
