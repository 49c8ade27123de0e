/**
 * Buying new products at BestProxy (issue 14 §1): catalog (#34, #25, #26, #31–#33), price check (#30),
 * order create (#28, sent once under the write outcome rule, applied-then-bad-answer = unknown and
 * settled by reading #27), evidence (#27 every page, strict), and everything refused before sending.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import type { BestproxyClient } from '../../../main/vendors/bestproxy/client';
import { PATHS } from '../../../main/vendors/bestproxy/constants';
import { mapBonusTiers, mapPaymentOption } from '../../../main/vendors/bestproxy/purchase-mappers';
import type { OrderPurchase } from '../../../preload/contract/purchases';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { clientFor, startSim, vendorError } from './helpers';

let sim: BestproxySimulator;
let c: BestproxyClient;
beforeEach(async () => {
  sim = await startSim();
  c = clientFor(sim);
});
afterEach(() => sim.close());

const BALANCE = '1';
const ALIPAY = '2';
const CARD = '4'; // 3% handling fee
const PAYPAL = '5'; // disabled

const order = (o: Partial<OrderPurchase> = {}): OrderPurchase => ({
  kind: 'order',
  productId: '2501',
  location: 'US',
  cycleId: null,
  quantity: 5,
  promoCode: null,
  options: { pm_id: BALANCE },
  ...o,
});
const unlimited = (options: Record<string, string> = {}) =>
  order({
    productId: '1101',
    location: null,
    quantity: 1,
    options: {
      pm_id: BALANCE,
      product_sku_bandwidth_id: '12',
      product_sku_concurrency_id: '22',
      product_sku_duration_id: '32',
      ...options,
    },
  });
const sent = (path: string) => sim.server.requests.filter((r) => r.path === path).length;
const usd = (minor: number) => ({ minor, currency: 'USD' });
const REQ = { requestId: '00000000-0000-4000-8000-000000000014' };

describe('purchaseCatalog', () => {
  it('lists new products only, with stock per country, units, cycles and SKUs', async () => {
    const cat = await c.purchaseCatalog('acc-1');
    expect(c.capabilities.has('purchase')).toBe(true);
    expect(cat.vendor).toBe('bestproxy');
    const ids = cat.products.map((p) => p.id).sort();
    // Not: 1901/1902 renewals (type 19), 301 top-up (type 3), 905 custom-only (show_type 3).
    expect(ids).toEqual(['1101', '1201', '1401', '2101', '2501', '901', '902']);
    const res = cat.products.find((p) => p.id === '2501')!;
    expect(res.kind).toBe('static-residential');
    expect(res.locationRequired).toBe(true);
    expect(res.locations).toEqual([
      { code: 'US', label: 'US', stock: 55 },
      { code: 'GB', label: 'GB', stock: 12 },
      { code: 'DE', label: 'DE', stock: 8 },
      { code: 'JP', label: 'JP', stock: 0 },
    ]);
    expect(res.quantity).toEqual({ min: 1, max: 55, step: 1, unit: 'ip' });
    expect(res.unitPrice).toEqual(usd(450));
    const dc = cat.products.find((p) => p.id === '1401')!;
    expect(dc.locations.map((l) => [l.code, l.stock])).toEqual([
      ['US', 120],
      ['DE', 40],
      ['SG', 3],
    ]);
    expect(dc.cycles.map((x) => [x.id, x.days])).toEqual([
      ['1', 30],
      ['3', 90],
    ]);
    const pool = cat.products.find((p) => p.id === '1201')!;
    expect(pool.locationRequired).toBe(false);
    expect(pool.locations).toEqual([
      { code: 'US', label: 'United States', stock: 55 },
      { code: 'NL', label: 'Netherlands', stock: 21 },
    ]);
    const traffic = cat.products.find((p) => p.id === '901')!;
    expect(traffic.quantity.unit).toBe('package');
    expect(traffic.locations).toEqual([]);
    expect(traffic.cycles.map((x) => x.days)).toEqual([30, 60, 90]);
    expect(traffic.description).toMatch(/50 GB/);
    expect(cat.products.find((p) => p.id === '2101')!.quantity.max).toBe(3); // remain_count
    expect(cat.products.find((p) => p.id === '1101')!.quantity).toEqual({ min: 1, max: 1, step: 1, unit: 'package' });
    const skus = cat.options.filter((o) => o.products?.includes('1101'));
    expect(skus.map((o) => [o.key, o.required, o.choices?.map((x) => x.label)])).toEqual([
      ['product_sku_bandwidth_id', true, ['100 Mbps', '300 Mbps']],
      ['product_sku_concurrency_id', true, ['500 connections', '2000 connections']],
      ['product_sku_duration_id', true, ['30 days', '90 days']],
    ]);
  });

  it('payment methods are the required pm_id option: groups as labels, fees in the note, disabled kept disabled', async () => {
    const cat = await c.purchaseCatalog('acc-1');
    const pm = cat.options.find((o) => o.key === 'pm_id')!;
    expect(pm.required).toBe(true);
    expect(pm.products).toBeNull();
    expect(pm.choices!.map((x) => [x.value, x.label, x.disabled])).toEqual([
      ['1', 'Balance · Account balance', false],
      ['2', 'Online payment · Alipay', false],
      ['3', 'Crypto · USDT (TRC20)', false],
      ['4', 'Online payment · Credit card', false],
      ['5', 'Online payment · PayPal', true],
    ]);
    expect(pm.choices![3]!.note).toMatch(/^3% fee/);
    expect(pm.choices![0]!.note).toMatch(/pays at once/);
    expect(cat.promoCodeAllowed).toBe(true);
    expect(cat.topUpBonus).toEqual([
      { from: usd(10000), text: '5% bonus' },
      { from: usd(50000), text: '10% bonus' },
    ]);
    expect(cat.notes).toContain(
      'A payment method other than the balance leaves the order unpaid: pay it at BestProxy (or close it from the order).',
    );
  });

  it('a failing #32 / #33 only loses labels and bonus tiers; a failing #34 fails the catalog', async () => {
    sim.refuseNext(PATHS.paymentGroups, 400, 'broken');
    sim.refuseNext(PATHS.rechargeGift, 400, 'broken');
    const cat = await c.purchaseCatalog('acc-1');
    expect(cat.topUpBonus).toBeNull();
    expect(cat.options[0]!.choices![0]!.label).toBe('Account balance');
    sim.refuseNext(PATHS.products, 3, 'app_key 无效');
    expect((await vendorError(() => c.purchaseCatalog('acc-1'))).code).toBe('invalid_credentials');
  });
  it('stock lists of the wrong shape are bad_response (never "nothing in stock")', async () => {
    sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'GET', path: PATHS.staticIpRegion });
    expect((await vendorError(() => c.purchaseCatalog('acc-1'))).code).toBe('bad_response');
    sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'GET', path: PATHS.hostPoolRegions });
    expect((await vendorError(() => c.purchaseCatalog('acc-1'))).code).toBe('bad_response');
  });
});

describe('lenient cosmetic reads', () => {
  it('#33 items of any shape become words; unreadable ones are dropped', () => {
    expect(
      mapBonusTiers({
        list: ['Top up $1000, get 12%', { min: '50', rate: 8 }, { level: 'gold', note: 'vip' }, null, {}],
      }),
    ).toEqual([
      { from: null, text: 'Top up $1000, get 12%' },
      { from: usd(5000), text: '8% bonus' },
      { from: null, text: 'level: gold, note: vip' },
    ]);
    expect(mapBonusTiers({ list: 'x' })).toEqual([]);
  });

  it('#31 handling_rate below 1 is a fraction, 1 and above a percent; handling_fee a fixed fee', () => {
    expect(mapPaymentOption({ id: 4, title: 'Card', handling_rate: 0.035 }).feePercent).toBe(3.5);
    expect(mapPaymentOption({ id: 4, title: 'Card', handling_rate: 3 }).feePercent).toBe(3);
    expect(mapPaymentOption({ id: 4, title: 'Card', handling_fee: '0.5' }).fixedFee).toEqual(usd(50));
  });
});

describe('quotePurchase (#30 order/check)', () => {
  it('static IPs: the same body as create (region_list CC,qty), pay_fee as USD, money from the balance', async () => {
    const q = await c.quotePurchase(order());
    expect(q).toMatchObject({ total: usd(2250), vendorQuoted: true, spends: 'money', promo: null, balance: null });
    expect(q.lines.at(-1)).toEqual({ label: 'To pay', amount: usd(2250) });
    expect(q.summary).toBe('5 × Residential Static IP (ISP) · US · Account balance');
    expect(q.warnings.some((w) => w.blocking)).toBe(false);
    expect(sim.state.orderCalls).toEqual([
      { path: PATHS.orderCheck, body: { pid: 2501, pm_id: 1, region_list: 'US,5' } },
    ]);
    expect(sent(PATHS.orderCreate)).toBe(0);
  });

  it('an external method: fee included, spends external, says the order stays unpaid', async () => {
    const q = await c.quotePurchase(order({ options: { pm_id: CARD } }));
    expect(q.total).toEqual(usd(2318)); // 22.50 + 3% (0.675 → 0.68)
    expect(q.spends).toBe('external');
    expect(q.warnings.find((w) => w.code === 'external_payment')?.message).toMatch(/unpaid order: pay it at BestProxy/);
  });

  it('coupon: a discount is a valid verdict; the documented refusal is an invalid one (blocking)', async () => {
    const ok = await c.quotePurchase(order({ promoCode: 'welcome10' }));
    expect(ok.promo).toBe('valid');
    expect(ok.total).toEqual(usd(2025));
    expect(ok.lines).toContainEqual({ label: 'Discount', amount: usd(-225) });
    const bad = await c.quotePurchase(order({ promoCode: 'NOPE' }));
    expect(bad.promo).toBe('invalid');
    expect(bad.total).toBeNull();
    expect(bad.warnings.find((w) => w.code === 'promo_invalid')).toMatchObject({ blocking: true });
  });

  it('stock below the quantity is a blocking warning and nothing is priced', async () => {
    const q = await c.quotePurchase(order({ location: 'DE', quantity: 10 }));
    expect(q.total).toBeNull();
    expect(q.warnings.find((w) => w.code === 'stock')).toMatchObject({ blocking: true });
    expect(q.warnings.find((w) => w.code === 'stock')!.message).toMatch(/only 8 IPs in DE/);
    expect(sim.state.orderCalls).toEqual([]);
  });

  it('a country for host-pool traffic is not sent (a plain warning)', async () => {
    const q = await c.quotePurchase(order({ productId: '1201', location: 'US', quantity: 1 }));
    expect(q.total).toEqual(usd(8000));
    expect(q.warnings.find((w) => w.code === 'location_not_sent')).toMatchObject({ blocking: false });
    expect(sim.state.orderCalls[0]!.body).toEqual({ pid: 1201, pm_id: 1, amount: 1 });
  });

  it('type 11 sends its SKUs; etd multiplies packages', async () => {
    const u = await c.quotePurchase(unlimited());
    expect(u.total).toEqual(usd(164_900));
    expect(sim.state.orderCalls[0]!.body).toEqual({
      pid: 1101,
      pm_id: 1,
      product_sku_bandwidth_id: 12,
      product_sku_concurrency_id: 22,
      product_sku_duration_id: 32,
    });
    const t = await c.quotePurchase(order({ productId: '901', location: null, quantity: 2, cycleId: '3' }));
    expect(t.total).toEqual(usd(84_000)); // 2 × 150.00 × (1 + 2 × 0.9)
    expect(sim.state.orderCalls[1]!.body).toEqual({ pid: 901, pm_id: 1, amount: 2, etd: 3 });
  });
});

describe('purchase (#28 order/create)', () => {
  it('from the balance: paid at once, charged, stock and package updated, evidence shows it', async () => {
    const before = await c.purchaseEvidence(order());
    const a = await c.purchase(order({ quantity: 3 }), REQ);
    const made = sim.state.orders.at(-1)!;
    expect(a).toEqual({
      reference: made.tradeNo,
      charged: usd(1350),
      created: [`order:${made.tradeNo}`],
      message: null,
    });
    expect(made.status).toBe(1);
    expect(sim.server.ledger).toHaveLength(1);
    expect(sim.state.orderCalls.at(-1)).toEqual({
      path: PATHS.orderCreate,
      body: { pid: 2501, pm_id: 1, region_list: 'US,3' },
    });
    expect(sim.state.ips.filter((i) => i.tradeNo === made.tradeNo)).toHaveLength(3);
    const cat = await c.purchaseCatalog('acc-1');
    expect(cat.products.find((p) => p.id === '2501')!.locations[0]).toEqual({ code: 'US', label: 'US', stock: 52 });
    const after = await c.purchaseEvidence(order());
    expect(after.immediate).toBe(true);
    expect(after.items.filter((i) => !before.items.includes(i))).toEqual([`order:${made.tradeNo}`]);
  });

  it('an external method: the order is created unpaid, nothing charged, the user is told to pay at BestProxy', async () => {
    const a = await c.purchase(order({ options: { pm_id: ALIPAY } }), REQ);
    const made = sim.state.orders.at(-1)!;
    expect(made.status).toBe(0);
    expect(a.reference).toBe(made.tradeNo);
    expect(a.charged).toBeNull();
    expect(a.created).toEqual([`order:${made.tradeNo}`]);
    expect(a.message).toMatch(/unpaid: pay it at BestProxy with Alipay/);
    expect(sim.server.ledger).toHaveLength(0);
    const cat = await c.purchaseCatalog('acc-1');
    expect(cat.products.find((p) => p.id === '2501')!.locations[0]!.stock).toBe(55);
    expect((await c.listOrders()).some((o) => o.id === made.tradeNo && o.status === 'pending')).toBe(true);
  });

  it('documented refusals are "not applied": insufficient balance (400), not verified (156), bad key (3)', async () => {
    sim.setBalance(100);
    const poor = await vendorError(() => c.purchase(order(), REQ));
    expect(poor.code).toBe('insufficient_funds');
    expect(poor.uncertain).toBeFalsy();
    sim.refuseNext(PATHS.orderCreate, 156, '账号未实名认证');
    expect((await vendorError(() => c.purchase(order(), REQ))).code).toBe('vendor_rejected');
    sim.refuseNext(PATHS.orderCreate, 3, 'app_key 无效');
    expect((await vendorError(() => c.purchase(order(), REQ))).code).toBe('invalid_credentials');
    expect(sim.server.ledger).toHaveLength(0);
    expect(sim.state.orders.some((o) => o.productId === 2501 && o.status === 1 && o.regionDesc)).toBe(false);
  });

  it('an undocumented envelope code after sending is unknown, never "not applied"', async () => {
    sim.refuseNext(PATHS.orderCreate, 500_123, 'something odd');
    await expectUnknown(() => c.purchase(order(), REQ));
  });
});

describe.each(AFTER_APPLY_ANSWERS)('purchase applied, then %s', (answer) => {
  it('is unknown, sent exactly once, and the evidence shows the new trade_no', async () => {
    const before = await c.purchaseEvidence(order());
    sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path: PATHS.orderCreate });
    await expectUnknown(() => c.purchase(order(), REQ));
    expect(sent(PATHS.orderCreate)).toBe(1);
    expect(sim.state.orderCalls.filter((x) => x.path === PATHS.orderCreate)).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(1);
    const made = sim.state.orders.at(-1)!;
    const after = await c.purchaseEvidence(order());
    expect(after.items.filter((i) => !before.items.includes(i))).toEqual([`order:${made.tradeNo}`]);
  });
});

describe('refused before sending (nothing sent)', () => {
  const cases: [string, OrderPurchase, RegExp][] = [
    ['an unknown pid', order({ productId: '999' }), /does not sell the product "999"/],
    ['a renewal product', order({ productId: '1901' }), /does not sell/],
    ['a top-up product', order({ productId: '301', location: null }), /does not sell/],
    ['no payment method', order({ options: {} }), /Choose how to pay/],
    ['a disabled payment method', order({ options: { pm_id: PAYPAL } }), /PayPal" is turned off/],
    ['an unknown payment method', order({ options: { pm_id: '77' } }), /does not offer the payment method/],
    ['static IPs without a country', order({ location: null }), /Choose a country/],
    ['static IPs in a country not listed', order({ location: 'BR' }), /no Residential Static IP \(ISP\) in BR/],
    ['static IPs above stock', order({ location: 'DE', quantity: 9 }), /only 8 IPs in DE/],
    ['type 11 without its bandwidth', unlimited({ product_sku_bandwidth_id: '' }), /Choose the bandwidth/],
    ['type 11 with an unknown SKU', unlimited({ product_sku_concurrency_id: '99' }), /concurrent connections "99"/],
    ['type 11 without a duration', unlimited({ product_sku_duration_id: '' }), /Choose the duration/],
    ['a period not offered', order({ productId: '901', location: null, cycleId: '7' }), /period "7"/],
    ['a country for a traffic package', order({ productId: '901' }), /takes no country/],
    ['packages beyond their stock', order({ productId: '2101', location: null, quantity: 4 }), /only 3 of/],
  ];
  it.each(cases)('%s', async (_name, req, words) => {
    const e = await vendorError(() => c.purchase(req, REQ));
    expect(e.code).toBe('invalid_argument');
    expect(e.uncertain).toBeFalsy();
    expect(e.message).toMatch(words);
    expect(sim.state.orderCalls).toEqual([]);
    expect(sent(PATHS.orderCreate) + sent(PATHS.orderCheck)).toBe(0);
  });

  it('other purchase kinds are not offered by BestProxy', async () => {
    const e = await vendorError(() => c.quotePurchase({ kind: 'upgrade', serverId: 's1', planId: '1:2' }));
    expect(e.code).toBe('not_supported');
  });
});

describe('purchaseEvidence (#27, every page, strict)', () => {
  it('reads every page under a server-side cap', async () => {
    sim.setPaging({ cap: 2 });
    const ev = await c.purchaseEvidence(order());
    expect(ev.items.sort()).toEqual(sim.state.orders.map((o) => `order:${o.tradeNo}`).sort());
    expect(sent(PATHS.orderList)).toBeGreaterThanOrEqual(Math.ceil(sim.state.orders.length / 2));
  });

  it('a page of the wrong shape is bad_response, never "no orders"', async () => {
    sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'GET', path: PATHS.orderList });
    expect((await vendorError(() => c.purchaseEvidence(order()))).code).toBe('bad_response');
  });
});
