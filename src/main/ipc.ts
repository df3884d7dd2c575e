/**
 * The desktop transport: the contract over Electron IPC. Calls are answered only for the
 * app's own top-level page (sender frame checked) and pass the same validating dispatcher
 * as every other transport.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { dialog, ipcMain } from 'electron';
import { CHANNELS } from '../shared/channels';
import type { SourcebenchApi } from '../shared/api';
import { dispatch } from './dispatch';
import { EXTENSIONS } from '../shared/formats';

const SOURCE_FILTERS = [
  { name: 'Sources (text, Markdown, web pages, Word, PDF)', extensions: EXTENSIONS.map((e) => e.slice(1)) },
  { name: 'All files', extensions: ['*'] },
];
const PROJECT_FILTERS = [{ name: 'Sourcebench projects', extensions: ['sourcebench'] }];

export function isTrustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return frame.url.split(/[?#]/)[0] === rendererUrl.split(/[?#]/)[0];
}

export function registerIpc(service: SourcebenchApi, window: () => BrowserWindow | undefined, rendererUrl: string): void {
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, refused: R) =>
    (event: IpcMainInvokeEvent, ...args: A): Promise<R> =>
      isTrustedSender(event, rendererUrl) ? fn(...args) : Promise.resolve(refused);

  ipcMain.handle(
    CHANNELS.api,
    guard((method: unknown, payload: unknown) => dispatch(service, method, payload), {
      ok: false,
      error: { code: 'forbidden', message: 'IPC from an unknown frame was refused' },
    }),
  );
  const open = async (properties: Electron.OpenDialogOptions['properties'], filters = SOURCE_FILTERS) => {
    const w = window();
    const options = { properties, filters };
    const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
  ipcMain.handle(
    CHANNELS.chooseImportFiles,
    guard(() => open(['openFile', 'multiSelections']), []),
  );
  // Folders come back as they are: the import job lists them (importPaths), in main.
  ipcMain.handle(
    CHANNELS.chooseImportFolder,
    guard(() => open(['openDirectory', 'multiSelections']), []),
  );
  ipcMain.handle(
    CHANNELS.chooseProjectToOpen,
    guard(async () => (await open(['openFile'], PROJECT_FILTERS))[0] ?? null, null),
  );
  ipcMain.handle(
    CHANNELS.chooseProjectToCreate,
    guard(async () => {
      const w = window();
      const options = { title: 'New project', defaultPath: 'Untitled.sourcebench', filters: PROJECT_FILTERS };
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    }, null),
  );
}
