import type { Locator, Page } from '@playwright/test';
import type { BestproxySimulator } from '../../main/simulators/bestproxy';
import type { SimHandler } from '../../main/simulators/sim-server';
import type { Result } from '../../preload/contract/errors';
import type { VendorId } from '../../preload/contract/model';
import type { PurchaseCatalog, PurchaseOptionField, PurchaseProduct } from '../../preload/contract/purchases';
import { buyEn } from '../../renderer/i18n/buy.en';
import { buyZhCN } from '../../renderer/i18n/buy.zh-CN';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';
import { addAccounts, nav } from './renew-steps';

/**
 * Buying new proxies (issue 14 §1) against the real core and the simulators: the buy window, the one
 * confirmation with the exact total on the Pay button, and exactly one charge at the vendor — also after
 * a double click on Pay, and when the vendor applies the purchase and then answers badly.
 */

/** The POST that buys, per vendor (a substring / regular expression of the simulator's path). */
const BUY_PATH: Partial<Record<VendorId, RegExp>> = {
  proxyshard: /\/orders\/purchase$/,
  youproxy: /\/v1\/[^/]+\/order$/,
  bestproxy: /\/gateway\/order\/create$/,
};

const buys = (app: AppUnderTest, v: VendorId) =>
  app.sims[v].server.requests.filter((r) => r.method === 'POST' && BUY_PATH[v]!.test(r.path));

async function catalogOf(app: AppUnderTest, vendor: VendorId): Promise<PurchaseCatalog> {
  const account = app.core.accounts.list().find((a) => a.vendor === vendor)!;
  const r = (await app.core.dispatch('purchases:catalog', [{ accountId: account.id }])) as Result<PurchaseCatalog>;
  if (!r.ok) throw new Error(`catalog of ${vendor}: ${r.error.message}`);
  return r.data;
}

/** "$12.34" / "US$12.34" / "¥1,234.00" → 1234 (minor units, two digits). */
const minorOf = (text: string): number => {
  const m = /([\d,]+)\.(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in ${text}`);
  return Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]);
};

async function openBuy(page: Page, view: string, button = 'Buy proxies', title = 'Buy proxies'): Promise<Locator> {
  await nav(page, view);
  await page.getByRole('button', { name: button, exact: true }).click();
  const d = page.getByRole('dialog', { name: title });
  await expect(d).toBeVisible();
  return d;
}

const optionName = (f: PurchaseOptionField, zh: boolean) => {
  const names: Record<string, string> = (zh ? buyZhCN : buyEn).buy.option;
  const name = names[f.key] ?? f.label;
  return f.required ? (zh ? `${name}（必填）` : `${name} (required)`) : name;
};

/**
 * Fills one line of the buy window: the product by id, then every required option (a choice matching
 * `prefer`, else the first one that can be chosen). Location, cycle and quantity keep their defaults
 * (first location in stock, first cycle, the minimum).
 */
async function fillLine(
  d: Locator,
  catalog: PurchaseCatalog,
  product: PurchaseProduct,
  { zh = false, prefer = /balance|余额/i }: { zh?: boolean; prefer?: RegExp } = {},
) {
  await d.getByRole('combobox', { name: zh ? '产品' : 'Product', exact: true }).selectOption(product.id);
  for (const f of catalog.options) {
    if (!f.required || (f.products && !f.products.includes(product.id))) continue;
    const box = d.getByRole(f.choices ? 'combobox' : 'textbox', { name: optionName(f, zh), exact: true });
    if (!f.choices) {
      await box.fill('Testing');
      continue;
    }
    const usable = f.choices.filter((c) => !c.disabled);
    const pick = usable.find((c) => prefer.test(c.label)) ?? usable[0]!;
    await box.selectOption(pick.value);
  }
}

/** A product the simulator can sell at once from the account's balance. */
function productOf(catalog: PurchaseCatalog, want: (p: PurchaseProduct) => boolean): PurchaseProduct {
  const p = catalog.products.find((x) => !x.unavailable && want(x)) ?? catalog.products.find((x) => !x.unavailable);
  expect(p, `${catalog.vendor} offers something to buy`).toBeTruthy();
  return p!;
}

/** Checks the price, reads the total, pays with a double click; returns the amount on the button. */
async function payOnce(
  page: Page,
  d: Locator,
  pay: RegExp,
  before?: (confirm: Locator) => Promise<void>,
): Promise<{ confirm: Locator; amount: number }> {
  await d.getByRole('button', { name: /^(Check price|查询价格)$/ }).click();
  const confirm = page.getByRole('dialog', { name: /^(Confirm the purchase|确认购买)$/ });
  await expect(confirm).toBeVisible();
  const button = confirm.getByTestId('buy-pay');
  await expect(button).toBeEnabled({ timeout: 30_000 });
  const label = (await button.textContent()) ?? '';
  expect(label).toMatch(pay);
  // The total shown is the total on the button.
  expect(minorOf((await confirm.getByTestId('buy-total').textContent()) ?? '')).toBe(minorOf(label));
  await before?.(confirm);
  await button.dblclick();
  return { confirm, amount: minorOf(label) };
}

test.describe('buy proxies', () => {
  test('ProxyShard: a datacenter order, the exact total on Pay, one order and one charge after a double click', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['proxyshard']);
    const catalog = await catalogOf(app, 'proxyshard');
    const product = productOf(catalog, (p) => p.kind === 'datacenter' && p.locationRequired);
    const sim = app.sims.proxyshard;
    const ledger = sim.server.ledger.length;

    const d = await openBuy(page, 'Orders');
    await fillLine(d, catalog, product);
    // A DC location is required and shown with its stock.
    await expect(d.getByRole('combobox', { name: 'Location (required)' })).not.toHaveValue('');
    await screenshot(page, 'buy-dialog');
    const { confirm, amount } = await payOnce(page, d, /^Pay \$\d[\d,]*\.\d{2}$/, async (c) => {
      await expect(c.getByTestId('buy-checked-by')).toHaveText('Price checked by ProxyShard');
      await expect(c.getByTestId('buy-spends')).toHaveText('Paid from your ProxyShard balance.');
      await screenshot(page, 'buy-confirm');
    });
    const result = confirm.getByTestId('buy-result');
    await expect(result).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(result).toContainText('Bought');
    await expect(confirm.getByTestId('buy-appear')).toBeVisible();
    await screenshot(page, 'buy-done');

    // Exactly one order was created and charged, once, for the amount on the button.
    expect(buys(app, 'proxyshard')).toHaveLength(1);
    const charges = sim.server.ledger.slice(ledger);
    expect(charges).toHaveLength(1);
    expect(charges[0]!.amountMinor).toBe(amount);
    const orderId = charges[0]!.items[0]!;
    await expect(result).toContainText(orderId);

    // Closing leaves the Orders view, which shows the new order after the account's refresh.
    await confirm.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('searchbox').fill(orderId);
    await expect(
      page.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: orderId }),
    ).not.toHaveCount(0, { timeout: 30_000 });
    expect(sim.server.ledger.slice(ledger)).toHaveLength(1);
  });

  test('ProxyShard: the purchase is applied, then the vendor answers badly: the window says bought after Proxydeck checked', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['proxyshard']);
    const catalog = await catalogOf(app, 'proxyshard');
    const product = productOf(catalog, (p) => p.kind === 'datacenter' && p.locationRequired);
    const sim = app.sims.proxyshard;
    const ledger = sim.server.ledger.length;
    sim.server.injectFault({ kind: 'after_apply', answer: '5xx_html', method: 'POST', path: '/orders/purchase$' });

    const d = await openBuy(page, 'IPs');
    await fillLine(d, catalog, product);
    const { confirm } = await payOnce(page, d, /^Pay /);
    const result = confirm.getByTestId('buy-result');
    await expect(result).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(result).toContainText('Bought');
    await expect(result).not.toContainText(/nothing was (bought|changed)/i);
    await expect(result).not.toContainText('Not bought');
    await expect(confirm.getByTestId('buy-summary-line')).toHaveText('Bought: 1 · Not bought: 0 · Outcome unknown: 0');
    expect(buys(app, 'proxyshard')).toHaveLength(1);
    expect(sim.server.ledger.slice(ledger)).toHaveLength(1);
  });

  test('ProxyShard: answer lost and the orders unreadable: "outcome unknown — do not buy again"; Check again settles it as bought', async ({
    page,
    app,
  }) => {
    await addAccounts(app, page, ['proxyshard']);
    const catalog = await catalogOf(app, 'proxyshard');
    const product = productOf(catalog, (p) => p.kind === 'datacenter' && p.locationRequired);
    const sim = app.sims.proxyshard;
    const ledger = sim.server.ledger.length;
    // The purchase is applied and its answer lost; from that moment the orders cannot be read (the
    // read before sending still works, so the purchase is sent).
    sim.server.injectFault({ kind: 'after_apply', answer: 'reset', method: 'POST', path: '/orders/purchase$' });
    const routes = (sim.server as unknown as { routes: { method: string; pattern: RegExp; handler: SimHandler }[] })
      .routes;
    const buy = routes.find((r) => r.method === 'POST' && r.pattern.test('/user/api/orders/purchase'))!;
    const real = buy.handler;
    buy.handler = (req) => {
      sim.server.injectFault({ kind: 'status', status: 503, method: 'GET', path: '/user/api/orders$', times: 0 });
      return real(req);
    };

    const d = await openBuy(page, 'Orders');
    await fillLine(d, catalog, product);
    const { confirm } = await payOnce(page, d, /^Pay /);
    const result = confirm.getByTestId('buy-result');
    await expect(result).toHaveAttribute('data-state', 'uncertain', { timeout: 30_000 });
    await expect(result).toContainText(
      'Outcome unknown, Proxydeck is checking with ProxyShard — do not buy this again.',
    );
    await expect(result.getByRole('button', { name: 'It was bought' })).toBeVisible();
    await expect(result.getByRole('button', { name: 'It was not bought' })).toBeVisible();
    await screenshot(page, 'buy-unknown');
    expect(sim.server.ledger.slice(ledger)).toHaveLength(1);

    // ProxyShard answers again: Check again reads the orders (it sends nothing) and finds the new one.
    sim.server.clearFaults();
    await result.getByRole('button', { name: 'Check again' }).click();
    await expect(result).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(result).toContainText('Bought');
    expect(buys(app, 'proxyshard')).toHaveLength(1);
    expect(sim.server.ledger.slice(ledger)).toHaveLength(1);
  });

  test('YouProxy, 简体中文: bought in Chinese, one order and one charge', async ({ page, app }) => {
    await addAccounts(app, page, ['youproxy']);
    await app.core.dispatch('settings:update', [{ language: 'zh-CN' }]);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const catalog = await catalogOf(app, 'youproxy');
    const product = productOf(catalog, (p) => p.kind === 'datacenter' || /ipv4/i.test(p.id));
    const sim = app.sims.youproxy;
    const ledger = sim.server.ledger.length;

    const d = await openBuy(page, '订单', '购买代理', '购买代理');
    await fillLine(d, catalog, product, { zh: true });
    const { confirm, amount } = await payOnce(page, d, /^支付 /);
    const result = confirm.getByTestId('buy-result');
    await expect(result).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(result).toContainText('已购买');
    await expect(confirm.getByTestId('buy-appear')).toContainText('新项目稍后会出现');
    await screenshot(page, 'buy-done-zh');
    expect(buys(app, 'youproxy')).toHaveLength(1);
    const charges = sim.server.ledger.slice(ledger);
    expect(charges).toHaveLength(1);
    expect(charges[0]!.amountMinor).toBe(amount);
  });

  test('BestProxy: paid from the balance, one order and one charge', async ({ page, app }) => {
    const sim = app.sims.bestproxy as BestproxySimulator;
    // Enough for any product of the catalog (the default balance of the simulator is small).
    sim.setBalance(5_000_000);
    await addAccounts(app, page, ['bestproxy']);
    const catalog = await catalogOf(app, 'bestproxy');
    const product = productOf(catalog, (p) => p.kind !== 'residential');
    const ledger = sim.server.ledger.length;

    const d = await openBuy(page, 'Orders');
    await fillLine(d, catalog, product);
    const { confirm, amount } = await payOnce(page, d, /^Pay /, async (c) => {
      await expect(c.getByTestId('buy-spends')).toHaveText('Paid from your BestProxy balance.');
    });
    const result = confirm.getByTestId('buy-result');
    await expect(result).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    expect(buys(app, 'bestproxy')).toHaveLength(1);
    const charges = sim.server.ledger.slice(ledger);
    expect(charges).toHaveLength(1);
    expect(charges[0]!.amountMinor).toBe(amount);
    expect(sim.balance()).toBe(5_000_000 - amount);
  });

  test('BestProxy: with a balance too low, BestProxy refuses, nothing is charged, its words are shown', async ({
    page,
    app,
  }) => {
    const sim = app.sims.bestproxy as BestproxySimulator;
    sim.setBalance(1);
    await addAccounts(app, page, ['bestproxy']);
    const catalog = await catalogOf(app, 'bestproxy');
    const d = await openBuy(page, 'Orders');
    await fillLine(
      d,
      catalog,
      productOf(catalog, (p) => p.kind !== 'residential'),
    );
    const { confirm } = await payOnce(page, d, /^Pay /, async (c) => {
      // BestProxy's API has no money balance: the window says what happens if it is too low.
      await expect(c.getByTestId('buy-balance')).toHaveText(
        'BestProxy does not tell Proxydeck your balance. If it is too low, BestProxy refuses the order and nothing is charged.',
      );
    });
    const result = confirm.getByTestId('buy-result');
    await expect(result).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
    await expect(result).toContainText('Not bought. Nothing was charged for it.');
    await expect(result).toContainText('insufficient balance');
    expect(buys(app, 'bestproxy')).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(0);
    expect(sim.balance()).toBe(1);
    // Nothing was bought: closing goes back to the list to change it.
    await confirm.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog', { name: 'Buy proxies' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Buy proxies' }).getByTestId('buy-line')).toHaveCount(1);
  });

  test('ProxyShard and BestProxy in one list: one confirmation, one total, each vendor charged once', async ({
    page,
    app,
  }) => {
    const bp = app.sims.bestproxy as BestproxySimulator;
    bp.setBalance(5_000_000);
    await addAccounts(app, page, ['proxyshard', 'bestproxy']);
    const psCatalog = await catalogOf(app, 'proxyshard');
    const bpCatalog = await catalogOf(app, 'bestproxy');
    const before = { ps: app.sims.proxyshard.server.ledger.length, bp: bp.server.ledger.length };

    const d = await openBuy(page, 'Orders');
    const account = d.getByRole('combobox', { name: 'Account', exact: true });
    await account.selectOption({ label: 'ProxyShard shop · ProxyShard' });
    await fillLine(
      d,
      psCatalog,
      productOf(psCatalog, (p) => p.kind === 'datacenter' && p.locationRequired),
    );
    await d.getByRole('button', { name: 'Add to list' }).click();
    await expect(d.getByTestId('buy-line')).toHaveCount(1);
    await account.selectOption({ label: 'BestProxy shop · BestProxy' });
    await fillLine(
      d,
      bpCatalog,
      productOf(bpCatalog, (p) => p.kind !== 'residential'),
    );
    // "Check price" takes the line being filled in too.
    const { confirm, amount } = await payOnce(page, d, /^Pay \$/, async (c) => {
      await expect(c.getByTestId('buy-part')).toHaveCount(2);
      const parts = await c.getByTestId('buy-part-total').allTextContents();
      expect(parts.map(minorOf).reduce((a, b) => a + b, 0)).toBe(
        minorOf((await c.getByTestId('buy-pay').textContent())!),
      );
    });
    const results = confirm.getByTestId('buy-result');
    await expect(results).toHaveCount(2);
    for (const r of await results.all()) await expect(r).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    expect(buys(app, 'proxyshard')).toHaveLength(1);
    expect(buys(app, 'bestproxy')).toHaveLength(1);
    const charges = [...app.sims.proxyshard.server.ledger.slice(before.ps), ...bp.server.ledger.slice(before.bp)];
    expect(charges).toHaveLength(2);
    expect(charges.reduce((n, c) => n + c.amountMinor, 0)).toBe(amount);
  });

  test('Thordata: the window says why it cannot buy there and opens the Thordata website', async ({ page, app }) => {
    await addAccounts(app, page, ['thordata']);
    const d = await openBuy(page, 'Orders');
    await expect(d.getByTestId('buy-no-accounts')).toBeVisible();
    // The test machine has no internet: the vendor's page is answered here.
    await page.context().route('https://dashboard.thordata.com/**', (r) => r.fulfill({ body: 'Thordata' }));
    const note = d.getByTestId('buy-vendor-page');
    await expect(note).toContainText("Thordata's API cannot buy");
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      note.getByRole('button', { name: 'Open Thordata website' }).click(),
    ]);
    expect(popup.url()).toMatch(/^https:\/\/dashboard\.thordata\.com\/?$/);
    await popup.close();
    expect(app.sims.thordata.server.ledger).toHaveLength(0);
  });
});
