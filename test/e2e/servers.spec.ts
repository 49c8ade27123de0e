import type { ThordataSimulator } from '../../main/simulators/thordata';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, nav } from './renew-steps';

/**
 * The Servers view (issue 14 §3) against the real core and the Thordata simulator: the unlimited servers
 * of the account, a server's monitor charts (recharts SVG with its series), the load balancer, restart
 * after a plain-words confirmation (one request), and allowing / removing a sub-user on the server.
 */
test.describe('servers', () => {
  test('Thordata: charts render, restart with a confirm, bind and unbind a sub-user', async ({ page, app }) => {
    await addAccounts(app, page, ['thordata']);
    const sim = app.sims.thordata as ThordataSimulator;
    const posts = (path: string) => sim.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith(path));
    await nav(page, 'Servers');
    await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();

    const list = page.getByRole('table', { name: 'Unlimited servers' });
    for (const s of sim.state.servers) await expect(list.locator(`tr[data-server="${s.insId}"]`)).toBeVisible();
    await expect(page.getByText(`${sim.state.servers.length} servers`)).toBeVisible();
    const server = sim.state.servers[0]!;
    const row = list.locator(`tr[data-server="${server.insId}"]`);
    await expect(row).toContainText('Running');
    await expect(row).toContainText('Thordata shop');
    await page.getByRole('button', { name: `Show ${server.planName}` }).click();

    const detail = page.getByRole('region', { name: `Server ${server.planName}` });
    await expect(detail).toBeVisible();
    const cpu = detail.getByRole('figure', { name: 'CPU and memory (%), Last 24 hours' });
    await expect(cpu.locator('svg .recharts-line')).toHaveCount(2);
    await expect(cpu.locator('svg .recharts-line-curve').first()).toHaveAttribute('d', /M[\d.]+,[\d.]+/);
    await expect(
      detail.getByRole('figure', { name: 'Open connections, Last 24 hours' }).locator('svg .recharts-line'),
    ).toHaveCount(1);
    await expect(
      detail.getByRole('figure', { name: 'Bandwidth in and out (Mbps), Last 24 hours' }).locator('svg .recharts-line'),
    ).toHaveCount(2);
    await expect(detail.getByText('they look like Mbps')).toBeVisible();
    // The load balancer: every series it sends.
    await expect(
      detail.getByRole('figure', { name: 'Connections and counts, Last 24 hours' }).locator('svg .recharts-line'),
    ).toHaveCount(2);
    // Another time range asks again with its own step.
    await detail.getByRole('combobox', { name: 'Time range' }).selectOption('hour');
    await expect(
      detail.getByRole('figure', { name: 'CPU and memory (%), Last hour' }).locator('svg .recharts-line'),
    ).toHaveCount(2);
    await screenshot(page, 'servers-monitor');

    // Restart: "Keep it running" sends nothing; then one request.
    await detail.getByRole('button', { name: 'Restart', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Restart ${server.planName}?` });
    await expect(confirm).toContainText(
      'Restarting drops every open connection for about a minute. Nothing is charged.',
    );
    await confirm.getByRole('button', { name: 'Keep it running' }).click();
    await expect(confirm).toHaveCount(0);
    expect(posts('/unlimited/restart-server')).toHaveLength(0);
    await detail.getByRole('button', { name: 'Restart', exact: true }).click();
    await confirm.getByRole('button', { name: 'Restart', exact: true }).click();
    await expect(confirm).toHaveCount(0);
    await expect(detail.getByRole('status').filter({ hasText: `${server.planName} is restarting.` })).toBeVisible();
    expect(posts('/unlimited/restart-server')).toHaveLength(1);
    expect(server.lastRestart).toBeDefined();

    // Sub-users on the server: the seeded one is listed; add another, then remove it after a confirm.
    const users = detail.getByRole('region', { name: 'Sub-users allowed on this server' });
    const [first, second] = sim.state.subUsers[2].map((u) => u.username) as [string, string];
    await expect(users.locator(`tr[data-username="${first}"]`)).toBeVisible();
    await users.getByRole('combobox', { name: 'Sub-user to allow' }).selectOption(second);
    await users.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(users.locator(`tr[data-username="${second}"]`)).toBeVisible();
    await expect(
      users.getByRole('status').filter({ hasText: `${second} may now use ${server.planName}.` }),
    ).toBeVisible();
    expect(posts('/add_unlimited_servers_bind_user')).toHaveLength(1);

    await users.getByRole('button', { name: `Remove ${second} from this server` }).click();
    const remove = page.getByRole('dialog', { name: `Remove ${second} from ${server.planName}?` });
    await expect(remove).toContainText('can no longer use this server');
    await remove.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(remove).toHaveCount(0);
    await expect(users.locator(`tr[data-username="${second}"]`)).toHaveCount(0);
    expect(posts('/del_unlimited_servers_bind_user')).toHaveLength(1);
  });

  test('Upgrade opens the shared purchase dialog with the picked plan; Renew opens the renew flow', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['thordata']);
    const sim = app.sims.thordata as ThordataSimulator;
    const server = sim.state.servers[0]!;
    await nav(page, 'Servers');
    await page.getByRole('button', { name: `Show ${server.planName}` }).click();
    const detail = page.getByRole('region', { name: `Server ${server.planName}` });

    await detail.getByRole('button', { name: 'Upgrade', exact: true }).click();
    const form = page.getByRole('dialog', { name: `Upgrade ${server.planName}` });
    await form.getByRole('combobox', { name: 'Bandwidth' }).selectOption({ label: '400 Mbps' });
    await expect(form).toContainText('Now: 200Mbps');
    await form.getByRole('button', { name: 'Next: price and confirm' }).click();
    // The purchase dialog (same title) checks the price: Thordata gives none in advance, and says so.
    const buy = page.getByRole('dialog', { name: `Upgrade ${server.planName}` });
    await expect(buy).toContainText('does not tell the price of a server upgrade in advance', { timeout: 30_000 });
    expect(sim.server.ledger).toHaveLength(0);
    await page.keyboard.press('Escape');
    await expect(buy).toHaveCount(0);

    await detail.getByRole('button', { name: 'Renew', exact: true }).click();
    const renew = page.getByRole('dialog', { name: 'Renew / extend' });
    await expect(renew).toContainText(server.planName);
  });

  test('no account with servers: a plain empty state', async ({ page, app }) => {
    await addAccounts(app, page, ['bestproxy']);
    await nav(page, 'Servers');
    await expect(page.getByText('None of your accounts is of a vendor with unlimited servers')).toBeVisible();
  });
});
