import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Workbench } from '../../src/main/workbench';

const dirs: string[] = [];
const benches: Workbench[] = [];

afterEach(() => {
  for (const wb of benches.splice(0)) {
    try {
      wb.close();
    } catch {
      // already closed by the test
    }
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-test-'));
  dirs.push(d);
  return d;
}

/**
 * Every test of the calling file runs with SOURCEBENCH_HOME (where the CLI keeps its settings
 * and default project) set to a fresh temporary folder, which the returned function gives;
 * the variable is put back after each test.
 */
export function useTempHome(): () => string {
  let home = '';
  const saved = process.env.SOURCEBENCH_HOME;
  beforeEach(() => {
    home = tempDir();
    process.env.SOURCEBENCH_HOME = home;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCEBENCH_HOME;
    else process.env.SOURCEBENCH_HOME = saved;
  });
  return () => home;
}

/** A workbench on its own temporary home and project. */
export function tempWorkbench(): { wb: Workbench; home: string } {
  const home = tempDir();
  const wb = Workbench.open({ home });
  benches.push(wb);
  return { wb, home };
}

export function fixture(name: string): string {
  return path.join(__dirname, '..', 'fixtures', name);
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
