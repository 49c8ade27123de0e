import type { Page } from '@playwright/test';
import { SIM_VERIFY_CODE } from '../../main/simulators/bestproxy/seed-data';
import { type CheckServer, checkServer } from '../unit/whitelist-bulk-check-server';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';

/** Issue 15 §2: whitelist once for many accounts, and "Follow my IP" (demo accounts, real core, a local check URL). */
test.use({ demo: true });

const A = '203.0.113.24'; // on the demo BestProxy allowlist
const B = '198.51.100.201';

let check: CheckServer;
test.beforeEach(async () => {
  check = await checkServer('198.51.100.20');
});
test.afterEach(async () => {
  await check.close();
});

function demoAccount(app: AppUnderTest, vendor: 'thordata' | 'bestproxy') {
  const account = app.core.accounts.list().find((a) => a.vendor === vendor && a.demo);
  if (!account) throw new Error(`no demo ${vendor} account`);
  return account;
}

const vendorIps = async (app: AppUnderTest, id: string) =>
  (await (await app.core.accounts.client(id)).listWhitelist()).map((e) => e.ip);

async function useCheckServer(app: AppUnderTest, extra: Record<string, unknown> = {}) {
  const r = await app.core.dispatch('settings:update', [
    { health: { checkUrl: check.url, concurrency: 4, timeoutMs: 3000, slowMs: 1500 }, ...extra },
  ]);
  expect(r.ok).toBe(true);
}

async function openWhitelists(page: Page, app: AppUnderTest, name: string) {
  await app.core.refresh.idle();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** A refresh pass of every account, and the public IP check that follows it. */
async function refreshPass(app: AppUnderTest) {
  const hits = check.hits;
  app.core.refresh.start();
  await app.core.refresh.idle();
  await expect.poll(() => check.hits).toBeGreaterThan(hits);
}

test('add my current IP to two accounts, with a result for each', async ({ page, app }) => {
  await useCheckServer(app);
  const th = demoAccount(app, 'thordata');
  const bp = demoAccount(app, 'bestproxy');
  await openWhitelists(page, app, 'Whitelists');
  await page.getByRole('button', { name: 'Add my current IP' }).click();
  const d = page.getByRole('dialog', { name: 'Add my current IP' });
  await expect(d.getByTestId('public-ip')).toHaveText('Your public IP (as the vendors see it): 198.51.100.20');
  await expect(d.getByText('No account has it yet.')).toBeVisible();
  await expect(d.getByRole('checkbox', { name: /Thordata/ })).toBeChecked();
  await expect(d.getByRole('checkbox', { name: /BestProxy/ })).toBeChecked();
  await d.getByRole('button', { name: 'Add to 2 accounts' }).click();
  const results = d.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('listitem').filter({ hasText: 'Added 1 address.' })).toHaveCount(2);
  await screenshot(page, 'whitelist-my-ip');
  expect(await vendorIps(app, th.id)).toContain('198.51.100.20');
  expect(await vendorIps(app, bp.id)).toContain('198.51.100.20');
  await d.getByRole('button', { name: 'Close' }).click();

  // Asked again: both already have it, nothing to add.
  await page.getByRole('button', { name: 'Add my current IP' }).click();
  await expect(d.getByText(/Already on 2 accounts/)).toBeVisible();
  await expect(d.getByText(/already lists it\. Nothing to add/)).toBeVisible();
});

test('a pasted list: refused lines named per account before sending, only good lines sent', async ({ page, app }) => {
  await useCheckServer(app);
  const th = demoAccount(app, 'thordata');
  const bp = demoAccount(app, 'bestproxy');
  const before = await vendorIps(app, th.id);
  await openWhitelists(page, app, 'Whitelists');
  await page.getByRole('button', { name: 'Add a list to several accounts' }).click();
  const d = page.getByRole('dialog', { name: 'Add a list to several accounts' });
  await d.getByLabel('IP addresses, one per line').fill(`192.0.2.50\nnope\n2001:db8::1\n${A}`);
  await d.getByRole('checkbox', { name: /Thordata/ }).check();
  await d.getByRole('checkbox', { name: /BestProxy/ }).check();
  await d.getByRole('button', { name: 'Check' }).click();
  await expect(d.getByText('Line 2: nope — not an IP address').first()).toBeVisible();
  await expect(d.getByText('Line 3: 2001:db8::1 — Thordata takes IPv4 addresses only')).toBeVisible();
  await expect(d.getByText(`Line 4: ${A} — already on this whitelist`)).toBeVisible();
  expect(await vendorIps(app, th.id)).toEqual(before); // the check sent nothing
  await d.getByRole('button', { name: 'Add to 2 accounts' }).click();
  await expect(d.getByRole('region', { name: 'Results' })).toBeVisible();
  const now = await vendorIps(app, th.id);
  expect(now).toContain('192.0.2.50');
  expect(now.filter((ip) => !before.includes(ip))).toEqual(expect.arrayContaining(['192.0.2.50', A]));
  expect(now).not.toContain('2001:db8::1');
  expect(await vendorIps(app, bp.id)).toContain('192.0.2.50');
});

test('简体中文: follow my IP asks once when it changes, and replaces it only on confirmation', async ({
  page,
  app,
}) => {
  check.setIp(A);
  await useCheckServer(app, { language: 'zh-CN' });
  const th = demoAccount(app, 'thordata');
  const bp = demoAccount(app, 'bestproxy');
  const add = await app.core.dispatch('whitelist:add', [{ accountId: th.id, ips: [A] }]);
  expect(add.ok).toBe(true);
  await openWhitelists(page, app, '白名单');
  await page.getByRole('switch', { name: '跟随我的 IP' }).check();
  await expect.poll(() => app.core.store.settings().followPublicIp).toBe(true);

  await refreshPass(app); // the first IP seen is kept: nothing to ask
  await expect(page.getByRole('dialog')).toHaveCount(0);

  check.setIp(B);
  await refreshPass(app);
  const d = page.getByRole('dialog', { name: '你的公网 IP 变了' });
  await expect(d).toBeVisible();
  await expect(d).toContainText(`你的公网 IP 从 ${A} 变成了 ${B}。要在这 2 个账户上把 ${A} 替换为 ${B} 吗？`);
  // Nothing is removed while the question is open, also across another refresh.
  await refreshPass(app);
  expect(await vendorIps(app, th.id)).toContain(A);
  expect(await vendorIps(app, bp.id)).toContain(A);
  await d.getByLabel(/BestProxy 的验证码/).fill(SIM_VERIFY_CODE);
  await screenshot(page, 'whitelist-follow-ip-zh');
  await d.getByRole('button', { name: '替换' }).click();
  const results = page.getByRole('dialog', { name: '账户替换结果' });
  await expect(results.getByRole('listitem').filter({ hasText: `已添加 ${B}，已删除 ${A}。` })).toHaveCount(2);
  for (const id of [th.id, bp.id]) {
    const ips = await vendorIps(app, id);
    expect(ips).toContain(B);
    expect(ips).not.toContain(A);
  }
  await results.getByRole('button', { name: '关闭' }).click();

  // The same change is not asked again.
  await refreshPass(app);
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('follow my IP: "Not now" removes nothing and is not asked again', async ({ page, app }) => {
  check.setIp(A);
  await useCheckServer(app, { followPublicIp: true });
  const bp = demoAccount(app, 'bestproxy');
  await openWhitelists(page, app, 'Whitelists');
  await refreshPass(app);
  check.setIp(B);
  await refreshPass(app);
  const d = page.getByRole('dialog', { name: 'Your public IP changed' });
  await expect(d).toContainText(`Replace ${A} with ${B} on this account?`);
  await expect(d).toContainText('asks for a verification code');
  await d.getByRole('button', { name: 'Not now' }).click();
  await expect(d).toBeHidden();
  await refreshPass(app);
  await page.reload();
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const ips = await vendorIps(app, bp.id);
  expect(ips).toContain(A);
  expect(ips).not.toContain(B);
  // The same switch is in Settings.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const sw = page.getByRole('switch', { name: 'Follow my IP' });
  await expect(sw).toBeChecked();
  await sw.uncheck();
  await expect.poll(() => app.core.store.settings().followPublicIp).toBe(false);
});
