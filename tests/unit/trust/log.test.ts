import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Log, logFile } from '../../../src/main/log';
import { tempDir } from '../helpers';

describe('the log', () => {
  it('rotates past its size: the log to .1, each older one a place further, three kept', () => {
    const home = tempDir();
    const log = new Log(home, { maxBytes: 200, kept: 3 });
    // Each line is about 80 bytes: a new file every three lines.
    for (let i = 0; i < 40; i++) log.error(`failure number ${String(i).padStart(2, '0')} ${'x'.repeat(30)}`);
    const file = logFile(home);
    expect(log.files).toEqual([file, `${file}.1`, `${file}.2`, `${file}.3`]);
    for (const f of log.files) expect(fs.existsSync(f)).toBe(true);
    expect(fs.existsSync(`${file}.4`)).toBe(false);
    const read = (f: string) => fs.readFileSync(f, 'utf8');
    // The newest line is in the log itself, and each rotated file holds older lines than the one before it.
    expect(read(file)).toMatch(/failure number 39/);
    const first = (f: string) => Number(/failure number (\d+)/.exec(read(f))![1]);
    expect(first(`${file}.1`)).toBeLessThan(first(file));
    expect(first(`${file}.2`)).toBeLessThan(first(`${file}.1`));
    expect(first(`${file}.3`)).toBeLessThan(first(`${file}.2`));
    // The oldest lines are gone; no file grows much past the limit.
    expect(read(`${file}.3`)).not.toMatch(/failure number 00/);
    for (const f of log.files) expect(fs.statSync(f).size).toBeLessThan(200 + 100);
  });

  it('writes one line per message, its level and time first, and never throws', () => {
    const home = tempDir();
    const log = new Log(home);
    log.warn('the write-ahead log\ncould not be folded in');
    expect(fs.readFileSync(log.file, 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT\S+ WARN the write-ahead log could not be folded in\n$/);
    // A log that cannot be written (its folder is a file) is silently skipped.
    const blocked = tempDir();
    fs.writeFileSync(`${blocked}/logs`, 'not a folder');
    expect(() => new Log(blocked).error('lost')).not.toThrow();
  });
});
