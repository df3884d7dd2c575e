import { useMemo } from 'react';
import type { AnnotationsState } from '../hooks/useAnnotations';
import type { ReaderSideState } from '../views/useReaderSide';
import type { RegionNotes } from './useRegionMarking';

/**
 * The reader's side of the regions marked on an image source's pages: their annotations, the
 * one whose note is open, and a new one made with its note opened to write in, as a text
 * annotation's is.
 */
export function useRegionNotes(sourceId: number, annotations: AnnotationsState, side: ReaderSideState, focusNote: (id: number) => void): RegionNotes {
  const list = useMemo(() => annotations.list.filter((a) => a.region), [annotations.list]);
  return {
    list,
    selected: side.selected,
    onSelect: (id) => {
      side.setTab('notes');
      side.setSelected(id);
    },
    create: async (region) => {
      const created = await annotations.createRegion({ sourceId, ...region, colour: 'yellow' });
      if (created) side.noteMade(created.id, focusNote);
    },
  };
}
