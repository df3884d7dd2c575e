import type { DragEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { desktop, isDesktop } from './api';
import { filesFromDrop, useImporter } from './hooks/useImporter';
import { ImportProgress } from './views/ImportProgress';
import { useLibrary } from './hooks/useLibrary';
import { useProject } from './hooks/useProject';
import { ImportResults } from './views/ImportResults';
import { LibraryView } from './views/LibraryView';
import { ProjectDialog } from './views/ProjectDialog';
import { BackupDialog } from './views/BackupDialog';
import { ReaderView } from './views/ReaderView';
import type { ReaderTarget } from './views/SearchView';
import { SearchView } from './views/SearchView';
import { NotesView } from './notes/NotesView';
import { EvidenceView } from './claims/EvidenceView';
import { CompareView } from './compare/CompareView';
import type { OpenLink } from '../../shared/links';
import { useSearch } from './hooks/useSearch';

type View = 'library' | 'reader' | 'search' | 'notes' | 'evidence' | 'compare';

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
  const [view, setView] = useState<View>('library');
  const [openId, setOpenId] = useState<number | null>(null);
  const [target, setTarget] = useState<ReaderTarget | null>(null);
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const [previousView, setPreviousView] = useState<View>('library');
  const search = useSearch(project.info?.path);
  const searchRef = useRef<HTMLInputElement>(null);
  const [projectDialog, setProjectDialog] = useState<'open' | 'create' | null>(null);
  const [projectMenu, setProjectMenu] = useState(false);
  /** The backups dialog: for the open project (''), or for one that failed to open (its path). */
  const [backups, setBackups] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  /** A backup failure the user has read (by its time): the banner stays until then. */
  const [dismissedBackupFailure, setDismissedBackupFailure] = useState<string | null>(null);
  const currentPath = useRef<string | undefined>(undefined);
  currentPath.current = project.info?.path;
  const filterRef = useRef<HTMLInputElement>(null);

  const openSource = (id: number) => {
    setOpenId(id);
    setTarget(null);
    setView('reader');
  };

  const openSearch = useCallback(() => {
    setView((v) => {
      if (v !== 'search') setPreviousView(v);
      return 'search';
    });
    setTimeout(() => searchRef.current?.select());
  }, []);

  // Ctrl/Cmd+K opens search from anywhere.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        openSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSearch]);

  const chooseProject = useCallback(
    async (mode: 'open' | 'create') => {
      setProjectMenu(false);
      if (!desktop) return setProjectDialog(mode);
      const path = mode === 'open' ? await desktop.chooseProjectToOpen() : await desktop.chooseProjectToCreate();
      if (path) await (mode === 'open' ? project.open(path) : project.create(path)).catch(() => {});
    },
    [project],
  );

  const showLink = useCallback((link: OpenLink) => {
    setOpenId(link.sourceId);
    setTarget({ sourceId: link.sourceId, passageId: 0, start: link.start ?? 0, end: link.end ?? link.start ?? 0 });
    setPreviousView('library');
    setView('reader');
  }, []);
  // A link into another project waits for that project to be open.
  const pendingLink = useRef<OpenLink | null>(null);

  // A different project: back to its library (or to the passage a link asked for).
  useEffect(() => {
    const link = pendingLink.current;
    pendingLink.current = null;
    if (link) return showLink(link);
    setOpenId(null);
    setTarget(null);
    setView('library');
  }, [project.info?.path, showLink]);

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
      if (command === 'new-project') void chooseProject('create');
      else if (command === 'open-project') void chooseProject('open');
      else if (command === 'import-files') void importFrom(bridge.chooseImportFiles);
      else if (command === 'import-folder') void importFrom(bridge.chooseImportFolder);
      else if (command === 'show-library') setView('library');
      else if (command === 'focus-filter') {
        setView('library');
        setTimeout(() => filterRef.current?.focus());
      }
    });
    return () => {
      stopLinks();
      stopMenu();
    };
  }, [chooseProject, importer, refresh, showLink]);

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
      <nav className="rail" aria-label="Views">
        <button type="button" className={view === 'library' ? 'rail-item active' : 'rail-item'} aria-pressed={view === 'library'} onClick={() => setView('library')}>
          <span aria-hidden="true">▤</span>
          <span className="rail-label">Library</span>
        </button>
        <button type="button" className={view === 'search' ? 'rail-item active' : 'rail-item'} aria-pressed={view === 'search'} onClick={openSearch} title="Search (Ctrl+K)">
          <span aria-hidden="true">⌕</span>
          <span className="rail-label">Search</span>
        </button>
        <button type="button" className={view === 'reader' ? 'rail-item active' : 'rail-item'} aria-pressed={view === 'reader'} onClick={() => setView('reader')}>
          <span aria-hidden="true">¶</span>
          <span className="rail-label">Reader</span>
        </button>
        <button type="button" className={view === 'notes' ? 'rail-item active' : 'rail-item'} aria-pressed={view === 'notes'} onClick={() => setView('notes')}>
          <span aria-hidden="true">✎</span>
          <span className="rail-label">Notes</span>
        </button>
        <button type="button" className={view === 'evidence' ? 'rail-item active' : 'rail-item'} aria-pressed={view === 'evidence'} onClick={() => setView('evidence')}>
          <span aria-hidden="true">≡</span>
          <span className="rail-label">Evidence</span>
        </button>
        <button type="button" className={view === 'compare' ? 'rail-item active' : 'rail-item'} aria-pressed={view === 'compare'} onClick={() => setView('compare')}>
          <span aria-hidden="true">⇆</span>
          <span className="rail-label">Compare</span>
        </button>
        <div className="spacer" />
        <div className="project-switch">
          <button type="button" className="rail-item" aria-haspopup="menu" aria-expanded={projectMenu} aria-label="Project" onClick={() => setProjectMenu(!projectMenu)}>
            <span aria-hidden="true">◧</span>
            <span className="rail-label">Project</span>
          </button>
          {projectMenu && (
            <div className="menu up" role="menu" onMouseLeave={() => setProjectMenu(false)}>
              <button type="button" role="menuitem" onClick={() => void chooseProject('create')}>
                New project…
              </button>
              <button type="button" role="menuitem" onClick={() => void chooseProject('open')}>
                Open project…
              </button>
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setProjectMenu(false);
                  setBackups('');
                }}
              >
                Restore from backup…
              </button>
              {(project.info?.recent ?? [])
                .filter((r) => r !== project.info?.path)
                .slice(0, 6)
                .map((r) => (
                  <button type="button" role="menuitem" key={r} title={r} onClick={() => { setProjectMenu(false); void project.open(r).catch(() => {}); }}>
                    {r.replace(/^.*[\\/]/, '')}
                  </button>
                ))}
            </div>
          )}
        </div>
      </nav>

      <main className="main">
        {project.error && (
          <p className="banner error" role="alert">
            {project.error}
            {project.failedPath && (
              <>
                {' '}
                <button type="button" className="link" onClick={() => setBackups(project.failedPath!)}>
                  Open a backup of it…
                </button>
              </>
            )}
          </p>
        )}
        {project.info?.backupFailure && project.info.backupFailure.at !== dismissedBackupFailure && (
          <p className="banner error" role="alert">
            {project.info.backupFailure.message} ({new Date(project.info.backupFailure.at).toLocaleString()}). Details are in the log,{' '}
            <code>{project.info.log}</code>.{' '}
            <button type="button" className="link" onClick={() => setBackups('')}>
              Backups…
            </button>{' '}
            <button type="button" className="link" onClick={() => setDismissedBackupFailure(project.info!.backupFailure!.at)}>
              Dismiss
            </button>
          </p>
        )}
        {view === 'library' && <LibraryView library={library} importer={importer} onOpen={openSource} filterRef={filterRef} />}
        {view === 'search' && (
          <SearchView
            search={search}
            inputRef={searchRef}
            onOpen={(t) => {
              setOpenId(t.sourceId);
              setTarget(t);
              setPreviousView('search');
              setView('reader');
            }}
            onClose={() => setView(previousView === 'search' ? 'library' : previousView)}
          />
        )}
        {view === 'notes' && (
          <NotesView
            projectPath={project.info?.path}
            onOpen={(a) => {
              setOpenId(a.sourceId);
              setTarget({ sourceId: a.sourceId, passageId: 0, start: a.start, end: a.end, annotationId: a.id });
              setPreviousView('notes');
              setView('reader');
            }}
          />
        )}
        {view === 'compare' && <CompareView key={compareWith ?? 'none'} sources={library.sources} initialA={compareWith ?? openId} />}
        {view === 'evidence' && (
          <EvidenceView
            projectPath={project.info?.path}
            onOpen={(c) => {
              setOpenId(c.sourceId);
              setTarget({ sourceId: c.sourceId, passageId: 0, start: c.start, end: c.end, claimId: c.id });
              setPreviousView('evidence');
              setView('reader');
            }}
          />
        )}
        {view === 'reader' && (
          <ReaderView
            sourceId={openId}
            target={target}
            backLabel={target && previousView === 'search' ? 'Search results' : target && previousView === 'notes' ? 'Notes' : target && previousView === 'evidence' ? 'Evidence' : 'Library'}
            onBack={() => setView(target && (previousView === 'search' || previousView === 'notes' || previousView === 'evidence') ? previousView : 'library')}
            onChanged={() => void library.reload()}
            onCompare={(id) => {
              setCompareWith(id);
              setView('compare');
            }}
          />
        )}
        <ImportResults importer={importer} />
      </main>

      <footer className="status" aria-label="Status">
        <span className="project-name" title={project.info?.path}>
          {project.info ? `${project.info.name} — ${project.info.path}` : 'Opening project…'}
        </span>
        <span className="muted">{isDesktop ? 'Desktop' : 'Browser mode'}</span>
        <div className="spacer" />
        <ImportProgress importer={importer} />
      </footer>

      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop files or folders to import them</p>
        </div>
      )}
      {backups !== null && <BackupDialog project={project} path={backups || undefined} onClose={() => setBackups(null)} />}
      {projectDialog && <ProjectDialog project={project} mode={projectDialog} onClose={() => setProjectDialog(null)} />}
    </div>
  );
}
