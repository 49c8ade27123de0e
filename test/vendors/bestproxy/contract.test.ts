import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import { accountUsageKb } from '../../../main/simulators/bestproxy/seed-data';
import { bestproxyModule } from '../../../main/vendors/bestproxy';
import type { BestproxyClient } from '../../../main/vendors/bestproxy/client';
import type { RenewTarget } from '../../../preload/contract/model';
import { clientFor, GiB, ISO, NOW, startSim, vendorError } from './helpers';

let sim: BestproxySimulator;
let c: BestproxyClient;

beforeAll(async () => {
  sim = await startSim();
  c = clientFor(sim);
});
afterAll(() => sim.close());

const ipTarget = (id: string): RenewTarget => {
  const ip = sim.state.ips.find((i) => String(i.id) === id)!;
  return { kind: 'ip', id, label: ip.ip, expiresAt: ip.expiredAt.toISOString() };
};

describe('bestproxy module', () => {
  it('declares capabilities and validates credentials', () => {
    expect(bestproxyModule.vendor).toBe('bestproxy');
    expect(bestproxyModule.capabilities.has('renewQuote')).toBe(true);
    expect(bestproxyModule.capabilities.has('balance')).toBe(false);
    expect(bestproxyModule.checkCredentials({})).toMatch(/app key/i);
    expect(bestproxyModule.checkCredentials({ appKey: 'short' })).toMatch(/short/);
    expect(bestproxyModule.checkCredentials({ appKey: sim.credentials.appKey! })).toBeNull();
  });
});

describe('reads', () => {
  it('testConnection reports traffic left in GB', async () => {
    const r = await c.testConnection();
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^Connected\. \d+\.\d GB of residential traffic left/);
    // The figure the renderer rebuilds the sentence from (in other languages) is the same number.
    expect(r.balance).toBeNull();
    expect(r.trafficLeftBytes).toBe((await c.getBalance()).trafficRemainingBytes);
    expect(r.message).toContain(`${((r.trafficLeftBytes ?? 0) / 1024 ** 3).toFixed(1)} GB`);
  });

  it('getBalance: money null with a note, traffic KB → bytes, earliest valid expiry', async () => {
    const b = await c.getBalance();
    expect(b.money).toBeNull();
    expect(b.note).toMatch(/no API for the money balance/);
    const valid = sim.state.packages.filter((p) => p.productType === 9 && p.expiredAt > NOW);
    const leftKb = valid.reduce((s, p) => s + p.totalKb - p.usedKb, 0);
    expect(b.trafficRemainingBytes).toBe(leftKb * 1024);
    const earliest = valid.map((p) => p.expiredAt.getTime()).sort((x, y) => x - y)[0]!;
    expect(b.trafficExpiresAt).toBe(new Date(earliest).toISOString());
    expect(b.note).toMatch(/expires within 7 days/);
  });

  it('listOrders: packages joined with orders, plus the unpaid order by trade_no', async () => {
    const orders = await c.listOrders();
    expect(orders).toHaveLength(sim.state.packages.length + 1);
    for (const o of orders) {
      expect(typeof o.id).toBe('string');
      if (o.createdAt) expect(o.createdAt).toMatch(ISO);
      if (o.expiresAt) expect(o.expiresAt).toMatch(ISO);
    }
    const expired = orders.find((o) => o.status === 'expired');
    expect(expired?.kind).toBe('residential');
    const dc = orders.find((o) => o.kind === 'datacenter')!;
    const pkg = sim.state.packages.find((p) => String(p.id) === dc.id)!;
    expect(dc.expiresAt).toBe(pkg.expiredAt.toISOString());
    expect(dc.price?.currency).toBe('USD');
    expect(dc.price?.minor).toBe(sim.state.orders.find((o) => o.tradeNo === pkg.tradeNo)!.goodsCents);
    expect(dc.renewPeriods?.map((p) => p.id)).toEqual(['1m', '2m', 'em']);
    const pending = orders.find((o) => o.status === 'pending')!;
    expect(pending.id).toMatch(/^\d{20,}$/);
    expect(pending.vendorStatus).toBe('unpaid');
    expect(pending.price).toEqual({ minor: 15000, currency: 'USD' });
  });

  it('listProxies: every page of static IPs, ids as strings, statuses mapped', async () => {
    const px = await c.listProxies();
    expect(px).toHaveLength(40);
    const first = px[0]!;
    const raw = sim.state.ips[0]!;
    expect(first).toMatchObject({
      id: String(raw.id),
      ip: raw.ip,
      httpPort: raw.port,
      socksPort: raw.socksPort,
      protocol: 'http+socks5',
      username: raw.username,
      password: raw.password,
      orderId: String(raw.packageId),
      expiresAt: raw.expiredAt.toISOString(),
    });
    expect(px.some((p) => p.status === 'expired')).toBe(true);
    expect(px.some((p) => p.status === 'disabled')).toBe(true);
    expect(new Set(px.map((p) => p.kind))).toEqual(new Set(['datacenter', 'static-residential']));
  });

  it('listProxies pages through thousands of IPs', async () => {
    const big = await startSim({ ipCount: 1500 });
    try {
      const px = await clientFor(big).listProxies();
      expect(px).toHaveLength(1500);
      expect(new Set(px.map((p) => p.id)).size).toBe(1500);
    } finally {
      await big.close();
    }
  });

  it('getTraffic: daily KB → bytes, whole account and per sub-account username', async () => {
    const [all] = await c.getTraffic({ from: '2026-11-01', to: '2026-11-23', granularity: 'day' });
    expect(all!.granularity).toBe('day');
    expect(all!.subUserId).toBeNull();
    expect(all!.points).toHaveLength(23);
    expect(all!.points[0]!.at).toBe('2026-11-01T00:00:00.000Z');
    const expectedKb = sim.state.accounts.reduce((s, a) => s + (a.daily.get('2026-11-01') ?? 0), 0);
    expect(all!.points[0]!.bytes).toBe(expectedKb * 1024);

    const [one] = await c.getTraffic({
      from: '2026-11-20',
      to: '2026-11-22',
      granularity: 'day',
      subUserId: 'shopA01',
    });
    const acc = sim.state.accounts.find((a) => a.username === 'shopA01')!;
    expect(one!.subUserId).toBe('shopA01');
    expect(one!.points.map((p) => p.bytes)).toEqual(
      ['2026-11-20', '2026-11-21', '2026-11-22'].map((d) => acc.daily.get(d)! * 1024),
    );
  });

  it('getTraffic: hourly is not supported', async () => {
    const e = await vendorError(() => c.getTraffic({ from: '2026-11-01', to: '2026-11-02', granularity: 'hour' }));
    expect(e.code).toBe('not_supported');
  });
});

describe('allowlist', () => {
  it('lists, adds and removes (with a verification code)', async () => {
    const before = await c.listWhitelist();
    expect(before.length).toBe(4);
    expect(before[0]).toMatchObject({ ip: '203.0.113.24', id: null });
    expect(before[0]!.createdAt).toMatch(ISO);

    await c.addWhitelist(['203.0.113.99', '203.0.113.100']);
    const added = await c.listWhitelist();
    expect(added.map((w) => w.ip)).toContain('203.0.113.99');
    expect(sim.state.whitelist.find((w) => w.ip === '203.0.113.99')?.productType).toBe(9);

    const noCode = await vendorError(() => c.removeWhitelist(['203.0.113.99']));
    expect(noCode.code).toBe('invalid_argument');
    const wrong = await vendorError(() => c.removeWhitelist(['203.0.113.99'], { verifyCode: '000000' }));
    expect(wrong.code).toBe('invalid_argument');
    expect(wrong.vendorCode).toBe('400');

    await c.removeWhitelist(['203.0.113.99'], { verifyCode: sim.state.verifyCode, verifyType: 'totp' });
    expect((await c.listWhitelist()).map((w) => w.ip)).not.toContain('203.0.113.99');
  });

  it('rejects a non-IP before calling', async () => {
    const e = await vendorError(() => c.addWhitelist(['not-an-ip']));
    expect(e.code).toBe('invalid_argument');
  });
});

describe('sub-users', () => {
  it('lists with limits in GB → bytes, usage KB → bytes, 0 = unlimited, id = username', async () => {
    const users = await c.listSubUsers();
    const shop = users.find((u) => u.username === 'shopA01')!;
    const raw = sim.state.accounts.find((a) => a.username === 'shopA01')!;
    expect(shop.id).toBe('shopA01');
    expect(shop.limitBytes).toBe(raw.limitGb * GiB);
    expect(shop.usedBytes).toBe(accountUsageKb(raw) * 1024);
    expect(shop.createdAt).toMatch(ISO);
    const unlimited = users.find((u) => u.username === 'scraper02')!;
    expect(unlimited).toMatchObject({ limitBytes: null, limitUnlimited: true });
    expect(users.find((u) => u.username === 'seoteam')!.status).toBe('disabled');
  });

  it('creates with a cap (rounded to whole GB), updates one field and several, deletes', async () => {
    const created = await c.createSubUser({
      username: 'newbie7',
      password: 'Secret123',
      limitBytes: 2.4 * GiB,
      note: 'trial',
    });
    expect(created).toMatchObject({ id: 'newbie7', limitBytes: 2 * GiB, note: 'trial', status: 'active' });

    await c.updateSubUser('newbie7', { status: 'disabled' });
    expect(sim.state.accounts.find((a) => a.username === 'newbie7')!.status).toBe(0);
    await c.updateSubUser('newbie7', { password: 'Other456' });
    expect(sim.state.accounts.find((a) => a.username === 'newbie7')!.password).toBe('Other456');
    await c.updateSubUser('newbie7', { status: 'active' });
    expect(sim.state.accounts.find((a) => a.username === 'newbie7')!.status).toBe(1);
    await c.updateSubUser('newbie7', { note: 'paid customer' });
    expect(sim.state.accounts.find((a) => a.username === 'newbie7')!.remark).toBe('paid customer');
    await c.updateSubUser('newbie7', { limitBytes: null });
    expect(sim.state.accounts.find((a) => a.username === 'newbie7')!.limitGb).toBe(0);

    const seen = sim.server.requests.length;
    await c.updateSubUser('newbie7', { status: 'active', limitBytes: 5 * GiB, note: 'vip' });
    const combined = sim.server.requests.slice(seen);
    expect(combined.map((r) => r.path)).toEqual(['/gateway/proxy-account/change']);
    const acc = sim.state.accounts.find((a) => a.username === 'newbie7')!;
    expect([acc.status, acc.limitGb, acc.remark]).toEqual([1, 5, 'vip']);

    await c.deleteSubUser('newbie7');
    expect((await c.listSubUsers()).some((u) => u.id === 'newbie7')).toBe(false);
  });

  it('rejects symbols in usernames before calling', async () => {
    const e = await vendorError(() => c.createSubUser({ username: 'bad name!', password: 'x1', limitBytes: null }));
    expect(e.code).toBe('invalid_argument');
  });
});

describe('renewal', () => {
  it('renewalPeriods: the renew_duration values; servers not supported', async () => {
    expect((await c.renewalPeriods('ip')).map((p) => p.id)).toEqual(['1m', '2m', 'em']);
    expect((await vendorError(() => c.renewalPeriods('server'))).code).toBe('not_supported');
    const opts = await c.renewalOptions();
    expect(opts.paymentMethods.find((m) => m.isBalance)?.id).toBe('1');
    expect(opts.products.map((p) => p.parentType).sort()).toEqual([14, 25]);
  });

  it('quoteRenewal uses /order/check: per-IP price and new expiry, vendorQuoted', async () => {
    const dcIp = sim.state.ips.find((i) => i.productType === 14)!;
    const resIp = sim.state.ips.find((i) => i.productType === 25)!;
    const q = await c.quoteRenewal({
      targets: [ipTarget(String(dcIp.id)), ipTarget(String(resIp.id))],
      periodId: '2m',
    });
    expect(q.vendorQuoted).toBe(true);
    expect(q.total).toEqual({ minor: 2 * 200 + 2 * 450, currency: 'USD' });
    expect(q.items[0]!.price).toEqual({ minor: 400, currency: 'USD' });
    const base = new Date(Math.max(dcIp.expiredAt.getTime(), NOW.getTime()));
    const expected = new Date(base);
    expected.setUTCMonth(expected.getUTCMonth() + 2);
    expect(q.items[0]!.newExpiresAt).toBe(expected.toISOString());
    expect(q.warnings.some((w) => w.code === 'currency_assumed' && !w.blocking)).toBe(true);
    expect(sim.server.ledger).toHaveLength(0);
  });

  it('quoteRenewal of a whole package sums its IPs', async () => {
    const pkg = sim.state.packages.find((p) => p.productType === 14)!;
    const n = sim.state.ips.filter((i) => i.packageId === pkg.id).length;
    const q = await c.quoteRenewal({
      targets: [{ kind: 'order', id: String(pkg.id), label: 'DC', expiresAt: null }],
      periodId: '1m',
    });
    expect(q.items[0]!.price).toEqual({ minor: n * 200, currency: 'USD' });
    expect(q.total.minor).toBe(n * 200);
  });

  it('renew pays from balance once, moves expiry, reads it back', async () => {
    const ip = sim.state.ips.find((i) => i.productType === 25 && i.expiredAt > NOW)!;
    const oldExpiry = ip.expiredAt.toISOString();
    const balance = sim.balance();
    const ledger = sim.server.ledger.length;
    const r = await c.renew({ targets: [ipTarget(String(ip.id))], periodId: '1m' }, { requestId: 'r1' });
    expect(r.items[0]!.outcome).toBe('applied');
    expect(r.charged).toEqual({ minor: 450, currency: 'USD' });
    expect(r.reference).toMatch(/^\d{20,}$/);
    expect(r.items[0]!.newExpiresAt).not.toBe(oldExpiry);
    expect(r.items[0]!.newExpiresAt).toBe(ip.expiredAt.toISOString());
    expect(sim.balance()).toBe(balance - 450);
    expect(sim.server.ledger.slice(ledger)).toHaveLength(1);
    // The default simulator takes only the integer form: the quoted string form is refused (nothing
    // created), the integer form is quoted, then created. One order, one charge.
    const creates = sim.server.requests.filter((q) => q.path === '/gateway/order/create');
    expect(creates.map((q) => q.status)).toEqual([200, 200]);
    expect(sim.state.orderCalls.filter((x) => x.path.endsWith('create')).map((x) => x.body.renew_duration)).toEqual([
      '1m',
      1,
    ]);
  });

  it('renew with an external payment method leaves an unpaid order (no charge), closeOrder closes it', async () => {
    const ip = sim.state.ips.find((i) => i.productType === 14)!;
    const before = ip.expiredAt.getTime();
    const ledger = sim.server.ledger.length;
    const r = await c.renew(
      { targets: [ipTarget(String(ip.id))], periodId: '1m', options: { pm_id: '3' } },
      { requestId: 'r2' },
    );
    expect(r.items[0]!.outcome).toBe('refused');
    expect(r.items[0]!.message).toMatch(/waits for payment by USDT/);
    expect(r.charged).toBeNull();
    expect(sim.server.ledger.length).toBe(ledger);
    expect(ip.expiredAt.getTime()).toBe(before);

    const pending = (await c.listOrders()).filter((o) => o.status === 'pending').map((o) => o.id);
    expect(pending).toContain(r.reference);
    await c.closeOrder(r.reference!);
    expect(sim.state.orders.find((o) => o.tradeNo === r.reference)!.status).toBe(2);
    const again = await vendorError(() => c.closeOrder(r.reference!));
    expect(again.code).toBe('invalid_argument');
    expect(again.vendorCode).toBe('400');
  });

  it('renew "em" sends the string form, which the integer-only simulator rejects', async () => {
    const ip = sim.state.ips.find((i) => i.productType === 14)!;
    const e = await vendorError(() =>
      c.renew({ targets: [ipTarget(String(ip.id))], periodId: 'em' }, { requestId: 'r3' }),
    );
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toMatch(/renew_duration/);
  });

  it('renew_duration drift: a string-only create takes the quoted string form at once', async () => {
    const other = await startSim();
    try {
      other.setCreateDurationForm('string');
      const cl = clientFor(other);
      const ip = other.state.ips.find((i) => i.productType === 14 && i.expiredAt > NOW)!;
      const t: RenewTarget = { kind: 'ip', id: String(ip.id), label: ip.ip, expiresAt: null };
      const r = await cl.renew({ targets: [t], periodId: '1m' }, { requestId: 'r4' });
      expect(r.items[0]!.outcome).toBe('applied');
      expect(other.state.orderCalls.map((x) => [x.path, x.body.renew_duration])).toEqual([
        ['/gateway/order/check', '1m'],
        ['/gateway/order/create', '1m'],
      ]);
      expect(other.server.ledger).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('rejects unknown targets and periods before any write', async () => {
    expect((await vendorError(() => c.quoteRenewal({ targets: [ipTarget('30001')], periodId: '3y' }))).code).toBe(
      'invalid_argument',
    );
    const e = await vendorError(() =>
      c.quoteRenewal({ targets: [{ kind: 'ip', id: '999999', label: 'x', expiresAt: null }], periodId: '1m' }),
    );
    expect(e.code).toBe('invalid_argument');
  });
});
