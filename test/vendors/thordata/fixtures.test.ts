import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitRange } from '../../../main/vendors/thordata/client';
import { UNITS } from '../../../main/vendors/thordata/constants';
import {
  BadField,
  mapBalance,
  mapExpirations,
  mapPaidOrder,
  mapProxyList,
  mapServers,
  mapSubUsers,
  mapUsagePoints,
  mapWhitelist,
} from '../../../main/vendors/thordata/mappers';

/** Documented example responses (vendor file / seed), with the docs' JSON typos fixed. */
const data = (name: string): unknown =>
  (JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as { data: unknown }).data;
const NOW = new Date('2026-11-23T12:00:00Z');
const MB = 1024 ** 2;

describe('thordata fixtures → normalized model', () => {
  it('seed renew example: order id string, 123.12 → 12312 cents', () => {
    expect(mapPaidOrder(data('unlimited-renew.seed.json'))).toEqual({
      orderId: 'Thor123123',
      money: { minor: 12_312, currency: 'USD' },
    });
    expect(mapPaidOrder(data('upgrade.json')).money).toEqual({ minor: 4550, currency: 'USD' });
  });

  it('balances: wallet_balance or balance; traffic MB → bytes; date → ISO', () => {
    const b = mapBalance(data('wallet-balance.json'), data('traffic-balance.json'));
    expect(b.money).toEqual({ minor: 320, currency: 'USD' });
    expect(b.trafficRemainingBytes).toBe(10_240 * MB);
    expect(b.trafficExpiresAt).toBe('2026-12-31T00:00:00.000Z');
    expect(b.note).toBeTruthy();
    expect(mapBalance(data('wallet-balance.sdk.json'), {}).money?.minor).toBe(1230);
  });

  it('usage statistics: KB → bytes, sorted ISO days; hourly "YYYY-MM-DD HH" rows', () => {
    expect(mapUsagePoints(data('usage-statistics.json'), UNITS.usageStatistics)).toEqual([
      { at: '2026-11-01T00:00:00.000Z', bytes: 1024 * 1024 },
      { at: '2026-11-02T00:00:00.000Z', bytes: 2048 * 1024 },
    ]);
    expect(mapUsagePoints(data('usage-statistics-hour.json'), UNITS.usageStatistics)).toEqual([
      { at: '2026-11-22T00:00:00.000Z', bytes: 512 },
      { at: '2026-11-22T01:00:00.000Z', bytes: 1_573_120 },
    ]);
  });

  it('sub-users: ids by product, MB → bytes, 0 = unlimited, boolean status', () => {
    const [a, b] = mapSubUsers(data('user-list.json'), 'residential');
    expect(a).toMatchObject({
      id: 'residential:alice001',
      limitBytes: null,
      limitUnlimited: true,
      usedBytes: 512 * MB,
      status: 'active',
      createdAt: '2026-03-01T00:00:00.000Z',
    });
    expect(b).toMatchObject({
      limitBytes: 1024 * MB,
      limitUnlimited: false,
      usedBytes: 100.5 * MB,
      status: 'disabled',
    });
    expect(mapSubUsers(data('user-list.json'), 'unlimited')[0]!.id).toBe('unlimited:alice001');
  });

  it('whitelist: documented `lists` and the SDK flat array', () => {
    const w = mapWhitelist(data('whitelist-list.json'), 'residential');
    expect(w).toEqual([
      {
        ip: '203.0.113.10',
        id: 'residential:203.0.113.10',
        note: 'Residential',
        createdAt: '2026-05-20T00:00:00.000Z',
      },
      {
        ip: '198.51.100.4',
        id: 'residential:198.51.100.4',
        note: 'Residential (disabled)',
        createdAt: '2026-06-01T00:00:00.000Z',
      },
    ]);
    expect(mapWhitelist(data('whitelist-list.sdk.json'), 'unlimited').map((e) => e.ip)).toEqual([
      '203.0.113.10',
      '198.51.100.4',
    ]);
  });

  it('proxy list: "YYYY-MM-DD HH:mm" and legacy unix expireTime; country upper-cased', () => {
    const [a, b] = mapProxyList(data('proxy-list.json'), 'isp', NOW);
    expect(a).toMatchObject({
      id: '154.12.34.56:6666',
      ip: '154.12.34.56',
      httpPort: 6666,
      username: 'td_user1',
      password: 'td_pass1',
      country: 'US',
      kind: 'isp',
      expiresAt: '2026-12-01T08:30:00.000Z',
      status: 'active',
    });
    expect(b).toMatchObject({ expiresAt: '2025-11-01T00:00:00.000Z', status: 'expired', country: 'GB' });
    expect(mapExpirations(data('expiration-time.json')).get('154.12.34.56')).toBe('2026-12-01T08:30:00.000Z');
  });

  it('server list: ins_id id, hostname, spec, bandwidth, status "Turn on"', () => {
    const [s] = mapServers(data('server-list.json'), NOW);
    expect(s).toMatchObject({
      id: 'ins-123456789',
      ip: 'm89qbud1.proxy.thordata.net',
      status: 'active',
      expiresAt: '2026-11-24T10:00:00.000Z',
      bandwidth: '200Mbps',
      spec: '8vCPU 16GiB',
    });
    expect(s!.details).toMatchObject({ order_id: 'Thor123456789', region: 'na-siliconvalley' });
  });

  it('unreadable expiry or money fails loudly', () => {
    expect(() => mapProxyList(data('bad-expiry.json'), 'isp', NOW)).toThrow(BadField);
    expect(() => mapPaidOrder(data('bad-money.json'))).toThrow(BadField);
  });

  it('error fixture carries the documented code', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'error-10008.json'), 'utf8')) as { code: number };
    expect(raw.code).toBe(10008);
  });

  it('splitRange keeps windows within 180 days', () => {
    expect(splitRange('2026-01-01', '2026-06-29')).toEqual([['2026-01-01', '2026-06-29']]);
    expect(splitRange('2026-01-01', '2026-06-30')).toEqual([
      ['2026-01-01', '2026-06-29'],
      ['2026-06-30', '2026-06-30'],
    ]);
  });
});
