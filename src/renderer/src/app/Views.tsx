import type { Dispatch, RefObject } from 'react';
import type { ImportState } from '../hooks/useImporter';
import type { LibraryState } from '../hooks/useLibrary';
import type { useSearch } from '../hooks/useSearch';
import type { NavAction, Navigation, OpenSource } from '../navigation';
import { back, backLabel, compareWith, left, openSource, readerOpening } from '../navigation';
import { LibraryView } from '../views/LibraryView';
import { ReaderView } from '../views/ReaderView';
import { SearchView } from '../views/SearchView';
import { NotesView } from '../notes/NotesView';
import { EvidenceView } from '../claims/EvidenceView';
import { CompareView } from '../compare/CompareView';

/** The view the navigation shows; every way into the reader is the one `openSource` action. */
export function Views(props: {
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
      return <LibraryView library={library} importer={props.importer} onOpen={(sourceId) => open({ sourceId })} filterRef={props.filterRef} />;
    case 'search':
      return <SearchView search={props.search} inputRef={props.searchRef} onOpen={open} onClose={() => dispatch(back())} />;
    case 'notes':
      return (
        <NotesView projectPath={props.projectPath} onOpen={(a) => open({ sourceId: a.sourceId, start: a.start, end: a.end, annotationId: a.id })} />
      );
    case 'compare':
      return <CompareView key={nav.compareWith ?? 'none'} sources={library.sources} initialA={nav.compareWith ?? nav.sourceId} />;
    case 'evidence':
      return (
        <EvidenceView projectPath={props.projectPath} onOpen={(c) => open({ sourceId: c.sourceId, start: c.start, end: c.end, claimId: c.id })} />
      );
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
        />
      );
  }
}
