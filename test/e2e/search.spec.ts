import type { Locator, Page } from '@playwright/test';
import type { AccountSnapshot } from '../../preload/contract/model';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';

/**
 * The one search (issue 15 §1) in the demo data: Ctrl+K and the sidebar's button open it; an IP
 * fragment, an order id, a sub-user name and a customer's name are found in their groups; Enter opens
 * each in its view narrowed to it; Esc closes and gives the focus back; one case in 简体中文.
 */
test.use({ demo: true });

async function ready(page: Page, app: AppUnderTest): Promise<AccountSnapshot[]> {
  await app.core.refresh.idle();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await app.core.refresh.idle();
  return app.core.refresh.list();
}

async function addCustomer(app: AppUnderTest, name: string, contact = ''): Promise<void> {
  const r = await app.core.dispatch('customers:save', [{ name, contact }]);
  if (!r.ok) throw new Error(r.error.message);
}

const palette = (page: Page) => page.getByRole('dialog', { name: /Search everything|搜索全部/ });

/** Moves the highlight with ↓ to the option holding `text` in group `group`, then presses Enter. */
async function openWithKeys(page: Page, group: string, text: string): Promise<void> {
  const d = palette(page);
  const target = d
    .getByRole('group', { name: new RegExp(`^${group} ·`) })
    .getByRole('option')
    .filter({ hasText: text })
    .first();
  await expect(target).toBeVisible();
  const options = d.getByRole('option');
  const ids = await options.evaluateAll((els) => els.map((e) => e.id));
  const at = ids.indexOf((await target.getAttribute('id')) ?? '');
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(d).toBeHidden();
}

const searchBox = (page: Page): Locator => page.locator('#main input[type="search"]').first();

test('Ctrl+K finds an IP fragment, an order id, a sub-user and a customer, each opened in its view narrowed to it', async ({
  page,
  app,
}) => {
  const snaps = await ready(page, app);
  const withIps = snaps.find((s) => s.proxies.length > 3) as AccountSnapshot;
  const proxy = withIps.proxies[1] as AccountSnapshot['proxies'][number];
  const withOrders = snaps.find((s) => s.orders.length > 0) as AccountSnapshot;
  const order = withOrders.orders[0] as AccountSnapshot['orders'][number];
  const withSubs = snaps.find((s) => s.subUsers.length > 0) as AccountSnapshot;
  const sub = withSubs.subUsers[0] as AccountSnapshot['subUsers'][number];
  await addCustomer(app, '王小明', 'wechat xiaoming');
  await addCustomer(app, 'Acme Trading', 'ops@acme.test');

  // Ctrl+K opens it with the focus in the box; an IP fragment (all but its last digit) finds the IP.
  await page.keyboard.press('Control+k');
  const d = palette(page);
  const box = d.getByRole('combobox', { name: 'Search all accounts' });
  await expect(box).toBeFocused();
  await expect(d.getByText(/Type part of an IP/)).toBeVisible();
  const fragment = proxy.ip.slice(0, -1);
  await box.fill(fragment);
  const ips = d.getByRole('group', { name: /^IPs ·/ });
  await expect(ips.getByRole('option').filter({ hasText: proxy.ip }).first()).toBeVisible();
  // Capped per group, the rest counted with a way to see them all.
  expect(await ips.getByRole('option').count()).toBeLessThanOrEqual(6);
  await screenshot(page, 'search-ip-fragment');
  // ip:port names one IP (an IP alone may also begin a longer one).
  await box.fill(`${proxy.ip}:${proxy.httpPort ?? proxy.socksPort ?? ''}`);
  await openWithKeys(page, 'IPs', proxy.ip);
  await expect(page.getByRole('heading', { level: 1, name: 'IPs' })).toBeVisible();
  const rows = page.locator('#main tbody tr[aria-rowindex]');
  await expect(rows.filter({ hasText: proxy.ip }).first()).toBeVisible();
  for (const ip of await rows.allInnerTexts()) expect(ip).toContain(proxy.ip);
  await page.getByRole('button', { name: 'Show all IPs' }).click();

  // The sidebar's button opens it too; an order id → the Orders view searching that id.
  await page.getByRole('button', { name: /^Search/ }).click();
  await expect(box).toBeFocused();
  await box.fill(order.id);
  await openWithKeys(page, 'Orders', order.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(searchBox(page)).toHaveValue(order.id);
  await expect(page.locator('#main tbody tr').filter({ hasText: order.id }).first()).toBeVisible();

  // A sub-user's name → the Sub-users view, its account picked, its name in the search box.
  await page.keyboard.press('Control+k');
  await box.fill(sub.username);
  await openWithKeys(page, 'Sub-users', sub.username);
  await expect(page.getByRole('heading', { level: 1, name: 'Sub-users' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Account', exact: true })).toHaveValue(withSubs.accountId);
  await expect(searchBox(page)).toHaveValue(sub.username);
  await expect(page.locator('#main tbody tr').filter({ hasText: sub.username }).first()).toBeVisible();

  // A customer's name, typed in Chinese and matched case-insensitively in Latin.
  await page.keyboard.press('Control+k');
  await box.fill('acme');
  await expect(d.getByRole('group', { name: /^Customers ·/ }).getByRole('option')).toHaveText([/Acme Trading/]);
  await box.fill('小明');
  await openWithKeys(page, 'Customers', '王小明');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(searchBox(page)).toHaveValue('王小明');
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await expect(page.getByTestId('customer-row')).toContainText('王小明');
});

test('Esc closes the search and gives the focus back; nothing found says so; ↑ wraps to the last line', async ({
  page,
  app,
}) => {
  await ready(page, app);
  const button = page.getByRole('button', { name: /^Search/ });
  await button.focus();
  await page.keyboard.press('Enter');
  const d = palette(page);
  await expect(d).toBeVisible();
  const box = d.getByRole('combobox', { name: 'Search all accounts' });
  await box.fill('zz-nothing-like-this');
  await expect(d.getByText('Nothing matches “zz-nothing-like-this” in any account.')).toBeVisible();
  // Every IP holds a dot: five are listed, the rest counted, with the way to see them all.
  await box.fill('.');
  const ipGroup = d.getByRole('group', { name: /^IPs ·/ });
  await expect(ipGroup.getByRole('option')).toHaveCount(6);
  const more = ipGroup.getByRole('option').last();
  await expect(more).toHaveText(/^and \d+ more — open in the IPs view$/);
  await more.click();
  await expect(d).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'IPs' })).toBeVisible();
  await expect(searchBox(page)).toHaveValue('.');
  await button.focus();
  await page.keyboard.press('Enter');
  await box.fill('demo');
  const options = d.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  // Tab stays in the dialog (the page behind is inert).
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
  await expect(button).toBeFocused();
  // Opening again starts empty.
  await page.keyboard.press('Control+k');
  await expect(box).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
});

test('简体中文: the search reads in Chinese and finds a customer by a Chinese name', async ({ page, app }) => {
  await app.core.dispatch('settings:update', [{ language: 'zh-CN' }]);
  await ready(page, app);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await addCustomer(app, '李雷贸易', '微信 lilei');
  await page.getByRole('button', { name: /^搜索/ }).click();
  const d = palette(page);
  const box = d.getByRole('combobox', { name: '搜索所有账户' });
  await expect(box).toBeFocused();
  await expect(d.getByText(/输入 IP、端口/)).toBeVisible();
  await box.fill('李雷');
  await expect(d.getByText('1 个结果', { exact: true })).toBeVisible();
  await openWithKeys(page, '客户', '李雷贸易');
  await expect(page.getByRole('heading', { level: 1, name: '客户' })).toBeVisible();
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await screenshot(page, 'search-zh-customer');
});
