import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { expect, readText, screenshot, test } from './fixtures';

test.describe('accounts (real core, real keychain, ProxyShard simulator)', () => {
  test('add, list, test, rename and remove an account; the key never leaves main', async ({ page, app }) => {
    const secret = app.sims.proxyshard.credentials.apiKey!;
    expect(secret.length).toBeGreaterThanOrEqual(16);

    // No accounts: the app opens on the Accounts view.
    await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('radio', { name: 'ProxyShard' }).check();
    await form.getByLabel('API key', { exact: true }).fill(secret);
    await form.getByLabel('Account name').fill('Shop A');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('status')).toContainText('Connected');
    await screenshot(page, 'add-account');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();

    const row = page.getByRole('row', { name: /Shop A/ });
    await expect(row).toBeVisible();
    await expect(row).toContainText('ProxyShard');
    const [account] = app.core.accounts.list();
    expect(account?.label).toBe('Shop A');
    expect(JSON.parse((await keytar.getPassword('Proxydeck', account!.id)) ?? '{}')).toEqual({ apiKey: secret });

    await row.getByRole('button', { name: 'Test connection' }).click();
    await expect(row.getByRole('status')).toContainText('Connected');
    await screenshot(page, 'accounts');

    // Rename; a duplicate name is refused in plain words.
    await row.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('Account name').fill('Shop B');
    await page.getByRole('button', { name: 'Save' }).click();
    const renamed = page.getByRole('row', { name: /Shop B/ });
    await expect(renamed).toBeVisible();
    expect(app.core.accounts.list()[0]?.label).toBe('Shop B');

    // Remove, with confirmation; the keychain entry goes too.
    await renamed.getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText('Shop B');
    await confirm.getByRole('button', { name: 'Confirm remove' }).click();
    await expect(page.getByRole('row', { name: /Shop B/ })).toHaveCount(0);
    expect(app.core.accounts.list()).toEqual([]);
    expect(await keytar.getPassword('Proxydeck', account!.id)).toBeNull();
    expect((await keytar.findCredentials('Proxydeck')).map((c) => c.account)).not.toContain(account!.id);

    // The planted secret never reached the page, its IPC answers, the store or the log.
    expect(await page.content()).not.toContain(secret);
    expect(app.ipcBodies.length).toBeGreaterThan(5);
    for (const body of app.ipcBodies) expect(body).not.toContain(secret);
    for (const f of readdirSync(app.dataDir, { recursive: true }) as string[]) {
      if (/\.(json|log)$/.test(f)) expect(readFileSync(join(app.dataDir, f), 'utf8')).not.toContain(secret);
    }
    expect(readText(app.logPath).length).toBeGreaterThan(0); // the log was written (vendor requests)
    expect(readText(app.logPath)).not.toContain(secret);
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(storage).not.toContain(secret);
  });

  test('a duplicate name is refused with a clear message', async ({ page, app }) => {
    await app.core.accounts.add({ vendor: 'youproxy', label: 'Main', credentials: app.sims.youproxy.credentials });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Accounts', exact: true }).click();
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('radio', { name: 'YouProxy' }).check();
    await form.getByLabel('API key', { exact: true }).fill(app.sims.youproxy.credentials.apiKey!);
    await form.getByLabel('Account name').fill('main');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toContainText('You already have an account named "Main"');
    expect(app.core.accounts.list()).toHaveLength(1);
  });
});

test.describe('demo mode', () => {
  test.use({ demo: true });
  test('a first start shows marked demo accounts of all four vendors, and they can be removed', async ({
    page,
    app,
  }) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Accounts', exact: true }).click();
    for (const vendor of ['Thordata', 'ProxyShard', 'YouProxy', 'BestProxy']) {
      await expect(page.getByRole('row', { name: new RegExp(`Demo · ${vendor}`) })).toContainText('Demo');
    }
    await expect(page.getByText(/demo accounts/i).first()).toBeVisible();
    await screenshot(page, 'demo-accounts');
    const row = page.getByRole('row', { name: /Demo · YouProxy/ });
    await row.getByRole('button', { name: 'Test connection' }).click();
    await expect(row.getByRole('status')).toContainText('Connected');
    await row.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm remove' }).click();
    await expect(page.getByRole('row', { name: /Demo · YouProxy/ })).toHaveCount(0);
    expect(app.core.accounts.list().map((a) => a.label)).not.toContain('Demo · YouProxy');
  });
});
