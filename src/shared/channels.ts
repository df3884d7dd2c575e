/** IPC channel names, shared by the preload and main (plain data: the sandboxed preload bundles it). */
export const CHANNELS = {
  api: 'sourcebench:api',
  chooseImportFiles: 'sourcebench:choose-import-files',
  chooseImportFolder: 'sourcebench:choose-import-folder',
  chooseProjectToOpen: 'sourcebench:choose-project-open',
  chooseProjectToCreate: 'sourcebench:choose-project-create',
  menu: 'sourcebench:menu',
  openLink: 'sourcebench:open-link',
} as const;
