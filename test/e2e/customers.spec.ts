import { readFileSync } from 'node:fs';
import type { BusinessView } from '../../preload/contract/business';
import type { AccountSnapshot } from '../../preload/contract/model';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';
import { addAccounts, charged, checkPrice, nav, type Pick, pickIps, selectInIpsView, snapOf } from './renew-steps';

/**
 * Customers (issue 16 §1) against the real core and the simulators: a CSV import with one bad line,
 * the IPs view's Customer filter, and renewing one customer's items (only theirs, one charge each).
 */

async function call<T>(app: AppUnderTest, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input === undefined ? [] : [input]);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

const kindOf = (snap: AccountSnapshot, p: Pick) => (snap.servers.some((s) => s.id === p.id) ? 'server' : 'ip');

test.describe('customers', () => {
  test('a customer CSV with one bad line: the preview names the error on that line, apply assigns the rest, the IPs view filters by customer', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['youproxy']);
    const [a, b, c] = pickIps(app, snaps, 'youproxy', 3) as [Pick, Pick, Pick];
    const csv = `ip,customer,price\n${a.ip},Acme,4.50 USD\n${b.ip},Acme\n198.51.100.254-nowhere,Acme\n${c.ip},Beta\n`;

    await nav(page, 'Customers');
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(page.getByText('No customers yet')).toBeVisible();
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    const d = page.getByRole('dialog', { name: 'Import customers from a CSV' });
    await d.getByRole('textbox', { name: 'Paste the CSV' }).fill(csv);
    await d.getByRole('button', { name: 'Check the lines' }).click();

    const lines = d.getByTestId('import-line');
    await expect(lines).toHaveCount(4);
    await expect(d.getByText('3 lines can be applied. 1 line has a problem and will be skipped.')).toBeVisible();
    await expect(d.getByText('New customers will be added: Acme, Beta')).toBeVisible();
    const bad = lines.filter({ hasText: '198.51.100.254-nowhere' });
    await expect(bad).toHaveClass(/customers-bad-line/);
    await expect(bad.locator('td').last()).not.toHaveText('OK');
    expect(((await bad.locator('td').last().textContent()) ?? '').length).toBeGreaterThan(10);
    for (const p of [a, b, c]) await expect(lines.filter({ hasText: p.ip }).locator('td').last()).toHaveText('OK');
    await screenshot(page, 'customers-import-preview');

    await d.getByRole('button', { name: 'Apply 3 good lines' }).click();
    await expect(d.getByText('Done: 3 lines applied, 1 skipped.')).toBeVisible();
    await d.getByRole('button', { name: 'Close' }).click();

    // The list: Acme with two items at $4.50 (one own price; the other has none), Beta with one.
    const acme = page.getByTestId('customer-row').filter({ hasText: 'Acme' });
    await expect(acme).toContainText('2');
    await expect(acme).toContainText('$4.50');
    await expect(page.getByTestId('customer-row').filter({ hasText: 'Beta' })).toBeVisible();
    await screenshot(page, 'customers-list');

    // The IPs view's Customer filter shows exactly Acme's IPs, with the customer column.
    await nav(page, 'IPs');
    await page.getByRole('combobox', { name: 'Customer', exact: true }).selectOption({ label: 'Acme' });
    const cells = page.getByTestId('ip-customer');
    await expect(cells).toHaveCount(2);
    await expect(cells).toHaveText(['Acme', 'Acme']);
    const table = page.getByRole('table', { name: /IP/ });
    for (const p of [a, b]) await expect(table.getByText(p.ip, { exact: true })).toBeVisible();
    await expect(table.getByText(c.ip, { exact: true })).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Customer', exact: true }).selectOption({ label: 'Beta' });
    await expect(cells).toHaveText(['Beta']);
    await screenshot(page, 'customers-ips-filter');
  });

  test('assign from the IPs view: a new customer, a price per month and the Keep mark; deleting the customer keeps the item, unassigned', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['youproxy']);
    const snap = snapOf(app, snaps, 'youproxy');
    const [a] = pickIps(app, snaps, 'youproxy', 1) as [Pick];
    await selectInIpsView(page, [a]);
    await page.getByRole('button', { name: 'Assign 1 to customer…' }).click();
    const d = page.getByRole('dialog', { name: 'Assign 1 item to a customer' });
    await d.getByRole('combobox', { name: 'Customer', exact: true }).selectOption({ label: 'New customer…' });
    await d.getByRole('textbox', { name: 'Name' }).fill('Gamma');
    await d.getByRole('combobox', { name: 'Sell price' }).selectOption({ label: 'This price per month' });
    await d.getByRole('textbox', { name: 'Price per month' }).fill('3.25');
    await d.getByRole('checkbox', { name: /^Keep/ }).check();
    await screenshot(page, 'customers-assign');
    await d.getByRole('button', { name: 'Save' }).click();
    await expect(d).toBeHidden();
    await page.getByRole('searchbox').fill(a.ip);
    await expect(page.getByTestId('ip-customer')).toHaveText(['Gamma']);

    const key = (v: BusinessView) => v.items.find((i) => i.item.id === a.id && i.item.accountId === snap.accountId);
    const saved = await call<BusinessView>(app, 'business:get', undefined);
    const gamma = saved.customers.find((x) => x.name === 'Gamma')!;
    expect(key(saved)).toMatchObject({ customerId: gamma.id, price: { minor: 325, currency: 'USD' }, keep: true });

    await nav(page, 'Customers');
    await page.getByTestId('customer-row').filter({ hasText: 'Gamma' }).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Gamma?' });
    await expect(confirm).toContainText('Their items stay where they are');
    await confirm.getByRole('button', { name: 'Delete customer' }).click();
    await expect(page.getByText('No customers yet')).toBeVisible();
    const after = await call<BusinessView>(app, 'business:get', undefined);
    expect(key(after)).toMatchObject({ customerId: null, price: { minor: 325, currency: 'USD' }, keep: true });
  });

  test("renewing one customer's items preselects only theirs and charges each once", async ({ page, app }) => {
    const snaps = await addAccounts(app, page, ['youproxy']);
    const snap = snapOf(app, snaps, 'youproxy');
    const [a, b, c] = pickIps(app, snaps, 'youproxy', 3) as [Pick, Pick, Pick];
    const template = '{user}:{pass}@{ip}:{port}';
    const after = await call<BusinessView>(app, 'customers:save', { name: 'Acme', exportTemplate: template });
    const withBeta = await call<BusinessView>(app, 'customers:save', { name: 'Beta' });
    const acmeId = after.customers.find((x) => x.name === 'Acme')!.id;
    const betaId = withBeta.customers.find((x) => x.name === 'Beta')!.id;
    const ref = (p: Pick) => ({ accountId: snap.accountId, kind: kindOf(snap, p), id: p.id });
    await call(app, 'items:update', { items: [ref(a), ref(b)], patch: { customerId: acmeId } });
    await call(app, 'items:update', { items: [ref(c)], patch: { customerId: betaId } });
    // An item the vendor no longer lists stays on the customer's page until cleared, and is not renewed.
    const gone = { accountId: snap.accountId, kind: 'ip', id: 'gone-at-vendor-1' };
    await call(app, 'items:update', { items: [gone], patch: { customerId: acmeId } });

    await nav(page, 'Customers');
    await page.getByRole('button', { name: 'Acme', exact: true }).click();
    const lines = page.getByTestId('customer-line');
    await expect(lines).toHaveCount(3);
    const missing = lines.filter({ hasText: 'No longer at YouProxy' });
    await expect(missing).toContainText('gone-at-vendor-1');
    // Cost per month and where it came from, as reports:itemCosts says (cost-basis.ts): never a bare "—".
    const costs = await call<{ key: string; perMonth: unknown; source: string }[]>(app, 'reports:itemCosts', {
      items: [ref(a), ref(b), gone],
    });
    expect(costs.map((x) => x.key)).toEqual([ref(a), ref(b), gone].map((r) => `${r.accountId}|${r.kind}|${r.id}`));
    expect(costs[2]).toMatchObject({ perMonth: null, source: 'none' });
    await expect(missing.getByTestId('customer-line-cost')).toContainText('not known');
    const words = { vendor: 'vendor price', journal: 'last renewal', quote: 'last price check', none: 'not known' };
    const present = lines.filter({ hasNotText: 'No longer at YouProxy' });
    for (const source of new Set(costs.slice(0, 2).map((x) => x.source)))
      await expect(
        present.getByTestId('customer-line-cost').filter({ hasText: words[source as 'none'] }),
      ).not.toHaveCount(0);

    // Export with their template, and the handoff sheet: the template lines and expiry, no account or key.
    const proxies = [a, b].map((p) => {
      const x = snap.proxies.find((y) => y.id === p.id);
      const s = snap.servers.find((y) => y.id === p.id);
      return x ? `${x.username}:${x.password}@${x.ip}:${x.httpPort ?? x.socksPort}` : `${s!.ip}`;
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export 2 proxies', exact: true }).click(),
    ]);
    const exported = readFileSync((await download.path())!, 'utf8').split('\n');
    expect([...exported].sort()).toEqual([...proxies].sort());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy handoff sheet' }).click();
    await expect(page.getByText(/Handoff sheet copied \(2 proxies\)/)).toBeVisible();
    const sheet = await page.evaluate(() => navigator.clipboard.readText());
    expect(sheet.split('\n')[0]).toBe('Proxies for: Acme');
    for (const line of proxies) expect(sheet).toContain(line);
    expect(sheet).toMatch(/expires \w{3} \d{1,2}, \d{4}/);
    expect(sheet).not.toContain('YouProxy');
    for (const secret of Object.values(app.sims.youproxy.credentials)) expect(sheet).not.toContain(String(secret));

    await page.getByRole('button', { name: 'Renew their 2 items…' }).click();
    const d = await checkPrice(page);
    for (const p of [a, b]) await expect(d.getByText(p.label).first()).toBeVisible();
    await expect(d.getByText(c.label)).toHaveCount(0);
    const confirm = d.getByRole('button', { name: /^Confirm and pay \$[\d,]+\.\d\d$/ });
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await expect(d.getByTestId('renew-result')).toHaveCount(2, { timeout: 60_000 });
    await expect(d.getByText('2 renewed, 0 failed, 0 unknown.')).toBeVisible();
    await screenshot(page, 'customers-renew');

    const items = charged(app, 'youproxy');
    expect([...items].sort()).toEqual([a.id, b.id].sort());

    // Clearing the line "no longer at YouProxy" forgets that record only.
    await d.getByRole('button', { name: 'Close' }).click();
    await missing.getByRole('button', { name: 'Clear' }).click();
    await expect(lines).toHaveCount(2);
    const left = await call<BusinessView>(app, 'business:get', undefined);
    expect(left.items.map((i) => i.item.id).sort()).toEqual([a.id, b.id, c.id].sort());
  });
});
