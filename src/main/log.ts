/**
 * The log: failures nobody sees on screen (a background backup, a vocabulary load, a
 * shutdown that could not checkpoint) are written here, one line each, so they can be
 * found later. `<user-data>/logs/sourcebench.log`, rotated to `.1` past 1 MB.
 */
import fs from 'node:fs';
import path from 'node:path';

const MAX_BYTES = 1024 * 1024;

export function logFile(home: string): string {
  return path.join(home, 'logs', 'sourcebench.log');
}

export class Log {
  readonly file: string;

  constructor(home: string) {
    this.file = logFile(home);
  }

  /** Appends one line; never throws (a log that cannot be written must not stop the work). */
  write(level: 'error' | 'warn' | 'info', message: string): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      try {
        if (fs.statSync(this.file).size > MAX_BYTES) fs.renameSync(this.file, `${this.file}.1`);
      } catch {
        // No log yet.
      }
      fs.appendFileSync(this.file, `${new Date().toISOString()} ${level.toUpperCase()} ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    } catch {
      // Nowhere left to say it.
    }
  }

  error(message: string): void {
    this.write('error', message);
  }

  info(message: string): void {
    this.write('info', message);
  }
}
