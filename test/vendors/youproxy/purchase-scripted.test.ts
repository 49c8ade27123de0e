/**
 * YouProxy buying against a scripted vendor: every kind of POST /order answer (documented refusals vs
 * unknown outcomes) and a catalog whose reads partly fail (a type not on sale is left out, a type that
 * cannot be read is shown unavailable, unreadable promo codes are simply not listed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimServer } from '../../../main/simulators/sim-server';
import { type YouproxyClient, youproxyModule } from '../../../main/vendors/youproxy';
import type { OrderPurchase } from '../../../preload/contract/purchases';
import { expectUnknown } from '../../helpers/post-apply';
import { NOW } from './helpers';

const write = { requestId: '00000000-0000-4000-8000-0000000000b2' };
const order: OrderPurchase = {
  kind: 'order',
  productId: 'IPv4',
  location: 'USA',
  cycleId: '30',
  quantity: 1,
  promoCode: null,
  options: { goal: 'scraping', authType: 'LOGIN' },
};
const P = '/client/api/v1/:key';

let vendor: SimServer;
let client: YouproxyClient;
let answer: { status?: number; json: unknown } = { json: {} };

beforeAll(async () => {
  vendor = new SimServer('scripted-youproxy-buy');
  vendor.route('GET', `${P}/proxyType`, () => ({
    json: { success: true, proxyTypes: ['IPv4', 'MOBILE', 'ISP'], error: null },
  }));
  vendor.route('GET', `${P}/country`, (req) => {
    const type = req.query.get('proxyType');
    if (type === 'ISP')
      return { json: { success: false, countries: [], error: { code: 4, message: 'Incorrect proxy type' } } };
    if (type === 'MOBILE') return { status: 503, raw: '<html>busy</html>' };
    return { json: { success: true, countries: [{ code: 'USA' }], error: null } };
  });
  vendor.route('GET', `${P}/rentPeriod`, () => ({ json: { success: true, rentPeriodDays: [30], error: null } }));
  vendor.route('GET', `${P}/mobileOperator`, () => ({ json: { success: true, mobileOperators: [], error: null } }));
  vendor.route('GET', `${P}/promoCode`, () => ({ json: { success: true, promoCodes: 'none', error: null } }));
  vendor.route('GET', `${P}/balance`, () => ({
    json: { success: true, balance: 10, currencyCode: 'USD', error: null },
  }));
  vendor.route('POST', `${P}/order`, () => answer);
  await vendor.listen(0);
  client = youproxyModule.create({
    credentials: { apiKey: 'scripted-key-123456' },
    baseUrl: vendor.url,
    now: () => NOW,
    transport: { retry: { baseMs: 1, capMs: 5 } },
  }) as YouproxyClient;
});
afterAll(() => vendor.close());

describe('youproxy catalog with partly failing reads', () => {
  it('code 4 leaves the type out, an unreadable type is unavailable, bad promo codes are not listed', async () => {
    const c = await client.purchaseCatalog('acc-2');
    expect(c.products.map((p) => [p.id, p.unavailable === null])).toEqual([
      ['IPv4', true],
      ['MOBILE', false],
    ]);
    expect(c.products[1]?.unavailable).toMatch(/could not read what YouProxy offers here.*Refresh to try again/);
    expect(c.products[0]?.locations).toEqual([{ code: 'USA', label: 'US', stock: null }]);
    expect(c.promoCodes).toBeNull();
    expect(c.options.find((o) => o.key === 'rotationTime')).toMatchObject({ choices: null });
  });
});

describe('youproxy POST /order answers (a scripted vendor)', () => {
  const fail = (code: number, message: string) => ({
    json: {
      success: false,
      proxyType: null,
      orderNumber: null,
      balance: 10,
      currency: 'USD',
      error: { code, message },
    },
  });

  it.each([
    [14, 'Incorrect goal', 'invalid_argument'],
    [16, 'Insufficient funds on balance', 'insufficient_funds'],
    [2, 'Error api key', 'invalid_credentials'],
    [7, 'Country is not available now', 'vendor_rejected'],
  ])('HTTP 200 + documented code %i → refused (%s), not uncertain', async (code, message, typed) => {
    answer = fail(code, message);
    const e = await client.purchase(order, write).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: typed, vendorCode: String(code), uncertain: false });
    expect((e as Error).message).toContain(message);
  });

  it.each([
    ['code 3 (service unavailable)', fail(3, 'Service unavailable')],
    ['code 35 (unknown)', fail(35, 'Unknown')],
    ['an undocumented code', fail(99, 'Odd')],
    ['a documented code on HTTP 400', { ...fail(16, 'Insufficient funds on balance'), status: 400 }],
    ['success without an order answer of the right types', { json: { success: true, orderNumber: {}, error: null } }],
    ['an unknown promo status', { json: { success: true, orderNumber: 'N-1', promoCodeStatus: 'MAYBE', error: null } }],
  ])('%s → unknown (uncertain)', async (_name, a) => {
    answer = a;
    await expectUnknown(() => client.purchase(order, write));
  });

  it('a success answer without a balance: charged is unknown (null), the reference is kept', async () => {
    answer = {
      json: { success: true, proxyType: 'IPv4', orderNumber: 'NUMBER-9', error: null, promoCodeStatus: null },
    };
    expect(await client.purchase(order, write)).toEqual({
      reference: 'NUMBER-9',
      charged: null,
      created: [],
      message: null,
    });
  });
});
