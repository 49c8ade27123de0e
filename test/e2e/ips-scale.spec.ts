import Conf from 'conf';
import type { BackendCtor } from '../../main/core/store/open-file';
import { SnapshotStore } from '../../main/core/store/snapshot-store';
import type { ProxyEndpoint } from '../../preload/contract/model';
import { manyProxies } from '../helpers/many-proxies';
import { expect, test } from './fixtures';

const N = 100_000;

test('the IPs table stays virtualized and searchable at 100,000 rows', async ({ page, app }) => {
  test.setTimeout(120_000);
  const account = await app.core.accounts.add({
    vendor: 'youproxy',
    label: 'Big reseller',
    credentials: app.sims.youproxy.credentials,
  });
  // A saved snapshot with 100,000 IPs, as a large account would leave after a refresh.
  const proxies: ProxyEndpoint[] = manyProxies(N);
  new SnapshotStore(app.dataDir, Conf as unknown as BackendCtor).put({
    accountId: account.id,
    fetchedAt: new Date().toISOString(),
    balance: null,
    orders: [],
    proxies,
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors: {},
  });
  // The page asks for a background refresh on load; with the vendor unreachable that refresh fails and
  // (by design) never replaces saved data, so the 100,000-row snapshot stays what the view shows.
  await app.sims.youproxy.close();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'IPs', exact: true }).click();
  await expect(page.getByText(`${N.toLocaleString('en-US')} of ${N.toLocaleString('en-US')} IPs shown`)).toBeVisible({
    timeout: 30_000,
  });

  // Only the visible window of rows is in the DOM.
  const table = page.getByRole('table', { name: 'IPs' });
  const domRows = await table.locator('tbody tr').count();
  expect(domRows).toBeGreaterThan(5);
  expect(domRows).toBeLessThan(200);

  // Scrolling to the end renders the last rows (and still only a window of them).
  await page.locator('.ips-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(table.getByRole('row', { name: /10\.1\.134\.159/ })).toBeVisible(); // IP of row 99,999
  expect(await table.locator('tbody tr').count()).toBeLessThan(200);

  // Search narrows 100,000 rows to the one asked for.
  await page.getByRole('searchbox', { name: 'Search' }).fill('u77777');
  await expect(page.getByText(`1 of ${N.toLocaleString('en-US')} IP shown`)).toBeVisible();
  await expect(table.getByRole('row', { name: /u77777/ })).toBeVisible();
});
