import { useState } from 'react';
import type { Annotation } from '../../../shared/types';
import type { ReaderTarget } from '../navigation';
import type { usePassageNavigation } from './usePassageNavigation';
import { useSideShown } from './useSideShown';

/**
 * The reader's notes and claims beside the text: which tab, which note and claim are picked,
 * whether the panel shows over the text (a narrow window), and the moves between it and the text.
 */
export type ReaderSideState = ReturnType<typeof useReaderSide>;

export function useReaderSide(nav: ReturnType<typeof usePassageNavigation>, target: ReaderTarget | null, annotations: readonly Annotation[]) {
  const [tab, setTab] = useState<'notes' | 'claims'>(target?.claimId ? 'claims' : 'notes');
  const [selectedClaim, setSelectedClaim] = useState<number | null>(target?.claimId ?? null);
  const [selected, setSelected] = useState<number | null>(target?.annotationId ?? null);
  const [shown, toggle, hide] = useSideShown([selected, selectedClaim]);
  return {
    tab,
    setTab,
    selected,
    setSelected,
    selectedClaim,
    setSelectedClaim,
    shown,
    toggle,
    hide,
    /** A note just made, its editor focused (`focus`) when a note is to be written. */
    noteMade: (id: number, focus: (id: number) => void) => {
      setTab('notes');
      setSelected(id);
      focus(id);
    },
    /** A claim just recorded: the claims tab, at it. */
    claimMade: (id: number | null) => {
      setTab('claims');
      if (id !== null) setSelectedClaim(id);
    },
    /** A claim picked in the text: the claims tab, at it. */
    pickClaim: (id: number) => {
      setTab('claims');
      setSelectedClaim(id);
    },
    /** A note picked in the text: it opens, and its passage is shown. */
    pick: (id: number) => {
      setSelected(id);
      const a = annotations.find((x) => x.id === id);
      if (a) nav.showOffset(a.start);
    },
    /** Esc in the notes: the panel over the text closes, and the text takes the focus again, at the annotation's passage. */
    backToText: (a: Annotation | null) => {
      hide();
      // A region is on the page image, not in the text: the text stays where it is.
      if (a && !a.region) nav.showOffset(a.start);
      nav.scrollRef.current?.focus({ preventScroll: true });
    },
  };
}
