import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests. `web` drives the real renderer in Debian's Chromium against the real core through
 * the browser host (test/e2e). `electron` drives the packaged shell with Playwright's _electron
 * (test/electron); it needs the Electron binary and says so when it is absent.
 */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'web',
      testDir: './test/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    { name: 'electron', testDir: './test/electron' },
  ],
});
