import type { DragEvent } from 'react';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { desktop } from './api';
import { filesFromDrop, useImporter } from './hooks/useImporter';
import { useLibrary } from './hooks/useLibrary';
import { useProject } from './hooks/useProject';
import { useSearch } from './hooks/useSearch';
import { initialNavigation, navigate, show } from './navigation';
import type { View } from './navigation';
import { ImportResults } from './views/ImportResults';
import { ProjectDialog } from './views/ProjectDialog';
import { BackupDialog } from './views/BackupDialog';
import { Banners } from './app/Banners';
import { Rail } from './app/Rail';
import { StatusBar } from './app/StatusBar';
import { ShortcutSheet } from './app/ShortcutSheet';
import { useAppCommands } from './app/useAppCommands';
import { Views, preloadViews } from './app/Views';

export function App() {
  const project = useProject();
  const library = useLibrary(project.info?.path);
  const { refresh } = project;
  const { reload } = library;
  const onImported = useCallback(() => {
    void reload();
    void refresh();
  }, [reload, refresh]);
  const importer = useImporter(onImported);
  const search = useSearch(project.info?.path);
  const [nav, dispatch] = useReducer(navigate, initialNavigation);
  const searchRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const [projectDialog, setProjectDialog] = useState<'open' | 'create' | null>(null);
  /** The backups dialog: for the open project (''), or for one that failed to open (its path). */
  const [backups, setBackups] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // The other views' code, fetched once the window is idle after its first screen.
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(preloadViews, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(preloadViews, 500);
    return () => clearTimeout(id);
  }, []);

  const chooseProject = useCallback(
    async (mode: 'open' | 'create') => {
      if (!desktop) return setProjectDialog(mode);
      const path = mode === 'open' ? await desktop.chooseProjectToOpen() : await desktop.chooseProjectToCreate();
      if (path) await (mode === 'open' ? project.open(path) : project.create(path)).catch(() => {});
    },
    [project],
  );
  const { openSearch, sheet, closeSheet } = useAppCommands({ dispatch, project, importer, searchRef, filterRef, onChooseProject: chooseProject });
  const showView = (view: View) => (view === 'search' ? openSearch() : dispatch(show(view)));

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = await filesFromDrop(e.dataTransfer);
    if (files.length) await importer.importFiles(files);
  };

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.relatedTarget === null) setDragging(false);
      }}
      onDrop={(e) => void onDrop(e)}
    >
      <Rail view={nav.view} onShow={showView} project={project} onChoose={(mode) => void chooseProject(mode)} onBackups={() => setBackups('')} />
      <main className="main">
        <Banners project={project} onBackups={setBackups} />
        <Views
          nav={nav}
          dispatch={dispatch}
          projectPath={project.info?.path}
          library={library}
          importer={importer}
          search={search}
          searchRef={searchRef}
          filterRef={filterRef}
        />
        <ImportResults importer={importer} />
      </main>
      <StatusBar project={project} importer={importer} />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop files or folders to import them</p>
        </div>
      )}
      {backups !== null && <BackupDialog project={project} path={backups || undefined} onClose={() => setBackups(null)} />}
      {projectDialog && <ProjectDialog project={project} mode={projectDialog} onClose={() => setProjectDialog(null)} />}
      {sheet && <ShortcutSheet view={nav.view} onClose={closeSheet} />}
    </div>
  );
}
