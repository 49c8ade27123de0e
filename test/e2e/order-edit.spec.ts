import type { Page } from '@playwright/test';
import type { ProxyshardSimulator } from '../../main/simulators/proxyshard';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, nav } from './renew-steps';

/**
 * ProxyShard's order tag and billing cycle in the order detail panel (issue 14 §3), against the real
 * core and the simulator: each sent once, nothing charged, the vendor's state read back.
 */

async function openOrder(page: Page, id: string) {
  await nav(page, 'Orders');
  await page.getByRole('searchbox').fill(id);
  await page.getByRole('button', { name: `Details of order ${id}`, exact: true }).click();
  const panel = page.getByRole('region', { name: `Order ${id}`, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('order tag and billing cycle', () => {
  test('ProxyShard: change a billing cycle (plain words, nothing charged)', async ({ page, app }) => {
    await addAccounts(app, page, ['proxyshard']);
    const sim = app.sims.proxyshard as ProxyshardSimulator;
    const o = [...sim.account.orders.values()].find(
      (x) => x.product === 'dc' && x.status === 'active' && x.cycle !== 'weekly',
    );
    expect(o, 'the simulator seeds an active DC order not billed weekly').toBeTruthy();
    const wallet = sim.account.walletCents;
    const path = `/orders/change-billing-cycle/${o!.id}`;

    const panel = await openOrder(page, String(o!.id));
    const tool = panel.getByRole('region', { name: 'Billing cycle' });
    await tool.getByRole('combobox', { name: 'New billing cycle' }).selectOption('weekly');
    await tool.getByRole('button', { name: 'Change billing cycle' }).click();
    const d = page.getByRole('dialog', { name: `Change the billing cycle of order ${o!.id}?` });
    await expect(d).toContainText('renews every Weekly (7 days)');
    await expect(d).toContainText('Nothing is charged now');
    await expect(d).toContainText('The next charge happens when the order renews');
    await expect(d).toContainText('promo code');
    // Keeping the cycle sends nothing.
    await d.getByRole('button', { name: /^Keep / }).click();
    await expect(d).toHaveCount(0);
    expect(sim.server.requests.filter((r) => r.path.endsWith(path))).toHaveLength(0);

    await tool.getByRole('button', { name: 'Change billing cycle' }).click();
    await screenshot(page, 'change-billing-cycle');
    await d.getByRole('button', { name: 'Change to Weekly (7 days)' }).click();
    await expect(tool.getByRole('status')).toContainText('Changed to Weekly (7 days). Nothing was charged.');
    await expect(tool.getByRole('status')).toContainText(`The next renewal costs $${(o!.pricePaid / 100).toFixed(2)}`);
    expect(o!.cycle).toBe('weekly');
    await expect(tool.getByTestId('order-cycle')).toContainText('Now: Weekly (7 days)');
    expect(sim.server.requests.filter((r) => r.path.endsWith(path))).toHaveLength(1);
    expect(sim.account.walletCents).toBe(wallet);
    expect(sim.server.ledger).toHaveLength(0);
  });

  test('ProxyShard: edit a tag and clear it; too long is said before sending', async ({ page, app }) => {
    await addAccounts(app, page, ['proxyshard']);
    const sim = app.sims.proxyshard as ProxyshardSimulator;
    const o = [...sim.account.orders.values()].find((x) => x.product === 'dc' && x.status === 'active')!;
    const panel = await openOrder(page, String(o.id));
    const sent = () => sim.server.requests.filter((r) => r.path.endsWith(`/orders/${o.id}/tag`));

    await panel.getByRole('button', { name: 'Edit tag' }).click();
    const input = panel.getByRole('textbox', { name: `Tag of order ${o.id}` });
    await input.fill('x'.repeat(65));
    await expect(panel.getByRole('alert')).toContainText('at most 64 characters');
    await expect(panel.getByRole('button', { name: 'Save tag' })).toBeDisabled();

    await input.fill('client-zeta');
    await panel.getByRole('button', { name: 'Save tag' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Tag saved.' })).toBeVisible();
    await expect(panel.getByTestId('order-tag')).toHaveText('client-zeta');
    expect(o.tag).toBe('client-zeta');
    expect(sent()).toHaveLength(1);

    await panel.getByRole('button', { name: 'Edit tag' }).click();
    await panel.getByRole('textbox', { name: `Tag of order ${o.id}` }).fill('');
    await panel.getByRole('button', { name: 'Save tag' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Tag removed.' })).toBeVisible();
    await expect(panel.getByTestId('order-tag')).toHaveText('No tag');
    expect(o.tag).toBeNull();
    expect(sent()).toHaveLength(2);
    expect(sim.server.ledger).toHaveLength(0);
  });

  test('ProxyShard, 简体中文: an answer lost after the cycle changed is settled by reading the order; sent once', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['proxyshard']);
    const sim = app.sims.proxyshard as ProxyshardSimulator;
    const o = [...sim.account.orders.values()].find(
      (x) => x.product === 'dc' && x.status === 'active' && x.cycle !== 'weekly',
    )!;
    const path = `/orders/change-billing-cycle/${o.id}`;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文 (Simplified Chinese)' });
    await page.getByRole('navigation').getByRole('button', { name: '订单', exact: true }).click();
    await page.getByRole('searchbox').fill(String(o.id));
    await page.getByRole('button', { name: `订单 ${o.id} 的详情`, exact: true }).click();
    const tool = page.getByRole('region', { name: '计费周期', exact: true });
    await tool.getByRole('combobox', { name: '新的计费周期' }).selectOption('weekly');
    await tool.getByRole('button', { name: '更改计费周期' }).click();
    const d = page.getByRole('dialog', { name: `更改订单 ${o.id} 的计费周期？` });
    await expect(d).toContainText('现在不会扣费');
    await expect(d).toContainText('下次扣费发生在订单续费时');

    // Applied at the vendor, answer lost: main reads the order back instead of sending again.
    sim.server.injectFault({ kind: 'after_apply', answer: 'reset', method: 'POST', path });
    await d.getByRole('button', { name: '改为 Weekly (7 days)' }).click();
    await expect(tool.getByRole('status')).toContainText('已改为 Weekly (7 days)。没有扣费。');
    await expect(tool.getByTestId('order-cycle')).toContainText('当前：Weekly (7 days)');
    expect(o.cycle).toBe('weekly');
    expect(sim.server.requests.filter((r) => r.path.endsWith(path))).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(0);
  });
});
