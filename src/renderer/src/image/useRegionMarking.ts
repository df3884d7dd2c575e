import type { KeyboardEvent as ReactKeyboardEvent, RefObject } from 'react';
import { useState } from 'react';
import type { Annotation, Region } from '../../../shared/types';
import type { ShortcutHandlers } from '../app/useShortcuts';
import { isTyping, useShortcuts } from '../app/useShortcuts';
import { commandFor } from '../shortcuts';
import type { Arrow, PageView, Point, Rect } from './regionGeometry';
import { dragged, nudge, startingRect } from './regionGeometry';

/** The regions of an image source as the page pane needs them: the reader owns the list, the note shown and the creation. */
export interface RegionNotes {
  /** The source's region annotations, on every page. */
  list: Annotation[];
  selected: number | null;
  onSelect(id: number): void;
  /** Creates the region annotation and opens its note. */
  create(region: Region): Promise<void>;
}

/**
 * Marking a region on the page shown: the mode (on or off), the rectangle being marked (from a
 * drag, or placed and moved with the keys), and the keys of the shortcut table's `page` entries.
 */
export function useRegionMarking(regions: RegionNotes | undefined, page: number) {
  const [marking, setMarking] = useState(false);
  const [draft, setDraft] = useState<Rect | null>(null);
  const [from, setFrom] = useState<Point | null>(null);
  const stop = () => {
    setMarking(false);
    setDraft(null);
    setFrom(null);
  };
  const confirm = async (rect: Rect) => {
    stop();
    await regions?.create({ page, ...rect });
  };
  /** Marking on or off; from the keyboard, a rectangle is placed in the middle of the page to move and resize. */
  const toggle = (view: PageView, withKeys: boolean) => {
    if (marking) return stop();
    setMarking(true);
    setDraft(withKeys ? startingRect(view) : null);
  };
  const handlers = (view: PageView): ShortcutHandlers<'page'> => ({
    markRegion: () => toggle(view, true),
    moveRegion: (e) => (draft ? setDraft(nudge(draft, e.key as Arrow, false, view)) : false),
    resizeRegion: (e) => (draft ? setDraft(nudge(draft, e.key as Arrow, true, view)) : false),
    confirmRegion: () => (draft && !from && draft.w >= 1 && draft.h >= 1 ? void confirm(draft) : false),
    cancelRegion: () => (marking ? stop() : false),
  });
  return {
    marking,
    draft,
    toggle,
    /** Runs a key of the `page` table; true when it was taken (the reader's keys then never see it). */
    onKey(e: ReactKeyboardEvent, view: PageView): boolean {
      if (!regions || e.defaultPrevented) return false;
      const command = commandFor('page', e, isTyping(e.target));
      const run = command && handlers(view)[command];
      if (!run || run(e.nativeEvent) === false) return false;
      e.preventDefault();
      e.stopPropagation();
      return true;
    },
    /** A drag on the page, in the turned page's screen pixels. */
    dragStart(p: Point) {
      setFrom(p);
    },
    dragTo(p: Point, view: PageView) {
      if (from) setDraft(dragged(from, p, view));
    },
    /** Releasing creates the region; a click with no drag leaves marking as it was. */
    dragEnd(p: Point, view: PageView) {
      if (!from) return;
      const rect = dragged(from, p, view);
      setFrom(null);
      if (rect.w >= 1 && rect.h >= 1) void confirm(rect);
    },
    stop,
  };
}

export type RegionMarking = ReturnType<typeof useRegionMarking>;

/**
 * M from anywhere in the image reader, as the reader's own keys (U, F2) are: not while typing
 * in a field or a note, nor in a dialog (useShortcuts). Marking starts on the page shown, as
 * from the pane, and the rectangle placed takes the focus, so the arrows and Enter go to it.
 * Not while the page image is hidden (a narrow window shows it on demand). In the pane the
 * pane's own key handler has taken M already.
 */
export function useMarkAnywhere(marking: RegionMarking, view: PageView | null, pane: RefObject<HTMLElement | null>, enabled: boolean) {
  useShortcuts(
    'page',
    {
      markRegion: () => {
        const shown = pane.current && pane.current.getClientRects().length > 0;
        if (!view || !shown) return false;
        marking.toggle(view, true);
      },
    },
    enabled,
  );
}
