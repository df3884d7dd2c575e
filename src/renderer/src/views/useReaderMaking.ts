import type { HighlightColour } from '../../../shared/notes';
import type { ReaderState } from '../hooks/useReader';
import { useRegionNotes } from '../image/useRegionNotes';
import type { Span } from '../notes/highlights';
import type { KeyboardSelection } from './useKeyboardSelection';
import type { ReaderSideState } from './useReaderSide';

/**
 * What the reader makes, with the sidebar following: a highlight or a note on the selection, a
 * claim, a region of a page image (its note opened, as a text note's is).
 */
export function useReaderMaking(reader: ReaderState, keys: KeyboardSelection, side: ReaderSideState, focusNote: (id: number) => void) {
  const { actions, annotations, source } = reader;
  const regions = useRegionNotes(source?.id ?? -1, annotations, side, focusNote);
  const annotate = async (span: Span, colour: HighlightColour, withNote: boolean) => {
    const created = await actions.annotate(span, colour);
    keys.clear();
    if (created && withNote) side.noteMade(created.id, focusNote);
  };
  const recordClaim = async (span: Span) => {
    const created = await actions.recordClaim(span);
    keys.clear();
    side.claimMade(created?.id ?? null);
  };
  return { annotate, recordClaim, regions };
}
