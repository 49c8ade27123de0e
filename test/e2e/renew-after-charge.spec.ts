import { expect, screenshot, test } from './fixtures';
import { addAccounts, charged, checkPrice, pickIps, selectInIpsView } from './renew-steps';

/**
 * The vendor takes the money and THEN answers badly (a 502 HTML page from its proxy). Proxydeck must
 * not say "nothing was changed": the item is unknown, paying again is blocked, and "Check again"
 * settles it by reading — one request, one charge.
 */
test('YouProxy charges, then answers 502: outcome unknown with "up to" the price, then "Check again" reads it as renewed; one charge', async ({
  page,
  app,
}) => {
  const snaps = await addAccounts(app, page, ['youproxy']);
  const [pick] = pickIps(app, snaps, 'youproxy', 1);
  await selectInIpsView(page, [pick!]);
  const d = await checkPrice(page, 1);
  const confirm = d.getByRole('button', { name: /^Confirm and pay/ });
  await expect(confirm).toBeEnabled();
  const price = (await confirm.textContent())!.replace(/^Confirm and pay\s*/, '').trim();

  const server = app.sims.youproxy.server;
  server.injectFault({ kind: 'after_apply', answer: '5xx_html', method: 'POST', path: 'v1/[^/]+/extend$', times: 1 });
  // From the moment of the charge every read fails too, so the immediate check cannot settle it.
  const record = server.charge.bind(server);
  server.charge = (entry) => {
    record(entry);
    server.injectFault({ kind: 'status', status: 503, method: 'GET', path: 'ipAddress', times: 0 });
    server.injectFault({ kind: 'status', status: 503, method: 'GET', path: '/balance', times: 0 });
  };
  await confirm.click();

  const result = d.getByTestId('renew-result');
  await expect(d.getByText('0 renewed, 0 failed, 1 unknown.')).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText('Outcome unknown');
  await expect(d.getByText(/Proxydeck is checking with the provider/).first()).toBeVisible();
  await expect(d.getByText(/paying for them again is blocked/)).toBeVisible();
  await expect(d.getByText(/nothing was changed/i)).toHaveCount(0);
  await expect(d.getByTestId('renew-charged')).toContainText(`Up to ${price} may have been charged`);
  await expect(d.getByRole('button', { name: 'Retry failed items' })).toHaveCount(0);
  await screenshot(page, 'renew-unknown-502');
  expect(charged(app, 'youproxy')).toEqual([pick!.id]);

  server.clearFaults();
  await d.getByRole('button', { name: 'Check again' }).click();
  await expect(result).toContainText('Renewed until', { timeout: 60_000 });
  await expect(d.getByText('1 renewed, 0 failed, 0 unknown.')).toBeVisible();
  await expect(d.getByTestId('renew-charged')).toContainText(`Charged ${price}`);
  const extendPath = /\/v1\/[^/]+\/extend$/;
  expect(server.requests.filter((r) => r.method === 'POST' && extendPath.test(r.path))).toHaveLength(1);
  expect(charged(app, 'youproxy')).toEqual([pick!.id]);
});

test('an unknown outcome the user settles by hand after checking the dashboard: "It was renewed" unblocks it, no request sent', async ({
  page,
  app,
}) => {
  const snaps = await addAccounts(app, page, ['youproxy']);
  const [pick] = pickIps(app, snaps, 'youproxy', 1);
  await selectInIpsView(page, [pick!]);
  const d = await checkPrice(page, 1);
  const server = app.sims.youproxy.server;
  server.injectFault({ kind: 'after_apply', answer: 'truncated', method: 'POST', path: 'v1/[^/]+/extend$', times: 1 });
  const record = server.charge.bind(server);
  server.charge = (entry) => {
    record(entry);
    server.injectFault({ kind: 'status', status: 503, method: 'GET', path: 'ipAddress', times: 0 });
    server.injectFault({ kind: 'status', status: 503, method: 'GET', path: '/balance', times: 0 });
  };
  await d.getByRole('button', { name: /^Confirm and pay/ }).click();
  await expect(d.getByText('0 renewed, 0 failed, 1 unknown.')).toBeVisible({ timeout: 60_000 });
  const before = server.requests.length;
  await d.getByRole('button', { name: 'It was renewed' }).click();
  await expect(d.getByText('1 renewed, 0 failed, 0 unknown.')).toBeVisible();
  await expect(d.getByRole('button', { name: 'Check again' })).toHaveCount(0);
  // Settling by hand sends nothing to the vendor.
  expect(server.requests.slice(before).filter((r) => r.method === 'POST')).toHaveLength(0);
  expect(charged(app, 'youproxy')).toEqual([pick!.id]);
});
