// End-to-end tests: the release build (make dist) served on 127.0.0.1, driven in Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium where it is installed (make tools), else Playwright's own browser.
const system = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

const port = 4173;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: system,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
    locale: 'en-US',
  },
  webServer: {
    command: `node tests/e2e/server.mjs`,
    cwd: '../..',
    // server.mjs also starts the embed-mode origins (host 4301, reader 4302, API 4303).
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
