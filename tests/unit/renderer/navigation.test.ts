/** The renderer's navigation reducer: one way into the reader, and where "back" leads. */
import { describe, expect, it } from 'vitest';

// Imported by a path the type-check does not follow: the renderer is checked as a project of its own.
const modulePath = '../../../src/renderer/src/navigation';
type View = 'library' | 'reader' | 'search' | 'notes' | 'evidence' | 'compare';
interface Target {
  sourceId: number;
  passageId: number;
  start: number;
  end: number;
  annotationId?: number;
  claimId?: number;
}
interface Navigation {
  view: View;
  sourceId: number | null;
  target: Target | null;
  previousView: View;
  compareWith: number | null;
  places: Record<number, Place>;
}
interface Place {
  top: number;
  current: number;
}
type Action = { type: string };
const nav = (await import(/* @vite-ignore */ modulePath)) as {
  initialNavigation: Navigation;
  navigate(state: Navigation, action: Action): Navigation;
  backLabel(state: Navigation): string;
  openSource(open: Partial<Target> & { sourceId: number; from?: View }): Action;
  show(view: View): Action;
  back(): Action;
  compareWith(sourceId: number): Action;
  reset(): Action;
  left(sourceId: number, place: Place): Action;
  readerOpening(state: Navigation): { target: Target | null; resume: Place | undefined };
};

const run = (...actions: Action[]) => actions.reduce(nav.navigate, nav.initialNavigation);

describe('navigation', () => {
  it('starts in the library with nothing open', () => {
    expect(nav.initialNavigation).toMatchObject({ view: 'library', sourceId: null, target: null });
  });

  it('opens a source from the library at its top, and back leads to the library', () => {
    const s = run(nav.openSource({ sourceId: 7 }));
    expect(s).toMatchObject({ view: 'reader', sourceId: 7, target: null });
    expect(nav.backLabel(s)).toBe('Library');
    expect(nav.navigate(s, nav.back()).view).toBe('library');
  });

  it('opens a search hit at its passage, and back leads to the results', () => {
    const s = run(nav.show('search'), nav.openSource({ sourceId: 3, passageId: 12, start: 40, end: 52 }));
    expect(s.view).toBe('reader');
    expect(s.target).toEqual({ sourceId: 3, passageId: 12, start: 40, end: 52 });
    expect(nav.backLabel(s)).toBe('Search results');
    expect(nav.navigate(s, nav.back()).view).toBe('search');
  });

  it('opens a note at its annotation (passage unknown: 0) and a claim from evidence', () => {
    const fromNotes = run(nav.show('notes'), nav.openSource({ sourceId: 2, start: 5, end: 9, annotationId: 4 }));
    expect(fromNotes.target).toEqual({ sourceId: 2, passageId: 0, start: 5, end: 9, annotationId: 4 });
    expect(nav.backLabel(fromNotes)).toBe('Notes');
    expect(nav.navigate(fromNotes, nav.back()).view).toBe('notes');
    const fromEvidence = run(nav.show('evidence'), nav.openSource({ sourceId: 2, start: 5, end: 9, claimId: 8 }));
    expect(fromEvidence.target).toEqual({ sourceId: 2, passageId: 0, start: 5, end: 9, claimId: 8 });
    expect(nav.backLabel(fromEvidence)).toBe('Evidence');
  });

  it('a link leads back to the library whichever view it arrived in', () => {
    const s = run(nav.show('search'), nav.openSource({ sourceId: 1, start: 0, end: 0, from: 'library' }));
    expect(s.target).toEqual({ sourceId: 1, passageId: 0, start: 0, end: 0 });
    expect(nav.backLabel(s)).toBe('Library');
    expect(nav.navigate(s, nav.back()).view).toBe('library');
  });

  it('a target with no end ends where it starts', () => {
    expect(run(nav.openSource({ sourceId: 1, start: 30 })).target).toMatchObject({ start: 30, end: 30 });
  });

  it('Esc in search goes back where search was opened from, never to search itself', () => {
    const fromNotes = run(nav.show('notes'), nav.show('search'));
    expect(nav.navigate(fromNotes, nav.back()).view).toBe('notes');
    // Back from the reader to the results, then Esc: the library.
    const again = run(nav.show('search'), nav.openSource({ sourceId: 1, passageId: 2, start: 0, end: 1 }), nav.back(), nav.back());
    expect(again.view).toBe('library');
  });

  it('showing search again from search keeps where it was opened from', () => {
    const s = run(nav.show('evidence'), nav.show('search'), nav.show('search'));
    expect(s.previousView).toBe('evidence');
  });

  it('the reader keeps its source while other views show', () => {
    const s = run(nav.openSource({ sourceId: 5 }), nav.show('notes'), nav.show('reader'));
    expect(s).toMatchObject({ view: 'reader', sourceId: 5 });
  });

  it('"Compare with…" starts Compare from a source', () => {
    expect(run(nav.openSource({ sourceId: 5 }), nav.compareWith(5))).toMatchObject({ view: 'compare', compareWith: 5, sourceId: 5 });
  });

  it('another project empties the reader and shows its library', () => {
    const s = run(nav.show('search'), nav.openSource({ sourceId: 5, start: 1 }), nav.reset());
    expect(s).toMatchObject({ view: 'library', sourceId: null, target: null });
  });

  it('back outside the reader and search changes nothing', () => {
    const s = run(nav.show('notes'));
    expect(nav.navigate(s, nav.back())).toBe(s);
  });
});

describe('where the reader left each source', () => {
  const at40 = { top: 38, current: 40 };

  it('opens a source again where it was left, from the library or the rail', () => {
    const s = run(nav.openSource({ sourceId: 5 }), nav.show('notes'), nav.left(5, at40));
    expect(s.places).toEqual({ 5: at40 });
    expect(nav.readerOpening(nav.navigate(s, nav.show('reader')))).toEqual({ target: null, resume: at40 });
    const fromLibrary = run(nav.openSource({ sourceId: 5 }), nav.show('library'), nav.left(5, at40), nav.openSource({ sourceId: 5 }));
    expect(nav.readerOpening(fromLibrary)).toEqual({ target: null, resume: at40 });
  });

  it('keeps a place for each source', () => {
    const s = run(
      nav.openSource({ sourceId: 5 }),
      nav.show('library'),
      nav.left(5, at40),
      nav.openSource({ sourceId: 6 }),
      nav.back(),
      nav.left(6, { top: 2, current: 3 }),
    );
    expect(s.places).toEqual({ 5: at40, 6: { top: 2, current: 3 } });
    expect(nav.readerOpening(nav.navigate(s, nav.openSource({ sourceId: 6 }))).resume).toEqual({ top: 2, current: 3 });
  });

  it('a source opened at a place (a search hit, a note) opens there, not where it was left', () => {
    const s = run(
      nav.openSource({ sourceId: 5 }),
      nav.show('search'),
      nav.left(5, at40),
      nav.openSource({ sourceId: 5, passageId: 9, start: 90, end: 95 }),
    );
    expect(s.places).toEqual({});
    expect(nav.readerOpening(s)).toEqual({ target: { sourceId: 5, passageId: 9, start: 90, end: 95 }, resume: undefined });
    // Left again, and shown again from the rail: where it was left, the search hit behind it.
    const again = [nav.show('library'), nav.left(5, at40), nav.show('reader')].reduce(nav.navigate, s);
    expect(again.target).toEqual(s.target);
    expect(nav.readerOpening(again)).toEqual({ target: null, resume: at40 });
  });

  it('the reader opened again on the same source at another place does not keep the old place', () => {
    const s = run(nav.openSource({ sourceId: 5 }), nav.openSource({ sourceId: 5, start: 120, from: 'library' }), nav.left(5, at40));
    expect(s.places).toEqual({});
  });

  it('the reader leaving one source for another (a link) keeps the first one’s place', () => {
    const s = run(nav.openSource({ sourceId: 5 }), nav.openSource({ sourceId: 6, start: 10, from: 'library' }), nav.left(5, at40));
    expect(s.places).toEqual({ 5: at40 });
  });

  it('another project forgets every place, and a place left as it closes is not kept', () => {
    const s = run(
      nav.openSource({ sourceId: 5 }),
      nav.show('library'),
      nav.left(5, at40),
      nav.openSource({ sourceId: 5 }),
      nav.reset(),
      nav.left(5, at40),
    );
    expect(s.places).toEqual({});
    expect(nav.readerOpening(s)).toEqual({ target: null, resume: undefined });
  });
});
