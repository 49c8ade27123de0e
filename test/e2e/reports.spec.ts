import type { Page } from '@playwright/test';
import { format } from 'date-fns';
import { zhCN } from 'date-fns/locale';
import type { ProxyshardSimulator } from '../../main/simulators/proxyshard';
import type { AccountRunway, MarginReport, RunwayReport, SpendReport } from '../../preload/contract/business';
import type { AccountSnapshot, Order, ProxyEndpoint } from '../../preload/contract/model';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';
import { addAccounts, nav, selectInIpsView, snapOf } from './renew-steps';

/**
 * Reports and the Dashboard runway (issue 16 §2–4): margin per customer from the prices the user set,
 * and the runway warning once auto-renew is on for expensive items — against the real core and the
 * simulators. Expected figures are worked out here from the vendor's data, not read off the screen.
 */

const DAY = 86_400_000;
const money = (minor: number, lang = 'en') =>
  new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD' }).format(minor / 100);

async function ok<T>(app: AppUnderTest, channel: string, args: unknown[]): Promise<T> {
  const r = (await app.core.dispatch(channel as never, args as never)) as { ok: boolean; data?: T; error?: unknown };
  expect(r.ok, JSON.stringify(r.error ?? null)).toBe(true);
  return r.data as T;
}

interface Sold {
  customerId: string;
  order: Order;
  ips: ProxyEndpoint[];
  /** What one IP costs per 30 days: order price ÷ quantity × 30 ÷ cycle days (the vendor's price). */
  costPerMonth: number;
}

/**
 * The setup a user does in Customers: a customer, and two IPs of one priced ProxyShard order assigned
 * to them with their own sell price per month.
 */
function pickTwoIps(snap: AccountSnapshot): Omit<Sold, 'customerId'> {
  const order = snap.orders.find(
    (o) =>
      o.status === 'active' &&
      o.price &&
      o.quantity &&
      o.expiresAt &&
      Date.parse(o.expiresAt) > Date.now() &&
      o.renewPeriods?.find((p) => p.id === o.cycle)?.days &&
      snap.proxies.filter((p) => p.orderId === o.id).length >= 2,
  );
  expect(order, 'a priced monthly order with two IPs').toBeTruthy();
  const ips = snap.proxies.filter((p) => p.orderId === order!.id).slice(0, 2);
  const days = order!.renewPeriods!.find((p) => p.id === order!.cycle)!.days!;
  const perIp = Math.round(order!.price!.minor / order!.quantity!);
  return { order: order!, ips, costPerMonth: Math.round((perIp * 30) / days) };
}

/** The same through the channels (tests that are about reading, not setting). */
async function sellTwoIps(app: AppUnderTest, snap: AccountSnapshot, name: string, prices: number[]): Promise<Sold> {
  const { ips, ...rest } = pickTwoIps(snap);
  const view = await ok<{ customers: { id: string; name: string }[] }>(app, 'customers:save', [{ name }]);
  const customerId = view.customers.find((c) => c.name === name)!.id;
  for (const [i, ip] of ips.entries()) {
    await ok(app, 'items:update', [
      {
        items: [{ accountId: snap.accountId, kind: 'ip', id: ip.id }],
        patch: { customerId, price: { minor: prices[i]!, currency: 'USD' } },
      },
    ]);
  }
  return { customerId, ips, ...rest };
}

/** Sells one IP from the IPs view: "Assign 1 to customer…", the customer (or a new one), its own price. */
async function assignInIpsView(page: Page, ip: ProxyEndpoint, customer: string, isNew: boolean, price: string) {
  const port = ip.httpPort ?? ip.socksPort;
  const label = port == null ? ip.ip : `${ip.ip}:${port}`;
  await selectInIpsView(page, [{ vendor: 'proxyshard', id: ip.id, label, ip: ip.ip, expiresAt: null }]);
  await page.getByRole('button', { name: 'Assign 1 to customer…' }).click();
  const d = page.getByRole('dialog', { name: 'Assign 1 item to a customer' });
  await d.getByLabel('Customer', { exact: true }).selectOption({ label: isNew ? 'New customer…' : customer });
  if (isNew) await d.getByLabel('Name', { exact: true }).fill(customer);
  await d.getByLabel('Sell price').selectOption({ label: 'This price per month' });
  await d.getByLabel('Price per month').fill(price);
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d).toHaveCount(0);
  // Leave nothing selected for the next one.
  await page.getByRole('searchbox').fill(ip.ip);
  const box = page.getByRole('checkbox', { name: `Select ${label}`, exact: true });
  if (await box.isChecked()) await box.click();
  await page.getByRole('searchbox').fill('');
}

/** Months of the default range (the last 6) in which the customer's items count, as main reports them. */
async function countedMonths(app: AppUnderTest, customerId: string): Promise<number> {
  const now = new Date();
  const to = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const start = new Date(now.getFullYear(), now.getMonth() - 5, 1);
  const from = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}`;
  const report = await ok<MarginReport>(app, 'reports:margin', [{ from, to }]);
  return new Set(report.rows.filter((r) => r.customerId === customerId).map((r) => r.month)).size;
}

const marginTable = (page: Page, name: string) => page.getByRole('table', { name });

test.describe('reports', () => {
  test.use({ demo: true });

  test('set prices, then see margin per customer', async ({ page, app }) => {
    await app.core.refresh.idle();
    await page.reload();
    await nav(page, 'Reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    // No customer yet: the margin part says what to do.
    await expect(page.getByTestId('margin-empty')).toContainText('Add your customers and assign items to them');

    // Sell two IPs of one priced ProxyShard order to a new customer, in the IPs view.
    const ps = snapOf(app, app.core.refresh.list(), 'proxyshard');
    const sold = pickTwoIps(ps);
    await assignInIpsView(page, sold.ips[0]!, 'Acme Ltd', true, '10.00');
    await assignInIpsView(page, sold.ips[1]!, 'Acme Ltd', false, '15.00');
    const view = await ok<{ customers: { id: string; name: string }[] }>(app, 'business:get', []);
    const customerId = view.customers.find((c) => c.name === 'Acme Ltd')!.id;
    const months = await countedMonths(app, customerId);
    expect(months).toBeGreaterThan(0);
    const revenue = (1000 + 1500) * months;
    const cost = 2 * sold.costPerMonth * months;
    await nav(page, 'Reports');

    // Reports shows the margin of what was just sold.
    const table = marginTable(page, 'Margin over the months shown');
    const row = table.getByRole('row').filter({ hasText: 'Acme Ltd' });
    await expect(row).toHaveCount(1);
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(money(revenue));
    await expect(cells.nth(1)).toHaveText(money(cost));
    await expect(cells.nth(2)).toHaveText(money(revenue - cost));
    await expect(cells.nth(3)).toHaveText(`${2 * months} from the vendor’s price`);
    await expect(page.getByTestId('margin-chart').locator('svg').first()).toBeVisible();
    await screenshot(page, 'reports-margin');

    // Per vendor: the same figures under ProxyShard.
    await page.getByTestId('margin-section').getByRole('button', { name: 'Per vendor' }).click();
    const byVendor = table.getByRole('row').filter({ hasText: 'ProxyShard' });
    await expect(byVendor.getByRole('cell').nth(2)).toHaveText(money(revenue - cost));

    // The CSV is main's, saved as a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export margin CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await expect(page.getByText(`Saved ${download.suggestedFilename()} to your downloads.`)).toBeVisible();

    // A range that ends before it starts is refused in words; a quick range puts it right.
    const from = await page.getByRole('combobox', { name: 'From' }).inputValue();
    const before = await page.getByRole('combobox', { name: 'To' }).locator('option').last().getAttribute('value');
    expect(before! < from).toBe(true);
    await page.getByRole('combobox', { name: 'To' }).selectOption(before!);
    await expect(page.getByText('The first month must not be after the last one.')).toBeVisible();
    await page.getByRole('button', { name: 'Last 6 months' }).click();
    await expect(page.getByText('The first month must not be after the last one.')).toHaveCount(0);
    await expect(byVendor.getByRole('cell').nth(2)).toHaveText(money(revenue - cost));

    // Converting needs rates: with one set, the report says it is converted and at which rate.
    await page.getByRole('button', { name: 'Add a currency' }).click();
    const editor = page.getByTestId('rates-editor');
    await editor.getByRole('textbox', { name: 'Currency' }).fill('CNY');
    await editor.getByRole('textbox', { name: 'How many USD one CNY is worth' }).fill('0.14');
    await editor.getByRole('button', { name: 'Save rates' }).click();
    await expect(editor.getByText('Saved')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Convert into USD at my rates' }).check();
    await expect(page.getByTestId('converted-note')).toHaveText('Converted into USD at your rates: 1 CNY = 0.14 USD.');
  });

  test('简体中文: margin and the runway card read in Chinese', async ({ page, app }) => {
    await app.core.dispatch('settings:update', [{ language: 'zh-CN' }]);
    await app.core.refresh.idle();
    const ps = snapOf(app, app.core.refresh.list(), 'proxyshard');
    const sold = await sellTwoIps(app, ps, '华东客户', [2000, 2000]);
    const months = await countedMonths(app, sold.customerId);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    // The demo ProxyShard account has auto-renew on for more than its balance: the card warns.
    const runway = await ok<RunwayReport>(app, 'reports:runway', []);
    const short = runway.accounts.find((a) => a.vendor === 'proxyshard' && a.shortBy) as AccountRunway;
    expect(short, 'the demo ProxyShard account runs short').toBeTruthy();
    const card = page.getByTestId('runway-card');
    await expect(card.getByRole('heading', { name: /未来 30 天内的续费/ })).toBeVisible();
    const item = card.locator(`[data-account="${short.accountId}"]`);
    await expect(item).toContainText(
      `${format(new Date(short.shortBy!.on), 'PP', { locale: zhCN })} 余额不足，差 ${money(short.shortBy!.amount.minor, 'zh-CN')}`,
    );
    // BestProxy has no balance API: it says so.
    await expect(card).toContainText('BestProxy 不提供余额');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-runway-zh');

    await nav(page, '报表');
    await expect(page.getByRole('heading', { level: 1, name: '报表' })).toBeVisible();
    const row = marginTable(page, '所选月份的利润').getByRole('row').filter({ hasText: '华东客户' });
    const cost = 2 * sold.costPerMonth * months;
    await expect(row.getByRole('cell').nth(0)).toHaveText(money(4000 * months, 'zh-CN'));
    await expect(row.getByRole('cell').nth(2)).toHaveText(money(4000 * months - cost, 'zh-CN'));
    await expect(row.getByRole('cell').nth(3)).toHaveText(`${2 * months} 个来自供应商价格`);
    await expect(page.getByRole('columnheader', { name: '成本来源' })).toBeVisible();
    // The month pickers read in Chinese too.
    await expect(page.getByRole('combobox', { name: '到' }).locator('option:checked')).toHaveText(/^\d{4}年\d{1,2}月$/);
    await expect(page.getByTestId('margin-chart').locator('svg').first()).toBeVisible();
    await screenshot(page, 'reports-zh');
  });
});

test('see a runway warning after turning auto-renew on for expensive items', async ({ page, app }) => {
  const snaps = await addAccounts(app, page, ['proxyshard']);
  const ps = snapOf(app, snaps, 'proxyshard');
  const sim = app.sims.proxyshard as ProxyshardSimulator;
  const before = (await ok<RunwayReport>(app, 'reports:runway', [])).accounts.find(
    (a) => a.accountId === ps.accountId,
  )!;
  const committed = before.committed.find((m) => m.currency === 'USD')?.minor ?? 0;

  // The two most expensive active orders without auto-renew that expire within the window.
  const soon = Date.now() + 25 * DAY;
  const expensive = ps.orders
    .filter((o) => o.status === 'active' && o.autoRenew === false && o.price && o.expiresAt)
    .filter((o) => Date.parse(o.expiresAt!) > Date.now() && Date.parse(o.expiresAt!) < soon)
    .sort((a, b) => b.price!.minor - a.price!.minor)
    .slice(0, 2);
  expect(expensive.length, 'the simulator seeds active orders without auto-renewal').toBeGreaterThan(0);
  const extra = expensive.reduce((s, o) => s + o.price!.minor, 0);
  // A wallet that covers what already renews by itself, but not the expensive ones on top.
  sim.account.walletCents = committed + Math.floor(extra / 2);
  await app.core.dispatch('accounts:refresh', [{}]);
  await app.core.refresh.idle();
  await page.reload();

  const card = page.getByTestId('runway-card');
  const line = card.locator(`[data-account="${ps.accountId}"]`);
  await expect(card).toBeVisible();
  await expect(card).not.toContainText('Short by');
  if (before.items.length > 0) await expect(line.locator('[data-state]')).toHaveAttribute('data-state', 'covers');

  // Turn auto-renew on for them in the Orders view (the vendor's own switch).
  for (const o of expensive) {
    await nav(page, 'Orders');
    await page.getByRole('searchbox').fill(o.id);
    await page.getByRole('button', { name: `Details of order ${o.id}`, exact: true }).click();
    const panel = page.getByRole('region', { name: `Order ${o.id}`, exact: true });
    const toggle = panel.getByRole('switch', { name: 'Auto-renew' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect.poll(() => sim.account.orders.get(Number(o.id))?.autoRenewal).toBe(true);
  }
  await app.core.dispatch('accounts:refresh', [{}]);
  await app.core.refresh.idle();

  const after = (await ok<RunwayReport>(app, 'reports:runway', [])).accounts.find((a) => a.accountId === ps.accountId)!;
  expect(after.shortBy, 'the wallet no longer covers every renewal').toBeTruthy();
  // Short by what the renewals up to that date need beyond the wallet.
  const due = after.items
    .filter((i) => i.price && Date.parse(i.expiresAt) <= Date.parse(after.shortBy!.on))
    .reduce((s, i) => s + i.price!.minor, 0);
  expect(after.shortBy!.amount.minor).toBeLessThanOrEqual(due - sim.account.walletCents);
  expect(after.shortBy!.amount.minor).toBeGreaterThan(0);

  await nav(page, 'Dashboard');
  const warning = line.locator('.runway-short');
  await expect(warning).toHaveText(
    `Short by ${money(after.shortBy!.amount.minor)} on ${format(new Date(after.shortBy!.on), 'PP')}`,
  );
  await expect(card.getByRole('heading', { name: /Renewals in the next 30 days/ })).toContainText('1 short');
  // Adding what is due beyond the wallet covers the whole window.
  const due30 = after.committed.find((m) => m.currency === 'USD')!.minor;
  await expect(line).toContainText(
    `Add ${money(due30 - sim.account.walletCents)} to cover every renewal of the next 30 days.`,
  );
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-runway-short');

  // The spend line: this month and last month, as the spending report has them.
  const now = new Date();
  const month = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  const last = month(new Date(now.getFullYear(), now.getMonth() - 1, 1));
  const spend = await ok<SpendReport>(app, 'reports:spend', [{ from: last, to: month(now) }]);
  const sum = (m: string) => spend.rows.filter((r) => r.month === m).reduce((s, r) => s + r.spent.minor, 0);
  await expect(page.getByTestId('spend-line-USD')).toHaveText(
    `this month ${money(sum(month(now)))} · last month ${money(sum(last))}`,
  );
});

test('the runway window and reminder threshold are set in Settings and the card follows', async ({ page, app }) => {
  await addAccounts(app, page, ['proxyshard']);
  await expect(page.getByRole('heading', { name: /Renewals in the next 30 days/ })).toBeVisible();
  await nav(page, 'Settings');
  const section = page.getByTestId('runway-settings');
  await section.getByLabel('Look ahead (days)').fill('0');
  await section.getByRole('button', { name: 'Save runway settings' }).click();
  await expect(section.getByLabel('Look ahead (days)')).toHaveAttribute('aria-invalid', 'true');
  await section.getByLabel('Look ahead (days)').fill('14');
  await section.getByLabel(/Remind me when the balance lasts fewer than/).fill('3');
  await section.getByRole('button', { name: 'Save runway settings' }).click();
  await expect(section.getByText('Saved')).toBeVisible();
  await screenshot(page, 'settings-runway');
  expect(await ok(app, 'settings:get', [])).toMatchObject({ runwayDays: 14, runwayAlertDays: 3 });
  await nav(page, 'Dashboard');
  await expect(page.getByRole('heading', { name: /Renewals in the next 14 days/ })).toBeVisible();
});
