import type { Page } from '@playwright/test';
import { SIM_VERIFY_CODE } from '../../main/simulators/bestproxy/seed-data';
import { formatBytes } from '../../renderer/lib/format';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';

test.use({ demo: true });

const DAY_MS = 86_400_000;
const GB = 1024 ** 3;

async function open(page: Page, app: AppUnderTest, view: 'Traffic' | 'Whitelists' | 'Sub-users') {
  await app.core.refresh.idle();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
}

function demoAccount(app: AppUnderTest, vendor: 'thordata' | 'bestproxy') {
  const account = app.core.accounts.list().find((a) => a.vendor === vendor && a.demo);
  if (!account) throw new Error(`no demo ${vendor} account`);
  return account;
}

/** Sum of the account's saved daily main-account traffic over the last `days` days (UTC), as the view computes it. */
function snapshotSum(app: AppUnderTest, accountId: string, days: number): number {
  const snap = app.core.refresh.list().find((s) => s.accountId === accountId);
  if (!snap) throw new Error('no snapshot');
  const from = new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  let sum = 0;
  for (const s of snap.traffic) {
    if (s.granularity !== 'day' || s.subUserId !== null) continue;
    for (const p of s.points) if (p.at.slice(0, 10) >= from) sum += p.bytes;
  }
  return sum;
}

test.describe('traffic, whitelists and sub-users views (demo accounts, real core and simulators)', () => {
  test('traffic: the chart shows the demo data and the total follows the range', async ({ page, app }) => {
    await open(page, app, 'Traffic');
    const thordata = demoAccount(app, 'thordata');
    const sum7 = snapshotSum(app, thordata.id, 7);
    const sum30 = snapshotSum(app, thordata.id, 30);
    expect(sum7).toBeGreaterThan(0);
    expect(formatBytes(sum30)).not.toBe(formatBytes(sum7));

    // Vendors without traffic history are named in one sentence.
    await expect(
      page.getByText(/(ProxyShard and YouProxy|YouProxy and ProxyShard) do not offer traffic history/),
    ).toBeVisible();

    // All accounts at first: a stacked chart with a legend entry per account that has traffic.
    const chart = page.locator('figure.manage-chart');
    await expect(chart.locator('.recharts-bar-rectangle path').first()).toBeVisible();
    await expect(chart.locator('.recharts-legend-item')).toHaveCount(2);

    await page.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: thordata.label });
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    const total = page.getByRole('status', { name: 'Total for the range' });
    await expect(total).toHaveText(formatBytes(sum7));
    await expect(chart.locator('.recharts-bar-rectangle path')).toHaveCount(7);
    // The vendor's unit caveat sits next to the chart.
    await expect(page.getByText(/Thordata reports usage as a bare number/)).toBeVisible();

    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await expect(total).toHaveText(formatBytes(sum30));
    await expect(chart.locator('.recharts-bar-rectangle path')).toHaveCount(30);

    // One sub-user's usage is asked from the vendor; hourly detail too where the vendor has it.
    const thordataClient = await app.core.accounts.client(thordata.id);
    const sub = app.core.refresh.list().find((s) => s.accountId === thordata.id)!.subUsers[1]!;
    await page.getByRole('combobox', { name: 'Sub-user' }).selectOption({ label: sub.username });
    const today = new Date().toISOString().slice(0, 10);
    const day30 = new Date(Date.now() - 29 * DAY_MS).toISOString().slice(0, 10);
    const subSeries = await thordataClient.getTraffic({
      from: day30,
      to: today,
      granularity: 'day',
      subUserId: sub.id,
    });
    const subSum = subSeries.flatMap((s) => s.points).reduce((n, p) => n + p.bytes, 0);
    await expect(total).toHaveText(formatBytes(subSum));
    await page.getByRole('button', { name: 'Per hour' }).click();
    await expect(page.getByText('Hourly figures are shown for at most 7 days at a time.')).toBeVisible();
    const day7 = new Date(Date.now() - 6 * DAY_MS).toISOString().slice(0, 10);
    const hourSeries = await thordataClient.getTraffic({
      from: day7,
      to: today,
      granularity: 'hour',
      subUserId: sub.id,
    });
    const hourSum = hourSeries.flatMap((s) => s.points).reduce((n, p) => n + p.bytes, 0);
    await expect(total).toHaveText(formatBytes(hourSum));
    await page.getByRole('button', { name: 'Per day' }).click();
    await page.getByRole('combobox', { name: 'Sub-user' }).selectOption({ label: 'Whole account' });
    await expect(total).toHaveText(formatBytes(sum30));

    // A custom range outside the saved 90 days is asked from the vendor; an inverted one is refused in words.
    const from = page.getByRole('textbox', { name: 'From', exact: true });
    const to = page.getByRole('textbox', { name: 'To', exact: true });
    const old = { from: new Date(Date.now() - 200 * DAY_MS).toISOString().slice(0, 10) };
    const oldTo = new Date(Date.parse(old.from) + 9 * DAY_MS).toISOString().slice(0, 10);
    await from.fill(old.from);
    await to.fill(oldTo);
    const vendorSeries = await (await app.core.accounts.client(thordata.id)).getTraffic({
      from: old.from,
      to: oldTo,
      granularity: 'day',
      subUserId: null,
    });
    const oldSum = vendorSeries
      .filter((s) => s.subUserId === null)
      .flatMap((s) => s.points)
      .reduce((n, p) => n + p.bytes, 0);
    await expect(total).toHaveText(formatBytes(oldSum));
    await expect(page.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'false');

    await from.fill('2026-01-10');
    await to.fill('2026-01-01');
    await expect(page.getByRole('alert')).toHaveText('Choose a start date on or before the end date.');

    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await page.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: 'All accounts' });
    await expect(chart.locator('.recharts-legend-item')).toHaveCount(2);
    await screenshot(page, 'traffic');
  });

  test('whitelists: per-line errors send nothing; valid lines are added; removal asks first', async ({ page, app }) => {
    const thordata = demoAccount(app, 'thordata');
    const client = await app.core.accounts.client(thordata.id);
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/ipc/whitelist')) sent.push(r.url());
    });
    await open(page, app, 'Whitelists');
    await expect(
      page.getByText(/(ProxyShard and YouProxy|YouProxy and ProxyShard) do not offer whitelists/),
    ).toBeVisible();
    await page.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: thordata.label });
    const table = page.getByRole('table', { name: `Whitelisted IP addresses of ${thordata.label}` });
    const before = await client.listWhitelist();
    await expect(table.getByRole('row')).toHaveCount(before.length + 1);

    const field = page.getByLabel('IP addresses to add');
    await field.fill('203.0.113.77\n\n999.1.1.1\n198.51.100.88\n');
    await page.getByRole('button', { name: 'Add to whitelist' }).click();
    const lineErrors = page.locator('.manage-line-errors li');
    await expect(lineErrors).toHaveCount(1);
    await expect(lineErrors).toHaveText('Line 3: 999.1.1.1 is not a valid IPv4 or IPv6 address');
    await expect(page.getByRole('button', { name: 'Add the 2 valid ones' })).toBeVisible();
    expect(sent).toEqual([]);
    expect((await client.listWhitelist()).map((e) => e.ip)).toEqual(before.map((e) => e.ip));

    await field.fill('203.0.113.77\n198.51.100.88');
    await expect(lineErrors).toHaveCount(0);
    await page.getByRole('button', { name: 'Add to whitelist' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added 2 IP addresses.' })).toBeVisible();
    await expect(table.getByRole('row', { name: /203\.0\.113\.77/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /198\.51\.100\.88/ })).toBeVisible();
    expect(sent).toHaveLength(1);
    const after = (await client.listWhitelist()).map((e) => e.ip);
    expect(after).toEqual(expect.arrayContaining(['203.0.113.77', '198.51.100.88']));
    await expect(field).toHaveValue('');
    await screenshot(page, 'whitelists');

    // Remove one, after a confirmation naming it.
    await page.getByRole('button', { name: 'Remove 203.0.113.77' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('203.0.113.77');
    await expect(dialog.getByLabel('Verification code')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Confirm remove' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('row', { name: /203\.0\.113\.77/ })).toHaveCount(0);
    const left = (await client.listWhitelist()).map((e) => e.ip);
    expect(left).not.toContain('203.0.113.77');
    expect(left).toContain('198.51.100.88');

    // BestProxy: removal needs a verification code; a wrong one is refused in the dialog.
    const bestproxy = demoAccount(app, 'bestproxy');
    const bpClient = await app.core.accounts.client(bestproxy.id);
    await page.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: bestproxy.label });
    const ip = (await bpClient.listWhitelist())[0]!.ip;
    await page.getByRole('button', { name: `Remove ${ip}` }).click();
    const bpDialog = page.getByRole('dialog');
    await expect(bpDialog).toContainText(/authenticator app/);
    await bpDialog.getByRole('button', { name: 'Confirm remove' }).click();
    await expect(bpDialog.getByText('Enter the verification code.')).toBeVisible();
    await bpDialog.getByLabel('Verification code').fill('000000');
    await bpDialog.getByRole('button', { name: 'Confirm remove' }).click();
    await expect(bpDialog.locator('.form-error')).toBeVisible();
    expect((await bpClient.listWhitelist()).map((e) => e.ip)).toContain(ip);
    await bpDialog.getByLabel('Verification code').fill(SIM_VERIFY_CODE);
    await bpDialog.getByRole('button', { name: 'Confirm remove' }).click();
    await expect(bpDialog).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(ip.replace(/\./g, '\\.')) })).toHaveCount(0);
    expect((await bpClient.listWhitelist()).map((e) => e.ip)).not.toContain(ip);
  });

  test('sub-users: create, edit the limit, delete', async ({ page, app }) => {
    const bestproxy = demoAccount(app, 'bestproxy');
    const client = await app.core.accounts.client(bestproxy.id);
    await open(page, app, 'Sub-users');
    await expect(page.getByText(/YouProxy does not offer sub-users/)).toBeVisible();
    await page.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: bestproxy.label });
    const table = page.getByRole('table', { name: `Sub-users of ${bestproxy.label}` });
    // An unlimited demo sub-user says so.
    await expect(table.getByRole('row', { name: /scraper02/ })).toContainText('Unlimited');

    await page.getByRole('button', { name: 'Create sub-user' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Username').fill('e2eshop7');
    await dialog.getByLabel('Password').fill('pass1234');
    await dialog.getByLabel('Traffic limit (GB)').fill('5');
    await dialog.getByLabel('Note').fill('Made by the e2e test');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
    const row = table.getByRole('row', { name: /e2eshop7/ });
    await expect(row).toContainText('of 5 GB');
    await expect(row).toContainText('Made by the e2e test');
    let sim = (await client.listSubUsers()).find((u) => u.username === 'e2eshop7');
    expect(sim?.limitBytes).toBe(5 * GB);

    await row.getByRole('button', { name: 'Edit e2eshop7' }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Traffic limit (GB)')).toHaveValue('5');
    await dialog.getByLabel('Traffic limit (GB)').fill('12');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('of 12 GB');
    sim = (await client.listSubUsers()).find((u) => u.username === 'e2eshop7');
    expect(sim?.limitBytes).toBe(12 * GB);
    await screenshot(page, 'subusers');

    await row.getByRole('button', { name: 'Delete e2eshop7' }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('e2eshop7');
    await dialog.getByRole('button', { name: 'Confirm delete' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('row', { name: /e2eshop7/ })).toHaveCount(0);
    expect((await client.listSubUsers()).map((u) => u.username)).not.toContain('e2eshop7');
  });
});
