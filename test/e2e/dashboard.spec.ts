import type { Locator, Page } from '@playwright/test';
import type { AccountSnapshot } from '../../preload/contract/model';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, dialog, nav, snapOf } from './renew-steps';

/** Dashboard and status (issue 11, points 4–7 and the keyboard check), against the real core and simulators. */

const DAY = 86_400_000;
const usd = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100);
const rowOf = (table: Locator, text: string) => table.getByRole('row').filter({ hasText: text });

async function dates(table: Locator): Promise<number[]> {
  const list = await table.locator('tbody time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  return list.map((d) => Date.parse(d));
}

const expiredTable = (page: Page) => page.getByRole('table', { name: 'Expired', exact: true });
const expiringTable = (page: Page) => page.getByRole('table', { name: 'Expiring within 7 days' });
const attention = (page: Page) => page.getByRole('list', { name: 'Needs attention' });

test.describe('dashboard and status', () => {
  test('5: expired and expiring are two lists; on-hold orders say until when they can be renewed; Needs attention counts them', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['proxyshard', 'youproxy', 'thordata']);
    const ps = snapOf(app, snaps, 'proxyshard');
    const onHold = ps.orders.filter((o) => o.status === 'on-hold');
    expect(onHold.length).toBeGreaterThan(0);

    const expired = expiredTable(page);
    const expiring = expiringTable(page);
    await expect(expired.getByRole('row')).not.toHaveCount(0);
    const now = Date.now();
    // Nothing that has ended is in "Expiring", and "Expired" holds only ended items.
    expect((await dates(expiring)).every((t) => t > now)).toBe(true);
    expect((await dates(expired)).every((t) => t <= now)).toBe(true);
    expect((await dates(expiring)).every((t) => t <= now + 7 * DAY)).toBe(true);

    // ProxyShard keeps an on-hold order for 3 days (declared in its descriptor): the row says until when.
    for (const o of onHold) {
      const row = rowOf(expired, `#${o.id}`);
      await expect(row).toContainText(/day ago|days ago|ended today/);
      await expect(row).toContainText(/Yes, until .* \(\d days? left\)\. After that ProxyShard deletes it\./);
      await expect(row.getByRole('button', { name: `Renew ${o.product} #${o.id}` })).toBeVisible();
    }

    // Needs attention counts them, with the action at hand.
    const entry = attention(page).getByRole('listitem').filter({ hasText: 'ProxyShard shop' });
    await expect(entry.filter({ hasText: 'have ended but can still be renewed' })).toBeVisible();
    await expect(page.getByTestId('attention-count')).not.toHaveText('0');
    await expect(page.getByText('Nothing needs your attention.')).toHaveCount(0);
    await screenshot(page, 'dashboard-expired-expiring');
  });

  test('4: rows renew directly, or offer the vendor’s way (auto-renew switch, Thordata dashboard); a reminder renews too', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['proxyshard', 'youproxy', 'thordata']);
    const expiring = expiringTable(page);

    // A YouProxy IP: Renew opens the renew dialog with exactly that item.
    const yp = snapOf(app, snaps, 'youproxy');
    const soon = yp.proxies
      .filter((p) => p.status === 'active' && p.expiresAt && Date.parse(p.expiresAt) < Date.now() + 7 * DAY)
      .sort((a, b) => Date.parse(a.expiresAt!) - Date.parse(b.expiresAt!))[0]!;
    const label = `${soon.ip}:${soon.httpPort ?? soon.socksPort}`;
    await rowOf(expiring, label)
      .getByRole('button', { name: `Renew ${label}` })
      .click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page)).toContainText(label);
    await screenshot(page, 'dashboard-renew-row');
    await dialog(page).getByRole('button', { name: 'Cancel' }).first().click();
    await expect(dialog(page)).toHaveCount(0);

    // An active ProxyShard order is renewed by the vendor only once on hold: the row offers auto-renew instead.
    const ps = snapOf(app, snaps, 'proxyshard');
    const active = ps.orders.find(
      (o) => o.status === 'active' && o.expiresAt && Date.parse(o.expiresAt) < Date.now() + 7 * DAY,
    )!;
    const psRow = rowOf(expiring, `#${active.id}`);
    await expect(psRow).toContainText('ProxyShard renews an order only after it ends');
    await expect(psRow.getByRole('switch', { name: 'Auto-renew' })).toBeVisible();
    await expect(psRow.getByRole('button', { name: /^Renew / })).toHaveCount(0);

    // Thordata ISP/DC IPs renew only in Thordata's dashboard: the row opens it.
    const td = snapOf(app, snaps, 'thordata');
    const tdIp = td.proxies.find(
      (p) => p.status === 'active' && p.expiresAt && Date.parse(p.expiresAt) < Date.now() + 7 * DAY,
    )!;
    const tdRow = rowOf(expiring, tdIp.ip);
    await expect(tdRow.getByRole('button', { name: /in the Thordata dashboard/ })).toBeVisible();

    // A clicked reminder (the desktop notification) opens its items with Renew right there.
    const picked = yp.proxies.filter((p) => p.status === 'active').slice(0, 2);
    const account = app.core.accounts.list().find((a) => a.vendor === 'youproxy')!;
    await expect(async () => {
      app.core.events.emit({ type: 'open-view', view: 'ips', accountId: account.id, itemIds: picked.map((p) => p.id) });
      await expect(page.getByRole('heading', { name: 'IPs', exact: true })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Renew these 2 now' }).click();
    await expect(dialog(page)).toBeVisible();
    for (const p of picked) await expect(dialog(page)).toContainText(p.ip);
    await screenshot(page, 'reminder-renew');
  });

  test('5: upcoming renewals the balance cannot cover are counted, with known prices only', async ({ page, app }) => {
    app.sims.proxyshard.setBalance(300); // $3.00
    const snaps = await addAccounts(app, page, ['proxyshard']);
    const ps = snapOf(app, snaps, 'proxyshard');
    expect(ps.balance?.money?.minor).toBe(300);
    const entry = attention(page).getByRole('listitem').filter({ hasText: 'does not cover the next renewal' });
    await expect(entry).toBeVisible();
    await expect(entry).toContainText(`The balance (${usd(300)})`);
    await expect(entry.getByRole('button', { name: 'Top up at ProxyShard' })).toBeVisible();
    await screenshot(page, 'dashboard-short-funds');
  });
});

test.describe('demo data', () => {
  test.use({ demo: true });

  test('6: the first real account offers to remove all demo data; until then totals leave demo out, a toggle shows them', async ({
    page,
    app,
  }) => {
    await app.core.refresh.idle();
    const demoSnaps = app.core.refresh.list();
    await app.core.accounts.add({
      vendor: 'youproxy',
      label: 'My YouProxy',
      credentials: app.sims.youproxy.credentials,
    });
    app.core.refresh.start();
    await app.core.refresh.idle();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refresh all' })).toBeEnabled();
    await app.core.refresh.idle();

    const real = app.core.accounts.list().find((a) => !a.demo)!;
    const realSnap = app.core.refresh.list().find((s) => s.accountId === real.id) as AccountSnapshot;
    const realUsd = realSnap.balance!.money!.minor;
    const demoUsd = demoSnaps
      .map((s) => s.balance?.money)
      .filter((m) => m?.currency === 'USD')
      .reduce((n, m) => n + (m?.minor ?? 0), 0);
    expect(demoUsd).toBeGreaterThan(0);

    // Totals: the real account only, and the page says demo is left out.
    await expect(page.getByTestId('balance-USD')).toHaveText(usd(realUsd));
    await expect(page.getByTestId('demo-left-out')).toContainText('4 demo accounts are left out');
    const toggle = page.getByRole('checkbox', { name: 'Include the 4 demo accounts' });
    await toggle.check();
    await expect(page.getByTestId('balance-USD')).toHaveText(usd(realUsd + demoUsd));
    await toggle.uncheck();
    await expect(page.getByTestId('balance-USD')).toHaveText(usd(realUsd));

    // One click removes every demo account and its data.
    const offer = page.getByRole('region', { name: 'Your own account is added' });
    await expect(offer).toContainText('The 4 demo accounts and their sample data are still here');
    await screenshot(page, 'demo-removal-offer');
    await offer.getByRole('button', { name: 'Remove demo data' }).click();
    await expect(page.getByText('Demo data removed.')).toBeVisible();
    await expect(offer).toHaveCount(0);
    expect(app.core.accounts.list().map((a) => a.label)).toEqual(['My YouProxy']);
    expect(app.core.refresh.list().map((s) => s.accountId)).toEqual([real.id]);
    await expect(page.getByRole('checkbox', { name: /demo account/ })).toHaveCount(0);
    await expect(page.getByTestId('balance-USD')).toHaveText(usd(realUsd));
  });
});

test.describe('account status', () => {
  test('7: one unreachable account is its own problem ("Failed: …"), not an app-wide "Offline"', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['youproxy', 'bestproxy']);
    await app.sims.youproxy.close();
    app.core.refresh.start();
    await app.core.refresh.idle();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refresh all' })).toBeEnabled();
    await app.core.refresh.idle();

    const note = page.getByRole('status').filter({ hasText: '1 account could not be refreshed' });
    await expect(note).toContainText('YouProxy shop (Failed: cannot reach the provider)');
    await expect(page.getByText('Could not reach some providers')).toHaveCount(0);
    await expect(page.getByText(/Offline — showing data/)).toHaveCount(0);
    await screenshot(page, 'dashboard-one-failed');

    await nav(page, 'Accounts');
    const failedRow = page.getByRole('row', { name: /YouProxy shop/ });
    await expect(failedRow).toContainText('Failed: cannot reach the provider');
    await expect(failedRow).not.toContainText('Never');
    await expect(page.getByRole('row', { name: /BestProxy shop/ })).not.toContainText('Failed');
    await screenshot(page, 'accounts-failed');

    // In the UI language.
    await app.core.dispatch('settings:update', [{ language: 'zh-CN' }]);
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: '账户', exact: true }).click();
    await expect(page.getByRole('row', { name: /YouProxy shop/ })).toContainText('失败：连不上服务商');

    // Every account failing because of the network: then, and only then, "offline".
    await app.sims.bestproxy.close();
    app.core.refresh.start();
    await app.core.refresh.idle();
    await app.core.dispatch('settings:update', [{ language: 'en' }]);
    await page.reload();
    await nav(page, 'Dashboard');
    await expect(page.getByText('Could not reach some providers')).toBeVisible({ timeout: 20_000 });
  });

  test('keyboard: "Refresh all" and the Needs-attention actions are reached with Tab', async ({ page, app }) => {
    await addAccounts(app, page, ['proxyshard']);
    await expect(attention(page).getByRole('button').first()).toBeVisible();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).focus();
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const inAttention = !!el?.closest('[aria-label="Needs attention"]');
        return `${inAttention ? 'attention:' : ''}${el?.textContent?.trim() ?? ''}`;
      });
      reached.push(name);
      if (name.startsWith('attention:Renew')) break;
    }
    expect(reached).toContain('Refresh all');
    const renew = reached.find((n) => n.startsWith('attention:Renew'));
    expect(renew).toBeDefined();
    // Enter on the focused action does it.
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
  });
});
