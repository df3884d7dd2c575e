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

export interface Settings {
  lastProject?: string;
  recent: string[];
  /** How many backups to keep per project. */
  backupsKept: number;
}

const MAX_RECENT = 10;

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
        recent: Array.isArray(data.recent) ? data.recent.filter((r): r is string => typeof r === 'string') : [],
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

  /** Records a project as the last opened. */
  remember(project: string): Settings {
    const current = this.read();
    const next: Settings = {
      ...current,
      lastProject: project,
      recent: [project, ...current.recent.filter((r) => r !== project)].slice(0, MAX_RECENT),
    };
    this.write(next);
    return next;
  }
}
