import type { ComponentType, Dispatch, RefObject } from 'react';
import { Suspense, lazy, useState } from 'react';
import type { ImportState } from '../hooks/useImporter';
import type { LibraryState } from '../hooks/useLibrary';
import type { useSearch } from '../hooks/useSearch';
import type { NavAction, Navigation, OpenSource } from '../navigation';
import { back, backLabel, collateSources, compareWith, left, openSource, readerOpening } from '../navigation';
import { LibraryView } from '../views/LibraryView';
import { SearchView } from '../views/SearchView';

// The library is what a window opens on: it alone is in the first script. The other views
// (the reader with its note editor, Evidence with its chart, Compare, Notes) load as their
// own chunks, fetched as soon as the window is idle after its first screen (`preloadViews`).
// A view whose chunk is in renders at once, without suspending: its keys work from the
// first frame.
function lazyView<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetch = () =>
    (pending ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  const Lazy = lazy(() => fetch().then((c) => ({ default: c })));
  function View(props: P) {
    // Chosen once per mount, so the view is never remounted when its chunk arrives.
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Shown {...props} />;
  }
  return { View, fetch };
}

const reader = lazyView(() => import('../views/ReaderView').then((m) => m.ReaderView));
const notes = lazyView(() => import('../notes/NotesView').then((m) => m.NotesView));
const evidence = lazyView(() => import('../claims/EvidenceView').then((m) => m.EvidenceView));
const compare = lazyView(() => import('../compare/CompareView').then((m) => m.CompareView));
const ReaderView = reader.View;
const NotesView = notes.View;
const EvidenceView = evidence.View;
const CompareView = compare.View;
const reuse = lazyView(() => import('../reuse/ReuseView').then((m) => m.ReuseView));
const ReuseView = reuse.View;
const collate = lazyView(() => import('../collate/CollateView').then((m) => m.CollateView));
const CollateView = collate.View;

/** Fetches the views' chunks (once the first screen is painted). */
export function preloadViews(): void {
  for (const view of [reader, notes, evidence, compare, reuse, collate]) void view.fetch();
  // The reading face too (fetched and decoded: 140 ms on the first source opened, measured),
  // which the library never shows, so the browser would load it only on that first open.
  if (typeof document !== 'undefined' && document.fonts)
    for (const face of ['400 1em "Source Serif 4"', 'italic 400 1em "Source Serif 4"', '600 1em "Source Serif 4"'])
      document.fonts.load(face).catch(() => {});
}

/** The view the navigation shows; every way into the reader is the one `openSource` action. */
export function Views(props: Parameters<typeof ViewOf>[0]) {
  return (
    <Suspense fallback={<p className="muted view-loading">Loading…</p>}>
      <ViewOf {...props} />
    </Suspense>
  );
}

function ViewOf(props: {
  nav: Navigation;
  dispatch: Dispatch<NavAction>;
  projectPath: string | undefined;
  library: LibraryState;
  importer: ImportState;
  search: ReturnType<typeof useSearch>;
  searchRef: RefObject<HTMLInputElement | null>;
  filterRef: RefObject<HTMLInputElement | null>;
}) {
  const { nav, dispatch, library } = props;
  const open = (o: OpenSource) => dispatch(openSource(o));
  switch (nav.view) {
    case 'library':
      return (
        <LibraryView
          library={library}
          importer={props.importer}
          onOpen={(sourceId) => open({ sourceId })}
          filterRef={props.filterRef}
          onCollate={(ids) => dispatch(collateSources(ids))}
        />
      );
    case 'search':
      return <SearchView search={props.search} inputRef={props.searchRef} onOpen={open} onClose={() => dispatch(back())} />;
    case 'notes':
      return (
        <NotesView projectPath={props.projectPath} onOpen={(a) => open({ sourceId: a.sourceId, start: a.start, end: a.end, annotationId: a.id })} />
      );
    case 'compare':
      return (
        <CompareView
          key={`${nav.compareWith ?? 'none'}:${nav.compareOther ?? ''}`}
          sources={library.sources}
          initialA={nav.compareWith ?? nav.sourceId}
          initialB={nav.compareOther}
        />
      );
    case 'evidence':
      return (
        <EvidenceView projectPath={props.projectPath} onOpen={(c) => open({ sourceId: c.sourceId, start: c.start, end: c.end, claimId: c.id })} />
      );
    case 'collate':
      return <CollateView key={(nav.collateWith ?? []).join(',')} sources={library.sources} initial={nav.collateWith ?? []} />;
    case 'reader':
      return (
        <ReaderView
          sourceId={nav.sourceId}
          {...readerOpening(nav)}
          backLabel={backLabel(nav)}
          onBack={() => dispatch(back())}
          onChanged={() => void library.reload()}
          onCompare={(id) => dispatch(compareWith(id))}
          onLeave={(sourceId, place) => dispatch(left(sourceId, place))}
          onOpen={open}
        />
      );
    case 'reuse':
      return <ReuseView onCompare={(a, b) => dispatch(compareWith(a, b))} />;
  }
}
