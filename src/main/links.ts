/**
 * What the desktop app does with a `sourcebench://open` link, decided apart from Electron
 * so that it can be tested: links name a project by its stable id and are resolved among
 * the projects opened on this computer before; a project is never opened from a path in a
 * link without asking, and some paths are never opened from a link at all.
 */
import path from 'node:path';
import type { MessageBoxOptions } from 'electron';
import type { OpenLink } from '../shared/links';
import type { KnownProject } from './paths';
import { PROJECT_EXTENSION } from './store/pragmas';

export const LINK_PROTOCOL = 'sourcebench';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Names Windows gives to devices, in any folder and with any extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** What to do with a link. */
export type LinkTarget =
  /** The link is into the project that is open: show the passage. */
  | { action: 'show' }
  /** A project known by its id: open it (no question asked), then show the passage. */
  | { action: 'open'; path: string }
  /** A link from an older export that names a project by its path: open it only if the user agrees. */
  | { action: 'ask'; path: string }
  /** Nothing is opened; tell the user why. */
  | { action: 'refuse'; reason: 'unknown_project' | 'unsafe_path'; message: string };

export interface ResolveOptions {
  /** Whose path rules apply (Windows paths are checked as Windows paths). */
  platform?: NodeJS.Platform;
  /** Whether a file exists: of the paths a known id was seen at, the latest that still exists wins. */
  exists?: (file: string) => boolean;
}

/**
 * Why a path from a link must not be opened, or null when it may be (after asking): it
 * must be an absolute local path to a `.sourcebench` file, not a network (UNC) or device
 * path, without `..` segments, control characters or a leading `-` (an option to a program).
 */
export function unsafeLinkPath(file: string, platform: NodeJS.Platform = process.platform): string | null {
  if (file.length > 4096) return 'the path is too long';
  if (/[\u0000-\u001f\u007f]/.test(file)) return 'the path has control characters in it';
  if (file.startsWith('-')) return 'it looks like a command-line option';
  if (/^[\\/]{2}/.test(file)) return 'it is a network (UNC) or device path';
  const segments = file.split(/[\\/]/);
  if (segments.includes('..')) return 'it has ".." in it';
  if (platform === 'win32') {
    if (!/^[A-Za-z]:[\\/]/.test(file)) return 'it is not an absolute path on a drive';
    if (file.indexOf(':', 2) !== -1) return 'it has a ":" after the drive';
    if (segments.some((s) => WINDOWS_DEVICE.test(s.trim()))) return 'it names a device';
  } else if (!file.startsWith('/')) return 'it is not an absolute path';
  if (!file.endsWith(PROJECT_EXTENSION)) return `it is not a ${PROJECT_EXTENSION} file`;
  return null;
}

function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  if (platform === 'win32') return path.win32.normalize(a).toLowerCase() === path.win32.normalize(b).toLowerCase();
  return path.posix.normalize(a) === path.posix.normalize(b);
}

/**
 * Resolves a parsed link against the projects known on this computer (the latest first)
 * and the one open now. A known id opens its project; an unknown id opens nothing; a
 * path (links from older exports) is opened only after asking, and never when unsafe.
 */
export function resolveOpenLink(
  link: OpenLink,
  known: readonly KnownProject[],
  current: { id: string; path: string },
  options: ResolveOptions = {},
): LinkTarget {
  const platform = options.platform ?? process.platform;
  const project = link.project;
  if (project === null || project === '') return { action: 'show' };
  if (UUID.test(project)) {
    const id = project.toLowerCase();
    if (id === current.id.toLowerCase()) return { action: 'show' };
    const seen = known.filter((k) => k.id?.toLowerCase() === id);
    if (seen.length === 0) {
      return {
        action: 'refuse',
        reason: 'unknown_project',
        message:
          'This link is to a project that has not been opened with Sourcebench on this computer. Open the project once (File › Open Project…), then follow the link again.',
      };
    }
    const exists = options.exists ?? (() => true);
    const found = seen.find((k) => exists(k.path));
    if (!found) {
      return {
        action: 'refuse',
        reason: 'unknown_project',
        message: `This link is to a project last opened at ${seen[0]!.path}, which is no longer there. Open the project where it is now (File › Open Project…), then follow the link again.`,
      };
    }
    return { action: 'open', path: found.path };
  }
  const problem = unsafeLinkPath(project, platform);
  if (problem) {
    return {
      action: 'refuse',
      reason: 'unsafe_path',
      message: `This link names a project by a path that Sourcebench does not open from links: ${problem}.`,
    };
  }
  if (samePath(project, current.path, platform)) return { action: 'show' };
  return { action: 'ask', path: project };
}

/**
 * The links among a launch's arguments: only those after `--` (the protocol handler is
 * registered as `… -- <url>`), so that a link can never be read as an option to the app
 * or to Chromium, and an option can never be read as a link.
 */
export function linksFromArgv(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  if (end === -1) return [];
  return argv.slice(end + 1).filter((a) => a.toLowerCase().startsWith(`${LINK_PROTOCOL}://`));
}

/** The arguments the protocol handler is registered with: the app's own, then `--` before the link. */
export function protocolHandlerArgs(appArgs: readonly string[]): string[] {
  return [...appArgs, '--'];
}

/** The index of the button that opens the project in confirmOpenOptions. */
export const CONFIRM_OPEN = 1;

/** The question asked before a link opens a project it names by its path; Cancel is the default. */
export function confirmOpenOptions(file: string): MessageBoxOptions {
  return {
    type: 'warning',
    buttons: ['Cancel', 'Open Project'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    title: 'Open a project from a link?',
    message: `A link asks Sourcebench to open the project “${file.split(/[\\/]/).pop()}”.`,
    detail: `The link names the project by where it is:\n\n${file}\n\nOpen it only if you followed this link on purpose and trust where it came from. Links exported by this version of Sourcebench name projects by their id, and open without asking.`,
  };
}
