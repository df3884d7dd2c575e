/**
 * Where the window is: which view shows, which source the reader has open and at what, and
 * where "back" leads. One reducer, so that every way into the reader (the library, search,
 * notes, evidence, a sourcebench: link) goes the same way.
 */
import type { ReadingPlace } from './views/readingPlace';

export type View = 'library' | 'reader' | 'search' | 'notes' | 'evidence' | 'compare' | 'reuse' | 'collate';

/** What the reader opens at. */
export interface ReaderTarget {
  sourceId: number;
  /** 0 when the target is known by its offsets only. */
  passageId: number;
  start: number;
  end: number;
  /** Open this annotation's note. */
  annotationId?: number;
  /** Open this claim. */
  claimId?: number;
}

export interface Navigation {
  view: View;
  /** The source the reader shows. */
  sourceId: number | null;
  /** Where in it: a passage, an annotation or a claim; null opens it at its top. */
  target: ReaderTarget | null;
  /** The view the reader (or search) was entered from: where "back" leads. */
  previousView: View;
  /** The source Compare was asked to start from ("Compare with…" in the reader). */
  compareWith: number | null;
  /** Where each source was left in the reader, by source id: it opens there again (for this session). */
  places: Record<number, ReadingPlace>;
  /** The second source Compare was asked for (a pair of the reuse report), or null. */
  compareOther: number | null;
  /** The sources Collate was asked to start with (from the library). */
  collateWith?: number[];
}

export interface OpenSource {
  sourceId: number;
  passageId?: number;
  start?: number;
  end?: number;
  annotationId?: number;
  claimId?: number;
  /** Where "back" leads, when not the view it was opened from (a link leads back to the library). */
  from?: View;
}

export type NavAction =
  | { type: 'openSource'; open: OpenSource }
  | { type: 'show'; view: View }
  | { type: 'back' }
  | { type: 'compare'; sourceId: number; other?: number }
  | { type: 'left'; sourceId: number; place: ReadingPlace }
  | { type: 'reset' }
  | { type: 'collate'; sourceIds: number[] };

export const initialNavigation: Navigation = {
  view: 'library',
  sourceId: null,
  target: null,
  previousView: 'library',
  compareWith: null,
  places: {},
  compareOther: null,
};

/** Views the reader leads back to when it was opened at a place from them. */
const RETURNS: View[] = ['search', 'notes', 'evidence'];

export function navigate(state: Navigation, action: NavAction): Navigation {
  switch (action.type) {
    case 'openSource': {
      const o = action.open;
      const at = o.passageId !== undefined || o.start !== undefined;
      const target: ReaderTarget | null = at
        ? {
            sourceId: o.sourceId,
            passageId: o.passageId ?? 0,
            start: o.start ?? 0,
            end: o.end ?? o.start ?? 0,
            ...(o.annotationId !== undefined ? { annotationId: o.annotationId } : {}),
            ...(o.claimId !== undefined ? { claimId: o.claimId } : {}),
          }
        : null;
      // Opened at its top (from the library), the reader leads back to the library whatever came before.
      const previousView = at ? (o.from ?? state.view) : state.previousView;
      // Opened at a place, it opens there, not where it was left.
      const places = at ? without(state.places, o.sourceId) : state.places;
      return { ...state, view: 'reader', sourceId: o.sourceId, target, previousView, places };
    }
    case 'show':
      if (action.view === state.view) return state;
      // Search remembers where it was opened from, for Esc.
      return action.view === 'search' ? { ...state, view: 'search', previousView: state.view } : { ...state, view: action.view };
    case 'back':
      if (state.view === 'search') return { ...state, view: state.previousView === 'search' ? 'library' : state.previousView };
      if (state.view === 'reader') return { ...state, view: state.target && RETURNS.includes(state.previousView) ? state.previousView : 'library' };
      return state;
    case 'compare':
      return { ...state, view: 'compare', compareWith: action.sourceId, compareOther: action.other ?? null };
    case 'left':
      // Not when the reader stays on the source (opened again at another place), nor after the project changed.
      if (state.sourceId === null || (state.view === 'reader' && state.sourceId === action.sourceId)) return state;
      return { ...state, places: { ...state.places, [action.sourceId]: action.place } };
    case 'reset':
      return { ...state, view: 'library', sourceId: null, target: null, places: {} };
    case 'collate':
      return { ...state, view: 'collate', collateWith: action.sourceIds };
  }
}

function without(places: Record<number, ReadingPlace>, sourceId: number): Record<number, ReadingPlace> {
  if (!(sourceId in places)) return places;
  const rest = { ...places };
  delete rest[sourceId];
  return rest;
}

/**
 * Where the reader opens its source: where it was left, when it was (the place it was opened
 * at is then behind it); else at the place it was opened at, or at its top.
 */
export function readerOpening(state: Navigation): { target: ReaderTarget | null; resume: ReadingPlace | undefined } {
  const resume = state.sourceId === null ? undefined : state.places[state.sourceId];
  return { target: resume ? null : state.target, resume };
}

/** What the reader's back link says. */
export function backLabel(state: Navigation): string {
  if (!state.target) return 'Library';
  return state.previousView === 'search'
    ? 'Search results'
    : state.previousView === 'notes'
      ? 'Notes'
      : state.previousView === 'evidence'
        ? 'Evidence'
        : 'Library';
}

export const openSource = (open: OpenSource): NavAction => ({ type: 'openSource', open });
export const show = (view: View): NavAction => ({ type: 'show', view });
export const back = (): NavAction => ({ type: 'back' });
export const compareWith = (sourceId: number, other?: number): NavAction => ({
  type: 'compare',
  sourceId,
  ...(other !== undefined ? { other } : {}),
});
export const reset = (): NavAction => ({ type: 'reset' });
/** The reader left a source at this place (it closed, or showed another). */
export const left = (sourceId: number, place: ReadingPlace): NavAction => ({ type: 'left', sourceId, place });
/** Collate these sources (none: choose them in the view). */
export const collateSources = (sourceIds: number[]): NavAction => ({ type: 'collate', sourceIds });
