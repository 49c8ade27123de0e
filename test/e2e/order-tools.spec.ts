import type { Page } from '@playwright/test';
import type { BestproxySimulator } from '../../main/simulators/bestproxy';
import type { ProxyshardSimulator } from '../../main/simulators/proxyshard';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, nav, snapOf } from './renew-steps';

/**
 * A vendor's own order tools in the order detail panel (issue 14 §3), against the real core and the
 * simulators: BestProxy closes an unpaid order; ProxyShard sets the p0f OS signature of an IP.
 */

async function openOrder(page: Page, id: string) {
  await nav(page, 'Orders');
  await page.getByRole('searchbox').fill(id);
  await page.getByRole('button', { name: `Details of order ${id}`, exact: true }).click();
  const panel = page.getByRole('region', { name: `Order ${id}`, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('order tools', () => {
  test('BestProxy: an unpaid order is closed after a plain-words confirmation; nothing is charged', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['bestproxy']);
    const sim = app.sims.bestproxy as BestproxySimulator;
    const orders = snapOf(app, snaps, 'bestproxy').orders;
    const unpaid = orders.find((o) => o.status === 'pending');
    expect(unpaid, 'the simulator seeds an unpaid order').toBeTruthy();
    const atVendor = () => sim.state.orders.find((o) => o.tradeNo === unpaid!.id)?.status;
    expect(atVendor()).toBe(0);

    // A paid order has no such button.
    const paid = orders.find((o) => o.status === 'active')!;
    const paidPanel = await openOrder(page, paid.id);
    await expect(paidPanel.getByRole('button', { name: 'Close this unpaid order' })).toHaveCount(0);

    const panel = await openOrder(page, unpaid!.id);
    await panel.getByRole('button', { name: 'Close this unpaid order' }).click();
    const d = page.getByRole('dialog', { name: `Close unpaid order ${unpaid!.id}?` });
    await expect(d).toContainText('it can no longer be paid');
    await expect(d).toContainText('Nothing is charged');
    // "Keep it" sends nothing.
    await d.getByRole('button', { name: 'Keep it' }).click();
    await expect(d).toHaveCount(0);
    expect(atVendor()).toBe(0);

    await panel.getByRole('button', { name: 'Close this unpaid order' }).click();
    await screenshot(page, 'close-order');
    await d.getByRole('button', { name: 'Close the order' }).click();
    await expect.poll(atVendor).toBe(2);
    // The refreshed orders no longer list it.
    await expect(
      page.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: unpaid!.id }),
    ).toHaveCount(0);
    expect(sim.server.ledger).toHaveLength(0);
    expect(sim.server.requests.filter((r) => r.path.endsWith('/order/close'))).toHaveLength(1);
  });

  test('BestProxy, 简体中文: an answer lost after closing, with the orders unreadable, says "may have been closed"; a later read settles it', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['bestproxy']);
    const sim = app.sims.bestproxy as BestproxySimulator;
    const unpaid = snapOf(app, snaps, 'bestproxy').orders.find((o) => o.status === 'pending')!;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文 (Simplified Chinese)' });
    await page.getByRole('navigation').getByRole('button', { name: '订单', exact: true }).click();
    await page.getByRole('searchbox').fill(unpaid.id);
    await page.getByRole('button', { name: `订单 ${unpaid.id} 的详情`, exact: true }).click();
    await page.getByRole('button', { name: '关闭此未支付订单' }).click();
    const d = page.getByRole('dialog', { name: `关闭未支付订单 ${unpaid.id}？` });
    await expect(d).toContainText('不会扣费');

    // The close is applied, its answer is lost, and the orders cannot be read back for now.
    sim.server.injectFault({ kind: 'after_apply', answer: 'reset', method: 'POST', path: '/gateway/order/close' });
    sim.server.injectFault({ kind: 'status', status: 503, method: 'GET', path: '/gateway/order/list', times: 0 });
    await d.getByRole('button', { name: '关闭订单' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '订单可能已关闭' })).toBeVisible({ timeout: 30_000 });
    expect(sim.state.orders.find((o) => o.tradeNo === unpaid.id)?.status).toBe(2);
    expect(sim.server.requests.filter((r) => r.path.endsWith('/order/close'))).toHaveLength(1);

    // Once the orders read again, the closed order is gone from the list; nothing was sent twice.
    sim.server.clearFaults();
    await app.core.refresh.idle();
    app.core.refresh.start();
    await app.core.refresh.idle();
    await expect(page.getByRole('row').filter({ hasText: unpaid.id })).toHaveCount(0);
    expect(sim.server.requests.filter((r) => r.path.endsWith('/order/close'))).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(0);
  });

  test('ProxyShard: the p0f signature of each IP is shown and one is set (too few slots said before sending); an IP is marked to go at the next renewal', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['proxyshard']);
    const sim = app.sims.proxyshard as ProxyshardSimulator;
    const order = [...sim.account.orders.values()].find(
      (o) =>
        (o.product === 'dc' || o.product === 'isp') &&
        o.status === 'active' &&
        (o.addons[0]?.qty ?? 0) - o.ips.filter((x) => x.signature).length === 1 &&
        o.ips.filter((x) => !x.signature).length >= 2,
    );
    expect(order, 'the simulator seeds an order with one free p0f slot and unsigned IPs').toBeTruthy();
    const o = order!;
    const [first, second] = o.ips.filter((x) => !x.signature);
    const slots = o.addons[0]!.qty;
    const used = slots - 1;

    const panel = await openOrder(page, String(o.id));
    const tool = panel.getByRole('region', { name: 'OS signature (p0f)' });
    await expect(tool).toContainText('Close every connection');
    await expect(tool).toContainText('2–3 minutes');
    await tool.getByRole('button', { name: 'Show IPs and their OS signature' }).click();
    await expect(tool.getByTestId('p0f-slots')).toContainText(`${used} of ${slots} in use, 1 free`);
    await expect(tool.getByRole('row').filter({ hasText: first!.ip })).toContainText('None (Linux default)');

    // Two unsigned IPs need two slots: said at once, and the button stays off.
    await tool.getByRole('checkbox', { name: `Change ${first!.ip}` }).check();
    await tool.getByRole('checkbox', { name: `Change ${second!.ip}` }).check();
    await expect(tool.getByRole('alert')).toContainText('Not enough free p0f slots: 1 more is needed');
    await expect(tool.getByRole('button', { name: 'Set OS signature' })).toBeDisabled();

    await tool.getByRole('checkbox', { name: `Change ${second!.ip}` }).uncheck();
    await tool.getByRole('combobox', { name: 'Set to' }).selectOption('win11');
    await expect(tool).toContainText('Sets Windows 11 on 1 IP. New slots taken: 1.');
    await tool.getByRole('button', { name: 'Set OS signature' }).click();
    await expect(tool.getByRole('status')).toContainText('Set. Give it 2–3 minutes');
    expect(first!.signature).toBe('win11');
    await expect(tool.getByRole('row').filter({ hasText: first!.ip })).toContainText('Windows 11');
    await expect(tool.getByTestId('p0f-slots')).toContainText(`${slots} of ${slots} in use, 0 free`);
    await screenshot(page, 'p0f-signature');

    // del-np: the ticked IP is marked to go at the next renewal; the vendor's recalculated count is shown.
    const drop = tool.getByRole('region', { name: 'Drop IPs at the next renewal' });
    await expect(drop).toContainText('At least one IP must stay');
    await expect(drop.getByTestId('renew-quantity')).toContainText(`IPs ProxyShard will renew: ${o.ips.length}`);
    await tool.getByRole('checkbox', { name: `Change ${second!.ip}` }).check();
    await drop.getByRole('button', { name: 'Drop at next renewal' }).click();
    await expect(tool.getByRole('status')).toContainText(`Saved. ProxyShard will renew ${o.ips.length - 1} IPs.`);
    expect(second!.delNp).toBe(true);
    await expect(drop.getByTestId('renew-quantity')).toContainText(`IPs ProxyShard will renew: ${o.ips.length - 1}`);
    expect(sim.server.ledger).toHaveLength(0);
  });
});
