/** What the preload exposes to the renderer as `window.sourcebench` (types only). */
import type { SourcebenchApi } from './api';
import type { MethodName } from './methods';
import type { ErrorData } from './errors';
import type { OpenLink } from './links';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** One function per contract method, each resolving to a reply (errors are data). */
export type BridgeApi = { [M in MethodName]: (input: Parameters<SourcebenchApi[M]>[0]) => Promise<Reply<Awaited<ReturnType<SourcebenchApi[M]>>>> };

export type MenuCommand = 'new-project' | 'open-project' | 'import-files' | 'import-folder' | 'show-library' | 'focus-filter';

/** Desktop-only abilities: native dialogs and the application menu. */
export interface DesktopBridge {
  chooseImportFiles(): Promise<string[]>;
  /** The folders chosen, as they are: the import job lists them. */
  chooseImportFolder(): Promise<string[]>;
  chooseProjectToOpen(): Promise<string | null>;
  chooseProjectToCreate(): Promise<string | null>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A `sourcebench://open` link was opened (from an exported note, say). */
  onOpenLink(listener: (link: OpenLink) => void): () => void;
}

export interface SourcebenchBridge {
  api: BridgeApi;
  desktop: DesktopBridge;
}
