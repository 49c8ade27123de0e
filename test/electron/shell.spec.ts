import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';
import { buildApi } from '../../preload/contract/api';
import { tempDir } from '../helpers/tmp';

const require = createRequire(import.meta.url);
function electronBinary(): string | null {
  try {
    const p = require('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const REASON =
  'the Electron binary is not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); these tests run wherever it exists';
if (!binary) console.log(`Electron shell tests skipped: ${REASON}.`);
test.skip(!binary, REASON);

let app: ElectronApplication;
let page: Page;
let cleanup: () => void;

test.beforeAll(async () => {
  const tmp = tempDir('proxydeck-electron-');
  cleanup = tmp.cleanup;
  app = await electron.launch({ args: ['.'], env: { ...process.env, PROXYDECK_USER_DATA: tmp.dir } });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});
test.afterAll(async () => {
  await app?.close();
  cleanup?.();
});

test('the window is isolated and sandboxed', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]!;
    // getLastWebPreferences is not in Electron's typings but exists at run time.
    const p = (
      w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
    ).getLastWebPreferences();
    return {
      sandbox: p.sandbox,
      contextIsolation: p.contextIsolation,
      nodeIntegration: p.nodeIntegration,
      webviewTag: p.webviewTag,
    };
  });
  expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
});

test('the page has no Node and exactly one frozen API object', async () => {
  expect(
    await page.evaluate(() => [
      typeof (globalThis as { require?: unknown }).require,
      typeof (globalThis as { process?: unknown }).process,
    ]),
  ).toEqual(['undefined', 'undefined']);
  const keys = await page.evaluate(() => {
    const api = (window as unknown as { proxydeck: Record<string, Record<string, unknown>> }).proxydeck;
    return { frozen: Object.isFrozen(api), groups: Object.keys(api).sort() };
  });
  // The groups of the contract's API object, whatever they are today (no stale hand-kept list).
  const groups = Object.keys(
    buildApi(
      async () => ({}) as never,
      () => () => {},
    ),
  ).sort();
  expect(keys).toEqual({ frozen: true, groups });
});

test('new windows and navigation away are blocked', async () => {
  await page.evaluate(() => window.open('https://example.com'));
  await page.evaluate(() => {
    location.href = 'https://example.com';
  });
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toMatch(/^app:\/\/proxydeck\//);
});

test('the accounts view answers through the real IPC bridge', async () => {
  const info = await page.evaluate(async () =>
    (window as unknown as { proxydeck: { app: { info(): Promise<{ ok: boolean }> } } }).proxydeck.app.info(),
  );
  expect(info.ok).toBe(true);
});

test('the CSP blocks injected inline script in the app window', async () => {
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.appendChild(s);
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
});
