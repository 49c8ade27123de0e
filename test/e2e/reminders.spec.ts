import { expect, screenshot, test } from './fixtures';

test('a clicked expiry reminder opens the IPs view narrowed to its items; "Show all IPs" widens it again', async ({
  page,
  app,
}) => {
  const account = await app.core.accounts.add({
    vendor: 'youproxy',
    label: 'Reminded',
    credentials: app.sims.youproxy.credentials,
  });
  app.core.refresh.start();
  await app.core.refresh.idle();
  await page.reload();
  const proxies = app.core.refresh.list().find((s) => s.accountId === account.id)!.proxies;
  expect(proxies.length).toBeGreaterThan(3);
  const picked = proxies.slice(0, 2);

  // What the shell sends to the window when the user clicks the reminder's desktop notification. The
  // page's event stream connects shortly after load, so send until it is delivered (showing the same
  // items twice is harmless).
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
  const heading = page.getByRole('heading', { name: 'IPs', exact: true });
  await expect(async () => {
    app.core.events.emit({ type: 'open-view', view: 'ips', accountId: account.id, itemIds: picked.map((p) => p.id) });
    await expect(heading).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText('Showing 2 IPs from an expiry reminder.')).toBeVisible();
  const table = page.getByRole('table', { name: 'IPs' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  for (const p of picked)
    await expect(table.getByRole('row', { name: new RegExp(p.ip.replaceAll('.', '\\.')) })).toBeVisible();
  await screenshot(page, 'reminder-focus');

  await page.getByRole('button', { name: 'Show all IPs' }).click();
  await expect(page.getByText('from an expiry reminder')).toHaveCount(0);
  await expect(page.getByText(`${proxies.length} of ${proxies.length} IPs shown`)).toBeVisible();
});

test('a clicked summary reminder (several accounts) opens the IPs view on the items of every account', async ({
  page,
  app,
}) => {
  const one = await app.core.accounts.add({
    vendor: 'youproxy',
    label: 'First',
    credentials: app.sims.youproxy.credentials,
  });
  const two = await app.core.accounts.add({
    vendor: 'proxyshard',
    label: 'Second',
    credentials: app.sims.proxyshard.credentials,
  });
  app.core.refresh.start();
  await app.core.refresh.idle();
  await page.reload();
  const proxiesOf = (id: string) => app.core.refresh.list().find((s) => s.accountId === id)!.proxies;
  const picked = [
    ...proxiesOf(one.id)
      .slice(0, 2)
      .map((p) => ({ accountId: one.id, p })),
    ...proxiesOf(two.id)
      .slice(0, 1)
      .map((p) => ({ accountId: two.id, p })),
  ];
  expect(picked).toHaveLength(3);

  // What the shell sends for a summary notification: no account, ids `${accountId}|${id}`.
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
  const heading = page.getByRole('heading', { name: 'IPs', exact: true });
  await expect(async () => {
    app.core.events.emit({
      type: 'open-view',
      view: 'ips',
      accountId: '',
      itemIds: picked.map(({ accountId, p }) => `${accountId}|${p.id}`),
    });
    await expect(heading).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText('Showing 3 IPs from an expiry reminder.')).toBeVisible();
  const table = page.getByRole('table', { name: 'IPs' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  for (const { p } of picked)
    await expect(table.getByRole('row', { name: new RegExp(p.ip.replaceAll('.', '\\.')) })).toBeVisible();
});
