import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ProxyshardSimulator } from '../../main/simulators/proxyshard';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, charged, checkPrice, nav, pickIps, selectInIpsView, snapOf } from './renew-steps';

/**
 * Renewing from the Orders view, the auto-renew switch, and an outcome left unknown then settled with
 * "Check again" — against the real core and the simulators (every charge is in their ledgers).
 */

async function openOrder(page: Page, id: string) {
  await nav(page, 'Orders');
  await page.getByRole('searchbox').fill(id);
  await page.getByRole('button', { name: `Details of order ${id}`, exact: true }).click();
  const panel = page.getByRole('region', { name: `Order ${id}`, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('renew from orders, auto-renew, unknown outcomes', () => {
  test('a ProxyShard order on hold is renewed from its detail panel: price check, one charge, new expiry shown, listed in Activity and its CSV', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['proxyshard']);
    const order = snapOf(app, snaps, 'proxyshard').orders.find((o) => o.status === 'on-hold');
    expect(order, 'the simulator seeds on-hold orders').toBeTruthy();

    const panel = await openOrder(page, order!.id);
    await panel.getByRole('button', { name: 'Renew / extend', exact: true }).click();
    const d = await checkPrice(page);
    const confirm = d.getByRole('button', { name: /^Confirm and pay \$[\d,]+\.\d\d$/ });
    await expect(confirm).toBeEnabled();
    // ProxyShard prices the renewal itself (its calculate endpoint): no estimate label.
    await expect(d.getByText('Estimate')).toHaveCount(0);
    await confirm.click();

    const result = d.getByTestId('renew-result');
    await expect(result).toHaveCount(1, { timeout: 60_000 });
    await expect(result).toContainText('Renewed until');
    await expect(d.getByText('1 renewed, 0 failed, 0 unknown.')).toBeVisible();
    await screenshot(page, 'renew-order');
    expect(charged(app, 'proxyshard')).toEqual([order!.id]);

    // After the refresh the order is active with a new expiry, in the core and on screen.
    await d.getByRole('button', { name: 'Close' }).click();
    const current = () => snapOf(app, app.core.refresh.list(), 'proxyshard').orders.find((o) => o.id === order!.id);
    await expect.poll(() => current()?.status, { timeout: 20_000 }).toBe('active');
    expect(Date.parse(current()!.expiresAt!)).toBeGreaterThan(Date.now());
    const row = page.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: order!.id });
    await expect(row).toContainText('Active', { timeout: 20_000 });

    // The Activity view (its own sidebar place since issue 11; it loads by itself) lists the renewal,
    // and its CSV export carries it without any secret.
    await nav(page, 'Activity');
    const activity = page.getByRole('region', { name: 'Activity' });
    const logged = activity
      .getByRole('table', { name: 'Activity' })
      .getByRole('row')
      .filter({ hasText: 'ProxyShard shop' });
    await expect(logged).toHaveCount(1);
    await expect(logged).toContainText('Renew');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      activity.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^proxydeck-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Time \(UTC\),Action,Account,Vendor,Items,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',renew,ProxyShard shop,proxyshard,');
    expect(lines[1]).toContain('(done)');
    expect(csv).not.toContain((app.sims.proxyshard.credentials as { apiKey: string }).apiKey);
  });

  test('the auto-renew switch turns ProxyShard auto-renewal on and off at the provider', async ({ page, app }) => {
    const snaps = await addAccounts(app, page, ['proxyshard']);
    const order = snapOf(app, snaps, 'proxyshard').orders.find((o) => o.status === 'active' && o.autoRenew === false);
    expect(order, 'the simulator seeds active orders without auto-renewal').toBeTruthy();
    const sim = app.sims.proxyshard as ProxyshardSimulator;
    const atVendor = () => sim.account.orders.get(Number(order!.id))?.autoRenewal;
    expect(atVendor()).toBe(false);

    const panel = await openOrder(page, order!.id);
    const toggle = panel.getByRole('switch', { name: 'Auto-renew' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(panel.getByText('Saved. Updating the order…')).toBeVisible();
    expect(atVendor()).toBe(true);
    await screenshot(page, 'auto-renew');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect.poll(atVendor).toBe(false);
    // Switching auto-renewal moves no money.
    expect(sim.server.ledger).toHaveLength(0);
  });

  test('an answer lost after YouProxy extended: outcome unknown, nothing resent; "Check again" reads it as renewed, one charge', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['youproxy']);
    const [pick] = pickIps(app, snaps, 'youproxy', 1);
    await selectInIpsView(page, [pick!]);
    const d = await checkPrice(page, 1);
    const confirm = d.getByRole('button', { name: /^Confirm and pay/ });
    await expect(confirm).toBeEnabled();

    // The extend is applied (money moves) but its answer is lost; from the moment of the charge, every
    // read of the IPs and of the balance fails too, so nothing can tell what happened.
    const server = app.sims.youproxy.server;
    server.injectFault({ kind: 'drop_after_apply', method: 'POST', path: 'v1/[^/]+/extend$', times: 1 });
    const record = server.charge.bind(server);
    server.charge = (entry) => {
      record(entry);
      server.injectFault({ kind: 'status', status: 503, method: 'GET', path: 'ipAddress', times: 0 });
      server.injectFault({ kind: 'status', status: 503, method: 'GET', path: '/balance', times: 0 });
    };
    await confirm.click();

    const result = d.getByTestId('renew-result');
    await expect(result).toHaveCount(1, { timeout: 60_000 });
    await expect(d.getByText('0 renewed, 0 failed, 1 unknown.')).toBeVisible({ timeout: 60_000 });
    await expect(result).toContainText('Outcome unknown');
    // Unknown items are never offered for a blind retry.
    await expect(d.getByRole('button', { name: 'Retry failed items' })).toHaveCount(0);
    await screenshot(page, 'renew-unknown');
    expect(charged(app, 'youproxy')).toEqual([pick!.id]); // the vendor did apply it, once

    server.clearFaults();
    await d.getByRole('button', { name: 'Check again' }).click();
    await expect(result).toContainText('Renewed until', { timeout: 60_000 });
    await expect(d.getByText('1 renewed, 0 failed, 0 unknown.')).toBeVisible();
    await expect(d.getByRole('button', { name: 'Check again' })).toHaveCount(0);
    // Still exactly one extend request and one charge: the check only read.
    const extendPath = /\/v1\/[^/]+\/extend$/; // not /calculate/extend (price checks)
    expect(server.requests.filter((r) => r.method === 'POST' && extendPath.test(r.path))).toHaveLength(1);
    expect(charged(app, 'youproxy')).toEqual([pick!.id]);
  });
});
