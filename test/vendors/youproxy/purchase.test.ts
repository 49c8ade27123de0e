/**
 * Buying through YouProxy (capability 'purchase'): catalog (/proxyType, /country, /rentPeriod,
 * /mobileOperator, /promoCode), the vendor's price check (/calculate/order: every warning blocks, promo
 * VALID / NO_VALID), POST /order sent once (documented refusals vs unknown outcomes, every post-apply
 * answer), evidence from the IP list's order ids, and every invalid request refused before sending.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { YouproxySimulator } from '../../../main/simulators/youproxy';
import { BadField } from '../../../main/vendors/parse';
import type { YouproxyClient } from '../../../main/vendors/youproxy';
import { mapCountries, mapMobileOperators, mapProxyTypes } from '../../../main/vendors/youproxy/purchase-mappers';
import type { OrderPurchase } from '../../../preload/contract/purchases';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { clientFor, hits, NOW, startSim } from './helpers';

const write = { requestId: '00000000-0000-4000-8000-0000000000b1' };

const order = (over: Partial<OrderPurchase> = {}, options: Record<string, string> = {}): OrderPurchase => ({
  kind: 'order',
  productId: 'IPv4',
  location: 'USA',
  cycleId: '30',
  quantity: 2,
  promoCode: null,
  options: { goal: 'Custom goal', authType: 'LOGIN', ...options },
  ...over,
});
const mobile = (options: Record<string, string> = {}) =>
  order(
    { productId: 'MOBILE', location: 'POL', quantity: 1 },
    { mobileOperator: 'play', rotationTime: '300', ...options },
  );

describe('youproxy purchase', () => {
  let sim: YouproxySimulator;
  let client: YouproxyClient;
  /** POST /order (not /calculate/order) as the simulator saw it. */
  const orderPosts = () =>
    sim.server.requests.filter((r) => r.method === 'POST' && /\/v1\/[^/]+\/order$/.test(r.path)).length;
  const anyBuyPost = () => orderPosts() + hits(sim, 'POST', '/calculate/order');

  beforeAll(async () => {
    sim = startSim();
    await sim.listen(0);
    client = clientFor(sim);
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.server.clearFaults();
    sim.setBalance(2503);
    sim.state.orderDelayMs = 0;
    sim.server.now = () => NOW;
  });

  describe('catalog', () => {
    it('lists the four types with countries, periods, options and the promo codes', async () => {
      const before = sim.server.requests.length;
      const c = await client.purchaseCatalog('acc-1');
      expect(client.capabilities.has('purchase')).toBe(true);
      expect(c).toMatchObject({ accountId: 'acc-1', vendor: 'youproxy', promoCodeAllowed: true, vendorPage: null });
      expect(c.products.map((p) => [p.id, p.kind, p.unavailable])).toEqual([
        ['IPv4', 'datacenter', null],
        ['IPv6', 'ipv6', null],
        ['MOBILE', 'mobile', null],
        ['ISP', 'isp', null],
      ]);
      const v4 = c.products[0]!;
      expect(v4.locations.map((l) => l.code)).toEqual(['USA', 'DEU', 'GBR', 'NLD', 'FRA', 'POL', 'CAN']);
      expect(v4.locations[1]).toEqual({ code: 'DEU', label: 'Germany', stock: null });
      expect(v4.cycles.map((x) => x.days)).toEqual([30, 60, 90, 180, 360]);
      expect(v4.cycles[0]).toEqual({ id: '30', label: '30 days', days: 30 });
      expect(v4.quantity).toMatchObject({ min: 1, step: 1, unit: 'ip' });
      expect(c.products[1]!.cycles.map((x) => x.days)).toEqual([90, 180, 360]);
      const opt = new Map(c.options.map((o) => [o.key, o]));
      expect(opt.get('goal')).toMatchObject({ required: true, choices: null, products: null });
      expect(opt.get('goal')?.label).toMatch(/what you will use them for/);
      expect(opt.get('goal')?.help).toMatch(/Custom goal/);
      expect(opt.get('authType')?.choices?.map((x) => x.value)).toEqual(['LOGIN', 'IP']);
      expect(opt.get('authIp')).toMatchObject({ required: false, choices: null });
      expect(opt.get('protocol')).toMatchObject({ products: ['IPv6'], required: true });
      expect(opt.get('protocol')?.choices?.map((x) => x.value)).toEqual(['HTTP', 'SOCKS']);
      expect(opt.get('mobileOperator')?.choices?.map((x) => x.value)).toEqual(['verizon', 'vodafone', 'play']);
      expect(opt.get('mobileOperator')?.products).toEqual(['MOBILE']);
      const rot = opt.get('rotationTime')?.choices ?? [];
      expect(rot.map((x) => [x.value, x.label])).toEqual([
        ['120', 'every 2 min'],
        ['300', 'every 5 min'],
        ['600', 'every 10 min'],
      ]);
      expect(rot[0]?.note).toMatch(/only Verizon \(USA\), Vodafone \(GBR\)/);
      expect(c.promoCodes).toEqual([{ code: 'CLIENT-PROMO', discount: '10%', validUntil: null }]);
      const paths = sim.server.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/^.*\/v1\/[^/]+/, '')}`);
      expect(paths.filter((p) => p === 'GET /country')).toHaveLength(4);
      expect(paths.filter((p) => p === 'GET /rentPeriod')).toHaveLength(4);
      expect(paths).toContain('GET /proxyType');
      expect(paths).toContain('GET /mobileOperator');
      expect(paths).toContain('GET /promoCode');
      expect(paths.some((p) => p.startsWith('POST'))).toBe(false);
    });

    it('a wrong key (code 2) is the plain key error', async () => {
      const bad = clientFor({ ...sim, credentials: { apiKey: 'not-the-key-123' } } as YouproxySimulator);
      await expect(bad.purchaseCatalog('acc-1')).rejects.toMatchObject({
        code: 'invalid_credentials',
        vendorCode: '2',
      });
    });

    it('undocumented shapes are read leniently (operators, types) but a missing country list is an error', () => {
      expect(mapProxyTypes({ proxyTypes: [{ name: 'ipv6' }, 'MOBILE', 'other'] })).toEqual(['IPv6', 'MOBILE']);
      expect(mapProxyTypes({ success: true })).toEqual(['IPv4', 'IPv6', 'MOBILE', 'ISP']);
      expect(mapMobileOperators({ operators: [{ operator: 'mts', rotationTime: 300 }, 'tele2'] })).toEqual([
        { tag: 'mts', label: 'mts', rotationTimes: [300] },
        { tag: 'tele2', label: 'tele2', rotationTimes: [] },
      ]);
      expect(mapMobileOperators({ success: true, verizon: { name: 'Verizon', rotations: [{ seconds: 60 }] } })).toEqual(
        [{ tag: 'verizon', label: 'Verizon', rotationTimes: [60] }],
      );
      expect(mapCountries({ countries: ['usa', 'DEU'] }).map((x) => [x.code, x.label])).toEqual([
        ['USA', 'US'],
        ['DEU', 'DE'],
      ]);
      expect(() => mapCountries({ success: true })).toThrow(BadField);
      expect(() => mapCountries({ countries: 'USA' })).toThrow(BadField);
    });
  });

  describe('price check (/calculate/order)', () => {
    it('prices with the vendor: total, balance, one line, no warnings', async () => {
      const before = hits(sim, 'POST', '/calculate/order');
      const q = await client.quotePurchase(order());
      expect(hits(sim, 'POST', '/calculate/order')).toBe(before + 1);
      expect(q).toMatchObject({
        total: { minor: 350, currency: 'USD' },
        vendorQuoted: true,
        balance: { minor: 2503, currency: 'USD' },
        warnings: [],
        promo: null,
        spends: 'money',
      });
      expect(q.summary).toBe('2 × IPv4 proxies · United States · 30 days');
      expect(q.lines).toEqual([{ label: q.summary, amount: { minor: 350, currency: 'USD' } }]);
      expect(sim.balance()).toBe(2503);
    });

    it('warning 16 (insufficient funds) blocks, in plain words', async () => {
      sim.setBalance(100);
      const q = await client.quotePurchase(order());
      expect(q.warnings).toHaveLength(1);
      expect(q.warnings[0]).toMatchObject({ code: '16', blocking: true });
      expect(q.warnings[0]?.message).toMatch(/balance is too low.*Insufficient funds on balance.*Top up/);
      expect(q.balance).toEqual({ minor: 100, currency: 'USD' });
    });

    it('promo VALID → discounted and "valid"; NO_VALID → "invalid", a blocking warning (full price)', async () => {
      const ok = await client.quotePurchase(order({ promoCode: 'CLIENT-PROMO' }));
      expect(ok).toMatchObject({ promo: 'valid', total: { minor: 315 }, warnings: [] });
      const bad = await client.quotePurchase(order({ promoCode: 'NOPE-1' }));
      expect(bad).toMatchObject({ promo: 'invalid', total: { minor: 350 } });
      expect(bad.warnings).toEqual([expect.objectContaining({ code: 'promo_not_valid', blocking: true })]);
      expect(bad.warnings[0]?.message).toMatch(/"NOPE-1".*WITHOUT the discount/);
    });

    it('MOBILE sends operator and rotation; IPv6 names the protocol', async () => {
      const m = await client.quotePurchase(mobile());
      expect(m.total).toEqual({ minor: 2900, currency: 'USD' });
      expect(m.summary).toBe('1 × Mobile proxies · Poland · 30 days · Play (POL), every 5 min');
      const v6 = await client.quotePurchase(
        order({ productId: 'IPv6', cycleId: '90', quantity: 10 }, { protocol: 'socks' }),
      );
      expect(v6.summary).toMatch(/IPv6 proxies · United States · 90 days · SOCKS$/);
    });
  });

  describe('checked before sending: nothing reaches /calculate/order or /order', () => {
    const BAD: [string, OrderPurchase, RegExp][] = [
      ['unknown proxy type', order({ productId: 'RESIDENTIAL' }), /does not sell "RESIDENTIAL"/],
      ['country not offered at all', order({ location: 'JPN' }), /does not offer IPv4 proxies in "JPN"/],
      [
        'country not offered for the type',
        order({ productId: 'IPv6', cycleId: '90', location: 'GBR' }, { protocol: 'HTTP' }),
        /does not offer IPv6 proxies in "GBR"/,
      ],
      ['no country', order({ location: null }), /Choose the country/],
      ['period not offered', order({ cycleId: '45' }), /30, 60, 90, 180, 360 days only/],
      ['quantity < 1', order({ quantity: 0 }), /whole number from 1/],
      ['missing goal', order({}, { goal: '  ' }), /goal.*Custom goal/],
      ['IP access without an IP', order({}, { authType: 'IP' }), /Enter the IP address/],
      ['IP access with an invalid IP', order({}, { authType: 'IP', authIp: '999.1.1.1' }), /"999.1.1.1" is not an IP/],
      ['unknown access type', order({}, { authType: 'TOKEN' }), /login and password, or by IP/],
      ['IPv6 without protocol', order({ productId: 'IPv6', cycleId: '90' }), /HTTP or SOCKS/],
      ['MOBILE without operator', mobile({ mobileOperator: '' }), /Choose the mobile operator/],
      ['MOBILE without rotation', mobile({ rotationTime: '' }), /how often the IP changes/],
      ['MOBILE unknown operator', mobile({ mobileOperator: 'acme' }), /does not list the mobile operator "acme"/],
      ['MOBILE rotation not offered', mobile({ rotationTime: '120' }), /Play \(POL\) changes the IP only every 5 min/],
    ];
    it.each(BAD)('%s', async (_name, req, words) => {
      const posts = anyBuyPost();
      const ledger = sim.server.ledger.length;
      for (const call of [() => client.quotePurchase(req), () => client.purchase(req, write)]) {
        const e = await call().catch((x: unknown) => x);
        expect(e).toMatchObject({ code: 'invalid_argument', uncertain: false });
        expect((e as Error).message).toMatch(words);
      }
      expect(anyBuyPost()).toBe(posts);
      expect(sim.server.ledger.length).toBe(ledger);
    });

    it('a kind other than "order" is not supported', async () => {
      await expect(
        client.quotePurchase({ kind: 'addon', orderId: '1', addonKey: 'x', quantity: 1 }),
      ).rejects.toMatchObject({ code: 'not_supported' });
    });
  });

  describe('purchase (POST /order)', () => {
    it('buys once: reference, charged = balance drop, the new order shows in the evidence', async () => {
      const before = await client.purchaseEvidence(order());
      expect(before.immediate).toBe(false);
      expect(before.items.every((i) => i.startsWith('order:'))).toBe(true);
      const ledger = sim.server.ledger.length;
      const posts = orderPosts();
      const r = await client.purchase(order({}, { authType: 'IP', authIp: '198.51.100.7' }), write);
      expect(orderPosts()).toBe(posts + 1);
      expect(sim.server.ledger.length).toBe(ledger + 1);
      expect(r.reference).toMatch(/^NUMBER-\d+$/);
      expect(r.charged).toEqual({ minor: 350, currency: 'USD' });
      expect(r.message).toBeNull();
      expect(sim.balance()).toBe(2503 - 350);
      const bought = sim.state.ips.filter((x) => `NUMBER-${x.orderId}` === r.reference);
      expect(bought.map((x) => [x.proxyType, x.country, x.authType, x.authIp, x.goal])).toEqual([
        ['IPv4', 'USA', 'IP', '198.51.100.7', 'Custom goal'],
        ['IPv4', 'USA', 'IP', '198.51.100.7', 'Custom goal'],
      ]);
      const after = await client.purchaseEvidence(order());
      expect(after.items.filter((i) => !before.items.includes(i))).toEqual([`order:${bought[0]!.orderId}`]);
    });

    it('promo NO_VALID in a success answer: bought WITHOUT the promo discount, full price', async () => {
      const r = await client.purchase(order({ promoCode: 'NOPE-1' }), write);
      expect(r.message).toMatch(/Bought WITHOUT the promo discount.*"NOPE-1"/);
      expect(r.charged).toEqual({ minor: 350, currency: 'USD' });
    });

    it('a valid promo is charged with its discount; IPv6 and MOBILE carry their fields', async () => {
      expect((await client.purchase(order({ promoCode: 'CLIENT-PROMO' }), write)).charged?.minor).toBe(315);
      sim.setBalance(100_000);
      const v6 = await client.purchase(
        order({ productId: 'IPv6', cycleId: '90', quantity: 5 }, { protocol: 'SOCKS' }),
        write,
      );
      expect(
        new Set(sim.state.ips.filter((x) => `NUMBER-${x.orderId}` === v6.reference).map((x) => x.protocol)),
      ).toEqual(new Set(['SOCKS']));
      const m = await client.purchase(mobile(), write);
      const ip = sim.state.ips.find((x) => `NUMBER-${x.orderId}` === m.reference);
      expect([ip?.mobileOperator, ip?.rotationTime]).toEqual(['play', 300]);
    });

    it('a documented refusal (16, insufficient funds) is a plain failure, nothing charged', async () => {
      sim.setBalance(100);
      const ledger = sim.server.ledger.length;
      const e = await client.purchase(order(), write).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'insufficient_funds', vendorCode: '16', uncertain: false });
      expect(sim.server.ledger.length).toBe(ledger);
      expect(sim.balance()).toBe(100);
    });

    it('new IPs may appear later: nothing new right after buying, the order once the delay has passed', async () => {
      sim.state.orderDelayMs = 120_000;
      const before = await client.purchaseEvidence(order());
      await client.purchase(order(), write);
      expect((await client.purchaseEvidence(order())).items).toEqual(before.items);
      sim.server.now = () => new Date(NOW.getTime() + 121_000);
      const later = await client.purchaseEvidence(order());
      expect(later.items.filter((i) => !before.items.includes(i))).toHaveLength(1);
    });

    it('evidence that cannot be read is an error, never an empty list', async () => {
      sim.server.injectFault({ kind: 'malformed', method: 'GET', path: 'ipAddress', times: 0 });
      await expect(client.purchaseEvidence(order())).rejects.toMatchObject({ code: 'bad_response' });
    });
  });

  describe.each(AFTER_APPLY_ANSWERS)('after_apply %s on POST /order', (answer) => {
    it('applied then a bad answer: uncertain, sent exactly once, charged once, the new order is readable', async () => {
      sim.setBalance(10_000);
      const before = await client.purchaseEvidence(order());
      const ledger = sim.server.ledger.length;
      const posts = orderPosts();
      const allPosts = sim.server.requests.filter((r) => r.method === 'POST').length;
      sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path: '/v1/[^/]+/order$' });
      await expectUnknown(() => client.purchase(order(), write));
      expect(orderPosts()).toBe(posts + 1);
      expect(sim.server.requests.filter((r) => r.method === 'POST').length).toBe(allPosts + 1);
      expect(sim.server.ledger.length).toBe(ledger + 1);
      const after = await client.purchaseEvidence(order());
      expect(after.items.filter((i) => !before.items.includes(i))).toHaveLength(1);
    });
  });
});
