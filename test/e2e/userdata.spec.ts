import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import Conf from 'conf';
import { type Core, createCore } from '../../main/core/app-core';
import { DemoEnvironment } from '../../main/core/demo/demo-environment';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { SIMULATOR_FACTORIES } from '../../main/simulators/registry';
import { VENDOR_MODULES } from '../../main/vendors/registry';
import { startWebHost, type WebHost } from '../../main/webhost/server';
import { tempDir } from '../helpers/tmp';
import { screenshot } from './fixtures';
import { nav } from './renew-steps';

/**
 * What only the user has is never lost (issue 16 §5), on the demo accounts: customers written, the
 * business file damaged on disk, the core restarted on the same data folder (as after a crash or a
 * bad disk), the window shows the notice, and Settings → Your data restores a copy with the customer.
 */

const staticDir =
  process.env.PROXYDECK_RENDERER_DIR ??
  fileURLToPath(new URL('../../out/renderer', import.meta.url)).replace(/\/$/, '');

interface Running {
  core: Core;
  host: WebHost;
}

/** One start of the app on `dir` (the vault lives across restarts, as the keychain does). */
async function start(dir: string, vault: MemoryVault): Promise<Running> {
  const core = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault,
    vendors: VENDOR_MODULES,
    version: '0.0.0-e2e',
    demo: new DemoEnvironment(SIMULATOR_FACTORIES),
  });
  const host = await startWebHost({ dispatch: core.dispatch, subscribe: (l) => core.events.on(l), staticDir });
  return { core, host };
}

async function stop(r: Running): Promise<void> {
  await r.host.close();
  await r.core.shutdown();
}

async function call<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const r = await core.dispatch(channel, input === undefined ? [] : [input]);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

const test = base.extend<{ dir: string }>({
  dir: async ({ page }, use) => {
    const { dir, cleanup } = tempDir('proxydeck-e2e-userdata-');
    page.on('pageerror', (e) => {
      throw e;
    });
    await use(dir);
    cleanup();
  },
});

async function open(page: Page, r: Running): Promise<void> {
  await page.goto(r.host.appUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

test.describe('your data', () => {
  test('restore after a damaged customers file: the notice, then Settings → Your data brings the customer back', async ({
    page,
    dir,
  }) => {
    const vault = new MemoryVault();
    let app = await start(dir, vault);
    try {
      await open(page, app);
      // A customer, then another change the same day: the day's copy holds the customer.
      await call(app.core, 'customers:save', { name: 'Acme Proxies Ltd', contact: 'ops@acme.example' });
      await call(app.core, 'customers:save', { name: 'Beta Resale' });
      await nav(page, 'Customers');
      await expect(page.getByText('Acme Proxies Ltd').first()).toBeVisible();

      // The file is damaged on disk while the app is closed (cut short).
      await stop(app);
      const file = join(dir, 'business.json');
      const damaged = readFileSync(file, 'utf8').slice(0, 60);
      writeFileSync(file, damaged);
      app = await start(dir, vault);
      await open(page, app);

      // The window says what happened and that the copy of the day was used.
      const notice = page.getByRole('status').filter({ hasText: 'customers and prices file could not be used' });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('was restored');
      // The damaged file was kept unchanged beside.
      const aside = readdirSync(dir).find((n) => n.startsWith('business') && n.includes('damaged'));
      expect(aside && readFileSync(join(dir, aside), 'utf8')).toBe(damaged);

      // Settings → Your data: the copy is listed with its customer count, and Restore (confirmed) works.
      await nav(page, 'Settings');
      const section = page.getByTestId('your-data');
      await expect(section.getByRole('heading', { name: 'Your data' })).toBeVisible();
      const rows = section.getByTestId('backup-row');
      await expect(rows.first()).toBeVisible();
      const dayCopy = rows.filter({ hasText: '(start of the day)' });
      await expect(dayCopy).toHaveCount(1);
      await expect(dayCopy.getByRole('cell').nth(1)).toHaveText('1');
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-your-data');
      await dayCopy.getByRole('button', { name: 'Restore' }).click();
      const confirm = page.getByRole('dialog', { name: 'Restore this copy?' });
      await expect(confirm).toContainText('customers: 1');
      await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect(confirm).toBeHidden();
      await expect(section.getByRole('status').filter({ hasText: 'Restored the copy from' })).toBeVisible();
      // The notice was about the file that is now replaced: it is gone.
      await expect(notice).toHaveCount(0);

      // The customer is back, in the window and on disk (after another restart).
      await nav(page, 'Customers');
      await expect(page.getByText('Acme Proxies Ltd').first()).toBeVisible();
      await stop(app);
      app = await start(dir, vault);
      const view = await call<{ customers: { name: string }[] }>(app.core, 'business:get');
      expect(view.customers.map((c) => c.name)).toEqual(['Acme Proxies Ltd']);
    } finally {
      await stop(app).catch(() => undefined);
    }
  });

  test('export then import on the demo accounts: a preview first, nothing replaced until confirmed', async ({
    page,
    dir,
  }) => {
    const vault = new MemoryVault();
    const app = await start(dir, vault);
    try {
      await open(page, app);
      await call(app.core, 'customers:save', { name: 'Acme Proxies Ltd' });
      await nav(page, 'Settings');
      const section = page.getByTestId('your-data');

      // Export (no keys): the file is downloaded.
      const download = page.waitForEvent('download');
      await section.getByRole('button', { name: 'Export', exact: true }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^proxydeck-export-\d{4}-\d{2}-\d{2}\.json$/);
      const path = join(dir, 'exported.json');
      await file.saveAs(path);
      await expect(section.getByText(`Saved ${file.suggestedFilename()} to your downloads.`)).toBeVisible();

      // With keys: the passphrase is asked twice and must be long enough.
      await section.getByRole('checkbox', { name: 'Include the API keys (locked with a passphrase)' }).check();
      await section.getByLabel('Passphrase', { exact: true }).fill('short');
      await expect(section.getByTestId('strength')).toContainText('weak');
      await section.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(section.getByText('Use a passphrase of at least 10 characters.')).toBeVisible();
      await section.getByRole('checkbox', { name: 'Include the API keys (locked with a passphrase)' }).uncheck();

      // The customer is changed here; the import brings the file's back, after the preview and a confirm.
      const here = await call<{ customers: { id: string }[] }>(app.core, 'business:get');
      await call(app.core, 'customers:save', { id: here.customers[0]!.id, name: 'Acme (renamed)' });
      await section.getByTestId('import-file').setInputFiles(path);
      await section.getByRole('button', { name: 'Check the file' }).click();
      const preview = section.getByTestId('import-preview');
      await expect(preview).toContainText('Customers: 0 new, 1 changed, 0 the same, 0 removed.');
      await expect(preview.getByTestId('import-keys')).toHaveText('The file holds no keys.');
      await expect(preview.getByTestId('import-account').first()).toContainText('On this computer');
      expect((await call<{ customers: { name: string }[] }>(app.core, 'business:get')).customers[0]!.name).toBe(
        'Acme (renamed)',
      );
      await preview.getByRole('button', { name: 'Replace my data' }).click();
      const confirm = page.getByRole('dialog', { name: 'Replace your data with the file?' });
      await confirm.getByRole('button', { name: 'Replace', exact: true }).click();
      await expect(section.getByText('Imported. Customers: 1')).toBeVisible();
      expect((await call<{ customers: { name: string }[] }>(app.core, 'business:get')).customers[0]!.name).toBe(
        'Acme Proxies Ltd',
      );
    } finally {
      await stop(app);
    }
  });
});
