import type { Page } from '@playwright/test';
import type { ProxyshardSimulator } from '../../main/simulators/proxyshard';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, nav } from './renew-steps';

/**
 * ProxyShard p0f slot add-ons in an order's detail (issue 14 §3), against the real core and the
 * simulator: 2 slots bought through the shared purchase confirmation (exactly one charge), then a
 * downgrade at the next renewal scheduled and cancelled (nothing charged); and 5 GB of traffic bought
 * for a residential order (no price in advance: accepted first; exactly one charge).
 */

async function openOrder(page: Page, id: string) {
  await nav(page, 'Orders');
  await page.getByRole('searchbox').fill(id);
  await page.getByRole('button', { name: `Details of order ${id}`, exact: true }).click();
  const panel = page.getByRole('region', { name: `Order ${id}`, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('order add-ons', () => {
  test('ProxyShard: buy 2 p0f slots (one charge), schedule a downgrade at the next renewal and cancel it', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['proxyshard']);
    const sim = app.sims.proxyshard as ProxyshardSimulator;
    const order = [...sim.account.orders.values()].find(
      (o) => o.product === 'dc' && o.status === 'active' && (o.addons[0]?.qty ?? 0) >= 2 && !o.addons[0]?.pending,
    );
    expect(order, 'the simulator seeds an active DC order with p0f slots').toBeTruthy();
    const o = order!;
    const slots = o.addons[0]!.qty;
    const ledger = sim.server.ledger.length;
    const buys = () =>
      sim.server.requests.filter((r) => r.method === 'POST' && r.path === `/user/api/orders/${o.id}/addons/purchase`);

    const panel = await openOrder(page, String(o.id));
    const tool = panel.getByRole('region', { name: 'p0f slots (add-on)' });
    await tool.getByRole('button', { name: 'Show p0f slots' }).click();
    await expect(tool.getByTestId('addon-slots')).toContainText(`p0f slots: ${slots} active`);
    await expect(tool.getByTestId('addon-slots')).toContainText('$0.30 each per period');

    // Buy 2: the shared confirmation shows ProxyShard's own price; one Pay, one charge.
    await tool.getByRole('spinbutton', { name: 'Slots to buy' }).fill('2');
    await expect(tool).toContainText('About $0.60 for this period, charged from your ProxyShard wallet at once');
    await tool.getByRole('button', { name: 'Buy more slots' }).click();
    const d = page.getByRole('dialog', { name: `Buy p0f slots for order ${o.id}` });
    await expect(d).toBeVisible();
    const pay = d.getByTestId('buy-pay');
    await expect(pay).toBeEnabled({ timeout: 30_000 });
    await expect(pay).toHaveText('Pay $0.60');
    await expect(d).toContainText(`2 p0f slots for order ${o.id}`);
    await expect(d).toContainText(`p0f slots: ${slots} → ${slots + 2}, $0.30 each`);
    await screenshot(page, 'addon-buy');
    await pay.click();
    await expect(d.getByRole('button', { name: 'Close', exact: true })).toBeEnabled({ timeout: 30_000 });
    await expect(d).toContainText('Bought');
    expect(buys()).toHaveLength(1);
    expect(sim.server.ledger.slice(ledger)).toEqual([
      expect.objectContaining({ what: 'addon', items: [String(o.id)], amountMinor: 60 }),
    ]);
    expect(o.addons[0]!.qty).toBe(slots + 2);
    await d.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(d).toHaveCount(0);
    await expect(tool.getByTestId('addon-slots')).toContainText(`p0f slots: ${slots + 2} active`);

    // Downgrade at the next renewal: says what changes and that nothing is charged now.
    const keep = 3;
    await tool.getByRole('spinbutton', { name: 'Slots to keep' }).fill(String(keep));
    await expect(tool).toContainText(
      `From the next renewal the order keeps ${keep} slots, and each renewal costs $${(((slots + 2 - keep) * 30) / 100).toFixed(2)} less. Nothing is charged or refunded now`,
    );
    await tool.getByRole('button', { name: 'Schedule a downgrade at next renewal' }).click();
    await expect(tool.getByRole('status')).toContainText(`Scheduled: ${keep} slots from the next renewal.`);
    await expect(tool.getByTestId('addon-pending')).toContainText(`At the next renewal: ${keep} slots`);
    expect(o.addons[0]!.pending).toEqual({ action: 'downgrade', next_qty: keep });
    await screenshot(page, 'addon-downgrade');

    // Cancel it: the order keeps every slot at the next renewal.
    await expect(tool).toContainText(`keeps all ${slots + 2} slots at the next renewal`);
    await tool.getByRole('button', { name: 'Cancel the scheduled downgrade' }).click();
    await expect(tool.getByRole('status')).toContainText('The scheduled downgrade is cancelled.');
    await expect(tool.getByTestId('addon-pending')).toHaveCount(0);
    expect(o.addons[0]!.pending).toBeNull();

    // One charge in all; the schedule and its cancel were sent once each and charged nothing.
    expect(sim.server.ledger.length).toBe(ledger + 1);
    expect(buys()).toHaveLength(1);
    const sentTo = (suffix: string) =>
      sim.server.requests.filter((r) => r.method === 'POST' && r.path === `/user/api/orders/${o.id}/addons/${suffix}`);
    expect(sentTo('schedule')).toHaveLength(1);
    expect(sentTo('schedule/cancel')).toHaveLength(1);
  });

  test('ProxyShard: buy 5 GB of traffic for a residential order (no price in advance, one charge)', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['proxyshard']);
    const sim = app.sims.proxyshard as ProxyshardSimulator;
    const order = [...sim.account.orders.values()].find((o) => o.product === 'standart' && o.status === 'active');
    expect(order, 'the simulator seeds an active Standart residential order').toBeTruthy();
    const o = order!;
    const pool = sim.account.pools.standart!;
    const poolBytes = pool.dataBytes;
    const ledger = sim.server.ledger.length;
    const buys = () =>
      sim.server.requests.filter((r) => r.method === 'POST' && r.path === `/user/api/orders/${o.id}/add-bandwidth`);

    const panel = await openOrder(page, String(o.id));
    // The p0f tool is for DC/ISP orders only; a residential order gets the traffic tool.
    await expect(panel.getByRole('region', { name: 'p0f slots (add-on)' })).toHaveCount(0);
    const tool = panel.getByRole('region', { name: 'Residential traffic' });
    await tool.getByRole('spinbutton', { name: 'GB to buy' }).fill('5');
    await expect(tool).toContainText('It does not tell the exact price in advance');
    await tool.getByRole('button', { name: 'Buy more traffic' }).click();
    const d = page.getByRole('dialog', { name: `Buy traffic for order ${o.id}` });
    await expect(d).toBeVisible();
    await expect(d).toContainText(`5 GB of Standart residential traffic for order ${o.id}`, { timeout: 30_000 });
    await expect(d).toContainText('ProxyShard does not tell this price in advance');
    await expect(d.getByTestId('buy-total')).toContainText('No price in advance');
    const pay = d.getByTestId('buy-pay');
    // Nothing can be bought before the unknown price is accepted.
    await expect(pay).toBeDisabled();
    await d.getByTestId('buy-accept-unknown').check();
    await expect(pay).toBeEnabled();
    await screenshot(page, 'addon-bandwidth-buy');
    expect(buys()).toHaveLength(0);
    await pay.click();
    await expect(d.getByRole('button', { name: 'Close', exact: true })).toBeEnabled({ timeout: 30_000 });
    await expect(d).toContainText('Bought');
    expect(buys()).toHaveLength(1);
    expect(JSON.parse(sim.writes.at(-1)!.body)).toEqual({ amount: 5 });
    expect(sim.server.ledger.slice(ledger)).toEqual([
      expect.objectContaining({ what: 'add-bandwidth', items: [String(o.id)], amountMinor: 1000 }),
    ]);
    expect(pool.dataBytes).toBe(poolBytes + 5 * 1024 ** 3);
    await d.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(d).toHaveCount(0);
    await expect(tool.getByRole('status')).toContainText('Bought. The traffic is added to the plan');
    expect(sim.server.ledger.length).toBe(ledger + 1);
  });
});
