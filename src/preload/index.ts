/**
 * The preload: exposes one object, one function per API method plus the desktop dialogs,
 * and nothing else (no ipcRenderer, no process, no generic channel).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../shared/methods';
import type { BridgeApi, MenuCommand, SourcebenchBridge } from '../shared/bridge';
import type { OpenLink } from '../shared/links';
import { CHANNELS } from '../shared/channels';

const api = Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => ipcRenderer.invoke(CHANNELS.api, m, input)])) as BridgeApi;

const bridge: SourcebenchBridge = {
  api,
  desktop: {
    chooseImportFiles: () => ipcRenderer.invoke(CHANNELS.chooseImportFiles),
    chooseImportFolder: () => ipcRenderer.invoke(CHANNELS.chooseImportFolder),
    chooseProjectToOpen: () => ipcRenderer.invoke(CHANNELS.chooseProjectToOpen),
    chooseProjectToCreate: () => ipcRenderer.invoke(CHANNELS.chooseProjectToCreate),
    onMenuCommand(listener) {
      const handler = (_event: unknown, command: MenuCommand) => listener(command);
      ipcRenderer.on(CHANNELS.menu, handler);
      return () => ipcRenderer.removeListener(CHANNELS.menu, handler);
    },
    onOpenLink(listener) {
      const handler = (_event: unknown, link: OpenLink) => listener(link);
      ipcRenderer.on(CHANNELS.openLink, handler);
      return () => ipcRenderer.removeListener(CHANNELS.openLink, handler);
    },
  },
};

contextBridge.exposeInMainWorld('sourcebench', bridge);
