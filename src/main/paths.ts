/** Where Sourcebench keeps its files, the same for the desktop app, browser mode and the CLI. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Sourcebench';

/** The app's user-data folder (what Electron calls `userData`); `SOURCEBENCH_HOME` overrides it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOURCEBENCH_HOME) return path.resolve(env.SOURCEBENCH_HOME);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultProjectPath(home: string): string {
  return path.join(home, 'Default.sourcebench');
}

/** The project's root folder: `src/main` and `out/main` both sit two levels below it. */
export function appRoot(): string {
  return fileURLToPath(new URL('../..', import.meta.url));
}

export function resourcesDir(): string {
  return path.join(appRoot(), 'resources');
}

export function rendererDir(): string {
  return path.join(appRoot(), 'out', 'renderer');
}

/** A project opened before: where it was last seen, and its id (projects from before ids have none). */
export interface KnownProject {
  path: string;
  id?: string;
}

export interface Settings {
  lastProject?: string;
  /**
   * Projects opened before, the latest first: the recent list, and how a sourcebench://
   * link's project id is found. Older settings files hold paths only; they are read as
   * projects without an id, and get one when next opened.
   */
  recent: KnownProject[];
  /** How many backups to keep per project. */
  backupsKept: number;
}

/** How many projects are shown as recent. */
const MAX_RECENT = 10;
/** How many are remembered for links. */
const MAX_KNOWN = 100;

function knownProject(entry: unknown): KnownProject | null {
  if (typeof entry === 'string') return entry ? { path: entry } : null;
  if (typeof entry !== 'object' || entry === null) return null;
  const { path: p, id } = entry as { path?: unknown; id?: unknown };
  if (typeof p !== 'string' || !p) return null;
  return typeof id === 'string' && id ? { path: p, id } : { path: p };
}

/** The recent list as the UI shows it: paths, the latest first. */
export function recentPaths(settings: Settings): string[] {
  return settings.recent.slice(0, MAX_RECENT).map((r) => r.path);
}

export class SettingsFile {
  private readonly file: string;
  constructor(home: string) {
    this.file = path.join(home, 'settings.json');
  }

  read(): Settings {
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Settings>;
      return {
        lastProject: typeof data.lastProject === 'string' ? data.lastProject : undefined,
        recent: Array.isArray(data.recent)
          ? (data.recent as unknown[])
              .map(knownProject)
              .filter((r): r is KnownProject => r !== null)
              .slice(0, MAX_KNOWN)
          : [],
        backupsKept: typeof data.backupsKept === 'number' && data.backupsKept >= 1 ? Math.min(100, Math.trunc(data.backupsKept)) : 10,
      };
    } catch {
      return { recent: [], backupsKept: 10 };
    }
  }

  /** Writes the settings file whole: a temporary file renamed over it, never half-written. */
  private write(next: Settings): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
      fs.renameSync(tmp, this.file);
    } catch {
      // Settings are a convenience: a read-only home must not stop the project from opening.
    }
  }

  setBackupsKept(keep: number): Settings {
    const next = { ...this.read(), backupsKept: keep };
    this.write(next);
    return next;
  }

  /** Records a project as the last opened, with its id (where it was opened before, its entry moves to the front). */
  remember(project: string, id?: string): Settings {
    const current = this.read();
    const next: Settings = {
      ...current,
      lastProject: project,
      recent: [id ? { path: project, id } : { path: project }, ...current.recent.filter((r) => r.path !== project)].slice(0, MAX_KNOWN),
    };
    this.write(next);
    return next;
  }
}
