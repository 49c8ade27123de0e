import type { Page } from '@playwright/test';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';

/**
 * Issue 11, Tests: a 900×600 window in the dark theme and 简体中文 (the CJK font is installed by .ci/run,
 * so Chinese shows as text, not boxes). Each view fits the width: nothing scrolls sideways.
 */
test.use({ demo: true, viewport: { width: 900, height: 600 } });

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

async function darkChinese(page: Page, app: AppUnderTest) {
  await app.core.dispatch('settings:update', [{ theme: 'dark', language: 'zh-CN' }]);
  await app.core.refresh.idle();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

/** No sideways scrolling of the page at this width. */
async function fitsWidth(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('900×600, dark, 简体中文: the dashboard, Activity, whitelists and the sub-user rules read in Chinese', async ({
  page,
  app,
}) => {
  await darkChinese(page, app);
  await expect(page.getByRole('heading', { level: 1, name: '概览' })).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-dashboard');

  await nav(page, '操作记录');
  const activity = page.getByRole('heading', { level: 1, name: '操作记录' });
  await expect(activity).toBeVisible();
  await expect(page.getByRole('button', { name: '清除筛选' })).toHaveCount(0);
  await expect(page.getByText('“导出 CSV”会保存完整的活动记录，不受筛选影响。')).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-activity');

  await nav(page, '白名单');
  // A demo account is named in the UI language (issue 13: demo labels localized, the vendor said once).
  expect(app.core.accounts.list().some((a) => a.vendor === 'thordata' && a.demo)).toBe(true);
  const thordata = '演示 · Thordata';
  await page.getByRole('combobox', { name: '账户', exact: true }).selectOption({ label: thordata });
  await expect(
    page.getByText('Thordata 只接受单个 IP 地址，不接受 203.0.113.0/24 这样的 IP 段。', { exact: false }),
  ).toBeVisible();
  await screenshot(page, 'small-dark-zh-whitelists');

  await nav(page, '子账户');
  await page.getByRole('combobox', { name: '账户', exact: true }).selectOption({ label: thordata });
  await page.getByRole('button', { name: /创建子/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill('ab');
  await expect(dialog.getByText('长度须为 6–15 个字符（现在 2 个）。')).toBeVisible();
  await expect(dialog.getByText('Thordata 的规则：6–15 个字符 · 只能是英文字母和数字。')).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-subuser');
});

test('900×600, dark, 简体中文: the new screens — connection settings, traffic codes, order tools — fit and read in Chinese', async ({
  page,
  app,
}) => {
  await darkChinese(page, app);

  await nav(page, '设置');
  const connection = page.getByTestId('connection-section');
  await expect(connection.getByRole('heading', { name: '连接供应商' })).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-connection');

  await nav(page, '子账户');
  await page.getByRole('combobox', { name: '账户', exact: true }).selectOption({ label: '演示 · Thordata' });
  const codes = page.getByRole('region', { name: '流量兑换码' });
  await expect(codes).toBeVisible();
  await expect(codes.getByRole('table')).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-traffic-codes');

  // A ProxyShard datacenter order of the demo account: its detail panel carries the vendor's own tools.
  const ps = app.core.accounts.list().find((a) => a.vendor === 'proxyshard' && a.demo)!;
  const snap = app.core.refresh.list().find((s) => s.accountId === ps.id)!;
  const order = snap.orders.find((o) => o.status === 'active' && /dc|datacenter|数据中心/i.test(o.product ?? ''));
  expect(order, 'the demo ProxyShard account has an active datacenter order').toBeTruthy();
  await nav(page, '订单');
  await page.getByRole('searchbox').fill(order!.id);
  await page.getByRole('button', { name: `订单 ${order!.id} 的详情`, exact: true }).click();
  const panel = page.getByRole('region', { name: `订单 ${order!.id}`, exact: true });
  await expect(panel.getByRole('region', { name: '计费周期' })).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-order-tools');
});

test('900×600, dark, 简体中文: the buy window and its price check fit and read in Chinese', async ({ page, app }) => {
  await darkChinese(page, app);
  await nav(page, '订单');
  await page.getByRole('button', { name: '购买代理', exact: true }).click();
  const buy = page.getByRole('dialog', { name: '购买代理' });
  await expect(buy).toBeVisible();
  await buy.getByRole('combobox', { name: '账户', exact: true }).selectOption({ label: '演示 · ProxyShard' });
  const product = buy.getByRole('combobox', { name: '产品', exact: true });
  await expect(product).toBeVisible();
  // The first product that can be bought now.
  const value = await product.evaluate(
    (el: HTMLSelectElement) => [...el.options].find((o) => o.value && !o.disabled)?.value ?? '',
  );
  expect(value).not.toBe('');
  await product.selectOption(value);
  await expect(buy.getByText('数量', { exact: false }).first()).toBeVisible();
  await fitsWidth(page);
  // Nothing in the dialog scrolls sideways either.
  expect(await buy.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'small-dark-zh-buy');

  await buy.getByRole('button', { name: '查询价格' }).click();
  const confirm = page.getByRole('dialog', { name: '确认购买' });
  await expect(confirm.getByTestId('buy-total')).toBeVisible({ timeout: 30_000 });
  await expect(confirm.getByTestId('buy-total')).toContainText('合计');
  await fitsWidth(page);
  expect(await confirm.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'small-dark-zh-buy-confirm');
});

test('900×600, dark, 简体中文: the Servers view — list, monitor charts, sub-users — fits and reads in Chinese', async ({
  page,
  app,
}) => {
  await darkChinese(page, app);
  await nav(page, '服务器');
  await expect(page.getByRole('heading', { level: 1, name: '服务器' })).toBeVisible();
  const list = page.getByRole('table', { name: '无限服务器' });
  await expect(list).toBeVisible();
  await list.getByRole('button').first().click();
  const cpu = page.getByRole('figure', { name: 'CPU 和内存（%），最近 24 小时' });
  await expect(cpu.locator('svg .recharts-line')).toHaveCount(2);
  await expect(page.getByRole('region', { name: '允许使用这台服务器的子用户' })).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-servers');
});

test('900×600, dark, 简体中文: the residential generator and its city list fit and read in Chinese', async ({
  page,
  app,
}) => {
  await darkChinese(page, app);
  await nav(page, '住宅代理');
  await expect(page.getByRole('heading', { level: 1, name: '住宅代理' })).toBeVisible();
  await page.getByRole('combobox', { name: '账户', exact: true }).selectOption({ label: '演示 · Thordata' });
  await expect(page.getByRole('heading', { name: '提取链接的白名单' })).toBeVisible();
  await page
    .getByRole('listbox', { name: '国家/地区' })
    .getByRole('option', { name: 'United States', exact: true })
    .click();
  await expect(page.getByRole('listbox', { name: '城市' })).toBeVisible();
  await page.getByRole('searchbox', { name: '筛选城市' }).fill('Dallas');
  await expect(
    page.getByRole('listbox', { name: '城市' }).getByRole('option', { name: 'Dallas', exact: true }),
  ).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-residential');
});

test('900×600, dark, 简体中文: the Customers view — list, a customer’s page, the import dialog — fits and reads in Chinese', async ({
  page,
  app,
}) => {
  await darkChinese(page, app);
  // Two customers, one with a few demo IPs (one at its own price).
  const saved = await app.core.dispatch('customers:save', [{ name: '华东客户', contact: 'wechat: hd-2026' }]);
  expect(saved.ok).toBe(true);
  await app.core.dispatch('customers:save', [{ name: 'Acme Ltd' }]);
  const view = saved.ok ? (saved.data as { customers: { id: string; name: string }[] }) : { customers: [] };
  const id = view.customers.find((c) => c.name === '华东客户')!.id;
  const snap = app.core.refresh.list().find((s) => s.proxies.length > 0)!;
  const items = snap.proxies.slice(0, 3).map((p) => ({ accountId: snap.accountId, kind: 'ip', id: p.id }));
  const assigned = await app.core.dispatch('items:update', [
    { items, patch: { customerId: id, price: { minor: 450, currency: 'USD' } } },
  ]);
  expect(assigned.ok).toBe(true);

  await nav(page, '客户');
  await expect(page.getByRole('heading', { level: 1, name: '客户' })).toBeVisible();
  await expect(page.getByTestId('customer-row')).toHaveCount(2);
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-customers');

  await page.getByRole('button', { name: '华东客户', exact: true }).click();
  await expect(page.getByTestId('customer-line')).toHaveCount(3);
  await expect(page.getByRole('button', { name: '复制交付单' })).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-customer-page');

  await page.getByRole('button', { name: '← 全部客户' }).click();
  await page.getByRole('button', { name: '导入 CSV…' }).click();
  await expect(page.getByRole('dialog', { name: '从 CSV 导入客户' })).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-customers-import');
});

test('900×600, dark, 简体中文: Reports (margin chart and table, spending, rates) and the runway card fit and read in Chinese', async ({
  page,
  app,
}) => {
  await app.core.refresh.idle();
  const saved = await app.core.dispatch('customers:save', [{ name: '华南客户' }]);
  expect(saved.ok).toBe(true);
  const customers = saved.ok ? (saved.data as { customers: { id: string; name: string }[] }).customers : [];
  const customerId = customers.find((c) => c.name === '华南客户')!.id;
  const snap = app.core.refresh.list().find((s) => s.orders.some((o) => o.price) && s.proxies.length > 0)!;
  const items = snap.proxies.slice(0, 2).map((p) => ({ accountId: snap.accountId, kind: 'ip', id: p.id }));
  const assigned = await app.core.dispatch('items:update', [
    { items, patch: { customerId, price: { minor: 900, currency: 'USD' } } },
  ]);
  expect(assigned.ok).toBe(true);
  await darkChinese(page, app);

  // The runway card on the dashboard (the demo ProxyShard account renews more than its balance).
  const card = page.getByTestId('runway-card');
  await expect(card.getByRole('heading', { name: /未来 30 天内的续费/ })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-runway');

  await nav(page, '报表');
  await expect(page.getByRole('heading', { level: 1, name: '报表' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: '所选月份的利润' }).getByRole('row').filter({ hasText: '华南客户' }),
  ).toHaveCount(1);
  await expect(page.getByTestId('margin-chart').locator('svg').first()).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-reports');
  await page.getByTestId('rates-editor').scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: '汇率' })).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-reports-rates');
});

test('900×600, dark, 简体中文: the proxy check — Check, progress, the Health column and filter — fits and reads in Chinese', async ({
  page,
  app,
}) => {
  await app.core.refresh.idle();
  // A demo account whose first IPs have a country: every outcome of the demo proxies (demo-health.ts).
  const snap = app.core.refresh
    .list()
    .find((s) => s.servers.length === 0 && s.proxies.length >= 5 && s.proxies.slice(0, 5).every((p) => p.country))!;
  const account = app.core.accounts.list().find((a) => a.id === snap.accountId)!;
  await darkChinese(page, app);
  await nav(page, 'IP');
  await page
    .getByRole('combobox', { name: '账户', exact: true })
    .selectOption({ label: account.label.replace('Demo', '演示') });
  await page.getByRole('button', { name: '全选筛选结果', exact: true }).click();
  await page.getByRole('button', { name: `检查 ${snap.proxies.length} 个`, exact: true }).click();
  const bar = page.getByTestId('health-bar');
  await expect(bar.getByRole('status')).toHaveText(/检查完成/, { timeout: 30_000 });
  await expect(page.getByRole('columnheader', { name: '可用性' })).toBeVisible();
  await expect(page.getByTestId('health-cell').filter({ hasText: '不可用：端口拒绝' }).first()).toBeVisible();
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-health');
  await page.getByTestId('health-filter').selectOption('dead');
  await expect(page.getByTestId('health-cell').first()).toHaveText('不可用：端口拒绝');
  await fitsWidth(page);
});

test('900×600, dark, 简体中文: the one search (Ctrl+K) fits, reads in Chinese and opens a find', async ({
  page,
  app,
}) => {
  await app.core.refresh.idle();
  const proxy = app.core.refresh.list().find((s) => s.proxies.length > 0)!.proxies[0]!;
  await darkChinese(page, app);
  await page.getByRole('button', { name: /^搜索/ }).click();
  const d = page.getByRole('dialog', { name: '搜索全部' });
  const box = d.getByRole('combobox', { name: '搜索所有账户' });
  await expect(box).toBeFocused();
  await box.fill(proxy.ip.split('.').slice(0, 2).join('.'));
  await expect(d.getByRole('group', { name: /^IP ·/ }).getByRole('option').first()).toBeVisible();
  const frame = (await d.boundingBox())!;
  expect(frame.x).toBeGreaterThanOrEqual(0);
  expect(frame.x + frame.width).toBeLessThanOrEqual(900);
  expect(frame.y + frame.height).toBeLessThanOrEqual(600);
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-search');
  // ip:port names one IP (an IP alone may also begin a longer one).
  await box.fill(`${proxy.ip}:${proxy.httpPort ?? proxy.socksPort ?? ''}`);
  await page.keyboard.press('Enter');
  await expect(d).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'IP' })).toBeVisible();
  await expect(page.locator('#main tbody tr[aria-rowindex]').filter({ hasText: proxy.ip }).first()).toBeVisible();
  await fitsWidth(page);
});

test('900×600, dark, 简体中文: the whitelist list dialog (issue 15 §2) fits and reads in Chinese', async ({
  page,
  app,
}) => {
  await darkChinese(page, app);
  await nav(page, '白名单');
  await page.getByRole('button', { name: '把列表添加到多个账户' }).click();
  const d = page.getByRole('dialog', { name: '把列表添加到多个账户' });
  await d.getByLabel('IP 地址，每行一个').fill('192.0.2.60\n不是地址\n2001:db8::9');
  await d.getByRole('checkbox', { name: /BestProxy/ }).check();
  await d.getByRole('button', { name: '检查' }).click();
  await expect(d.getByText('第 2 行：不是地址 — 不是 IP 地址').first()).toBeVisible();
  await expect(d.getByText('第 3 行：2001:db8::9 — Thordata 只接受 IPv4 地址')).toBeVisible();
  const frame = (await d.boundingBox())!;
  expect(frame.x + frame.width).toBeLessThanOrEqual(900);
  await fitsWidth(page);
  await screenshot(page, 'small-dark-zh-whitelist-bulk');
});
