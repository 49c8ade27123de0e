import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { BestproxyClient } from '../../../main/vendors/bestproxy/client';
import { unwrap } from '../../../main/vendors/bestproxy/envelope';
import {
  mapBalance,
  mapOrderRow,
  mapPackage,
  mapSubUser,
  mapSummary,
  mapTraffic,
  mapWhitelistEntry,
  ordersByTradeNo,
} from '../../../main/vendors/bestproxy/mappers';
import {
  mapCheckResult,
  mapOrderFacts,
  mapPaymentMethod,
  mapRenewalProduct,
} from '../../../main/vendors/bestproxy/mappers-renewal';
import { readPage } from '../../../main/vendors/bestproxy/pagination';
import { HttpTransport } from '../../../main/vendors/http/transport';
import { type Obj, obj } from '../../../main/vendors/parse';
import { GiB, vendorError } from './helpers';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const http = new HttpTransport({ vendor: 'bestproxy', baseUrl: 'https://api.bestproxy.com', secrets: [] });
const data = (name: string) => unwrap(http, { status: 200, json: fixture(name) });
const list = (name: string): unknown[] => obj(data(name)).list as unknown[];
const NOW = new Date('2026-11-23T12:00:00Z');

describe('documented examples → normalized model', () => {
  it('whitelist-account/list (dialect A): GB cap, KB usage, id = username', () => {
    const u = mapSubUser(list('whitelist-account-list.json')[0]);
    expect(u).toEqual({
      id: 'string',
      username: 'string',
      limitBytes: 102_400 * GiB,
      limitUnlimited: false,
      usedBytes: 0,
      status: 'disabled',
      note: 'string',
      createdAt: null,
    });
  });

  it('whitelist-account/add: data null is a success', () => {
    expect(data('whitelist-account-add.json')).toBeNull();
  });

  it('proxy-ip/list', () => {
    expect(mapWhitelistEntry(list('proxy-ip-list.json')[0])).toEqual({
      ip: '1.1.1.1',
      id: null,
      note: 'string',
      createdAt: null,
    });
  });

  it('user-usage-flow/total: day → ISO midnight UTC, flow KB → bytes', () => {
    const s = mapTraffic([...list('user-usage-flow-total.json'), { day: '2022-08-02', flow: 2048 }], null);
    expect(s.points).toEqual([
      { at: '2022-08-01T00:00:00.000Z', bytes: 0 },
      { at: '2022-08-02T00:00:00.000Z', bytes: 2048 * 1024 },
    ]);
  });

  it('user-product/summary: KB → bytes; money null with a note', () => {
    const s = mapSummary(data('user-product-summary.json'));
    expect(s.remainingBytes).toBe(524_288 * 1024);
    expect(s.expiringSoonBytes).toBe(102_400 * 1024);
    const b = mapBalance(s, [], NOW);
    expect(b).toMatchObject({ money: null, trafficRemainingBytes: 536_870_912, trafficExpiresAt: null });
    expect(b.note).toMatch(/money balance/);
    expect(b.note).toMatch(/0\.1 GB of traffic expires within 7 days/);
  });

  it('user-product/list joined with order/list', () => {
    const orders = list('order-list.json');
    const pkg = mapPackage(list('user-product-list.json')[0], NOW, ordersByTradeNo(orders));
    expect(pkg).toMatchObject({
      id: '0',
      kind: 'residential',
      product: 'Entry level',
      status: 'expired',
      createdAt: '2022-05-13T12:14:15.000Z',
      expiresAt: '2022-05-13T12:14:15.000Z',
      price: null,
    });
    expect(pkg.details.trade_no).toBe('2022051312134339861461465434');
    expect(pkg.details.order_pay_at).toBe('2022-05-13 12:13:43');
    // the page says total_count 0 with one row: reading stops after page 1 (rows reached the total)
    expect(readPage(data('user-product-list.json'))).toMatchObject({ total: 0, totalPages: 0 });
  });

  it('order/list (dialect B): floats → cents (USD assumed), status 0 → pending, pagination object', () => {
    const o = mapOrderRow(list('order-list.json')[0]);
    expect(o).toMatchObject({
      id: 'string',
      status: 'pending',
      vendorStatus: 'unpaid',
      price: { minor: 10, currency: 'USD' },
      createdAt: '2019-08-24T14:15:22.000Z',
      quantity: 0,
    });
    expect(o.details.currency).toMatch(/USD \(assumed/);
    expect(o.details.invoice).toBeUndefined();
    expect(readPage(data('order-list.json'))).toMatchObject({ total: 0, totalPages: 0 });
    // pay_at (ISO) is the payment time; the raw time fields are not repeated in details
    expect(o.details.paid_at).toBe('2019-08-24T14:15:22.000Z');
    expect(o.details.pay_timestamp).toBeUndefined();
  });

  it('order/create → order facts', () => {
    expect(mapOrderFacts(data('order-create.json'))).toEqual({
      tradeNo: 'string',
      status: 0,
      payFee: { minor: 10, currency: 'USD' },
      pmTitle: 'string',
      paidAt: '2019-08-24T14:15:22.000Z',
    });
  });

  it('order/check → price check with old/new expiry', () => {
    const c = mapCheckResult(data('order-check.json'));
    expect(c.payFee).toEqual({ minor: 10, currency: 'USD' });
    expect(c.ips[0]).toEqual({
      ip: 'string',
      price: { minor: 10, currency: 'USD' },
      currentExpiresAt: '2019-08-24T14:15:22.000Z',
      newExpiresAt: '2019-08-24T14:15:22.000Z',
    });
  });

  it('payment/list and product (bare array)', () => {
    expect(mapPaymentMethod(list('payment-list.json')[0])).toEqual({
      id: '0',
      title: 'string',
      group: 'string',
      disabled: false,
      currency: 'USD',
      isBalance: false,
    });
    const products = data('product.json') as Obj[];
    expect(Array.isArray(products)).toBe(true);
    expect(mapRenewalProduct(products[0])).toEqual({ id: '0', title: 'string', parentType: 0, published: false });
  });

  it('SuccessResponse (code 0) unwraps; ErrorResponse (code 400) → invalid_argument; code 3 → invalid_credentials', async () => {
    expect(data('success-response.json')).toEqual({});
    const e400 = await vendorError(async () => data('error-response.json'));
    expect(e400.code).toBe('invalid_argument');
    expect(e400.message).toContain('Parameter error');
    const e3 = await vendorError(async () => data('response-code-invalid-key.json'));
    expect(e3).toMatchObject({ code: 'invalid_credentials', vendorCode: '3' });
  });

  it('an unreadable price is bad_response, never a zero', () => {
    expect(() => mapCheckResult({ pay_fee: 'twelve' })).toThrow(/pay_fee/);
    expect(() => mapCheckResult({})).toThrow(/pay_fee/);
  });
});

describe('the client over the documented examples (undici MockAgent)', () => {
  it('listOrders and listSubUsers parse the seed examples end to end', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('https://api.bestproxy.com');
    const reply = (path: string, file: string) =>
      pool
        .intercept({ path: (p) => p.startsWith(path) && p.includes('app_key=k0123456789abcdef'), method: 'GET' })
        .reply(200, fixture(file) as object);
    reply('/gateway/user-product/list', 'user-product-list.json');
    reply('/gateway/order/list', 'order-list.json');
    reply('/gateway/whitelist-account/list', 'whitelist-account-list.json');
    const c = new BestproxyClient({ credentials: { appKey: 'k0123456789abcdef' }, transport: { dispatcher: agent } });
    const orders = await c.listOrders();
    expect(orders.map((o) => [o.id, o.status])).toEqual([
      ['0', 'expired'],
      ['string', 'pending'],
    ]);
    expect((await c.listSubUsers())[0]!.limitBytes).toBe(102_400 * GiB);
    await agent.close();
  });
});
