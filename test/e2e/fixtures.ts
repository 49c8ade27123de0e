import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import Conf from 'conf';
import { type Core, createCore, logFile } from '../../main/core/app-core';
import { DemoEnvironment } from '../../main/core/demo/demo-environment';
import { createLogger } from '../../main/core/logging/logger';
import type { BackendCtor } from '../../main/core/store/open-file';
import { KeytarVault } from '../../main/core/vault/keytar-vault';
import { SIMULATOR_FACTORIES } from '../../main/simulators/registry';
import type { VendorSimulator } from '../../main/simulators/types';
import { VENDOR_MODULES } from '../../main/vendors/registry';
import { startWebHost, type WebHost } from '../../main/webhost/server';
import { VENDOR_IDS, type VendorId } from '../../preload/contract/model';
import { tempDir } from '../helpers/tmp';

export interface AppUnderTest {
  core: Core;
  host: WebHost;
  dataDir: string;
  /** One running simulator per vendor; real (non-demo) accounts are pointed at them. */
  sims: Record<VendorId, VendorSimulator>;
  /** Every /ipc response body the page received, for secret checks. */
  ipcBodies: string[];
  logPath: string;
}

export interface AppOptions {
  demo: boolean;
}

/**
 * Starts the real core (real keychain, conf store in a temp folder, the four simulators) behind the
 * browser host, and opens the built renderer in Chromium with the per-run token.
 */
export const test = base.extend<AppOptions & { app: AppUnderTest }>({
  demo: [false, { option: true }],
  app: async ({ page, demo }, use) => {
    const { dir, cleanup } = tempDir('proxydeck-e2e-');
    const sims = {} as Record<VendorId, VendorSimulator>;
    for (const v of VENDOR_IDS) {
      sims[v] = SIMULATOR_FACTORIES[v]({ seed: 11 });
      await sims[v].listen(0);
    }
    const baseUrls = Object.fromEntries(VENDOR_IDS.map((v) => [v, sims[v].baseUrl()]));
    const logPath = logFile(dir);
    const core = await createCore({
      dataDir: dir,
      Backend: Conf as unknown as BackendCtor,
      vault: new KeytarVault(),
      vendors: VENDOR_MODULES,
      version: '0.0.0-e2e',
      baseUrls,
      log: createLogger({ file: logPath, level: 'debug' }),
      ...(demo ? { demo: new DemoEnvironment(SIMULATOR_FACTORIES) } : {}),
    });
    const host = await startWebHost({
      dispatch: core.dispatch,
      subscribe: (l) => core.events.on(l),
      staticDir:
        process.env.PROXYDECK_RENDERER_DIR ??
        fileURLToPath(new URL('../../out/renderer', import.meta.url)).replace(/\/$/, ''),
    });
    const ipcBodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/ipc/')) ipcBodies.push(await r.text().catch(() => ''));
    });
    page.on('pageerror', (e) => {
      throw e;
    });
    // As the app does at start: refresh every account in the background while the page opens.
    core.refresh.start();
    await page.goto(host.appUrl);
    await use({ core, host, dataDir: dir, sims, ipcBodies, logPath });
    await host.close();
    await core.shutdown();
    for (const v of VENDOR_IDS) await sims[v].close();
    // Remove this run's keychain entries, if a test left any.
    for (const a of core.accounts.list()) if (!a.demo) await new KeytarVault().delete(a.id).catch(() => false);
    cleanup();
  },
});

export { expect };

/** Saves a screenshot of the current view under screenshots/ (kept across runs, unlike test-results/). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: false });
}

export const readText = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};
