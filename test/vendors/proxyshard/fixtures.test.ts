/**
 * The vendor's documented response shapes (SPEC 1.1.0 schemas with the documented example values;
 * the spec has no full example payloads) parsed by the mappers into the normalized model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../main/vendors/money-text';
import { BadField } from '../../../main/vendors/parse';
import { classifyError, errorMessageOf } from '../../../main/vendors/proxyshard/api';
import {
  mapActiveProxies,
  mapAddonCalculate,
  mapAddonLines,
  mapCalculate,
  mapMe,
  mapOrder,
  mapProducts,
  mapProfile,
  mapSubUser,
  orderDetailOf,
  orderRowsOf,
  periodsOfProducts,
  recordedRenewalPrice,
  subUserListOf,
  subUserRowsOf,
} from '../../../main/vendors/proxyshard/mappers';
import { cycleDays, sniffTrafficUnit } from '../../../main/vendors/proxyshard/units';

const fx = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as unknown;
const GIB = 1024 ** 3;

describe('proxyshard fixtures', () => {
  it('me: plain object, wallet_balance in cents', () => {
    expect(mapMe(fx('me'))).toEqual({
      email: 'user@example.com',
      activeOrders: 3,
      wallet: { minor: 1230, currency: 'USD' },
    });
    expect(formatMoney(mapMe(fx('me')).wallet)).toBe('$12.30');
  });

  it('me: a dollar amount where cents are expected fails loudly', () => {
    expect(() => mapMe({ wallet_balance: 12.3 })).toThrow(BadField);
    expect(() => mapMe({ email: 'x' })).toThrow(BadField);
  });

  it('money is integer cents (doc §2.3): a decimal string is refused, even "1250.00"; whole-cent text is read', () => {
    expect(() => mapMe({ wallet_balance: '1250.00' })).toThrow(BadField);
    expect(() => mapMe({ wallet_balance: '12.50' })).toThrow(BadField);
    expect(mapMe({ wallet_balance: '1250' }).wallet).toEqual({ minor: 1250, currency: 'USD' });
    expect(() => mapOrder({ order_id: 1, price_paid: '1250.00' }, null, new Map())).toThrow(BadField);
    expect(() => mapCalculate({ total_with_addons: '1230.00' })).toThrow(BadField);
    expect(() => mapAddonCalculate({ add_total: '60.00' })).toThrow(BadField);
    expect(() => mapAddonLines([{ addon_key: 'p0f_slots', qty: 1, price_per_unit: '30.00' }])).toThrow(BadField);
  });

  it('lists that matter: absent is empty, any other non-list (or non-object row) is a BadField', () => {
    expect(orderRowsOf({ success: true })).toEqual([]);
    expect(orderRowsOf({ success: true, orders: null })).toEqual([]);
    expect(() => orderRowsOf({ success: true, orders: { items: [] } })).toThrow(BadField);
    expect(() => orderRowsOf({ success: true, orders: ['10452'] })).toThrow(BadField);
    expect(() => orderRowsOf('OK')).toThrow(BadField);
    expect(() => orderDetailOf({ success: true, order: 'n/a' })).toThrow(BadField);
    expect(() => mapAddonLines({ items: [] })).toThrow(BadField);
    const ctx = { orderId: '1', productName: 'Datacenter Proxy', autoRenew: null };
    expect(() => mapActiveProxies({ success: true, data: { items: [] } }, ctx, new Date(0))).toThrow(BadField);
    expect(() => subUserListOf({ success: true, count: 1, data: { items: [] } })).toThrow(BadField);
  });

  it('dates: naive ones are UTC+0 (doc §2.4) whatever the machine zone; offsets honoured', () => {
    const at = (v: string) => mapOrder({ order_id: 1, expires_at: v }, null, new Map()).expiresAt;
    const want = '2026-11-23T12:00:00.123Z';
    for (const v of [
      '2026-11-23T12:00:00.123Z',
      '2026-11-23T12:00:00.123',
      '2026-11-23T12:00:00.123456',
      '2026-11-23T15:00:00.123+03:00',
      '2026-11-23T06:30:00.123-05:30',
    ]) {
      expect(at(v), v).toBe(want);
    }
    expect(at('2026-11-23 12:00:00')).toBe('2026-11-23T12:00:00.000Z');
    expect(() => at('2026-02-29T00:00:00Z')).toThrow(BadField); // 2026 is not a leap year
  });

  it('orders list + detail -> Order (tag "none" is no tag; price in cents; ISO dates)', () => {
    const rows = orderRowsOf(fx('orders'));
    expect(rows).toHaveLength(2);
    const products = mapProducts(fx('products'));
    const o = mapOrder(rows[0]!, orderDetailOf(fx('order')), products);
    expect(o).toMatchObject({
      id: '10452',
      kind: 'datacenter',
      product: 'Datacenter Proxy',
      status: 'on-hold',
      vendorStatus: 'on-hold',
      createdAt: '2026-10-01T10:00:00.000Z',
      expiresAt: '2026-11-20T10:00:00.000Z',
      autoRenew: false,
      quantity: 10,
      price: { minor: 1200, currency: 'USD' },
      tag: 'scraper',
      country: null,
      renewPeriods: [{ id: 'monthly', days: 30 }],
    });
    expect(o.details.promo_code).toBe('SAVE10');
    expect(o.details.p0f_slots_used).toBe('4');
    const listOnly = mapOrder(rows[0]!, null, products);
    expect(listOnly.tag).toBeNull();
    expect(listOnly.status).toBe('unknown');
    const resi = mapOrder(rows[1]!, null, products);
    expect(resi).toMatchObject({ kind: 'residential', expiresAt: null, autoRenew: null });
  });

  it('order detail: unreadable expiry or price is a BadField', () => {
    expect(() => mapOrder({ order_id: 1, expires_at: 'soon' }, null, new Map())).toThrow(BadField);
    expect(() => mapOrder({ order_id: 1, price_paid: '12.5' }, null, new Map())).toThrow(BadField);
    expect(() => mapOrder({ order_id: 1.5 }, null, new Map())).toThrow(BadField);
  });

  it('add-on lines and the recorded renewal price (base + next-period add-ons)', () => {
    const detail = orderDetailOf(fx('order'));
    expect(mapAddonLines(detail.addons)).toEqual([
      { addonKey: 'p0f_slots', qty: 10, nextQty: 5, pricePerUnit: { minor: 30, currency: 'USD' } },
    ]);
    expect(recordedRenewalPrice(detail)).toEqual({ minor: 1200 + 5 * 30, currency: 'USD' });
  });

  it('active proxies -> endpoints with both ports and tolerant `until`', () => {
    const list = mapActiveProxies(
      fx('active'),
      { orderId: '10452', productName: 'ISP Proxy', autoRenew: true },
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(list).toHaveLength(2);
    expect(list[0]).toEqual({
      id: '1.2.3.4:50100',
      ip: '1.2.3.4',
      host: '1.2.3.4',
      httpPort: 50100,
      socksPort: 50101,
      protocol: 'http+socks5',
      username: 'psuser',
      password: 'pspass',
      country: null,
      kind: 'isp',
      expiresAt: '2026-12-01T10:00:00.000Z',
      orderId: '10452',
      status: 'active',
      autoRenew: true,
    });
    expect(list[1]?.expiresAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('profile: bytes', () => {
    expect(mapProfile(fx('profile'), 'standart')).toEqual({
      tier: 'standart',
      totalBytes: 5 * GIB,
      remainingBytes: 4 * GIB,
      spentBytes: GIB,
      unit: 'bytes',
    });
  });

  it('sub-users: list (count, data[]), get (array, no user_id), create (small numbers = GB)', () => {
    const [row] = subUserRowsOf(fx('sub-users'));
    expect(mapSubUser(row!, 'standart')).toMatchObject({
      id: 'standart:7301',
      username: 'team-alpha',
      limitBytes: 2 * GIB,
      usedBytes: 0.5 * GIB,
    });
    const [one] = subUserRowsOf(fx('sub-user'));
    expect(mapSubUser(one!, 'premium', '7301')).toMatchObject({ id: 'premium:7301', limitBytes: 2 * GIB });
    const [created] = subUserRowsOf(fx('sub-user-create'));
    const u = mapSubUser(created!, 'standart');
    expect(u).toMatchObject({ id: 'standart:7310', limitBytes: 3 * GIB, usedBytes: 0 });
    expect(u.note).toMatch(/read as GB/);
  });

  it('traffic unit sniffing', () => {
    expect(sniffTrafficUnit(5 * GIB)).toBe('bytes');
    expect(sniffTrafficUnit(0, 0)).toBe('bytes');
    expect(sniffTrafficUnit(5)).toBe('GB');
    expect(sniffTrafficUnit(2.5)).toBe('GB');
    expect(sniffTrafficUnit(undefined, 3)).toBe('GB');
  });

  it('calculate: total_with_addons, or final_price on v1.0.0 answers', () => {
    expect(mapCalculate(fx('calculate')).total).toEqual({ minor: 1230, currency: 'USD' });
    expect(mapCalculate(fx('calculate-v10')).total).toEqual({ minor: 1080, currency: 'USD' });
    expect(mapCalculate(fx('calculate')).details.discount_percent).toBe('10');
    expect(() => mapCalculate({})).toThrow(BadField);
  });

  it('add-on calculate: add_total in cents', () => {
    const q = mapAddonCalculate(fx('addons-calculate'));
    expect(q.total).toEqual({ minor: 60, currency: 'USD' });
    expect(q.details).toMatchObject({ addon_key: 'p0f_slots', new_qty: '2' });
  });

  it('products: rows per location grouped; periods exclude lifetime plans', () => {
    const products = mapProducts(fx('products'));
    expect(products.get('Datacenter Proxy')).toEqual({
      name: 'Datacenter Proxy',
      cycles: ['monthly'],
      locations: ['DE', 'US'],
    });
    expect(periodsOfProducts(products).map((p) => p.id)).toEqual(['day', 'monthly']);
    expect(cycleDays('day')).toBe(1);
    expect(cycleDays('3 days')).toBe(3);
    expect(cycleDays('half-month')).toBe(15);
    expect(cycleDays('lifetime')).toBeNull();
  });

  it('error body {success:false,message} -> message and code', () => {
    const msg = errorMessageOf(fx('error'), '');
    expect(msg).toBe('ISP targeting is available for the premium package only');
    expect(classifyError(400, msg)).toBe('vendor_rejected');
    expect(classifyError(400, 'Insufficient balance')).toBe('insufficient_funds');
    expect(classifyError(401, null)).toBe('invalid_credentials');
    expect(classifyError(403, 'This method is not available for this order')).toBe('vendor_rejected');
    expect(classifyError(500, null)).toBe('vendor_unavailable');
    expect(errorMessageOf(undefined, '<html>502</html>')).toBeNull();
    expect(errorMessageOf(undefined, 'no Content-Length specified')).toBe('no Content-Length specified');
  });

  it('other documented shapes parse without surprises (renew, change-billing-cycle, purchase add-on)', () => {
    expect(fx('renew')).toMatchObject({ success: true });
    expect(fx('change-billing-cycle')).toMatchObject({ success: true, order_id: 10452 });
    expect(mapAddonLines((fx('addons-purchase') as { addons: unknown }).addons)[0]?.qty).toBe(2);
    expect(Array.isArray(fx('available-count'))).toBe(true);
    expect(fx('countries')).toMatchObject({ count: 1 });
  });
});
