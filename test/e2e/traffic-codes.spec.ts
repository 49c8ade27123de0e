import type { ThordataSimulator } from '../../main/simulators/thordata';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, nav } from './renew-steps';

/**
 * Thordata traffic codes (CDK, issue 14 §3) in the Sub-users view, against the real core and the
 * simulator: the seeded codes are listed with their status in words; revoking one asks first, sends
 * exactly one request, and the code then reads "Revoked".
 */
test.describe('traffic codes', () => {
  test('Thordata: list the codes, revoke one after a plain-words confirmation', async ({ page, app }) => {
    await addAccounts(app, page, ['thordata']);
    const sim = app.sims.thordata as ThordataSimulator;
    const revokes = () => sim.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cdk/revoke'));
    await nav(page, 'Sub-users');

    const section = page.getByRole('region', { name: 'Traffic codes' });
    await expect(section).toBeVisible();
    const table = section.getByRole('table', { name: 'Traffic codes' });
    for (const c of sim.cdk.codes) await expect(table.locator(`tr[data-code="${c.cdk}"]`)).toBeVisible();
    await expect(section).toContainText(`${sim.cdk.codes.length} codes`);
    const used = sim.cdk.codes.find((c) => c.status === 2)!;
    await expect(table.locator(`tr[data-code="${used.cdk}"]`)).toContainText('Redeemed');
    // Only a code not used yet can be revoked.
    await expect(section.getByRole('button', { name: `Revoke code ${used.cdk}` })).toHaveCount(0);

    const target = sim.cdk.codes.find((c) => c.status === 1)!;
    const row = table.locator(`tr[data-code="${target.cdk}"]`);
    await expect(row).toContainText('Not used yet');
    await expect(row).toContainText(`${target.trafficGb} GB`);
    await section.getByRole('button', { name: `Revoke code ${target.cdk}` }).click();
    const d = page.getByRole('dialog', { name: `Revoke code ${target.cdk}?` });
    await expect(d).toContainText('The code stops working');
    await expect(d).toContainText('do not say whether the traffic returns to your balance');
    // "Keep it" sends nothing.
    await d.getByRole('button', { name: 'Keep it' }).click();
    await expect(d).toHaveCount(0);
    expect(revokes()).toHaveLength(0);

    await section.getByRole('button', { name: `Revoke code ${target.cdk}` }).click();
    await screenshot(page, 'revoke-traffic-code');
    await d.getByRole('button', { name: 'Revoke the code' }).click();
    await expect(d).toHaveCount(0);
    await expect(row).toContainText('Revoked');
    await expect(section.getByRole('button', { name: `Revoke code ${target.cdk}` })).toHaveCount(0);
    await expect(section.getByRole('status').filter({ hasText: `Code ${target.cdk} revoked.` })).toBeVisible();
    expect(revokes()).toHaveLength(1);
    expect(target.status).toBe(3);
  });
});

test.describe('creating traffic codes', () => {
  test('Thordata: create 3 codes through the purchase confirmation (traffic spent once), then revoke one', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['thordata']);
    const sim = app.sims.thordata as ThordataSimulator;
    const posts = (path: string) => sim.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith(path));
    const seeded = new Set(sim.cdk.codes.map((c) => c.cdk));
    const mbBefore = sim.state.trafficBalanceMb;
    await nav(page, 'Sub-users');
    const section = page.getByRole('region', { name: 'Traffic codes' });
    await expect(section.getByRole('table', { name: 'Traffic codes' })).toBeVisible();

    await section.getByRole('button', { name: 'Create codes' }).click();
    const form = page.getByRole('dialog', { name: 'Create traffic codes' });
    await form.getByLabel('How many codes').fill('3');
    await form.getByLabel('Traffic per code (GB)').fill('2');
    await expect(form).toContainText('Spends 6 GB of traffic in total.');
    await expect(form).toContainText('Traffic left on this account:');
    // A bad number is refused in the form: nothing is quoted or sent.
    await form.getByLabel('How many codes').fill('0');
    await form.getByRole('button', { name: 'Continue' }).click();
    await expect(form).toContainText('Enter a whole number from 1 to 100.');
    await form.getByLabel('How many codes').fill('3');
    await form.getByRole('button', { name: 'Continue' }).click();

    const d = page.getByRole('dialog', { name: 'Create 3 traffic codes' });
    await expect(d).toContainText('3 traffic codes × 2 GB (6 GB of traffic)');
    expect(posts('/cdk/create')).toHaveLength(0);
    // Traffic codes have no money price: the confirmation names what they spend instead.
    await expect(d.getByTestId('buy-pay')).toBeEnabled();
    await screenshot(page, 'create-traffic-codes');
    await d.getByTestId('buy-pay').click();
    await expect(d.getByRole('button', { name: 'Close' })).toBeEnabled();
    await d.getByRole('button', { name: 'Close' }).click();
    await expect(d).toHaveCount(0);

    expect(posts('/cdk/create')).toHaveLength(1);
    expect(mbBefore - sim.state.trafficBalanceMb).toBe(6 * 1024);
    const made = sim.cdk.codes.filter((c) => !seeded.has(c.cdk));
    expect(made).toHaveLength(3);
    const fresh = section.getByRole('region', { name: 'New codes' });
    const table = section.getByRole('table', { name: 'Traffic codes' });
    for (const c of made) {
      await expect(fresh.getByRole('button', { name: `Copy code ${c.cdk}` })).toBeVisible();
      await expect(table.locator(`tr[data-code="${c.cdk}"]`)).toContainText('Not used yet');
    }
    await expect(section).toContainText(`${seeded.size + 3} codes`);

    const target = made[0]!;
    await table.getByRole('button', { name: `Revoke code ${target.cdk}` }).click();
    await page
      .getByRole('dialog', { name: `Revoke code ${target.cdk}?` })
      .getByRole('button', { name: 'Revoke the code' })
      .click();
    await expect(table.locator(`tr[data-code="${target.cdk}"]`)).toContainText('Revoked');
    expect(posts('/cdk/revoke')).toHaveLength(1);
    expect(posts('/cdk/create')).toHaveLength(1);
  });
});

test.describe('traffic codes in demo mode', () => {
  test.use({ demo: true });

  test('the demo Thordata account lists its codes; a vendor without codes shows no such section', async ({
    page,
    app,
  }) => {
    await app.core.refresh.idle();
    await page.reload();
    const demo = (v: string) => app.core.accounts.list().find((a) => a.vendor === v && a.demo)!;
    await nav(page, 'Sub-users');
    const picker = page.getByRole('combobox', { name: 'Account', exact: true });
    await picker.selectOption({ label: demo('thordata').label });
    const section = page.getByRole('region', { name: 'Traffic codes' });
    await expect(section).toContainText('6 codes');
    const rows = section.getByRole('table', { name: 'Traffic codes' }).getByRole('row');
    await expect(rows).toHaveCount(7);
    await expect(rows.filter({ hasText: 'Not used yet' })).toHaveCount(3);
    await expect(rows.filter({ hasText: 'Redeemed' })).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Revoked' })).toHaveCount(1);
    await picker.selectOption({ label: demo('bestproxy').label });
    await expect(page.getByRole('table', { name: `Sub-users of ${demo('bestproxy').label}` })).toBeVisible();
    await expect(section).toHaveCount(0);
  });
});
