import type { Dispatch, RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { desktop } from '../api';
import type { ImportState } from '../hooks/useImporter';
import type { ProjectState } from '../hooks/useProject';
import type { NavAction } from '../navigation';
import { openSource, reset, show } from '../navigation';
import type { OpenLink } from '../../../shared/links';
import { useShortcuts } from './useShortcuts';

/**
 * What reaches the window from outside its views: Ctrl/Cmd+K, ? (the shortcut sheet), the
 * desktop menu, sourcebench: links (one into another project waits for that project to
 * open), and a project change.
 */
export function useAppCommands(opts: {
  dispatch: Dispatch<NavAction>;
  project: ProjectState;
  importer: ImportState;
  searchRef: RefObject<HTMLInputElement | null>;
  filterRef: RefObject<HTMLInputElement | null>;
  onChooseProject(mode: 'open' | 'create'): Promise<void>;
}) {
  const { dispatch, project, importer, searchRef, filterRef, onChooseProject } = opts;
  const { refresh } = project;
  const path = project.info?.path;
  const currentPath = useRef<string | undefined>(undefined);
  currentPath.current = path;

  const openSearch = useCallback(() => {
    dispatch(show('search'));
    setTimeout(() => searchRef.current?.select());
  }, [dispatch, searchRef]);

  const showLink = useCallback(
    (link: OpenLink) => dispatch(openSource({ sourceId: link.sourceId, start: link.start ?? 0, end: link.end ?? link.start ?? 0, from: 'library' })),
    [dispatch],
  );

  // Ctrl/Cmd+K opens search from anywhere; ? the shortcut sheet.
  const [sheet, setSheet] = useState(false);
  const closeSheet = useCallback(() => setSheet(false), []);
  useShortcuts('global', { search: openSearch, shortcuts: () => setSheet(true) });

  // A link into another project waits for that project to be open.
  const pendingLink = useRef<OpenLink | null>(null);

  // A different project: back to its library (or to the passage a link asked for).
  useEffect(() => {
    const link = pendingLink.current;
    pendingLink.current = null;
    if (link) return showLink(link);
    dispatch(reset());
  }, [path, showLink, dispatch]);

  useEffect(() => {
    const bridge = desktop;
    if (!bridge) return;
    const importFrom = async (choose: () => Promise<string[]>) => {
      const paths = await choose();
      if (paths.length) await importer.importPaths(paths);
    };
    const stopLinks = bridge.onOpenLink((link) => {
      if (link.project && link.project !== currentPath.current) {
        pendingLink.current = link;
        void refresh();
      } else showLink(link);
    });
    const stopMenu = bridge.onMenuCommand((command) => {
      if (command === 'new-project') void onChooseProject('create');
      else if (command === 'open-project') void onChooseProject('open');
      else if (command === 'import-files') void importFrom(bridge.chooseImportFiles);
      else if (command === 'import-folder') void importFrom(bridge.chooseImportFolder);
      else if (command === 'show-library') dispatch(show('library'));
      else if (command === 'focus-filter') {
        dispatch(show('library'));
        setTimeout(() => filterRef.current?.focus());
      }
    });
    return () => {
      stopLinks();
      stopMenu();
    };
  }, [onChooseProject, importer, refresh, showLink, dispatch, filterRef]);

  return { openSearch, sheet, closeSheet };
}
