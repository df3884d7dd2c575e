import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

/** The browser: $SOURCEBENCH_CHROMIUM or $CHROME_PATH, then the system's Chromium, then Playwright's own. */
function chromiumPath(): string | undefined {
  for (const candidate of [process.env.SOURCEBENCH_CHROMIUM, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Bounds on waiting for states, not speed targets: generous, so that a machine busy
  // with other work (CI neighbours, a build) slows the suite down without failing it.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
});
