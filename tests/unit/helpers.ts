import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
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
