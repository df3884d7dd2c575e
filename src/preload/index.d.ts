import type { SourcebenchBridge } from '../shared/bridge';

declare global {
  interface Window {
    /** Present in the desktop app only; browser mode talks HTTP instead. */
    sourcebench?: SourcebenchBridge;
  }
}

export {};
