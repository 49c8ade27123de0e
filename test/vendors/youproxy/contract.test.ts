/** Every client method against a listening simulator: normalized values, units, ids, dates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YouproxySimulator } from '../../../main/simulators/youproxy';
import type { YouproxyClient } from '../../../main/vendors/youproxy';
import { youproxyModule } from '../../../main/vendors/youproxy';
import { clientFor, hits, NOW, startSim } from './helpers';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const write = { requestId: 'req-1' };

describe('youproxy contract', () => {
  let sim: YouproxySimulator;
  let client: YouproxyClient;

  beforeAll(async () => {
    sim = startSim();
    await sim.listen(0);
    client = clientFor(sim);
  });
  afterAll(() => sim.close());

  it('declares only what the API offers', () => {
    expect([...youproxyModule.capabilities].sort()).toEqual(
      ['autoRenew', 'balance', 'orders', 'purchase', 'renew', 'renewQuote', 'staticIps'].sort(),
    );
    for (const cap of ['whitelist', 'subUsers', 'traffic', 'trafficBalance'] as const) {
      expect(youproxyModule.capabilities.has(cap)).toBe(false);
    }
  });

  it('checkCredentials validates the key shape', () => {
    expect(youproxyModule.checkCredentials({})).toMatch(/Enter/);
    expect(youproxyModule.checkCredentials({ apiKey: 'abc/def12345' })).toMatch(/slashes/);
    expect(youproxyModule.checkCredentials({ apiKey: 'short' })).toMatch(/does not look/);
    expect(youproxyModule.checkCredentials(sim.credentials)).toBeNull();
  });

  it('testConnection reports the balance in dollars', async () => {
    expect(await client.testConnection()).toEqual({
      ok: true,
      message: 'Connected. Balance $25.03.',
      balance: { minor: 2503, currency: 'USD' },
    });
  });

  it('getBalance converts decimal USD to cents', async () => {
    sim.setBalance(1234);
    expect(await client.getBalance()).toEqual({
      money: { minor: 1234, currency: 'USD' },
      trafficRemainingBytes: null,
      trafficExpiresAt: null,
    });
    sim.setBalance(2503);
  });

  it('listProxies keeps 19-digit ids exact (quoted and unquoted in the JSON)', async () => {
    const proxies = await client.listProxies();
    expect(proxies).toHaveLength(48);
    const simIds = sim.state.ips.map((ip) => ip.id);
    expect(proxies.map((p) => p.id).sort()).toEqual([...simIds].sort());
    for (const p of proxies) {
      expect(typeof p.id).toBe('string');
      expect(p.id).toMatch(/^\d{19}$/);
      expect(p.expiresAt).toMatch(ISO);
      expect(typeof p.orderId).toBe('string');
    }
    const first = sim.state.ips[0]!;
    const mapped = proxies.find((p) => p.id === first.id)!;
    expect(mapped.expiresAt).toBe(first.dateEnd.toISOString());
    expect(mapped.username).toBe(first.login);
    expect(mapped.httpPort).toBe(first.httpPort);
    expect(new Set(proxies.map((p) => p.kind))).toEqual(new Set(['datacenter', 'ipv6', 'mobile', 'isp']));
    expect(proxies.some((p) => p.status === 'expired')).toBe(true);
    expect(proxies.find((p) => p.kind === 'ipv6')?.protocol).toMatch(/^(http|socks5)$/);
  });

  it('listOrders derives orders from the IP list order ids', async () => {
    const orders = await client.listOrders();
    const simOrders = new Set(sim.state.ips.map((ip) => ip.orderId));
    expect(orders.map((o) => o.id).sort()).toEqual([...simOrders].sort());
    for (const o of orders) {
      const members = sim.state.ips.filter((ip) => ip.orderId === o.id);
      expect(o.quantity).toBe(members.length);
      const earliest = Math.min(...members.map((m) => m.dateEnd.getTime()));
      expect(o.expiresAt).toBe(new Date(earliest).toISOString());
      expect(o.details.source).toMatch(/Derived from the IP list/);
    }
  });

  it('renewalPeriods merges the per-type /rentPeriod answers', async () => {
    const periods = await client.renewalPeriods('order');
    expect(periods.map((p) => p.days)).toEqual([30, 60, 90, 180, 360]);
    expect(periods.find((p) => p.id === '60')).toEqual({
      id: '60',
      label: '60 days',
      days: 60,
      fits: ['datacenter', 'isp'],
    });
    expect(periods.find((p) => p.id === '360')?.fits).toEqual(['datacenter', 'ipv6', 'mobile']);
    await expect(client.renewalPeriods('server')).rejects.toMatchObject({ code: 'not_supported' });
    expect(await client.rentPeriodsOf('IPv6')).toEqual([90, 180, 360]);
  });

  it('quoteRenewal uses the vendor price check (by IP and by order)', async () => {
    const ip = sim.state.ips.find((x) => x.proxyType === 'IPv4')!;
    const q = await client.quoteRenewal({
      targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: null }],
      periodId: '30',
    });
    expect(q.vendorQuoted).toBe(true);
    expect(q.total).toEqual({ minor: 175, currency: 'USD' });
    expect(q.items[0]?.price).toEqual({ minor: 175, currency: 'USD' });
    expect(q.balance).toEqual({ minor: 2503, currency: 'USD' });
    expect(q.warnings).toEqual([]);
    expect(hits(sim, 'POST', '/calculate/extend')).toBe(1);

    const order = sim.state.ips.find((x) => x.proxyType === 'ISP')!.orderId;
    const size = sim.state.ips.filter((x) => x.orderId === order).length;
    const qo = await client.quoteRenewal({
      targets: [{ kind: 'order', id: order, label: order, expiresAt: null }],
      periodId: '30',
    });
    expect(qo.total.minor).toBe(290 * size);
    expect(hits(sim, 'POST', '/calculate/extend/order')).toBe(1);
  });

  it('quoteRenewal: warning 16 (insufficient funds) comes back blocking', async () => {
    sim.setBalance(10);
    const ip = sim.state.ips.find((x) => x.proxyType === 'IPv4')!;
    const q = await client.quoteRenewal({
      targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: null }],
      periodId: '30',
    });
    expect(q.warnings).toEqual([{ code: '16', message: 'Insufficient funds on balance', blocking: true }]);
    sim.setBalance(2503);
  });

  it('IPv6 IP targets are quoted and renewed as their whole order, naming every IP also extended', async () => {
    const v6 = sim.state.ips.find((x) => x.proxyType === 'IPv6')!;
    const members = sim.state.ips.filter((x) => x.orderId === v6.orderId);
    const others = members.filter((m) => m.id !== v6.id);
    expect(others.length).toBeGreaterThan(0);
    const target = { kind: 'ip' as const, id: v6.id, label: v6.ip, expiresAt: null };
    const before = hits(sim, 'POST', '/calculate/extend/order');
    const q = await client.quoteRenewal({ targets: [target], periodId: '90' });
    expect(hits(sim, 'POST', '/calculate/extend/order')).toBe(before + 1);
    expect(q.total.minor).toBe(Math.round(28 * 3 * 0.95 * members.length));
    // Before: the warning names each IP that is not selected but will be extended (and paid for).
    const warning = q.warnings.find((w) => w.code === 'ipv6_whole_order');
    expect(warning?.blocking).toBe(false);
    expect(warning?.message).toContain(`order ${v6.orderId}`);
    expect(warning?.message).toContain(`${others.length} IP${others.length === 1 ? '' : 's'} you did not select`);
    for (const o of others) expect(warning?.message).toContain(`${o.ip} (id ${o.id})`);
    expect(warning?.message).not.toContain(`(id ${v6.id})`);

    const oldEnds = members.map((m) => m.dateEnd.getTime());
    const ledgerBefore = sim.server.ledger.length;
    const r = await client.renew({ targets: [target], periodId: '90' }, write);
    // The simulator applies it to the whole order (the widening is real)...
    members.forEach((m, i) => {
      expect(m.dateEnd.getTime()).toBe(Math.max(oldEnds[i]!, NOW.getTime()) + 90 * 86_400_000);
    });
    expect(sim.server.ledger.length).toBe(ledgerBefore + 1);
    expect([...sim.server.ledger.at(-1)!.items].sort()).toEqual(members.map((m) => m.id).sort());
    // ...and the result says so: the selected IP first, then one item per IP also extended.
    expect(r.items[0]).toMatchObject({ target: { id: v6.id }, outcome: 'applied' });
    expect(r.items[0]?.newExpiresAt).toBe(v6.dateEnd.toISOString());
    expect(r.items[0]?.message).toMatch(/extends IPv6 only by whole order\. Also extended with it/);
    for (const o of others) expect(r.items[0]?.message).toContain(o.ip);
    expect(
      r.items
        .slice(1)
        .map((i) => i.target.id)
        .sort(),
    ).toEqual(others.map((o) => o.id).sort());
    for (const extra of r.items.slice(1)) {
      const m = members.find((x) => x.id === extra.target.id)!;
      expect(extra).toMatchObject({ outcome: 'applied', newExpiresAt: m.dateEnd.toISOString() });
      expect(extra.target).toMatchObject({ kind: 'ip', label: m.ip });
      expect(extra.message).toMatch(/Not selected, but extended by the same request \(order /);
    }
  });

  it('renewing the whole IPv6 order (every IP selected, or the order) reports no extra items', async () => {
    sim.setBalance(100_000);
    const v6 = sim.state.ips.find((x) => x.proxyType === 'IPv6')!;
    const members = sim.state.ips.filter((x) => x.orderId === v6.orderId);
    const targets = members.map((m) => ({ kind: 'ip' as const, id: m.id, label: m.ip, expiresAt: null }));
    const q = await client.quoteRenewal({ targets, periodId: '90' });
    expect(q.warnings.filter((w) => w.code === 'ipv6_whole_order')).toEqual([]);
    const r = await client.renew({ targets, periodId: '90' }, write);
    expect(r.items).toHaveLength(members.length);
    expect(r.items.every((i) => i.outcome === 'applied' && i.message === null)).toBe(true);
    const byOrder = await client.renew(
      { targets: [{ kind: 'order', id: v6.orderId, label: v6.orderId, expiresAt: null }], periodId: '90' },
      write,
    );
    expect(byOrder.items).toHaveLength(1);
    expect(byOrder.items[0]).toMatchObject({ outcome: 'applied', message: null });
  });

  it('renew by IP moves expiry, deducts money once and reports the re-read expiry', async () => {
    sim.setBalance(2503);
    const ledgerBefore = sim.server.ledger.length;
    const ip = sim.state.ips.find((x) => x.proxyType === 'IPv4' && x.dateEnd.getTime() > NOW.getTime())!;
    const oldEnd = ip.dateEnd.getTime();
    const r = await client.renew(
      { targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: null }], periodId: '30' },
      write,
    );
    const expected = new Date(oldEnd + 30 * 86_400_000).toISOString();
    expect(r.items).toEqual([
      { target: expect.objectContaining({ id: ip.id }), outcome: 'applied', newExpiresAt: expected, message: null },
    ]);
    expect(r.charged).toEqual({ minor: 175, currency: 'USD' });
    expect(sim.balance()).toBe(2503 - 175);
    expect(sim.server.ledger.length).toBe(ledgerBefore + 1);
    expect(sim.server.ledger.at(-1)?.items).toEqual([ip.id]);
  });

  it('renew by order uses /extend/order', async () => {
    sim.setBalance(100_000);
    const order = sim.state.ips.find((x) => x.proxyType === 'MOBILE')!.orderId;
    const before = hits(sim, 'POST', '/extend/order');
    const r = await client.renew(
      { targets: [{ kind: 'order', id: order, label: order, expiresAt: null }], periodId: '30' },
      write,
    );
    expect(hits(sim, 'POST', '/extend/order')).toBe(before + 1);
    expect(r.items[0]?.outcome).toBe('applied');
    expect(r.items[0]?.newExpiresAt).toMatch(ISO);
  });

  it('renew with too little money → insufficient_funds (code 16), nothing charged', async () => {
    sim.setBalance(5);
    const ledgerBefore = sim.server.ledger.length;
    const ip = sim.state.ips.find((x) => x.proxyType === 'IPv4')!;
    await expect(
      client.renew({ targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: null }], periodId: '30' }, write),
    ).rejects.toMatchObject({ code: 'insufficient_funds', vendorCode: '16' });
    expect(sim.server.ledger.length).toBe(ledgerBefore);
    sim.setBalance(2503);
  });

  it('several proxy types in one renewal: one request each, totals summed, later failure reported per item', async () => {
    const v4 = sim.state.ips.find((x) => x.proxyType === 'IPv4' && x.dateEnd.getTime() > NOW.getTime())!;
    const mobileOrder = sim.state.ips.find((x) => x.proxyType === 'MOBILE')!.orderId;
    const mobileCount = sim.state.ips.filter((x) => x.orderId === mobileOrder).length;
    const targets = [
      { kind: 'ip' as const, id: v4.id, label: v4.ip, expiresAt: null },
      { kind: 'order' as const, id: mobileOrder, label: mobileOrder, expiresAt: null },
    ];
    sim.setBalance(200);
    const q = await client.quoteRenewal({ targets, periodId: '30' });
    expect(q.total.minor).toBe(175 + 2900 * mobileCount);
    expect(q.warnings.some((w) => w.code === '16' && w.blocking)).toBe(true);
    const ledgerBefore = sim.server.ledger.length;
    const r = await client.renew({ targets, periodId: '30' }, write);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'refused']);
    expect(r.items[1]?.message).toMatch(/balance is too low/);
    expect(r.charged).toEqual({ minor: 175, currency: 'USD' });
    expect(sim.server.ledger.length).toBe(ledgerBefore + 1);
    sim.setBalance(2503);
  });

  it('setAutoRenew by order and by IP; requires a period', async () => {
    const ipv4 = sim.state.ips.filter((x) => x.proxyType === 'IPv4');
    const order = ipv4[0]!.orderId;
    await client.setAutoRenew({ kind: 'order', ids: [order], enabled: true, periodId: '60' });
    for (const ip of sim.state.ips.filter((x) => x.orderId === order)) {
      expect(ip.autoExtend).toBe(true);
      expect(ip.autoExtendPeriod).toBe(60);
    }
    expect(hits(sim, 'POST', '/extend/order/auto')).toBe(1);
    const single = ipv4.at(-1)!;
    await client.setAutoRenew({ kind: 'ip', ids: [single.id], enabled: false, periodId: '30' });
    expect(single.autoExtend).toBe(false);
    expect(hits(sim, 'POST', '/extend/auto')).toBe(1);
    await expect(client.setAutoRenew({ kind: 'ip', ids: [single.id], enabled: true })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    const orders = await client.listOrders();
    expect(orders.find((o) => o.id === order)?.autoRenew).toBe(true);
  });

  it('unknown targets and bad periods are invalid_argument before any money call', async () => {
    const posts = sim.server.requests.filter((r) => r.method === 'POST').length;
    await expect(
      client.renew(
        { targets: [{ kind: 'ip', id: '1000000000000000000', label: 'x', expiresAt: null }], periodId: '30' },
        write,
      ),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(
      client.quoteRenewal({ targets: [{ kind: 'order', id: 'x', label: 'x', expiresAt: null }], periodId: 'monthly' }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(sim.server.requests.filter((r) => r.method === 'POST').length).toBe(posts);
  });

  it('operations YouProxy lacks are not_supported', async () => {
    await expect(client.listWhitelist()).rejects.toMatchObject({ code: 'not_supported' });
    await expect(client.listSubUsers()).rejects.toMatchObject({ code: 'not_supported' });
    await expect(client.getTraffic({ from: '2026-11-01', to: '2026-11-02', granularity: 'day' })).rejects.toMatchObject(
      { code: 'not_supported' },
    );
  });
});
