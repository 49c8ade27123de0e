import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AppEvent } from '../../preload/contract/channels';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';

/** Issue 11: points 9 (vendor rules before the vendor refuses), 10 (all in the user's language), 13 (Activity is a place), 14 (CIDR, favicon, test reminder). */

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

async function openView(page: Page, app: AppUnderTest, name: string) {
  await app.core.refresh.idle();
  await page.reload();
  await nav(page, name);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

function demoAccount(app: AppUnderTest, vendor: 'thordata' | 'bestproxy' | 'proxyshard') {
  const account = app.core.accounts.list().find((a) => a.vendor === vendor && a.demo);
  if (!account) throw new Error(`no demo ${vendor} account`);
  return account;
}

test.describe('with the demo accounts', () => {
  test.use({ demo: true });

  test('point 9: sub-user name and password rules are shown and checked as the user types, before Thordata can refuse', async ({
    page,
    app,
  }) => {
    const thordata = demoAccount(app, 'thordata');
    const client = await app.core.accounts.client(thordata.id);
    await openView(page, app, 'Sub-users');
    await page.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: thordata.label });
    await page.getByRole('button', { name: 'Create sub-user' }).click();
    const dialog = page.getByRole('dialog');
    const username = dialog.getByLabel('Username');
    const password = dialog.getByLabel('Password');
    await expect(username).toHaveAccessibleDescription('Thordata rule: 6–15 characters · letters and digits only.');
    await expect(password).toHaveAccessibleDescription(
      'Thordata rule: 6–15 characters · letters and digits only · starts with a letter.',
    );
    // Thordata has no notes: no Note field to type into for nothing.
    await expect(dialog.getByLabel('Note')).toHaveCount(0);

    await username.fill('ab');
    await expect(dialog.getByText('Use 6 to 15 characters (now 2).')).toBeVisible();
    await username.fill('shop_01');
    await expect(dialog.getByText(/Use only letters \(a–z, A–Z\) and digits/)).toBeVisible();
    await username.fill('shop01');
    await expect(username).not.toHaveAttribute('aria-invalid', 'true');
    await password.fill('1secret');
    await expect(dialog.getByText('Start with a letter (a–z or A–Z).')).toBeVisible();
    await screenshot(page, 'forms-subuser-rules');
    await password.fill('secret1');
    await expect(password).not.toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('Traffic limit (GB)').fill('2');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect((await client.listSubUsers()).map((u) => u.username)).toContain('shop01');
  });

  test('point 9: ProxyShard makes sub-user passwords itself, so none is asked for', async ({ page, app }) => {
    const proxyshard = app.core.accounts.list().find((a) => a.vendor === 'proxyshard' && a.demo);
    test.skip(!proxyshard, 'no demo ProxyShard account');
    await openView(page, app, 'Sub-users');
    const picker = page.getByRole('combobox', { name: 'Account', exact: true });
    const labels = await picker.locator('option').allTextContents();
    test.skip(!labels.includes(proxyshard!.label), 'the demo ProxyShard account has no sub-users');
    await picker.selectOption({ label: proxyshard!.label });
    await page.getByRole('button', { name: 'Create sub-user' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText('ProxyShard makes the password itself.', { exact: false })).toBeVisible();
    await expect(dialog.getByLabel('Password')).toHaveCount(0);
  });

  test('point 14: a CIDR range is named as one Thordata does not take, and its addresses can be added instead', async ({
    page,
    app,
  }) => {
    const thordata = demoAccount(app, 'thordata');
    const client = await app.core.accounts.client(thordata.id);
    await openView(page, app, 'Whitelists');
    await page.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: thordata.label });
    const field = page.getByLabel('IP addresses to add');
    await expect(field).toHaveAccessibleDescription(
      /Thordata takes single addresses only, not ranges like 203\.0\.113\.0\/24\./,
    );
    await field.fill('198.51.100.20\n203.0.113.8/30\n10.0.0.0/16');
    await page.getByRole('button', { name: 'Add to whitelist' }).click();
    const lines = page.locator('.manage-line-errors li');
    await expect(lines).toHaveText([
      'Line 2: 203.0.113.8/30 is a range; Thordata takes single addresses only. It holds 4 addresses.',
      /^Line 3: 10\.0\.0\.0\/16 is a range of 65536 addresses, too many to add one by one/,
    ]);
    await screenshot(page, 'forms-whitelist-cidr');
    await page.getByRole('button', { name: 'Put the 4 single addresses in their place' }).click();
    await expect(field).toHaveValue('198.51.100.20\n203.0.113.8\n203.0.113.9\n203.0.113.10\n203.0.113.11\n10.0.0.0/16');
    await field.fill((await field.inputValue()).replace('\n10.0.0.0/16', ''));
    await page.getByRole('button', { name: 'Add to whitelist' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added 5 IP addresses.' })).toBeVisible();
    const ips = (await client.listWhitelist()).map((e) => e.ip);
    expect(ips).toEqual(expect.arrayContaining(['198.51.100.20', '203.0.113.8', '203.0.113.11']));
  });

  test('point 14: Settings sends a test reminder (the next real one, as a desktop notification)', async ({
    page,
    app,
  }) => {
    const seen: AppEvent[] = [];
    const off = app.core.events.on((e) => {
      if (e.type === 'reminder') seen.push(e);
    });
    await openView(page, app, 'Settings');
    await page.getByRole('button', { name: 'Send a test reminder' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Test reminder sent:' });
    await expect(status).toBeVisible();
    await expect(status).toContainText(/Test reminder: .+ (expires?|look like this)/);
    off();
    expect(seen).toHaveLength(1);
    const sent = seen[0] as Extract<AppEvent, { type: 'reminder' }>;
    expect(sent.reminder.title).toMatch(/^Test reminder: /);
    await status.scrollIntoViewIfNeeded();
    await screenshot(page, 'forms-test-reminder');
  });
});

test.describe('without accounts', () => {
  test('point 9: API key format is help text and checked as typed; a wrong Thordata key is named under the Key field', async ({
    page,
    app,
  }) => {
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('radio', { name: 'YouProxy' }).check();
    const key = form.getByLabel('API key', { exact: true });
    await expect(key).toHaveAccessibleDescription(/Format: at least 8 characters · no \/ \\ \? #, no spaces\.$/);
    await key.fill('https://youproxy.io/client/api/v1/abcdef');
    await expect(form.getByText('This cannot contain / \\ ? #. Copy only the key itself.')).toBeVisible();
    await key.fill('abc');
    await expect(
      form.getByText('This is too short: it needs at least 8 characters (now 3). Copy it again.'),
    ).toBeVisible();
    await key.fill(app.sims.youproxy.credentials.apiKey!);
    await expect(key).not.toHaveAttribute('aria-invalid', 'true');

    await form.getByRole('radio', { name: 'Thordata' }).check();
    await form.getByLabel('Token', { exact: true }).fill(app.sims.thordata.credentials.token!);
    await form.getByLabel('Key', { exact: true }).fill('wrongkey12345678');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const keyField = form.getByLabel('Key', { exact: true });
    await expect(keyField).toHaveAttribute('aria-invalid', 'true');
    await expect(keyField).toHaveAccessibleDescription(
      /Thordata did not accept the key\. Copy the key again from My Account/,
    );
    await expect(form.getByLabel('Token', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, 'forms-thordata-key');
  });

  test('point 10: in 简体中文 vendor refusals and network errors are Chinese; the vendor’s own words stay in brackets', async ({
    page,
    app,
  }) => {
    await app.core.dispatch('settings:update', [{ language: 'zh-CN' }]);
    await page.reload();
    await page.getByRole('button', { name: '添加账户' }).first().click();
    const form = page.getByRole('dialog');
    await form.getByRole('radio', { name: 'Thordata' }).check();
    await form.getByLabel('令牌（Token）').fill(app.sims.thordata.credentials.token!);
    const key = form.getByLabel('密钥（Key）');
    await key.fill('wrongkey12345678');
    await form.getByRole('button', { name: '测试连接' }).click();
    await expect(key).toHaveAccessibleDescription(
      /Thordata 不接受此密钥（Key）。请从 Thordata 控制台的“我的账户”页面重新复制密钥（Key），然后在 Proxydeck 中更新该账户。（Thordata 的原话：.+）$/,
    );

    // A vendor that cannot be reached: said in Chinese, no English sentence left.
    await app.sims.youproxy.close();
    await form.getByRole('radio', { name: 'YouProxy' }).check();
    await form.getByLabel('API 密钥').fill(app.sims.youproxy.credentials.apiKey!);
    await form.getByRole('button', { name: '测试连接' }).click();
    const alert = form.getByRole('alert').filter({ hasText: 'YouProxy' });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text.replaceAll('YouProxy', '').replaceAll('Proxydeck', '')).not.toMatch(/[A-Za-z]{3,}/);
    await screenshot(page, 'forms-zh-network');
  });

  test('point 13: Activity is its own view: it loads by itself, filters, exports CSV and counts damaged lines', async ({
    page,
    app,
  }) => {
    const base = {
      items: [{ kind: 'ip', id: 'ip-1', label: '203.0.113.5', state: 'done' }],
      quoteTotal: { minor: 300, currency: 'USD' },
      vendorQuoted: true,
      charged: { minor: 300, currency: 'USD' },
      result: 'done: 1 renewed, 0 failed',
      message: null,
    };
    const audit = app.core.renewals.audit;
    audit.append({
      ...base,
      at: '2026-10-02T10:00:00.000Z',
      action: 'renew',
      operationId: 'op-a',
      accountId: 'a1',
      accountLabel: 'Shop A',
      vendor: 'thordata',
      reference: 'TD-1',
    });
    audit.append({
      ...base,
      at: '2026-10-12T10:00:00.000Z',
      action: 'renew',
      operationId: 'op-b',
      accountId: 'a2',
      accountLabel: 'Shop B',
      vendor: 'bestproxy',
      reference: 'BP-9',
      items: [{ kind: 'ip', id: 'ip-2', label: '198.51.100.7', state: 'failed' }],
      result: 'failed: 0 renewed, 1 failed',
    });
    audit.append({
      ...base,
      at: '2026-10-20T10:00:00.000Z',
      action: 'reconcile',
      operationId: 'op-a',
      accountId: 'a1',
      accountLabel: 'Shop A',
      vendor: 'thordata',
      reference: null,
    });
    appendFileSync(join(app.dataDir, 'audit.jsonl'), '{"torn": \n');

    await nav(page, 'Activity');
    const view = page.getByRole('region', { name: 'Activity' });
    const table = view.getByRole('table', { name: 'Activity' });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(view.getByText('3 of 3 entries shown')).toBeVisible();
    await expect(view.getByText(/^1 line of the activity log could not be read/)).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: '198.51.100.7' })).toContainText('0 renewed, 1 failed');

    await view.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Check again' });
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await view.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'All actions' });
    await view.getByLabel('From').fill('2026-10-10');
    await view.getByLabel('To').fill('2026-10-15');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table.locator('tbody tr')).toContainText('Shop B');
    await view.getByRole('button', { name: 'Clear filters' }).click();
    await view.getByRole('searchbox', { name: 'Search' }).fill('td-1');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(view.getByText('1 of 3 entries shown')).toBeVisible();
    await screenshot(page, 'forms-activity');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^proxydeck-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv).toHaveLength(4); // header + every row, whatever the filter shows
  });

  test('point 14: the page has a favicon, and /favicon.ico is no longer a 404', async ({ page, app }) => {
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('./favicon.svg');
    const svg = await page.request.get(new URL('/favicon.svg', app.host.appUrl).href);
    expect(svg.status()).toBe(200);
    expect(svg.headers()['content-type']).toBe('image/svg+xml');
    const ico = await page.request.get(new URL('/favicon.ico', app.host.appUrl).href);
    expect(ico.status()).toBe(200);
    expect(missing).toEqual([]);
  });
});
