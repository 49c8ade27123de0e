/** Documented example responses (and the constructed /ipAddress shapes) through the mappers. */
import { describe, expect, it } from 'vitest';
import type { Obj } from '../../../main/vendors/parse';
import { BadField } from '../../../main/vendors/parse';
import {
  deriveOrders,
  mapBalance,
  mapExtendEcho,
  mapIpList,
  mapQuote,
  mapRentPeriods,
  mergePeriods,
} from '../../../main/vendors/youproxy/mappers';
import { fixture } from './helpers';

const at = new Date('2026-11-23T12:00:00.000Z');
const obj = (name: string) => fixture(name) as Obj;

describe('youproxy fixtures → normalized model', () => {
  it('balance: 25.03 currencyCode USD → 2503 cents', () => {
    expect(mapBalance(obj('balance.success.json')).money).toEqual({ minor: 2503, currency: 'USD' });
  });

  it('rent periods: IPv4 days', () => {
    expect(mapRentPeriods(obj('rent-period.ipv4.json'))).toEqual([30, 60, 90, 180, 360]);
    expect(mapRentPeriods(obj('rent-period.error.json'))).toEqual([]);
    expect(mergePeriods({ IPv4: [30, 60], IPv6: [90] })).toEqual([
      { id: '30', label: '30 days', days: 30, fits: ['datacenter'] },
      { id: '60', label: '60 days', days: 60, fits: ['datacenter'] },
      { id: '90', label: '90 days', days: 90, fits: ['ipv6'] },
    ]);
    expect(mergePeriods({ IPv4: [30], ISP: [30] })).toEqual([{ id: '30', label: '30 days', days: 30 }]);
  });

  it('calculate/order: price 1.31, balance 7.18, no warnings', () => {
    expect(mapQuote(obj('calculate-order.success.json'))).toEqual({
      price: { minor: 131, currency: 'USD' },
      balance: { minor: 718, currency: 'USD' },
      discount: 0,
      promoCodeStatus: null,
      warnings: [],
    });
  });

  it('calculate/extend with warning 16 → blocking warning, price 2.65', () => {
    const q = mapQuote(obj('calculate-extend.warning.json'));
    expect(q.price).toEqual({ minor: 265, currency: 'USD' });
    expect(q.balance).toEqual({ minor: 65, currency: 'USD' });
    expect(q.warnings).toEqual([{ code: '16', message: 'Insufficient funds on balance', blocking: true }]);
  });

  it('extend echoes: ipAddressIds (seed) or orderIds (NEW example), balance as cents', () => {
    expect(mapExtendEcho(obj('extend-order-auto.success.json'))).toEqual({
      ipAddressIds: ['1111111111111111111'],
      orderIds: [],
      quantity: 1,
      balance: { minor: 500, currency: 'USD' },
      promoCodeStatus: null,
    });
    // Order ids echoed under `orderIds` are kept apart: never taken for IP ids.
    const orderEcho = mapExtendEcho(obj('extend-order-auto.orderIds-echo.json'));
    expect(orderEcho.orderIds).toEqual(['1112223334283d122']);
    expect(orderEcho.ipAddressIds).toEqual([]);
    expect(mapExtendEcho(obj('extend.success.json')).balance).toEqual({ minor: 65, currency: 'USD' });
  });

  it('nested /ipAddress (type → orders → IPs) keeps unquoted 19-digit ids exact', () => {
    const ips = mapIpList(fixture('ip-address.nested.json'), at);
    expect(ips.map((i) => i.id)).toEqual(['1111111111111111111', '1111111111111111112', '9007199254740993123']);
    const [a, b, c] = ips.map((i) => i.endpoint);
    expect(a).toMatchObject({
      orderId: '11111',
      kind: 'datacenter',
      protocol: 'http+socks5',
      httpPort: 8080,
      socksPort: 1080,
      expiresAt: '2023-11-25T10:49:49.220Z',
      status: 'expired',
      autoRenew: false,
    });
    expect(b?.status).toBe('active');
    expect(c).toMatchObject({
      orderId: '1112223334283d122',
      kind: 'ipv6',
      protocol: 'socks5',
      host: '91.1.2.3',
      expiresAt: '2099-01-01T12:00:00.000Z',
    });
    const orders = deriveOrders(ips, at);
    expect(orders.map((o) => [o.id, o.quantity, o.expiresAt, o.autoRenew, o.status])).toEqual([
      ['11111', 2, '2023-11-25T10:49:49.220Z', null, 'active'],
      ['1112223334283d122', 1, '2099-01-01T12:00:00.000Z', null, 'active'],
    ]);
  });

  it('flat /ipAddress?proxyType= with renamed fields and unix dates', () => {
    const [ip] = mapIpList(fixture('ip-address.flat.json'), at);
    expect(ip?.endpoint).toMatchObject({
      id: '2222222222222222222',
      orderId: '22222',
      ip: '77.1.2.3',
      httpPort: 8001,
      username: 'u',
      country: 'GB', // the vendor's alpha-3 "GBR", normalised to ISO alpha-2 (main/vendors/country.ts)
      kind: 'isp',
      expiresAt: '2100-01-01T00:00:00.000Z',
      status: 'active',
    });
  });

  it('present but unreadable money, expiry or id fails loudly', () => {
    expect(() => mapBalance({ success: true, balance: 'lots' })).toThrow(BadField);
    expect(() => mapQuote({ success: true, currency: 'USD' })).toThrow(BadField);
    expect(() => mapIpList({ list: [{ ip: '1.2.3.4', id: 1, dateEnd: 'soon' }] }, at)).toThrow(BadField);
    // An id that was already corrupted by a lossy parser (unsafe double) is refused, not rounded.
    expect(() => mapIpList({ list: [{ ip: '1.2.3.4', id: JSON.parse('1111111111111111111') as number }] }, at)).toThrow(
      BadField,
    );
  });
});
