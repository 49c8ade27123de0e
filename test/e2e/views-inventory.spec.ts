import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { AccountSnapshot, VendorId } from '../../preload/contract/model';
import { expect, screenshot, test } from './fixtures';

const VENDOR_NAMES: Record<VendorId, string> = {
  thordata: 'Thordata',
  proxyshard: 'ProxyShard',
  youproxy: 'YouProxy',
  bestproxy: 'BestProxy',
};

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

function activeIps(snaps: AccountSnapshot[]): number {
  return snaps.reduce(
    (n, s) =>
      n + s.proxies.filter((p) => p.status === 'active').length + s.servers.filter((x) => x.status === 'active').length,
    0,
  );
}

function usdTotal(snaps: AccountSnapshot[]): string | null {
  const usd = snaps.map((s) => s.balance?.money).filter((m) => m?.currency === 'USD');
  if (usd.length === 0) return null;
  const minor = usd.reduce((n, m) => n + (m?.minor ?? 0), 0);
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100);
}

test.describe('inventory views (demo accounts)', () => {
  test.use({ demo: true });

  test.beforeEach(async ({ page, app }) => {
    await app.core.refresh.idle();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    // The strip asks for one background refresh after a load; let it finish.
    await expect(page.getByRole('button', { name: 'Refresh all' })).toBeEnabled();
    await app.core.refresh.idle();
  });

  test('dashboard shows the four accounts’ figures, expiring soon sorted, and the scope filter narrows them', async ({
    page,
    app,
  }) => {
    const snaps = app.core.refresh.list();
    expect(snaps).toHaveLength(4);
    await expect(page.getByTestId('active-ips')).toHaveText(activeIps(snaps).toLocaleString('en'));
    const activeOrders = snaps.reduce((n, s) => n + s.orders.filter((o) => o.status === 'active').length, 0);
    await expect(page.getByTestId('active-orders')).toHaveText(activeOrders.toLocaleString('en'));
    const usd = usdTotal(snaps);
    expect(usd).not.toBeNull();
    await expect(page.getByTestId('balance-USD')).toHaveText(usd!);

    // Issue 11: ended items have their own "Expired" list; this one holds what ends within the window.
    const expiring = page.getByRole('table', { name: 'Expiring within 7 days' });
    await expect(expiring.getByRole('row')).not.toHaveCount(0);
    const dates = await expiring
      .locator('tbody time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(0);
    const times = dates.map((d) => Date.parse(d));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    await expect(expiring).toContainText(/in \d+ days?|today/);
    await screenshot(page, 'dashboard');

    // Scope to one account: the IP count follows that account alone.
    const accounts = app.core.accounts.list();
    const one = accounts.find((a) => {
      const s = snaps.find((x) => x.accountId === a.id);
      return s && s.proxies.length > 0;
    })!;
    await page
      .getByRole('combobox', { name: 'Provider', exact: true })
      .selectOption({ label: VENDOR_NAMES[one.vendor] });
    await page.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: one.label });
    const mine = snaps.filter((s) => s.accountId === one.id);
    await expect(page.getByTestId('active-ips')).toHaveText(activeIps(mine).toLocaleString('en'));
  });

  test('orders: filter by provider changes the rows; sorting and the detail panel', async ({ page, app }) => {
    const snaps = app.core.refresh.list();
    const accounts = app.core.accounts.list();
    const total = snaps.reduce((n, s) => n + s.orders.length, 0);
    expect(total).toBeGreaterThan(0);
    await nav(page, 'Orders');
    const table = page.getByRole('table', { name: 'Orders' });
    const body = table.locator('tbody tr:not(.spacer)');
    await expect(body).toHaveCount(total);

    const withOrders = accounts.find((a) => (snaps.find((s) => s.accountId === a.id)?.orders.length ?? 0) > 0)!;
    const count = snaps.find((s) => s.accountId === withOrders.id)!.orders.length;
    await page
      .getByRole('combobox', { name: 'Provider', exact: true })
      .selectOption({ label: VENDOR_NAMES[withOrders.vendor] });
    await expect(body).toHaveCount(count);
    // The first cell is the row's checkbox (issue 11: orders can be selected and exported); the account follows.
    // A demo account is named beside its vendor ("Demo" over "ProxyShard"), the vendor said once.
    const vendorName = VENDOR_NAMES[withOrders.vendor];
    for (const text of await body.locator('td:nth-child(2)').allInnerTexts()) {
      expect(text.split(/\s*\n\s*/)).toEqual(['Demo', vendorName]);
    }

    // Sort by product: aria-sort tells, and the order follows.
    const productHeader = table.getByRole('columnheader', { name: /Product/ });
    await productHeader.getByRole('button').click();
    await expect(productHeader).toHaveAttribute('aria-sort', 'ascending');
    await productHeader.getByRole('button').click();
    await expect(productHeader).toHaveAttribute('aria-sort', 'descending');

    const order = snaps.find((s) => s.accountId === withOrders.id)!.orders[0]!;
    await page.getByRole('button', { name: `Details of order ${order.id}` }).click();
    const panel = page.getByRole('region', { name: `Order ${order.id}` });
    await expect(panel).toBeVisible();
    for (const [k, v] of Object.entries(order.details)) {
      await expect(panel).toContainText(k);
      await expect(panel).toContainText(v);
    }
    await screenshot(page, 'orders');

    await page.getByRole('combobox', { name: 'Provider', exact: true }).selectOption({ label: 'All providers' });
    await expect(body).toHaveCount(total);
  });

  test('IPs: filter, shift-select two rows, export ip:port:user:pass exactly, passwords masked until revealed', async ({
    page,
    app,
  }) => {
    const snaps = app.core.refresh.list();
    const accounts = app.core.accounts.list();
    const pick = accounts.find((a) => {
      const s = snaps.find((x) => x.accountId === a.id);
      return s && s.proxies.filter((p) => p.username && p.password).length >= 2;
    });
    expect(pick, 'a demo account with two proxies that have credentials').toBeTruthy();
    const snap = snaps.find((s) => s.accountId === pick!.id)!;
    await nav(page, 'IPs');
    const all = snaps.reduce((n, s) => n + s.proxies.length + s.servers.length, 0);
    await expect(page.getByText(new RegExp(`of ${all.toLocaleString('en')} IPs? shown`))).toBeVisible();

    await page
      .getByRole('combobox', { name: 'Provider', exact: true })
      .selectOption({ label: VENDOR_NAMES[pick!.vendor] });
    const mineCount = snaps
      .filter((s) => accounts.find((a) => a.id === s.accountId)?.vendor === pick!.vendor)
      .reduce((n, s) => n + s.proxies.length + s.servers.length, 0);
    await expect(page.getByText(`${mineCount.toLocaleString('en')} of ${all.toLocaleString('en')} IP`)).toBeVisible();

    const [p1, p2] = snap.proxies;
    const label = (p: typeof p1) => `Select ${p!.ip}:${p!.httpPort ?? p!.socksPort}`;
    // Passwords are masked until revealed.
    await expect(page.getByText(p1!.password!, { exact: true })).toHaveCount(0);
    await expect(page.getByTestId('ip-pass').first()).toHaveText('••••••');

    await page.getByRole('checkbox', { name: label(p1) }).click();
    await page.getByRole('checkbox', { name: label(p2) }).click({ modifiers: ['Shift'] });
    await expect(page.getByText('2 selected')).toBeVisible();

    const expected = [p1!, p2!]
      .map((p) => `${p.ip}:${p.httpPort ?? p.socksPort}:${p.username}:${p.password}`)
      .join('\n');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export 2' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(expected);
    // The preview masks passwords until they are revealed.
    const preview = page.getByRole('textbox', { name: 'Preview' });
    await expect(preview).toHaveValue(
      expected.replaceAll(`:${p1!.password}`, ':••••••').replaceAll(`:${p2!.password}`, ':••••••'),
    );

    await page.getByRole('button', { name: 'Reveal passwords' }).click();
    await expect(preview).toHaveValue(expected);
    await expect(page.getByRole('cell', { name: p1!.password!, exact: true })).toBeVisible();

    // Ctrl+A in the table selects every filtered row.
    await page.getByRole('checkbox', { name: label(p1) }).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await expect(page.getByText(`${mineCount} selected`)).toBeVisible();
    await screenshot(page, 'ips');

    // Only the visible rows are in the DOM (virtualized) when the list is long enough; never more than all rows.
    expect(await page.locator('tbody tr:not(.spacer)').count()).toBeLessThanOrEqual(mineCount);
  });
});

test.describe('offline start', () => {
  test('with every provider unreachable, the saved data is shown with its age and an offline notice', async ({
    page,
    app,
  }) => {
    const vendors: VendorId[] = ['thordata', 'proxyshard', 'youproxy', 'bestproxy'];
    for (const v of vendors) {
      await app.core.accounts.add({
        vendor: v,
        label: `${VENDOR_NAMES[v]} shop`,
        credentials: app.sims[v].credentials,
      });
    }
    app.core.refresh.start();
    await app.core.refresh.idle();
    const saved = app.core.refresh.list();
    expect(saved).toHaveLength(4);

    for (const v of vendors) await app.sims[v].close();
    app.core.refresh.start();
    await app.core.refresh.idle();
    await page.reload();

    const notice = page.getByRole('status').filter({ hasText: 'Could not reach some providers' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expect(notice).toContainText('4 accounts could not be refreshed');
    for (const v of vendors) await expect(notice).toContainText(`${VENDOR_NAMES[v]} shop`);
    await expect(notice).toContainText(/Offline — showing data from .*ago/);
    // The saved figures are still there.
    await expect(page.getByTestId('active-ips')).toHaveText(activeIps(saved).toLocaleString('en'));
    await expect(page.getByRole('button', { name: 'Test connection' }).first()).toBeVisible();
    await screenshot(page, 'dashboard-offline');
  });
});
