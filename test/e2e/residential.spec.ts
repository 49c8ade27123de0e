import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { residentialKnobs } from '../../main/simulators/bestproxy/residential';
import { residentialLog, SIM_ACCOUNT_NAME, SIM_PUBLIC_IP } from '../../main/simulators/thordata/residential';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, nav } from './renew-steps';

/**
 * Issue 14 §2: the residential generator against the real core and the simulators. Ten endpoints by
 * city at Thordata (after the whitelist step the extract link needs) and at BestProxy (in 简体中文),
 * each reflected in the request the simulator received, then copied or exported; and endpoints of a
 * BestProxy sub-user "for a customer" (issue 16): the sub-user assigned, the lines in the customer's format.
 */

/** Picks one place of a location list: filter, then click the option. */
async function pickPlace(page: Page, list: string, filterLabel: string, name: string) {
  await page.getByRole('searchbox', { name: filterLabel }).fill(name);
  await page.getByRole('listbox', { name: list }).getByRole('option', { name, exact: true }).click();
}

test.describe('residential generator', () => {
  test('Thordata: whitelist the public IP, then 10 sticky endpoints in Dallas, copied', async ({ page, app }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await addAccounts(app, page, ['thordata']);
    await nav(page, 'Residential');
    await expect(page.getByRole('heading', { level: 1, name: 'Residential' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Account name' }).fill(SIM_ACCOUNT_NAME);

    await pickPlace(page, 'Countries', 'Filter Countries', 'United States');
    await pickPlace(page, 'States or regions', 'Filter States or regions', 'Texas');
    // The US city list is long (virtualized); the filter finds Dallas.
    await expect(page.getByText(/\d+ places/).last()).toBeVisible();
    await pickPlace(page, 'Cities', 'Filter Cities', 'Dallas');
    await expect(page.getByRole('group', { name: 'City' })).toContainText('Dallas');
    await page.getByRole('radio', { name: /Sticky/ }).check();
    await expect(page.getByRole('textbox', { name: 'How many' })).toHaveValue('10');

    // Not whitelisted yet: the vendor's refusal is said plainly, with the whitelist step beside it.
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(
      page.getByText('The vendor says the public IP is not on the whitelist.', { exact: false }),
    ).toBeVisible();
    await page.getByRole('textbox', { name: 'IP to add' }).fill(SIM_PUBLIC_IP);
    await page.getByRole('button', { name: 'Add to the whitelist' }).click();
    await expect(page.getByText(`${SIM_PUBLIC_IP} was added to the whitelist.`)).toBeVisible();
    expect(app.sims.thordata.server.requests.filter((r) => r.path.endsWith('/whitelisted-ips/add-ip'))).toHaveLength(1);

    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByText('Generated 10 endpoints.')).toBeVisible();
    const sent = residentialLog(app.sims.thordata.server).extracts.at(-1)!;
    expect(sent.path).toBe('/api');
    expect(sent.query).toMatchObject({ city: 'dallas', state: 'texas', country: 'us', number: '10', sesstype: '1' });
    const preview = page.getByRole('textbox', { name: 'Preview' });
    await expect(preview).toHaveValue(/^43\.159\.28\.14:20000\n/);
    expect((await preview.inputValue()).split('\n')).toHaveLength(10);
    await screenshot(page, 'residential-thordata');

    await page.getByRole('button', { name: 'Copy 10' }).click();
    await expect(page.getByText('Copied 10 proxies to the clipboard.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')).toHaveLength(10);
    expect(copied.split('\n')[9]).toBe('43.159.28.14:20009');
  });

  test('BestProxy in 简体中文: 10 endpoints in Dallas, exported', async ({ page, app }) => {
    await addAccounts(app, page, ['bestproxy']);
    await app.core.dispatch('settings:update', [{ language: 'zh-CN' }]);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await nav(page, '住宅代理');
    await expect(page.getByRole('heading', { level: 1, name: '住宅代理' })).toBeVisible();

    // A proxy account's own list needs a dashboard sign-in: refused, the general list is used and said so.
    await page.getByRole('combobox', { name: '登录名' }).selectOption('shopA01');
    await expect(page.getByText('BestProxy 拒绝用 API 密钥读取此登录名的位置列表', { exact: false })).toBeVisible();
    await pickPlace(page, '国家/地区', '筛选国家/地区', 'United States');
    await pickPlace(page, '州/省', '筛选州/省', 'Texas');
    await pickPlace(page, '城市', '筛选城市', 'Dallas');
    await page.getByRole('combobox', { name: '协议' }).selectOption('socks5');
    await page.getByRole('button', { name: '生成' }).click();
    await expect(page.getByText('已生成 10 个端点。')).toBeVisible();
    expect(residentialKnobs(app.sims.bestproxy.server).extracts.at(-1)).toEqual({
      num: '10',
      cc: 'US',
      state: 'Texas',
      city: 'Dallas',
    });
    await screenshot(page, 'residential-bestproxy-zh');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 10 个' }).click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8').split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('socks5://104.248.1.9:1140');
    await expect(page.getByText(/已将 10 个代理保存到/)).toBeVisible();
  });

  test('BestProxy sub-user for a customer: assigned, shown in Sub-users, copied in the customer’s format', async ({
    page,
    app,
  }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const template = '{ip} port {port} for acme';
    const saved = await app.core.dispatch('customers:save', [{ name: 'Acme', exportTemplate: template }]);
    expect(saved.ok).toBe(true);
    await app.core.dispatch('customers:save', [{ name: 'Beta' }]);
    await addAccounts(app, page, ['bestproxy']);
    await nav(page, 'Residential');
    await page.getByRole('combobox', { name: 'Login' }).selectOption('shopA01');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByText('Generated 10 endpoints.')).toBeVisible();

    await page.getByRole('button', { name: 'For a customer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'For a customer' });
    await expect(dialog).toContainText('Proxydeck keeps the sub-user’s assignment, not the list itself');
    await dialog.getByRole('combobox', { name: 'Customer' }).selectOption({ label: 'Acme' });
    await expect(dialog).toContainText('shopA01 will be assigned to Acme');
    await expect(dialog).toContainText(`The 10 endpoints will be copied in Acme’s format: ${template}`);
    await dialog.getByRole('button', { name: 'Assign and copy' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('res-recorded')).toHaveText(
      'shopA01 is now assigned to Acme; the 10 endpoints were copied in Acme’s format.',
    );
    const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(copied).toHaveLength(10);
    expect(copied[0]).toBe('104.248.1.9 port 1140 for acme');
    // The export panel now uses Acme's format too (Export saves the same lines).
    await expect(page.getByRole('textbox', { name: 'Preview' })).toHaveValue(/^104\.248\.1\.9 port 1140 for acme\n/);

    // Recorded as the sub-user's customer (the snapshot's id), shown in the Sub-users view.
    const account = app.core.accounts.list().find((a) => a.vendor === 'bestproxy')!;
    const business = await app.core.dispatch('business:get', []);
    const items = business.ok ? (business.data as { items: { item: unknown; customerId: string | null }[] }).items : [];
    const acme = saved.ok ? (saved.data as { customers: { id: string }[] }).customers[0]!.id : '';
    expect(items).toEqual([
      expect.objectContaining({ item: { accountId: account.id, kind: 'subUser', id: 'shopA01' }, customerId: acme }),
    ]);
    await nav(page, 'Sub-users');
    const row = page.getByRole('row').filter({ hasText: 'shopA01' });
    await expect(row.getByTestId('subuser-customer')).toHaveText('Acme');
  });

  test('ProxyShard: gateway logins by city with the password masked in the preview, whole on export', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['proxyshard']);
    await nav(page, 'Residential');
    await pickPlace(page, 'Countries', 'Filter Countries', 'United States');
    await expect(page.getByText('Choose a state or region first.')).toBeVisible();
    await pickPlace(page, 'States or regions', 'Filter States or regions', 'United States North');
    await pickPlace(page, 'Cities', 'Filter Cities', 'Capital');
    await page.getByRole('textbox', { name: 'How many' }).fill('3');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByText('Generated 3 endpoints.')).toBeVisible();
    const preview = page.getByRole('textbox', { name: 'Preview' });
    await expect(preview).toHaveValue(
      /^relay-eu\.proxyshard\.com:8080:plan-limited-country-us-region-US-01-city-us-01-capital:••••••/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export 3' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).not.toContain('••••••');
    expect(text.split('\n')).toHaveLength(3);
  });
});
