import type { Page } from '@playwright/test';
import type { ProxyshardSimulator } from '../../main/simulators/proxyshard';
import type { AccountSnapshot, ProxyEndpoint } from '../../preload/contract/model';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, charged, dialog, type Pick, selectInIpsView, snapOf } from './renew-steps';

/**
 * Issue 11, points 1–3: the renew flow explains each vendor's rule with the next step and leaves such
 * items out by itself, offers only the periods an item's type accepts, and shows whether the balances
 * cover the cost — with "renew what the balance covers" or "top up" when they do not.
 */

const asPick = (vendor: Pick['vendor'], p: ProxyEndpoint): Pick => {
  const port = p.httpPort ?? p.socksPort;
  return { vendor, id: p.id, label: port == null ? p.ip : `${p.ip}:${port}`, ip: p.ip, expiresAt: p.expiresAt };
};

/** Proxies whose IP is unique across every account (the search box then finds one row). */
function unique(snaps: AccountSnapshot[], list: ProxyEndpoint[]): ProxyEndpoint[] {
  const all = snaps.flatMap((s) => [...s.proxies.map((p) => p.ip), ...s.servers.map((x) => x.ip)]);
  return list.filter((p) => all.filter((ip) => ip === p.ip).length === 1);
}

/** Vendor pages open in a new tab in the browser host; answer them locally (no network in tests). */
async function stubVendorSites(page: Page) {
  await page
    .context()
    .route(/^https:\/\/[^/]*(thordata|youproxy|bestproxy|proxyshard)\.(com|io)\//, (r) =>
      r.fulfill({ contentType: 'text/html', body: '<title>vendor</title>' }),
    );
}

test.describe('renew flow: vendor rules, periods per type, can I afford it', () => {
  test('1: items a vendor will not renew here are left out with one summary line, its rule and the next step', async ({
    page,
    app,
  }) => {
    await stubVendorSites(page);
    const snaps = await addAccounts(app, page, ['thordata', 'proxyshard', 'youproxy']);
    const td = snapOf(app, snaps, 'thordata');
    const ps = snapOf(app, snaps, 'proxyshard');
    const yp = snapOf(app, snaps, 'youproxy');
    const tdIp = unique(
      snaps,
      td.proxies.filter((p) => p.kind === 'isp' || p.kind === 'datacenter'),
    )[0]!;
    const tdServer = td.servers.find(
      (s) => s.status === 'active' && snaps.every((x) => x.proxies.every((p) => p.ip !== s.ip)),
    )!;
    const activeOrder = ps.orders.find(
      (o) => o.status === 'active' && o.autoRenew === false && ps.proxies.some((p) => p.orderId === o.id),
    )!;
    expect(activeOrder, 'the simulator seeds active ProxyShard orders with IPs').toBeTruthy();
    const psIp = unique(
      snaps,
      ps.proxies.filter((p) => p.orderId === activeOrder.id),
    )[0]!;
    const ypIp = unique(
      snaps,
      yp.proxies.filter((p) => p.kind === 'datacenter' && p.status === 'active'),
    )[0]!;
    await selectInIpsView(page, [
      asPick('thordata', tdIp),
      { vendor: 'thordata', id: tdServer.id, label: tdServer.ip, ip: tdServer.ip, expiresAt: tdServer.expiresAt },
      asPick('proxyshard', psIp),
      asPick('youproxy', ypIp),
    ]);

    // The count covers only what will be renewed here: the Thordata server and the YouProxy IP.
    const button = page.getByRole('button', { name: 'Renew / extend (2)' });
    await expect(button).toBeEnabled();
    await expect(button).toHaveAccessibleDescription(/2 selected items are not renewed here/);
    await button.click();
    const d = dialog(page);
    const leftOut = d.getByTestId('renew-left-out');
    await expect(leftOut).toContainText('2 items are left out: their providers do not renew them here.');
    // No red dead end, no "Leave out" to click: the price check is open for what is renewed here.
    await expect(d.getByText(/Cannot be renewed here/)).toHaveCount(0);
    await expect(d.getByRole('button', { name: 'Leave out' })).toHaveCount(0);
    await expect(d.getByRole('button', { name: 'Check the price' })).toBeEnabled({ timeout: 20_000 });
    await expect(d.getByTestId('renew-group-thordata')).toContainText('1 item');
    await expect(d.getByTestId('renew-group-youproxy')).toContainText('1 item');

    // ProxyShard: its rule, and the auto-renew switch of the IP's order right there.
    const onHold = leftOut.getByTestId('renew-left-out-onHold');
    await expect(onHold).toContainText('ProxyShard renews an order only once it has ended and is on hold.');
    const toggle = onHold.getByRole('switch', { name: `Auto-renew — ${activeOrder.product} #${activeOrder.id}` });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    const sim = app.sims.proxyshard as ProxyshardSimulator;
    await expect.poll(() => sim.account.orders.get(Number(activeOrder.id))?.autoRenewal).toBe(true);
    expect(sim.server.ledger).toHaveLength(0);

    // Thordata: its rule, and a button that opens its dashboard (URL from main, not the window).
    const dash = leftOut.getByTestId('renew-left-out-dashboard');
    await expect(dash).toContainText('Thordata renews these only in its own dashboard.');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      dash.getByRole('button', { name: 'Open the Thordata dashboard' }).click(),
    ]);
    expect(popup.url()).toMatch(/^https:\/\/dashboard\.thordata\.com\/?$/);
    await popup.close();
    await expect(dash.getByText('Opened in your browser.')).toBeVisible();
    await screenshot(page, 'renew-flow-left-out');

    // Nothing selected: the button is disabled and says why.
    await d.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Clear selection' }).click();
    const idle = page.getByRole('button', { name: 'Renew / extend', exact: true });
    await expect(idle).toBeDisabled();
    await expect(idle).toHaveAccessibleDescription('Select the items to renew first.');
  });

  test('2: periods follow each item’s type; a mixed YouProxy selection is split by what each type allows', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['youproxy']);
    const yp = snapOf(app, snaps, 'youproxy');
    const active = (kind: string) =>
      unique(
        snaps,
        yp.proxies.filter((p) => p.kind === kind && p.status === 'active' && p.expiresAt),
      )[0]!;
    const ipv4 = active('datacenter');
    const isp = active('isp');
    app.sims.youproxy.setBalance(100_000); // long periods cost more than the seeded balance
    await selectInIpsView(page, [asPick('youproxy', ipv4), asPick('youproxy', isp)]);
    await page.getByRole('button', { name: 'Renew / extend (2)' }).click();
    const d = dialog(page);
    await expect(
      d.getByText('Items of different types allow different periods, so they are listed apart.'),
    ).toBeVisible({
      timeout: 20_000,
    });
    const groups = d.getByTestId('renew-group-youproxy');
    await expect(groups).toHaveCount(2);
    const ispSelect = d.getByRole('combobox', { name: 'Extend by — YouProxy shop · YouProxy · ISP' });
    const dcSelect = d.getByRole('combobox', { name: 'Extend by — YouProxy shop · YouProxy · Datacenter' });
    // The ISP type has no 360 days at YouProxy (it would be refused: "Incorrect rent period").
    await expect(ispSelect.locator('option')).toHaveText(['30 days', '60 days', '90 days', '180 days']);
    await expect(dcSelect.locator('option')).toHaveText(['30 days', '60 days', '90 days', '180 days', '360 days']);
    await dcSelect.selectOption('360');
    await ispSelect.selectOption('180');
    await screenshot(page, 'renew-flow-periods');

    await d.getByRole('button', { name: 'Check the price' }).click();
    await expect(d.getByText('Asking the providers for the price…')).toBeHidden({ timeout: 30_000 });
    await expect(d.getByTestId('renew-blocked')).toHaveCount(0);
    await expect(d.getByText(/Incorrect rent period/)).toHaveCount(0);
    const confirm = d.getByRole('button', { name: /^Confirm and pay \$/ });
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await expect(d.getByText('2 renewed, 0 failed, 0 unknown.')).toBeVisible({ timeout: 60_000 });
    expect(charged(app, 'youproxy').sort()).toEqual([ipv4.id, isp.id].sort());
  });

  test('3: balance, cost and what is left per account; short funds offer "renew what the balance covers" or "top up"', async ({
    page,
    app,
  }) => {
    await stubVendorSites(page);
    const snaps = await addAccounts(app, page, ['youproxy', 'bestproxy']);
    const yp = snapOf(app, snaps, 'youproxy');
    const bp = snapOf(app, snaps, 'bestproxy');
    const ypIps = unique(
      snaps,
      yp.proxies.filter((p) => p.kind === 'datacenter' && p.status === 'active' && p.expiresAt),
    ).slice(0, 3);
    expect(ypIps).toHaveLength(3);
    const bpIp = unique(
      snaps,
      bp.proxies.filter((p) => p.status === 'active' && p.expiresAt),
    )[0]!;
    // Enough for about two of the three YouProxy IPs (30 days each).
    app.sims.youproxy.setBalance(400);
    await selectInIpsView(page, [...ypIps.map((p) => asPick('youproxy', p)), asPick('bestproxy', bpIp)]);
    await page.getByRole('button', { name: 'Renew / extend (4)' }).click();
    const d = dialog(page);
    for (const name of ['YouProxy shop · YouProxy', 'BestProxy shop · BestProxy']) {
      const select = d.getByRole('combobox', { name: `Extend by — ${name}` });
      await expect(select).toBeVisible({ timeout: 20_000 });
      await select.selectOption({ index: 0 });
    }
    await d.getByRole('button', { name: 'Check the price' }).click();
    await expect(d.getByText('Asking the providers for the price…')).toBeHidden({ timeout: 30_000 });

    // Side by side: balance, cost, left. BestProxy reports no balance: said once, nothing contradicting it.
    const funds = d.getByTestId('renew-funds');
    const ypRow = funds.getByRole('row', { name: /YouProxy shop/ });
    await expect(ypRow).toContainText('$4.00');
    await expect(ypRow).toContainText('Not enough');
    await expect(funds.getByRole('row', { name: /BestProxy shop/ })).toContainText('Not reported');
    await expect(d.getByTestId('renew-no-balance')).toHaveText(
      'BestProxy does not tell Proxydeck your balance, so it cannot be checked here. Make sure it has at least the cost shown before you confirm.',
    );
    await expect(d.getByText(/Paid from your BestProxy balance/)).toHaveCount(0);
    await expect(d.getByText(/Balance not reported by/)).toHaveCount(0);

    // Short: no "Confirm and pay"; two choices instead.
    await expect(d.getByRole('button', { name: /^Confirm and pay/ })).toHaveCount(0);
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      d.getByRole('button', { name: 'Top up at YouProxy' }).click(),
    ]);
    expect(popup.url()).toMatch(/^https:\/\/youproxy\.io\/?$/);
    await popup.close();
    const covered = d.getByRole('button', {
      name: /^Renew what the balance covers \(3 items, soonest expiry first\)$/,
    });
    await expect(covered).toBeEnabled();
    await screenshot(page, 'renew-flow-short');
    await covered.click();

    // A new price check of that subset, with its own exact total and confirmation.
    await expect(d.getByTestId('renew-subset')).toContainText('Only what your balance covers: 3 of 4 items');
    await expect(d.getByText('Asking the providers for the price…')).toBeHidden({ timeout: 30_000 });
    await expect(d.getByTestId('renew-funds').getByRole('row', { name: /YouProxy shop/ })).not.toContainText(
      'Not enough',
    );
    const soonest = [...ypIps].sort((a, b) => Date.parse(a.expiresAt!) - Date.parse(b.expiresAt!));
    const ypPart = d.getByRole('region', { name: 'YouProxy shop · YouProxy' });
    await expect(ypPart.getByRole('row')).toHaveCount(2 + 2); // head + 2 items + subtotal
    for (const p of soonest.slice(0, 2)) await expect(ypPart).toContainText(p.ip);
    await expect(ypPart).not.toContainText(soonest[2]!.ip);
    const confirm = d.getByRole('button', { name: /^Confirm and pay \$/ });
    await expect(confirm).toBeEnabled();
    await screenshot(page, 'renew-flow-covered');
    await confirm.click();
    await expect(d.getByText('3 renewed, 0 failed, 0 unknown.')).toBeVisible({ timeout: 60_000 });
    expect(charged(app, 'youproxy').sort()).toEqual(
      soonest
        .slice(0, 2)
        .map((p) => p.id)
        .sort(),
    );
  });
});
