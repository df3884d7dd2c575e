/**
 * The log: failures nobody sees on screen (a background backup, a vocabulary load, a
 * shutdown that could not checkpoint) are written here, one line each, so they can be
 * found later. `<user-data>/logs/sourcebench.log`; past 1 MB it is rotated: the log becomes
 * `.1`, `.1` becomes `.2` and so on, and the oldest beyond three is dropped.
 */
import fs from 'node:fs';
import path from 'node:path';

const MAX_BYTES = 1024 * 1024;
/** How many rotated logs are kept beside the current one. */
const KEPT = 3;

export function logFile(home: string): string {
  return path.join(home, 'logs', 'sourcebench.log');
}

export class Log {
  readonly file: string;

  constructor(
    home: string,
    private readonly limits: { maxBytes: number; kept: number } = { maxBytes: MAX_BYTES, kept: KEPT },
  ) {
    this.file = logFile(home);
  }

  /** The log and its rotated predecessors, newest first, as they are named (whether they exist or not). */
  get files(): string[] {
    return [this.file, ...Array.from({ length: this.limits.kept }, (_, i) => `${this.file}.${i + 1}`)];
  }

  /** The log past its size moves to `.1`, each older one a place further, the oldest beyond `kept` dropped. */
  private rotate(): void {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return; // no log yet
    }
    if (size <= this.limits.maxBytes) return;
    const files = this.files;
    fs.rmSync(files[files.length - 1]!, { force: true });
    for (let i = files.length - 2; i >= 0; i--) {
      try {
        fs.renameSync(files[i]!, files[i + 1]!);
      } catch {
        // A gap in the series (a file removed by hand): the others still move.
      }
    }
  }

  /** Appends one line; never throws (a log that cannot be written must not stop the work). */
  write(level: 'error' | 'warn' | 'info', message: string): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.rotate();
      fs.appendFileSync(this.file, `${new Date().toISOString()} ${level.toUpperCase()} ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    } catch {
      // Nowhere left to say it.
    }
  }

  error(message: string): void {
    this.write('error', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  info(message: string): void {
    this.write('info', message);
  }
}
