/**
 * Electron entry: one window on the last opened project, with the security wiring of
 * Electron's checklist (context isolation, sandbox, no Node in the renderer, CSP in the
 * page, navigation/new windows/permissions refused, IPC sender checked).
 */
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuCommand } from '../shared/bridge';
import { CHANNELS } from '../shared/channels';
import { registerIpc } from './ipc';
import { APP_NAME, appRoot, SettingsFile, userDataDir } from './paths';
import { Workbench } from './workbench';
import { parseOpenLink } from '../shared/links';
import { CONFIRM_OPEN, confirmOpenOptions, LINK_PROTOCOL, linksFromArgv, protocolHandlerArgs, resolveOpenLink } from './links';

app.setName(APP_NAME);
app.setPath('userData', userDataDir());

let mainWindow: BrowserWindow | undefined;
let workbench: Workbench | undefined;
const PROTOCOL = LINK_PROTOCOL;

// One app instance: a second launch (a sourcebench:// link on Windows and Linux) hands its
// arguments to the first. Links are read only after `--` (see linksFromArgv).
if (!app.requestSingleInstanceLock()) app.quit();

async function tell(options: Electron.MessageBoxOptions): Promise<number> {
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return response;
}

/**
 * Opens the project a link names (by its id, among the projects opened here before) and
 * shows its passage. A project named by its path (older links) is opened only if the user
 * says so; an unknown id or an unsafe path opens nothing.
 */
async function openLink(raw: string) {
  const link = parseOpenLink(raw);
  if (!link || !workbench) return;
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
  try {
    const current = await workbench.getProject();
    const target = resolveOpenLink(link, new SettingsFile(userDataDir()).read().recent, current, { exists: (f) => fs.existsSync(f) });
    if (target.action === 'refuse') {
      await tell({
        type: target.reason === 'unknown_project' ? 'info' : 'warning',
        title: 'Sourcebench link',
        message: 'Sourcebench did not open this link',
        detail: target.message,
      });
      return;
    }
    if (target.action === 'ask' && (await tell(confirmOpenOptions(target.path))) !== CONFIRM_OPEN) return;
    const open = target.action === 'show' ? current : await workbench.openProject({ path: target.path });
    // A source named by its stable id: found in the project now open, or nothing is shown.
    const sourceId = link.sourceUuid ? workbench.sourceIdOf(link.sourceUuid) : link.sourceId;
    if (sourceId === null) {
      await tell({
        type: 'info',
        title: 'Sourcebench link',
        message: 'The source this link names is not in the project',
        detail: `It may have been deleted from ${open.name}.`,
      });
      return;
    }
    // The renderer is told which project is open now (by path), then shows the passage.
    mainWindow?.webContents.send(CHANNELS.openLink, { ...link, sourceId, project: open.path });
  } catch (err) {
    dialog.showErrorBox('Sourcebench could not open the link', (err as Error).message);
  }
}

const pendingLinks: string[] = linksFromArgv(process.argv);
app.on('second-instance', (_event, argv) => {
  for (const a of linksFromArgv(argv)) void openLink(a);
});
app.on('open-url', (event, url) => {
  event.preventDefault();
  if (workbench && mainWindow) void openLink(url);
  else pendingLinks.push(url);
});
const rendererIndex = path.join(appRoot(), 'out', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

/** better-sqlite3 built for Electron's ABI lives beside the Node build (see scripts/electron-native.mjs). */
function electronNativeBinding(): string | undefined {
  const file = path.join(appRoot(), 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

function send(command: MenuCommand) {
  mainWindow?.webContents.send(CHANNELS.menu, command);
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-project') },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => send('open-project') },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => send('import-files') },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I', click: () => send('import-folder') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Library', accelerator: 'CmdOrCtrl+1', click: () => send('show-library') },
        { label: 'Filter Library', accelerator: 'CmdOrCtrl+F', click: () => send('focus-filter') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Sourcebench',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Sourcebench',
              message: `Sourcebench ${app.getVersion()}`,
              detail: 'A research workbench for historians: import, read, annotate and compare sources.',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    title: APP_NAME,
    // The window's icon (Linux, Windows); resources/icon.png is drawn from resources/icon.svg by scripts/make-icon.mjs.
    icon: path.join(appRoot(), 'resources', 'icon.png'),
    show: false,
    webPreferences: {
      preload: path.join(appRoot(), 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Middle-click would otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = undefined));
  void mainWindow.loadURL(rendererUrl);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links a user clicks open in the system browser, and only web links.
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.whenReady().then(
  () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // During development Electron runs as `electron <app>`: register with that path. The link
    // comes after `--`, so that nothing in it is read as an option to the app or Chromium.
    const appArgs = process.defaultApp && process.argv[1] ? [path.resolve(process.argv[1])] : [];
    app.setAsDefaultProtocolClient(PROTOCOL, process.execPath, protocolHandlerArgs(appArgs));
    try {
      workbench = Workbench.open({ home: userDataDir(), nativeBinding: electronNativeBinding(), warmCitations: true });
    } catch (err) {
      dialog.showErrorBox('Sourcebench could not open the project', (err as Error).message);
      app.quit();
      return;
    }
    const service = workbench;
    registerIpc(service, () => mainWindow, rendererUrl);
    Menu.setApplicationMenu(buildMenu());
    createWindow();
    mainWindow?.webContents.once('did-finish-load', () => {
      for (const link of pendingLinks.splice(0)) void openLink(link);
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    // However the app ends, the project is closed cleanly (background work settled, the
    // write-ahead log folded into the file) before the process exits.
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      void service.shutdown().finally(() => {
        closed = true;
        app.quit();
      });
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => app.quit());
    // Started by `npm start` (an IPC channel): when the launcher is gone, so is the app.
    if (process.connected) process.once('disconnect', () => app.quit());
  },
  (err: Error) => {
    console.error(err);
    app.quit();
  },
);

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
