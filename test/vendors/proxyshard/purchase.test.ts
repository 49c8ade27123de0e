/**
 * ProxyShard new orders (doc §3.1 #1 purchase, #2 calculate, #5 products, #6 available-count, §4.1):
 * the catalog, the vendor's price check, the checks made before anything is sent, the purchase sent
 * once (documented refusals vs unknown outcomes, applied-then-a-bad-answer) and the evidence read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isVendorError, type VendorError } from '../../../main/vendors/errors';
import type { OrderPurchase } from '../../../preload/contract/purchases';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { setup } from './helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;
const opts = { requestId: '00000000-0000-4000-8000-0000000000b1' };

const order = (o: Partial<OrderPurchase> = {}): OrderPurchase => ({
  kind: 'order',
  productId: 'Datacenter Proxy',
  location: 'DE',
  cycleId: 'monthly',
  quantity: 10,
  promoCode: null,
  options: {},
  ...o,
});

const sent = (ctx: Ctx, method: string, path: string) =>
  ctx.sim.server.requests.filter((r) => r.method === method && r.path === `/user/api${path}`).length;

async function caught(p: Promise<unknown>): Promise<VendorError> {
  try {
    await p;
  } catch (e) {
    if (isVendorError(e)) return e;
    throw e;
  }
  throw new Error('expected a VendorError');
}

describe('purchaseCatalog (#5 products, #6 stock)', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('groups DC/ISP rows by name into one product with its locations and stock; residential has none', async () => {
    const c = await ctx.client.purchaseCatalog('acc-1');
    expect(c).toMatchObject({ accountId: 'acc-1', vendor: 'proxyshard', promoCodeAllowed: true, vendorPage: null });
    const byId = new Map(c.products.map((p) => [p.id, p]));
    expect([...byId.keys()]).toEqual([
      'Datacenter Proxy',
      'ISP Proxy',
      'Standart Residential Proxy',
      'Premium Residential Proxy',
      'Unmetered Residential proxy',
    ]);
    const dc = byId.get('Datacenter Proxy')!;
    expect(dc).toMatchObject({ kind: 'datacenter', locationRequired: true, unavailable: null });
    expect(dc.quantity).toMatchObject({ min: 1, unit: 'ip' });
    expect(dc.cycles.map((x) => x.id)).toEqual(['3days', 'weekly', 'half-monthly', 'monthly']);
    expect(dc.cycles.find((x) => x.id === 'monthly')?.days).toBe(30);
    const stock = ctx.sim.account.stock!;
    expect(dc.locations).toHaveLength(8);
    for (const l of dc.locations) expect(l.stock).toBe(stock.get(`dc:${l.code}`));
    expect(byId.get('ISP Proxy')!.locations.map((l) => l.code)).toEqual(['US', 'GB', 'DE']);
    const std = byId.get('Standart Residential Proxy')!;
    expect(std).toMatchObject({ kind: 'residential', locations: [], locationRequired: false, cycles: [] });
    expect(std.quantity.unit).toBe('gb');
    const unm = byId.get('Unmetered Residential proxy')!;
    expect(unm.quantity).toEqual({ min: 1, max: 1, step: 1, unit: 'package' });
    expect(unm.cycles.map((x) => x.id)).toEqual(['daily', 'weekly', 'half-monthly', 'monthly']);
    expect(c.notes.join(' ')).toMatch(/GB: the ProxyShard docs imply it/);
  });

  it('offers p0f slots (DC/ISP) and auto-renewal (DC/ISP/Unmetered) as options', async () => {
    const c = await ctx.client.purchaseCatalog('acc-1');
    const p0f = c.options.find((o) => o.key === 'p0f_slots')!;
    expect(p0f).toMatchObject({ required: false, choices: null, products: ['Datacenter Proxy', 'ISP Proxy'] });
    const auto = c.options.find((o) => o.key === 'auto_renewal')!;
    expect(auto.choices?.map((x) => x.value)).toEqual(['no', 'yes']);
    expect(auto.products).toEqual(['Datacenter Proxy', 'ISP Proxy', 'Unmetered Residential proxy']);
  });

  it('a location with 0 in stock shows 0; every location at 0 makes the product unavailable', async () => {
    const stock = ctx.sim.account.stock!;
    stock.set('dc:NL', 0);
    for (const k of ['isp:US', 'isp:GB', 'isp:DE']) stock.set(k, 0);
    const c = await ctx.client.purchaseCatalog('acc-1');
    expect(c.products[0]!.locations.find((l) => l.code === 'NL')?.stock).toBe(0);
    expect(c.products[0]!.unavailable).toBeNull();
    expect(c.products[1]!.unavailable).toMatch(/out of stock/i);
    for (const k of ['isp:US', 'isp:GB', 'isp:DE']) stock.set(k, 50);
  });

  it('stock is best-effort: #6 failing leaves stock null with a note, the catalog still works', async () => {
    ctx.sim.server.injectFault({ kind: 'status', status: 503, path: '/proxies/available-count', times: 0 });
    const c = await ctx.client.purchaseCatalog('acc-1');
    ctx.sim.server.clearFaults();
    expect(c.products).toHaveLength(5);
    expect(c.products[0]!.locations.every((l) => l.stock === null)).toBe(true);
    expect(c.notes.join(' ')).toMatch(/did not say how many IPs are in stock/);
  });

  it('#5 failing fails the catalog; a refused key is invalid_credentials', async () => {
    ctx.sim.server.injectFault({ kind: 'malformed', path: '/proxies/products', times: 0 });
    expect((await caught(ctx.client.purchaseCatalog('acc-1'))).code).toBe('bad_response');
    ctx.sim.server.clearFaults();
    expect((await caught(ctx.clientWithKey('nope').purchaseCatalog('acc-1'))).code).toBe('invalid_credentials');
  });
});

describe('quotePurchase kind order (#2 calculate, /me)', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('DC with promo and p0f: total_with_addons in cents, lines original / discount / add-ons, nothing charged', async () => {
    const q = await ctx.client.quotePurchase(order({ promoCode: 'SAVE10', options: { p0f_slots: '10' } }));
    // 10 × $1.20 = $12.00, −10% = $10.80, + 10 p0f × $0.30 = $13.80.
    expect(q.total).toEqual({ minor: 1380, currency: 'USD' });
    expect(q).toMatchObject({ vendorQuoted: true, promo: 'valid', spends: 'money', warnings: [] });
    expect(q.lines.map((l) => l.amount?.minor)).toEqual([1200, -120, 300]);
    expect(q.lines[1]!.label).toBe('Promo code SAVE10 (−10%)');
    expect(q.summary).toBe('10 × Datacenter Proxy · DE · monthly · 10 p0f slots');
    expect(q.balance).toEqual({ minor: 18_743, currency: 'USD' });
    const calc = ctx.sim.server.requests.filter((r) => r.path === '/user/api/orders/calculate');
    expect(calc.at(-1)?.status).toBe(200);
    expect(ctx.sim.server.ledger).toHaveLength(0);
    expect(ctx.sim.writes).toHaveLength(0);
  });

  it('an invalid promo code (a 400) is a blocking warning in plain words, priced without it', async () => {
    const q = await ctx.client.quotePurchase(order({ promoCode: 'NOPE' }));
    expect(q.promo).toBe('invalid');
    expect(q.total).toEqual({ minor: 1200, currency: 'USD' });
    expect(q.warnings).toEqual([
      {
        code: 'promo_invalid',
        message:
          'ProxyShard did not accept the promo code "NOPE" (Promo code is not valid). Remove it or type another code.',
        blocking: true,
      },
    ]);
  });

  it('a wallet below the total blocks with "Top up N at ProxyShard"', async () => {
    ctx.sim.setBalance(1000);
    const q = await ctx.client.quotePurchase(order());
    ctx.sim.setBalance(18_743);
    expect(q.warnings).toEqual([
      {
        code: 'insufficient_funds',
        message: 'Your ProxyShard balance ($10.00) is below the total ($12.00). Top up $2.00 at ProxyShard.',
        blocking: true,
      },
    ]);
  });

  it('more IPs than the location has in stock blocks', async () => {
    ctx.sim.account.stock?.set('dc:DE', 4);
    const q = await ctx.client.quotePurchase(order());
    ctx.sim.account.stock?.set('dc:DE', 500);
    expect(q.warnings.map((w) => [w.code, w.blocking])).toEqual([['out_of_stock', true]]);
    expect(q.warnings[0]!.message).toMatch(/4 IPs in stock in DE/);
  });

  it('money in anything but integer cents is bad_response (wrong_units: dollars)', async () => {
    ctx.sim.server.injectFault({ kind: 'wrong_units', path: '/orders/calculate' });
    const e = await caught(ctx.client.quotePurchase(order({ quantity: 3, options: { p0f_slots: '1' } })));
    expect(e.code).toBe('bad_response');
  });

  it('per-GB residential: no location, no cycle, the GB count; Unmetered: a cycle, no quantity', async () => {
    const before = ctx.sim.server.requests.length;
    const std = await ctx.client.quotePurchase(
      order({ productId: 'Standart Residential Proxy', location: null, cycleId: null, quantity: 5 }),
    );
    expect(std.total).toEqual({ minor: 1000, currency: 'USD' });
    expect(std.summary).toBe('5 GB Standart Residential Proxy');
    const unm = await ctx.client.quotePurchase(
      order({ productId: 'Unmetered Residential proxy', location: null, cycleId: 'weekly', quantity: 1 }),
    );
    expect(unm.total).toEqual({ minor: 19_900, currency: 'USD' });
    const calcs = ctx.sim.server.requests.slice(before).filter((r) => r.path === '/user/api/orders/calculate');
    expect(calcs).toHaveLength(2);
  });

  const invalid: [string, OrderPurchase, RegExp][] = [
    ['DC without a location', order({ location: null }), /Choose a location/],
    ['DC in a location not listed', order({ location: 'JP' }), /does not offer Datacenter Proxy in JP/],
    ['DC without a cycle', order({ cycleId: null }), /Choose a billing cycle/],
    ['DC with a cycle not listed', order({ cycleId: 'yearly' }), /"yearly" cycle/],
    [
      'Unmetered without a cycle',
      order({ productId: 'Unmetered Residential proxy', location: null, cycleId: null, quantity: 1 }),
      /Choose a billing cycle/,
    ],
    [
      'Unmetered with a quantity',
      order({ productId: 'Unmetered Residential proxy', location: null, quantity: 3 }),
      /one plan at a time/,
    ],
    ['an unknown product', order({ productId: 'Mobile 5G' }), /does not sell "Mobile 5G"/],
    [
      'p0f on residential',
      order({ productId: 'Premium Residential Proxy', location: null, cycleId: null, options: { p0f_slots: '2' } }),
      /datacenter and ISP proxies only/,
    ],
    ['more p0f slots than IPs', order({ options: { p0f_slots: '11' } }), /one p0f slot per IP/],
    ['an unknown option', order({ options: { turbo: 'yes' } }), /no "turbo" option/],
  ];
  it.each(invalid)('%s is refused before anything is sent (quote and purchase)', async (_name, req, words) => {
    const calcs = sent(ctx, 'GET', '/orders/calculate');
    const q = await caught(ctx.client.quotePurchase(req));
    expect(q).toMatchObject({ code: 'invalid_argument', uncertain: false });
    expect(q.message).toMatch(words);
    const p = await caught(ctx.client.purchase(req, opts));
    expect(p).toMatchObject({ code: 'invalid_argument', uncertain: false });
    expect(sent(ctx, 'GET', '/orders/calculate')).toBe(calcs);
    expect(sent(ctx, 'POST', '/orders/purchase')).toBe(0);
    expect(ctx.sim.server.ledger).toHaveLength(0);
  });
});

describe('purchase kind order (#1) and purchaseEvidence (#8)', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup({ maxPageSize: 3 });
  });

  it('sends the documented body once, charges exactly the quoted total, names the new order', async () => {
    const req = order({ quantity: 3, promoCode: 'SAVE10', options: { p0f_slots: '3', auto_renewal: 'yes' } });
    const quote = await ctx.client.quotePurchase(req);
    const before = await ctx.client.purchaseEvidence(req);
    expect(before.immediate).toBe(true);
    expect(before.items).toHaveLength(ctx.sim.account.orders.size);
    const stock = ctx.sim.account.stock!.get('dc:DE')!;
    const a = await ctx.client.purchase(req, opts);
    const id = [...ctx.sim.account.orders.keys()].at(-1)!;
    expect(a).toEqual({ reference: String(id), charged: null, created: [`order:${id}`], message: null });
    expect(JSON.parse(ctx.sim.writes.at(-1)!.body)).toEqual({
      product: 'Datacenter Proxy',
      location: 'DE',
      cycle: 'monthly',
      quantity: 3,
      auto_renewal: true,
      addons: [{ addon_key: 'p0f_slots', qty: 3 }],
      promo_code: 'SAVE10',
    });
    expect(ctx.sim.server.ledger).toEqual([
      expect.objectContaining({ what: 'purchase', amountMinor: quote.total!.minor }),
    ]);
    expect(ctx.sim.account.stock!.get('dc:DE')).toBe(stock - 3);
    const o = ctx.sim.account.orders.get(id)!;
    expect(o).toMatchObject({ quantity: 3, autoRenewal: true, location: 'DE' });
    expect(o.addons[0]).toMatchObject({ addonKey: 'p0f_slots', qty: 3 });
    const after = await ctx.client.purchaseEvidence(req);
    expect(after.items.filter((i) => !before.items.includes(i))).toEqual([`order:${id}`]);
  });

  it('per-GB residential sends the product and the GB count only; Unmetered the cycle and no quantity', async () => {
    await ctx.client.purchase(
      order({ productId: 'Standart Residential Proxy', location: null, cycleId: null, quantity: 5 }),
      opts,
    );
    expect(JSON.parse(ctx.sim.writes.at(-1)!.body)).toEqual({ product: 'Standart Residential Proxy', quantity: 5 });
    await ctx.client.purchase(
      order({ productId: 'Unmetered Residential proxy', location: null, cycleId: 'daily', quantity: 1 }),
      opts,
    );
    expect(JSON.parse(ctx.sim.writes.at(-1)!.body)).toEqual({ product: 'Unmetered Residential proxy', cycle: 'daily' });
    expect(ctx.sim.server.ledger.slice(-2).map((l) => l.amountMinor)).toEqual([1000, 3000]);
  });

  it('evidence reads every page of status=all (server caps pages at 3)', async () => {
    const ev = await ctx.client.purchaseEvidence(order());
    expect(new Set(ev.items)).toEqual(new Set([...ctx.sim.account.orders.keys()].map((k) => `order:${k}`)));
    const lists = ctx.sim.server.requests.filter((r) => r.path === '/user/api/orders');
    expect(lists.length).toBeGreaterThan(3);
  });

  it('evidence is strict: an order without a readable id is bad_response', async () => {
    ctx.sim.server.injectFault({ kind: 'malformed', path: '^/user/api/orders$', times: 0 });
    expect((await caught(ctx.client.purchaseEvidence(order()))).code).toBe('bad_response');
    ctx.sim.server.clearFaults();
  });

  it('documented refusals are not applied: short balance, out of stock, a refused key', async () => {
    const charges = ctx.sim.server.ledger.length;
    ctx.sim.setBalance(100);
    expect(await caught(ctx.client.purchase(order(), opts))).toMatchObject({
      code: 'insufficient_funds',
      httpStatus: 400,
      uncertain: false,
    });
    ctx.sim.setBalance(18_743);
    ctx.sim.account.stock?.set('dc:GB', 2);
    const e = await caught(ctx.client.purchase(order({ location: 'GB' }), opts));
    expect(e).toMatchObject({ code: 'vendor_rejected', uncertain: false });
    expect(e.message).toBe('ProxyShard refused the request: Insufficient stock');
    expect(ctx.sim.account.stock?.get('dc:GB')).toBe(2);
    expect((await caught(ctx.clientWithKey('nope').purchase(order(), opts))).code).toBe('invalid_credentials');
    expect(ctx.sim.server.ledger.length).toBe(charges);
  });

  it('a 200 answer without a readable order_id is unknown, never "not bought"', async () => {
    ctx.sim.server.injectFault({
      kind: 'after_apply',
      answer: 'wrong_types',
      method: 'POST',
      path: '/orders/purchase',
    });
    await expectUnknown(() => ctx.client.purchase(order({ quantity: 1 }), opts));
  });
});

describe.each(AFTER_APPLY_ANSWERS)('purchase (#1) applied, then answered "%s"', (answer) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('one request, one charge, outcome unknown, then the evidence shows the new order', async () => {
    const req = order({ quantity: 2 });
    const before = await ctx.client.purchaseEvidence(req);
    ctx.sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path: '/orders/purchase' });
    await expectUnknown(() => ctx.client.purchase(req, opts));
    expect(sent(ctx, 'POST', '/orders/purchase')).toBe(1);
    expect(ctx.sim.writes.filter((w) => w.path === '/user/api/orders/purchase')).toHaveLength(1);
    expect(ctx.sim.server.ledger).toEqual([expect.objectContaining({ what: 'purchase', amountMinor: 240 })]);
    const after = await ctx.client.purchaseEvidence(req);
    const id = [...ctx.sim.account.orders.keys()].at(-1)!;
    expect(after.items.filter((i) => !before.items.includes(i))).toEqual([`order:${id}`]);
  });
});
