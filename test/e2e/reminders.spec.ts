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

  // What the shell sends to the window when the user clicks the reminder's desktop notification.
  app.core.events.emit({ type: 'open-view', view: 'ips', accountId: account.id, itemIds: picked.map((p) => p.id) });

  await expect(page.getByRole('heading', { name: 'IPs', exact: true })).toBeVisible();
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
