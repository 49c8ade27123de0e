import type { Locator, Page } from '@playwright/test';
import type { AccountSnapshot, VendorId } from '../../preload/contract/model';
import { type AppUnderTest, expect } from './fixtures';

/** Shared steps of the renew / extend end-to-end specs (real core, real accounts on app.sims). */

export const NAMES: Record<VendorId, string> = {
  thordata: 'Thordata',
  proxyshard: 'ProxyShard',
  youproxy: 'YouProxy',
  bestproxy: 'BestProxy',
};

export interface Pick {
  vendor: VendorId;
  id: string;
  /** What the IPs view shows (and the checkbox is named after). */
  label: string;
  ip: string;
  expiresAt: string | null;
}

export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

export async function addAccounts(app: AppUnderTest, page: Page, vendors: VendorId[]): Promise<AccountSnapshot[]> {
  for (const v of vendors) {
    await app.core.accounts.add({ vendor: v, label: `${NAMES[v]} shop`, credentials: app.sims[v].credentials });
  }
  app.core.refresh.start();
  await app.core.refresh.idle();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Refresh all' })).toBeEnabled();
  await app.core.refresh.idle();
  return app.core.refresh.list();
}

export function snapOf(app: AppUnderTest, snaps: AccountSnapshot[], vendor: VendorId): AccountSnapshot {
  const account = app.core.accounts.list().find((a) => a.vendor === vendor)!;
  return snaps.find((s) => s.accountId === account.id)!;
}

/** Active, dated IPs (or servers) of a vendor that the simulators renew by themselves (no IPv6 orders). */
export function pickIps(app: AppUnderTest, snaps: AccountSnapshot[], vendor: VendorId, count: number): Pick[] {
  const snap = snapOf(app, snaps, vendor);
  const soon = Date.now() + 120 * 86_400_000;
  const fromServers = snap.servers
    .filter((s) => s.status === 'active' && s.expiresAt && Date.parse(s.expiresAt) < soon)
    .map((s) => ({ vendor, id: s.id, label: s.ip, ip: s.ip, expiresAt: s.expiresAt }));
  const fromProxies = snap.proxies
    .filter((p) => p.status === 'active' && p.kind !== 'ipv6' && p.expiresAt && Date.parse(p.expiresAt) < soon)
    .map((p) => {
      const port = p.httpPort ?? p.socksPort;
      return { vendor, id: p.id, label: port == null ? p.ip : `${p.ip}:${port}`, ip: p.ip, expiresAt: p.expiresAt };
    });
  const all = [...fromServers, ...fromProxies];
  // IPs unique in the whole list, so the search box finds exactly one row.
  const allIps = snaps.flatMap((s) => [...s.proxies.map((p) => p.ip), ...s.servers.map((x) => x.ip)]);
  const unique = all.filter((p) => allIps.filter((ip) => ip === p.ip).length === 1);
  expect(unique.length).toBeGreaterThanOrEqual(count);
  return unique.slice(0, count);
}

export async function selectInIpsView(page: Page, picks: Pick[]): Promise<void> {
  await nav(page, 'IPs');
  const search = page.getByRole('searchbox');
  for (const p of picks) {
    await search.fill(p.ip);
    const box = page.getByRole('checkbox', { name: `Select ${p.label}`, exact: true });
    await box.click();
    await expect(box).toBeChecked();
  }
  await search.fill('');
}

export const dialog = (page: Page) => page.getByRole('dialog', { name: 'Renew / extend' });

/** Opens the dialog from the IPs view's bulk button (or uses the open one when no count is given) and checks the price. */
export async function checkPrice(page: Page, count?: number): Promise<Locator> {
  if (count !== undefined) await page.getByRole('button', { name: `Renew / extend (${count})` }).click();
  const d = dialog(page);
  await expect(d).toBeVisible();
  const check = d.getByRole('button', { name: 'Check the price' });
  await expect(check).toBeEnabled({ timeout: 20_000 });
  await check.click();
  await expect(d.getByText('Asking the providers for the price…')).toBeHidden({ timeout: 30_000 });
  return d;
}

/** Every ledger item id of a simulator, flattened (one entry per charge). */
export const charged = (app: AppUnderTest, v: VendorId) => app.sims[v].server.ledger.flatMap((e) => e.items);
